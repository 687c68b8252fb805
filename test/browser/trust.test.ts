// What the element does with hostile or unlucky input: signatures that expire mid-batch, a
// flood of refused files, names that spoof their extension, thumbnails that do not decode.
import { expect } from '@open-wc/testing';
import type { FileRejectedDetail, UploadErrorDetail } from '../../src/events.js';
import { jpegBytes, pngBytes, sampleFile } from '../helpers/sample-files.js';
import { collect, notices, previewsShown, recordedRequests, resetMocks, shadow, untilComplete, uploader } from '../helpers/element.js';

const photo = (name: string) => sampleFile(jpegBytes(2000), name, 'image/jpeg', 1_700_000_000_000);

describe('<mms-media-upload>: trust', () => {
  beforeEach(resetMocks);

  it('renews a signature that expires mid-batch once, for every file still waiting, before their requests start', async () => {
    // The signature is past its renewal margin (5 s before expiry) about 0.45 s after it is issued;
    // ten uploads of 0.3 s each, three at a time, take longer than that.
    const element = await uploader('endpoint="/mock/upload/slow" signature-endpoint="/mock/sign?ttl=5.45&renewedTtl=300"');
    const errors = collect<CustomEvent<UploadErrorDetail>>(element, 'upload-error');
    const files = Array.from({ length: 10 }, (_, i) => photo(`batch-${i}.jpg`));
    const detail = await untilComplete(element, () => element.addFiles(files));
    expect(detail.failed).to.equal(0);
    expect(errors).to.have.length(0);
    const requests = await recordedRequests();
    const signs = requests.filter((request) => request.url.startsWith('/mock/sign'));
    const uploads = requests.filter((request) => request.url.startsWith('/mock/upload'));
    expect(uploads).to.have.length(10, 'no upload was refused and sent again');
    expect(signs).to.have.length(2, 'one signature for the batch, one renewal');
    expect(signs[0].body!.files).to.have.length(10);
    const renewed = uploads.filter((request) => request.headers['x-signature'] === 'sig-2').map((request) => request.files[0].filename);
    expect(renewed.length).to.be.greaterThan(0);
    expect(signs[1].body!.files.map((file) => file.name).sort()).to.deep.equal(renewed.sort());
  });

  it('sums up 490 refusals of one kind in one short line, and still fires one event per file', async () => {
    const element = await uploader('manual');
    const rejected = collect<CustomEvent<FileRejectedDetail>>(element, 'file-rejected');
    const files = Array.from({ length: 500 }, (_, i) => sampleFile(jpegBytes(200 + i), `photo-${i}.jpg`, 'image/jpeg', 1_700_000_000_000));
    await element.addFiles(files);
    await element.updateComplete;
    expect(element.files).to.have.length(10);
    expect(rejected).to.have.length(490);
    expect(notices(element)).to.deep.equal(['490 files were not attached: only 10 files can be attached']);
    const region = shadow(element).querySelector<HTMLElement>('[part=error]')!;
    expect(region.getBoundingClientRect().height).to.be.below(120);
  });

  it('lists up to three refusals of one kind one by one', async () => {
    const element = await uploader('manual max-files="1"');
    await element.addFiles([photo('a.jpg'), photo('b.jpg'), photo('c.jpg'), photo('d.jpg')]);
    expect(notices(element)).to.deep.equal([
      'b.jpg: only 1 file can be attached',
      'c.jpg: only 1 file can be attached',
      'd.jpg: only 1 file can be attached',
    ]);
  });

  it('shows bidi controls in a name, so that an override cannot disguise its extension', async () => {
    const element = await uploader('manual');
    await element.addFiles([sampleFile(pngBytes(), 'invoice-\u202Egnp.exe', 'image/png')]);
    await element.updateComplete;
    const name = shadow(element).querySelector('[part=file-name]')!;
    expect(name.localName).to.equal('bdi');
    expect(name.textContent).to.equal('invoice-[U+202E]gnp.exe');
    const remove = shadow(element).querySelector('[part~=remove-button]')!;
    expect(remove.getAttribute('aria-label')).to.equal('Remove invoice-[U+202E]gnp.exe');
    expect(shadow(element).textContent).not.to.contain('\u202E');
  });

  it('shows the type icon when a thumbnail does not decode', async () => {
    const element = await uploader('manual');
    const truncated = jpegBytes(5000).slice(0, 600);
    await element.addFiles([sampleFile(truncated, 'cut.jpg', 'image/jpeg')]);
    await previewsShown(element);
    const preview = () => shadow(element).querySelector('[part=preview]')!;
    expect(preview().querySelector('img')).to.equal(null);
    expect(preview().querySelector('[role=img]')!.getAttribute('aria-label')).to.equal('File');
  });
});
