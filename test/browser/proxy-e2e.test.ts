// End to end through the real signed proxy: element → /proxy/sign → /proxy/upload → mock Plivo.
import { expect, oneEvent } from '@open-wc/testing';
import { jpegBytes, pngBytes, sampleFile } from '../helpers/sample-files.js';
import { collect, uploader } from '../helpers/element.js';
import type { UploadErrorDetail } from '../../src/events.js';

interface PlivoRequest {
  path: string;
  authorization: string;
  files: { field: string; filename: string; type: string; size: number; head: string }[];
}

const plivoRequests = async (): Promise<PlivoRequest[]> => (await fetch('/proxy/plivo-requests')).json();

describe('element → signed proxy → Plivo', () => {
  it('uploads through the signature route and the proxy, and gets Plivo’s media URL', async () => {
    const before = (await plivoRequests()).length;
    const element = await uploader('provider="plivo" endpoint="/proxy/upload" signature-endpoint="/proxy/sign"');
    const mediaUrl = oneEvent(element, 'media-url');
    await element.addFiles([sampleFile(pngBytes(3000), 'screenshot.jpg', 'image/jpeg')]);
    const { detail } = await mediaUrl;
    expect(detail.mediaUrl).to.match(/^https:\/\/media\.plivo\.com\/Account\/MAODUMMYAUTHID0000\/Media\/[0-9a-f-]{36}$/);
    expect(detail.mediaId).to.match(/^[0-9a-f-]{36}$/);
    expect(detail.file).to.deep.include({ name: 'screenshot.jpg', type: 'image/png', size: 3000 });

    const requests = (await plivoRequests()).slice(before);
    expect(requests).to.have.length(1);
    expect(requests[0].path).to.equal('/v1/Account/MAODUMMYAUTHID0000/Media/');
    expect(requests[0].authorization).to.match(/^Basic /);
    expect(requests[0].files[0]).to.deep.include({ field: 'file', filename: 'screenshot.png', type: 'image/png', size: 3000 }); // named by its bytes
    expect(requests[0].files[0].head).to.equal('89504e470d0a1a0a');
  });

  it('the proxy checks again: without a signature the upload is refused with its message', async () => {
    const element = await uploader('endpoint="/proxy/upload"');
    const errors = collect<CustomEvent<UploadErrorDetail>>(element, 'upload-error');
    const complete = oneEvent(element, 'upload-complete');
    await element.addFiles([sampleFile(jpegBytes(), 'photo.jpg', 'image/jpeg')]);
    await complete;
    expect(errors[0].detail.status).to.equal(401);
    expect(errors[0].detail.message).to.match(/^photo\.jpg: /);
    expect(errors[0].detail.message.length).to.be.greaterThan('photo.jpg: '.length);
  });
});
