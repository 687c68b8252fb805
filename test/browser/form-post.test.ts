// A plain <form method="post"> sends the media URLs to a server with no script of the app's own.
import { expect, oneEvent } from '@open-wc/testing';
import { jpegBytes, pngBytes, sampleFile } from '../helpers/sample-files.js';
import { resetMocks } from '../helpers/element.js';
import type { MmsMediaUpload } from '../../src/mms-media-upload.js';

describe('native form post', () => {
  beforeEach(resetMocks);

  it('the browser posts one entry per media URL, read by a real server', async () => {
    const frame = document.createElement('iframe');
    frame.name = 'post-result';
    document.body.append(frame);
    const form = document.createElement('form');
    form.method = 'post';
    form.action = '/mock/form-post';
    form.target = 'post-result';
    form.innerHTML = `
      <input name="body" value="See the photos">
      <mms-media-upload name="media" required endpoint="/mock/upload/acrobits-json"></mms-media-upload>
      <button>Send</button>`;
    document.body.append(form);
    const element = form.querySelector('mms-media-upload') as MmsMediaUpload;
    const complete = oneEvent(element, 'upload-complete');
    await element.addFiles([sampleFile(jpegBytes(), 'one.jpg', 'image/jpeg'), sampleFile(pngBytes(), 'two.png', 'image/png')]);
    await complete;
    await element.updateComplete;

    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    form.querySelector('button')!.click(); // the browser's own submit, validation included
    await loaded;
    const result = JSON.parse(frame.contentDocument!.getElementById('received')!.textContent!);
    expect(result.contentType).to.equal('application/x-www-form-urlencoded');
    expect(result.received.body).to.deep.equal(['See the photos']);
    expect(result.received.media.sort()).to.deep.equal(['http://media.server.com/one.jpg', 'http://media.server.com/two.png']);
    form.remove();
    frame.remove();
  });
});
