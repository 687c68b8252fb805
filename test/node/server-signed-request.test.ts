// A signature covers the files it was asked for and no others, over a real server on loopback:
// the count, the sizes (rounded up to 64 KiB) and the type families bound into the token.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jpegBytes, pdfBytes, pngBytes } from '../helpers/sample-files.js';
import { localProxyServer } from './helpers/local-proxy.js';

const app = localProxyServer('bound');

async function sign(files: { name: string; size: number; type: string }[]): Promise<string> {
  const response = await fetch(`${app.origin}/api/sign`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ files }) });
  assert.equal(response.status, 200);
  return ((await response.json()) as { headers: { Authorization: string } }).headers.Authorization;
}

async function upload(authorization: string, bytes: Uint8Array<ArrayBuffer>, name: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const response = await fetch(`${app.origin}/api/upload`, { method: 'POST', headers: { Authorization: authorization }, body: form });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('a signature bound to its request', () => {
  it('for one 2,000-byte file refuses ten 1.46 MB uploads, takes that file, then no other', async () => {
    const authorization = await sign([{ name: 'small.jpg', size: 2000, type: 'image/jpeg' }]);
    const stored = (await app.storage.list()).length;
    for (let i = 0; i < 10; i++) {
      const { status, body } = await upload(authorization, jpegBytes(1_460_000), `big-${i}.jpg`);
      assert.equal(status, 413, JSON.stringify(body));
      // Refused by its declared length, before its name was read.
      assert.deepEqual(body, { code: 'file-too-large', message: 'The file is larger than 64 KB', maxFileSize: 65_536 });
    }
    assert.equal((await app.storage.list()).length, stored, 'nothing was stored');
    assert.equal((await upload(authorization, jpegBytes(2000), 'small.jpg')).status, 200);
    const again = await upload(authorization, jpegBytes(2000), 'small-again.jpg');
    assert.deepEqual([again.status, again.body.code], [400, 'too-many-files']);
  });

  it('holds the files together to what they add up to, and to the families asked for', async () => {
    const authorization = await sign([
      { name: 'a.png', size: 400_000, type: 'image/png' },
      { name: 'b.jpg', size: 2000, type: 'image/jpeg' },
      { name: 'c.jpg', size: 2000, type: 'image/jpeg' },
    ]);
    // A JPEG where a PNG was asked for: the same family.
    assert.equal((await upload(authorization, jpegBytes(400_000), 'a.jpg')).status, 200);
    const pdf = await upload(authorization, pdfBytes(), 'c.pdf');
    assert.deepEqual([pdf.status, pdf.body.code, pdf.body.accept], [415, 'type-not-allowed', ['image/jpeg', 'image/png', 'image/gif']]);
    // 404 KB asked for in all, 448 KiB once rounded up: a second 400,000-byte file does not fit.
    const second = await upload(authorization, pngBytes(400_000), 'd.png');
    assert.deepEqual([second.status, second.body.code, second.body.maxTotalSize], [413, 'total-too-large', 458_752]);
    assert.equal((await upload(authorization, pngBytes(2000), 'b.png')).status, 200);
  });
});
