import { expect, oneEvent } from '@open-wc/testing';
import type { FileRejectedDetail, MediaUrlDetail, UploadErrorDetail } from '../../src/events.js';
import { exeBytes, jpegBytes, mp4Bytes, pdfBytes, pngBytes, sampleFile, svgBytes, textBytes } from '../helpers/sample-files.js';
import { announcedFailures, collect, notices, recordedRequests, resetMocks, shadow, untilComplete, uploader } from '../helpers/element.js';

const photo = (name = 'photo.jpg', size?: number, lastModified = 1_700_000_000_000) =>
  sampleFile(jpegBytes(size), name, 'image/jpeg', lastModified);

describe('<mms-media-upload>: limits and type checks', () => {
  beforeEach(resetMocks);

  it('gives the limits in force: defaults, a preset, then explicit attributes', async () => {
    const element = await uploader('manual');
    expect(element.maxFiles).to.equal(10);
    expect(element.maxFileSize).to.equal(2_097_152);
    expect(element.accept).to.equal('image/jpeg,image/png,image/gif,video/mp4,application/pdf,text/plain');
    element.provider = 'bandwidth';
    expect(element.maxFileSize).to.equal(3_670_016);
    element.provider = 'openmarket';
    expect(element.maxFileSize).to.equal(104_857_600);
    expect(element.accept).to.contain('video/quicktime');
    element.setAttribute('max-file-size', '1000');
    element.provider = 'acrobits';
    expect(element.maxFileSize).to.equal(1000);
    expect(element.accept).to.equal('image/jpeg,video/mp4');
    await element.updateComplete;
    const input = shadow(element).querySelector('input[type=file]') as HTMLInputElement;
    expect(input.accept).to.equal('image/jpeg,video/mp4');
    expect(input.multiple).to.equal(true);
  });

  it('keeps the first 10 of 11 files and refuses the 11th by name', async () => {
    const element = await uploader('manual');
    const rejected = collect<CustomEvent<FileRejectedDetail>>(element, 'file-rejected');
    const files = Array.from({ length: 11 }, (_, i) => photo(`photo${i + 1}.jpg`, 200 + i));
    await element.addFiles(files);
    expect(element.files.map((file) => file.name)).to.deep.equal(files.slice(0, 10).map((file) => file.name));
    expect(rejected).to.have.length(1);
    expect(rejected[0].detail.reason).to.equal('too-many-files');
    expect(rejected[0].detail.message).to.equal('photo11.jpg: only 10 files can be attached');
    expect(notices(element)).to.deep.equal(['photo11.jpg: only 10 files can be attached']);
  });

  it('accepts exactly 2 MB and refuses one byte more, without rounding down (fit="off": nothing is resized)', async () => {
    const element = await uploader('manual fit="off"');
    const rejected = collect<CustomEvent<FileRejectedDetail>>(element, 'file-rejected');
    await element.addFiles([photo('exact.jpg', 2_097_152), photo('over.jpg', 2_097_153)]);
    expect(element.files.map((file) => file.name)).to.deep.equal(['exact.jpg']);
    expect(rejected[0].detail).to.deep.include({ reason: 'file-too-large', message: 'over.jpg is 2.01 MB; the limit is 2 MB' });
    expect(rejected[0].detail.file).to.deep.equal({ name: 'over.jpg', size: 2_097_153, type: 'image/jpeg' });
  });

  it('names the size in human units', async () => {
    const element = await uploader('manual');
    const rejected = collect<CustomEvent<FileRejectedDetail>>(element, 'file-rejected');
    await element.addFiles([sampleFile(mp4Bytes(5_557_453), 'holiday.mov', 'video/quicktime')]);
    expect(rejected[0].detail).to.deep.include({ reason: 'file-too-large', message: "holiday.mov is 5.3 MB; videos can't be shrunk here, the limit is 2 MB" });
  });

  it('refuses empty files, duplicates, a renamed .exe and SVG, each with its reason', async () => {
    const element = await uploader('manual');
    const rejected = collect<CustomEvent<FileRejectedDetail>>(element, 'file-rejected');
    await element.addFiles([
      photo('a.jpg'),
      photo('a.jpg'),
      sampleFile(new Uint8Array(0), 'empty.txt', 'text/plain'),
      sampleFile(exeBytes(), 'cat.jpg', 'image/jpeg'),
      sampleFile(svgBytes(), 'logo.svg', 'image/svg+xml'),
      sampleFile(svgBytes(), 'notes.txt', 'text/plain'),
    ]);
    expect(element.files.map((file) => file.name)).to.deep.equal(['a.jpg']);
    expect(rejected.map((event) => event.detail.reason)).to.deep.equal([
      'duplicate',
      'empty-file',
      'type-not-allowed',
      'type-not-allowed',
      'type-not-allowed',
    ]);
    expect(rejected[0].detail.message).to.equal('a.jpg is already attached');
    expect(rejected[1].detail.message).to.equal('empty.txt is empty');
    expect(rejected[2].detail.message).to.equal('cat.jpg: its contents are not of a type that can be attached; allowed: JPEG, PNG, GIF, MP4, PDF, text');
    expect(rejected[2].detail.file.type).to.equal('image/jpeg');
    expect(rejected[3].detail.message).to.contain('logo.svg is a web page or drawing');
    expect(rejected[4].detail.file.type).to.equal('text/plain');
  });

  it('accepts a PNG named .jpg as image/png and a text file as text/plain', async () => {
    const element = await uploader('manual');
    await element.addFiles([
      sampleFile(pngBytes(), 'really-a-png.jpg', 'image/jpeg'),
      sampleFile(textBytes(), 'note.txt', 'text/plain'),
      sampleFile(pdfBytes(), 'doc.pdf', ''),
      sampleFile(mp4Bytes(), 'clip.mp4', 'video/mp4'),
    ]);
    expect(element.files.map((file) => [file.name, file.type])).to.deep.equal([
      ['really-a-png.jpg', 'image/png'],
      ['note.txt', 'text/plain'],
      ['doc.pdf', 'application/pdf'],
      ['clip.mp4', 'video/mp4'],
    ]);
  });

  it('a duplicate can be added again after it was removed', async () => {
    const element = await uploader('manual');
    await element.addFiles([photo('a.jpg')]);
    element.removeFile(element.files[0].id);
    await element.addFiles([photo('a.jpg')]);
    expect(element.files).to.have.length(1);
  });
});

describe('<mms-media-upload>: uploads and server answers', () => {
  beforeEach(resetMocks);

  it('uploads one multipart request per file with the sniffed type (and its extension) and fires media-url', async () => {
    const element = await uploader('endpoint="/mock/upload/acrobits-json"');
    const urls = collect<CustomEvent<MediaUrlDetail>>(element, 'media-url');
    const changes = collect<Event>(element, 'change');
    const detail = await untilComplete(element, () =>
      element.addFiles([sampleFile(pngBytes(), 'png named.jpg', 'image/jpeg'), photo('b.jpg')]),
    );
    expect(detail.failed).to.equal(0);
    expect(detail.mediaUrls).to.have.length(2);
    expect(urls.map((event) => event.detail.mediaUrl).sort()).to.deep.equal([
      'http://media.server.com/b.jpg',
      'http://media.server.com/png%20named.png',
    ]);
    expect(urls[0].bubbles && urls[0].composed).to.equal(true);
    expect(changes).to.have.length(2);
    const requests = await recordedRequests();
    expect(requests).to.have.length(2);
    const png = requests.find((request) => request.files[0].filename === 'png named.png')!;
    expect(png.method).to.equal('POST');
    expect(png.files[0]).to.deep.include({ field: 'file', type: 'image/png' });
    expect(png.fields).to.deep.equal({});
    expect(element.value.sort()).to.deep.equal(['http://media.server.com/b.jpg', 'http://media.server.com/png%20named.png']);
    expect(element.files.every((file) => file.status === 'uploaded' && file.progress === 1)).to.equal(true);
  });

  it('uses PUT and another field name when asked', async () => {
    const element = await uploader('endpoint="/mock/upload/acrobits-xml" method="PUT" field-name="media"');
    const event = oneEvent(element, 'media-url');
    await element.addFiles([photo()]);
    expect((await event).detail.mediaUrl).to.equal('http://media.server.com/video_1234567890.mp4');
    const [request] = await recordedRequests();
    expect(request.method).to.equal('PUT');
    expect(request.files[0].field).to.equal('media');
  });

  it('reads Plivo objects[] and OpenMarket Location', async () => {
    const plivo = await uploader('endpoint="/mock/upload/plivo"');
    const plivoEvent = oneEvent(plivo, 'media-url');
    await plivo.addFiles([photo()]);
    expect((await plivoEvent).detail).to.deep.include({
      mediaUrl: 'https://media.plivo.com/Account/MAXXXX/Media/801c2056-33ab-499c-80ef-58b574a462a2',
      mediaId: '801c2056-33ab-499c-80ef-58b574a462a2',
    });
    const openMarket = await uploader('endpoint="/mock/upload/openmarket"');
    const omEvent = oneEvent(openMarket, 'media-url');
    await openMarket.addFiles([photo()]);
    expect((await omEvent).detail.mediaUrl).to.match(/^https:\/\/s3-us-west-1\.amazonaws\.com\//);
  });

  it('resolves a relative Location against the upload URL', async () => {
    const element = await uploader('endpoint="/mock/upload/relative-location"');
    const event = oneEvent(element, 'media-url');
    await element.addFiles([photo()]);
    expect((await event).detail.mediaUrl).to.equal(new URL('/media/abc123', location.href).href);
  });

  const failures: [string, string, number | undefined][] = [
    ['acrobits-402', 'photo.jpg: Not enough credit', 402],
    ['openmarket-400', 'photo.jpg: Missing IDS account ID; Supplied file size does not match content', 400],
    ['text-400', 'photo.jpg: File type not supported by carrier', 400],
    ['json-error-object', 'photo.jpg: Media is corrupt', 422],
    ['no-url', 'photo.jpg: upload failed: the server answered 200 without a media URL', 200],
    ['javascript-url', 'photo.jpg: upload failed: the server answered with a media URL that is not http or https', 200],
  ];
  for (const [kind, message, status] of failures) {
    it(`shows the server's answer for ${kind} and keeps the file for retry`, async () => {
      const element = await uploader(`endpoint="/mock/upload/${kind}"`);
      const errors = collect<CustomEvent<UploadErrorDetail>>(element, 'upload-error');
      const detail = await untilComplete(element, () => element.addFiles([photo()]));
      expect(detail).to.deep.equal({ mediaUrls: [], failed: 1 });
      expect(errors).to.have.length(1);
      expect(errors[0].detail.message).to.equal(message);
      expect(errors[0].detail.status).to.equal(status);
      expect(element.files[0]).to.deep.include({ status: 'failed', error: message });
      expect(notices(element)).to.deep.equal([], 'the row shows the failure; the message area shows refusals');
      expect(announcedFailures(element)).to.deep.equal([message]);
      expect(shadow(element).querySelector('[part=retry-button]')).to.exist;
      expect((await recordedRequests()).length).to.equal(1, '4xx and bad 2xx are never retried');
    });
  }

  it('shows a message holding HTML as text, never as markup', async () => {
    const element = await uploader('endpoint="/mock/upload/html-message"');
    await untilComplete(element, () => element.addFiles([photo()]));
    for (const shown of [shadow(element).querySelector('[part=file-error]')!, shadow(element).querySelector('.visually-hidden[role=alert]')!]) {
      expect(shown.textContent).to.contain('<img src=x onerror="window.__pwned=true">bad file');
      expect(shown.querySelector('img')).to.equal(null);
    }
    expect((window as { __pwned?: boolean }).__pwned).to.equal(undefined);
  });

  it('retries a 502 HTML page three times, then fails with the status, never the HTML', async () => {
    const element = await uploader('endpoint="/mock/upload/html-502"');
    const errors = collect<CustomEvent<UploadErrorDetail>>(element, 'upload-error');
    await untilComplete(element, () => element.addFiles([photo()]));
    expect(errors[0].detail).to.deep.include({ message: 'photo.jpg: upload failed: the server answered 502', status: 502 });
    expect((await recordedRequests()).length).to.equal(4);
  });

  it('reports a dropped connection as a network error without a status', async () => {
    const element = await uploader('endpoint="/mock/upload/drop"');
    const errors = collect<CustomEvent<UploadErrorDetail>>(element, 'upload-error');
    await untilComplete(element, () => element.addFiles([photo()]));
    expect(errors[0].detail.message).to.equal('photo.jpg: upload failed: the connection to the server was lost');
    expect(errors[0].detail).not.to.have.property('status');
  });

  it('times out an upload that makes no progress', async () => {
    const element = await uploader('endpoint="/mock/upload/hang" upload-timeout="300"');
    const errors = collect<CustomEvent<UploadErrorDetail>>(element, 'upload-error');
    await untilComplete(element, () => element.addFiles([photo()]));
    expect(errors[0].detail.message).to.equal('photo.jpg: upload failed: no progress for 0.3 seconds');
    expect(errors[0].detail).not.to.have.property('status');
  });

  it('never times out an answer that keeps arriving, however long it takes in all', async () => {
    // upload-timeout="400": the answer takes about a second, a piece every 150 ms.
    const element = await uploader('endpoint="/mock/upload/drip" upload-timeout="400"');
    const errors = collect<CustomEvent<UploadErrorDetail>>(element, 'upload-error');
    const detail = await untilComplete(element, () => element.addFiles([photo('drip.jpg')]));
    expect(errors).to.have.length(0);
    expect(detail).to.deep.equal({ mediaUrls: ['http://media.server.com/drip.jpg'], failed: 0 });
    expect((await recordedRequests()).length).to.equal(1, 'one attempt: nothing was aborted and retried');
  });

  it('honours Retry-After on a 503 and then succeeds', async () => {
    const element = await uploader('endpoint="/mock/upload/busy-once"');
    const detail = await untilComplete(element, () => element.addFiles([photo('busy.jpg')]));
    expect(detail).to.deep.equal({ mediaUrls: ['http://media.server.com/busy.jpg'], failed: 0 });
    expect((await recordedRequests()).length).to.equal(2);
  });

  it('a failed file can be retried and then succeeds', async () => {
    const element = await uploader('endpoint="/mock/upload/forbidden"');
    await untilComplete(element, () => element.addFiles([photo()]));
    expect(element.files[0].status).to.equal('failed');
    await element.updateComplete;
    expect(element.checkValidity()).to.equal(false);
    expect(element.validationMessage).to.equal('An upload failed: retry it or remove the file');
    element.endpoint = '/mock/upload/acrobits-json';
    const detail = await untilComplete(element, () =>
      (shadow(element).querySelector('[part=retry-button]') as HTMLButtonElement).click(),
    );
    expect(detail.failed).to.equal(0);
    expect(element.files[0].status).to.equal('uploaded');
  });

  it('manual mode waits for upload()', async () => {
    const element = await uploader('endpoint="/mock/upload/acrobits-json" manual');
    await element.addFiles([photo()]);
    expect(element.files[0].status).to.equal('pending');
    expect(await recordedRequests()).to.have.length(0);
    const detail = await untilComplete(element, () => element.upload());
    expect(detail.mediaUrls).to.deep.equal(['http://media.server.com/photo.jpg']);
  });

  it('parseResponse replaces the reader, and its Error message is shown', async () => {
    const element = await uploader('endpoint="/mock/upload/no-url"');
    element.parseResponse = (body) => {
      if (JSON.parse(body).ok) throw new Error('The media store is full');
      return { mediaUrl: 'https://never.example/' };
    };
    const errors = collect<CustomEvent<UploadErrorDetail>>(element, 'upload-error');
    await untilComplete(element, () => element.addFiles([photo()]));
    expect(errors[0].detail.message).to.equal('photo.jpg: The media store is full');
  });
});

describe('<mms-media-upload>: signing', () => {
  beforeEach(resetMocks);

  it('asks the signature endpoint, then sends its headers and fields', async () => {
    const element = await uploader('endpoint="/mock/upload/signed" signature-endpoint="/mock/sign"');
    const detail = await untilComplete(element, () =>
      element.addFiles([sampleFile(pngBytes(), 'x.jpg', 'image/jpeg'), photo('y.jpg')]),
    );
    expect(detail.failed).to.equal(0);
    const [sign, ...uploads] = await recordedRequests();
    expect(sign.url).to.equal('/mock/sign');
    expect(sign.body).to.deep.equal({
      files: [
        { name: 'x.jpg', size: pngBytes().length, type: 'image/png' },
        { name: 'y.jpg', size: jpegBytes().length, type: 'image/jpeg' },
      ],
    });
    expect(uploads).to.have.length(2);
    for (const upload of uploads) {
      expect(upload.headers['x-signature']).to.equal('sig-1');
      expect(upload.fields).to.deep.equal({ token: 'token-1' });
    }
  });

  it('re-signs once after a 401 and succeeds', async () => {
    const element = await uploader('endpoint="/mock/upload/signed"');
    let calls = 0;
    element.signer = async () => {
      calls += 1;
      // The first signature is stale; the mock only takes the newest one it issued.
      const response = await fetch('/mock/sign', { method: 'POST', body: '{}' });
      const signature = await response.json();
      if (calls === 1) await fetch('/mock/sign', { method: 'POST', body: '{}' });
      return signature;
    };
    const errors = collect<CustomEvent<UploadErrorDetail>>(element, 'upload-error');
    const detail = await untilComplete(element, () => element.addFiles([photo()]));
    expect(detail.failed).to.equal(0);
    expect(errors).to.have.length(0);
    expect(calls).to.equal(2);
  });

  it('renews an expired signature before use', async () => {
    const element = await uploader('endpoint="/mock/upload/acrobits-json" signature-endpoint="/mock/sign?ttl=-10" manual');
    await element.addFiles([photo('one.jpg')]);
    await untilComplete(element, () => element.upload());
    await element.addFiles([photo('two.jpg')]);
    await untilComplete(element, () => element.upload());
    const signs = (await recordedRequests()).filter((request) => request.url.startsWith('/mock/sign'));
    expect(signs).to.have.length(2);
  });

  it('shows the signature endpoint failing', async () => {
    const element = await uploader('endpoint="/mock/upload/acrobits-json" signature-endpoint="/mock/upload/forbidden"');
    const errors = collect<CustomEvent<UploadErrorDetail>>(element, 'upload-error');
    await untilComplete(element, () => element.addFiles([photo()]));
    expect(errors[0].detail).to.deep.include({ message: 'photo.jpg: could not get permission to upload: Not allowed', status: 403 });
    expect(element.files[0].status).to.equal('failed');
  });
});

describe('<mms-media-upload>: forms', () => {
  beforeEach(resetMocks);

  it('puts one FormData entry per media URL, blocks a required submit, and resets', async () => {
    const form = document.createElement('form');
    form.innerHTML = '<mms-media-upload name="media" required endpoint="/mock/upload/slow"></mms-media-upload>';
    document.body.append(form);
    const element = form.querySelector('mms-media-upload')!;
    // The slow endpoint answers after 300 ms: the uploads are still running when the form is checked.
    await element.updateComplete;
    expect(form.checkValidity()).to.equal(false);
    expect(element.validity.valueMissing).to.equal(true);

    const complete = oneEvent(element, 'upload-complete');
    const adding = element.addFiles([photo('a.jpg'), photo('b.jpg')]);
    await adding;
    await element.updateComplete;
    expect(element.validationMessage).to.equal('Wait until the uploads have finished');
    expect(form.checkValidity()).to.equal(false);
    await complete;
    await element.updateComplete;
    expect(form.checkValidity()).to.equal(true);
    expect(new FormData(form).getAll('media').sort()).to.deep.equal([
      'http://media.server.com/a.jpg',
      'http://media.server.com/b.jpg',
    ]);
    const changes = collect<Event>(element, 'change');
    form.reset();
    await element.updateComplete;
    expect(element.files).to.have.length(0);
    expect(new FormData(form).getAll('media')).to.deep.equal([]);
    expect(changes).to.have.length(0);
    form.remove();
  });

  it('a required field blocks the browser submit until an upload is done, and while one is in flight', async () => {
    const form = document.createElement('form');
    form.innerHTML = '<mms-media-upload name="media" required endpoint="/mock/upload/busy-once"></mms-media-upload>';
    document.body.append(form);
    const element = form.querySelector('mms-media-upload')!;
    const submits = collect<SubmitEvent>(form, 'submit');
    form.addEventListener('submit', (event) => event.preventDefault());
    await element.updateComplete;
    form.requestSubmit();
    expect(submits).to.have.length(0);
    const complete = oneEvent(element, 'upload-complete');
    await element.addFiles([photo('slow.jpg')]);
    await element.updateComplete;
    form.requestSubmit(); // the first answer is a 503 with Retry-After: still in flight
    expect(submits).to.have.length(0);
    await complete;
    await element.updateComplete;
    form.requestSubmit();
    expect(submits).to.have.length(1);
    expect(new FormData(form).getAll('media')).to.deep.equal(['http://media.server.com/slow.jpg']);
    form.remove();
  });

  it('is disabled by a disabled fieldset', async () => {
    const form = document.createElement('form');
    form.innerHTML = '<fieldset disabled><mms-media-upload manual></mms-media-upload></fieldset>';
    document.body.append(form);
    const element = form.querySelector('mms-media-upload')!;
    await element.updateComplete;
    expect((shadow(element).querySelector('[part=browse-button]') as HTMLButtonElement).disabled).to.equal(true);
    await element.addFiles([photo()]);
    expect(element.files).to.have.length(0);
    expect(notices(element)).to.deep.equal(['Attaching files is disabled']);
    form.remove();
  });

  it('setting value by script shows the URLs without a change event', async () => {
    const element = await uploader('name="media" manual');
    const changes = collect<Event>(element, 'change');
    element.value = ['https://cdn.example.test/a.png'];
    await element.updateComplete;
    expect(element.value).to.deep.equal(['https://cdn.example.test/a.png']);
    expect(element.files[0]).to.deep.include({ name: 'a.png', status: 'uploaded' });
    expect(changes).to.have.length(0);
  });
});

describe('<mms-media-upload>: interaction', () => {
  beforeEach(resetMocks);

  it('shows the drop state while files are dragged over any part of it, and takes drops on the list', async () => {
    const element = await uploader('manual');
    await element.addFiles([photo('first.jpg')]);
    await element.updateComplete;
    const transfer = new DataTransfer();
    transfer.items.add(photo('onto-list.jpg'));
    const list = shadow(element).querySelector('[part=file-list]')!;
    list.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true, composed: true }));
    await element.updateComplete;
    expect(element.hasAttribute('dragover')).to.equal(true);
    element.dispatchEvent(new DragEvent('dragleave', { dataTransfer: transfer, bubbles: true, composed: true, relatedTarget: document.body }));
    await element.updateComplete;
    expect(element.hasAttribute('dragover')).to.equal(false);
    list.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true, composed: true }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(element.files.map((file) => file.name)).to.deep.equal(['first.jpg', 'onto-list.jpg']);
  });

  it('adds dropped and pasted files', async () => {
    const element = await uploader('manual');
    const drop = new DataTransfer();
    drop.items.add(photo('dropped.jpg'));
    shadow(element).querySelector('[part=dropzone]')!.dispatchEvent(
      new DragEvent('drop', { dataTransfer: drop, bubbles: true, cancelable: true, composed: true }),
    );
    const paste = new DataTransfer();
    paste.items.add(sampleFile(pngBytes(), 'pasted.png', 'image/png'));
    const button = shadow(element).querySelector('[part=browse-button]') as HTMLButtonElement;
    button.dispatchEvent(new ClipboardEvent('paste', { clipboardData: paste, bubbles: true, composed: true }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(element.files.map((file) => file.name).sort()).to.deep.equal(['dropped.jpg', 'pasted.png']);
  });

  it('the remove button removes the file, fires change for an uploaded one, and keeps focus in the list', async () => {
    const element = await uploader('endpoint="/mock/upload/acrobits-json"');
    await untilComplete(element, () => element.addFiles([photo('a.jpg'), photo('b.jpg')]));
    const changes = collect<Event>(element, 'change');
    const removeButtons = shadow(element).querySelectorAll<HTMLButtonElement>('[part~=remove-button]');
    expect(removeButtons[0].getAttribute('aria-label')).to.equal('Remove a.jpg');
    removeButtons[0].click();
    await element.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(element.files.map((file) => file.name)).to.deep.equal(['b.jpg']);
    expect(changes).to.have.length(1);
    expect(shadow(element).activeElement?.getAttribute('aria-label')).to.equal('Remove b.jpg');
  });

  it('removing an uploading file cancels its request', async () => {
    const element = await uploader('endpoint="/mock/upload/hang"');
    await element.addFiles([photo()]);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(element.files[0].status).to.equal('uploading');
    const complete = oneEvent(element, 'upload-complete');
    element.removeFile(element.files[0].id);
    expect((await complete).detail).to.deep.equal({ mediaUrls: [], failed: 0 });
    expect(element.files).to.have.length(0);
  });

  it('every visible string can be replaced', async () => {
    const element = await uploader('manual');
    element.strings = { browse: 'Parcourir', dropLabel: 'Déposez vos fichiers', emptyFile: ({ name }) => `${name} est vide` };
    await element.updateComplete;
    expect(shadow(element).querySelector('[part=browse-button]')!.textContent!.trim()).to.equal('Parcourir');
    await element.addFiles([sampleFile(new Uint8Array(0), 'vide.txt', 'text/plain')]);
    expect(notices(element)).to.deep.equal(['vide.txt est vide']);
  });
});

describe('<mms-media-upload>: markup', () => {
  it('refuses SVG even when accept allows image/*', async () => {
    const element = await uploader('manual accept="image/*"');
    const rejected = collect<CustomEvent<FileRejectedDetail>>(element, 'file-rejected');
    await element.addFiles([sampleFile(svgBytes(), 'logo.png', 'image/png'), sampleFile(pngBytes(), 'ok.png', 'image/png')]);
    expect(element.files.map((file) => file.name)).to.deep.equal(['ok.png']);
    expect(rejected[0].detail.reason).to.equal('type-not-allowed');
  });
});
