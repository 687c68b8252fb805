// End to end into S3: element → /proxy-s3/sign → /proxy-s3/upload → a real S3 API on 127.0.0.1 →
// media-url, and Node then GETs that URL and gets the same bytes, type and length.
import { expect, oneEvent } from '@open-wc/testing';
import { jpegBytes, sampleFile } from '../helpers/sample-files.js';
import { uploader } from '../helpers/element.js';

interface Fetched {
  status: number;
  contentType: string | null;
  contentLength: string | null;
  contentDisposition: string | null;
  sha256: string;
}

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

describe('element → signed proxy → S3', () => {
  it('uploads into S3 and gives a media URL that serves the same bytes', async () => {
    const bytes = jpegBytes(180_000);
    const element = await uploader('endpoint="/proxy-s3/upload" signature-endpoint="/proxy-s3/sign"');
    const mediaUrl = oneEvent(element, 'media-url');
    await element.addFiles([sampleFile(bytes, 'Beach at sunset.jpg', 'image/jpeg')]);
    const { detail } = await mediaUrl;
    expect(detail.mediaUrl).to.match(/^http:\/\/127\.0\.0\.1:\d+\/media\/e2e\/[A-Za-z0-9_-]{22}\.jpg$/);
    expect(detail.mediaId).to.equal(new URL(detail.mediaUrl).pathname.replace(/^\/media\//, ''));

    const fetched = (await (await fetch(`/proxy-s3/fetch-media?url=${encodeURIComponent(detail.mediaUrl)}`)).json()) as Fetched;
    expect(fetched).to.deep.equal({
      status: 200,
      contentType: 'image/jpeg',
      contentLength: String(bytes.length),
      contentDisposition: 'inline; filename="Beach_at_sunset.jpg"',
      sha256: await sha256(bytes),
    });
  });
});
