// Codes on the wire, words at the edge: every refusal and failure reaches the page with its
// reason code, and the words come from the element's own strings (French end to end on a
// French page), the server's message standing in only for codes the element does not know.
import { expect } from '@open-wc/testing';
import type { FileRejectedDetail, UploadErrorDetail } from '../../src/events.js';
import { FRENCH } from '../../src/locales/fr.js';
import { exeBytes, jpegBytes, sampleFile } from '../helpers/sample-files.js';
import { announcedFailures, collect, recordedRequests, resetMocks, untilComplete, uploader } from '../helpers/element.js';

const photo = (name = 'photo.jpg', size = 2000, lastModified = 1_700_000_000_000) =>
  sampleFile(jpegBytes(size), name, 'image/jpeg', lastModified);

async function failureOf(attributes: string, setUp?: (element: Awaited<ReturnType<typeof uploader>>) => void) {
  const element = await uploader(attributes);
  setUp?.(element);
  const errors = collect<CustomEvent<UploadErrorDetail>>(element, 'upload-error');
  const complete = await untilComplete(element, () => element.addFiles([photo()]));
  return { element, errors, complete };
}

describe('<mms-media-upload>: reasons of failures', () => {
  beforeEach(resetMocks);

  const reasons: [string, string, string][] = [
    ['endpoint="/mock/upload/drop"', 'network', 'photo.jpg: upload failed: the connection to the server was lost'],
    ['endpoint="/mock/upload/hang" upload-timeout="300"', 'timeout', 'photo.jpg: upload failed: no progress for 0.3 seconds'],
    ['endpoint="/mock/upload/no-url"', 'bad-response', 'photo.jpg: upload failed: the server answered 200 without a media URL'],
    ['endpoint="/mock/upload/acrobits-402"', 'bad-response', 'photo.jpg: Not enough credit'],
    ['endpoint="/mock/upload/code-provider-failed"', 'provider-failed', 'photo.jpg: upload failed: the messaging provider could not store the file; try again later'],
    ['endpoint="/mock/upload/code-unknown"', 'quota-exceeded', 'photo.jpg: Your monthly media quota is used up'],
    ['endpoint="/mock/upload/acrobits-json" signature-endpoint="/mock/upload/forbidden"', 'signing-failed', 'photo.jpg: could not get permission to upload: Not allowed'],
  ];
  for (const [attributes, reason, message] of reasons) {
    it(`gives upload-error the reason ${reason} (${attributes})`, async () => {
      const { errors, complete } = await failureOf(attributes);
      expect(errors).to.have.length(1);
      expect(errors[0].detail).to.deep.include({ reason, message });
      expect(complete.failed).to.equal(1);
    });
  }

  it('shows the server refusals of a French page in French, with the limits the server named', async () => {
    const setUp = (element: Awaited<ReturnType<typeof uploader>>) => {
      element.strings = FRENCH;
    };
    const type = await failureOf('lang="fr" endpoint="/mock/upload/code-415"', setUp);
    expect(type.errors[0].detail).to.deep.include({
      reason: 'type-not-allowed',
      status: 415,
      message: 'photo.jpg n’est pas d’un type autorisé\u00a0; types autorisés\u00a0: PNG et PDF',
    });
    const size = await failureOf('lang="fr" endpoint="/mock/upload/code-413"', setUp);
    expect(size.errors[0].detail.reason).to.equal('file-too-large');
    expect(size.errors[0].detail.message).to.equal('photo.jpg dépasse 1 Mo');
    expect(announcedFailures(size.element)).to.deep.equal(['photo.jpg dépasse 1 Mo']);
    const provider = await failureOf('lang="fr" endpoint="/mock/upload/code-provider-failed"', setUp);
    expect(provider.element.files[0].error).to.equal(
      'photo.jpg\u00a0: échec de l’envoi\u00a0: l’opérateur de messagerie n’a pas pu enregistrer le fichier\u00a0; réessayez plus tard',
    );
  });

  it('words follow the strings in force, also for a failure shown before they changed', async () => {
    const { element } = await failureOf('endpoint="/mock/upload/code-provider-failed"');
    element.strings = FRENCH;
    await element.updateComplete;
    expect(element.files[0].error).to.contain('l’opérateur de messagerie');
    expect(announcedFailures(element)[0]).to.contain('l’opérateur de messagerie');
  });
});

describe('<mms-media-upload>: parseResponse results are checked', () => {
  beforeEach(resetMocks);

  const results: [string, unknown, string][] = [
    ['no mediaUrl', {}, 'photo.jpg: upload failed: the server answered 200 without a media URL'],
    ['{ url } instead of { mediaUrl }', { url: 'https://cdn.example.test/a.jpg' }, 'photo.jpg: upload failed: the server answered 200 without a media URL'],
    ['a javascript: URL', { mediaUrl: 'javascript:alert(1)' }, 'photo.jpg: upload failed: the server answered with a media URL that is not http or https'],
    ['nothing at all', undefined, 'photo.jpg: upload failed: the server answered 200 without a media URL'],
  ];
  for (const [what, result, message] of results) {
    it(`fails the file, never leaves it uploading, when parseResponse returns ${what}`, async () => {
      const { element, errors, complete } = await failureOf('endpoint="/mock/upload/acrobits-json"', (element) => {
        element.parseResponse = () => result as never;
      });
      expect(complete).to.deep.equal({ mediaUrls: [], failed: 1 });
      expect(errors[0].detail).to.deep.include({ reason: 'bad-response', message, status: 200 });
      expect(element.files[0].status).to.equal('failed');
      expect(element.validity.valid).to.equal(false);
    });
  }

  it('resolves a relative mediaUrl from parseResponse against the upload URL', async () => {
    const element = await uploader('endpoint="/mock/upload/acrobits-json"');
    element.parseResponse = () => ({ mediaUrl: 'media/1.jpg', mediaId: '1' });
    const complete = await untilComplete(element, () => element.addFiles([photo()]));
    expect(complete.mediaUrls).to.deep.equal([new URL('/mock/upload/media/1.jpg', location.href).href]);
  });
});

describe('<mms-media-upload>: refusals in the browser', () => {
  beforeEach(resetMocks);

  it('refuses the same file added again, by name, in a later batch and after it was uploaded', async () => {
    const element = await uploader('endpoint="/mock/upload/acrobits-json"');
    const rejected = collect<CustomEvent<FileRejectedDetail>>(element, 'file-rejected');
    await untilComplete(element, () => element.addFiles([photo('same.jpg')]));
    await element.addFiles([photo('same.jpg')]);
    await element.addFiles([photo('same.jpg'), photo('other.jpg', 3000)]);
    expect(rejected.map((event) => [event.detail.reason, event.detail.message])).to.deep.equal([
      ['duplicate', 'same.jpg is already attached'],
      ['duplicate', 'same.jpg is already attached'],
    ]);
    expect(element.files.map((file) => file.name)).to.deep.equal(['same.jpg', 'other.jpg']);
  });

  it('refuses bytes of no known type whatever accept says', async () => {
    const element = await uploader('manual accept="*/*"');
    const rejected = collect<CustomEvent<FileRejectedDetail>>(element, 'file-rejected');
    await element.addFiles([sampleFile(exeBytes(), 'setup.jpg', 'image/jpeg'), sampleFile(new Uint8Array([0, 1, 2, 3, 250, 251]), 'blob.bin', '')]);
    expect(element.files).to.have.length(0);
    expect(rejected.map((event) => event.detail.reason)).to.deep.equal(['type-not-allowed', 'type-not-allowed']);
    expect(rejected[0].detail.message).to.equal('setup.jpg: its contents are not of a type that can be attached; allowed: any known type');
  });

  it('refuses a file over the message total as total-too-large', async () => {
    const element = await uploader('manual fit="off" max-total-size="5000"');
    const rejected = collect<CustomEvent<FileRejectedDetail>>(element, 'file-rejected');
    await element.addFiles([photo('a.jpg', 3000), photo('b.jpg', 3000)]);
    expect(rejected.map((event) => [event.detail.reason, event.detail.message])).to.deep.equal([
      ['total-too-large', 'b.jpg: all files together may be at most 5 KB'],
    ]);
    expect((await recordedRequests()).length).to.equal(0);
  });
});
