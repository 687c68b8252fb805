// The proxy handler called directly with `Request`s: routes, the sign route, and signed uploads
// stored by the local provider (checks of count, size, type and file names).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it, mock } from 'node:test';
import { DEFAULT_ACCEPT, DEFAULT_LIMITS, MEGABYTE } from '../../src/limits.js';
import type { ErrorCode } from '../../src/protocol.js';
import { createMediaProxy, createUploadSigner, localProvider, type FetchHandler } from '../../src/server/index.js';
import { signToken, checkSecret } from '../../src/server/token.js';
import { exeBytes, gifBytes, jpegBytes, mp4Bytes, pdfBytes, pngBytes, quicktimeBytes, svgBytes, textBytes } from '../helpers/sample-files.js';
import { multipartBody, MULTIPART_TYPE, streamedFileBody, tempDir, type Part, type TempDir } from './helpers/http.js';
import { bearer, expectError, json, ORIGIN, SECRET, uploadRequest } from './helpers/proxy.js';

const ACCEPT = ['image/jpeg', 'image/png', 'image/gif', 'video/mp4', 'video/quicktime', 'application/pdf', 'text/plain'];
let storage: TempDir;
let spool: TempDir;
let proxy: FetchHandler;

before(async () => {
  storage = await tempDir('storage');
  spool = await tempDir('spool');
  proxy = createMediaProxy({
    secret: SECRET,
    provider: localProvider({ dir: storage.path, publicUrl: '/api/media' }),
    limits: { accept: ACCEPT },
    authorize: (request) => request.headers.get('x-user') ?? undefined,
    tmpDir: spool.path,
  });
});

after(async () => {
  await storage.remove();
  await spool.remove();
});

beforeEach(async () => {
  assert.deepEqual(await spool.list(), [], 'no temporary file is left behind');
});

function multipartRequest(authorization: string | undefined, parts: Part[]): Request {
  const headers: Record<string, string> = { 'Content-Type': MULTIPART_TYPE };
  if (authorization) headers.Authorization = authorization;
  return new Request(`${ORIGIN}/api/upload`, { method: 'POST', headers, body: multipartBody(parts) });
}

describe('routes', () => {
  it('answers unknown paths 404 and wrong methods 405, each with a message', async () => {
    await expectError(await proxy(new Request(`${ORIGIN}/api/elsewhere`)), 404, 'not-found', /Not found/);
    const get = await proxy(new Request(`${ORIGIN}/api/upload`));
    assert.equal(get.headers.get('allow'), 'POST, PUT');
    await expectError(get, 405, 'method-not-allowed', /POST or PUT/);
    await expectError(await proxy(new Request(`${ORIGIN}/api/sign`)), 405, 'method-not-allowed', /POST/);
    await expectError(await proxy(new Request(`${ORIGIN}/api/media/x`, { method: 'DELETE' })), 405, 'method-not-allowed', /GET or HEAD/);
  });

  it('takes uploads by PUT as well as POST', async () => {
    const post = uploadRequest(bearer(), jpegBytes(), 'a.jpg', 'image/jpeg');
    const put = new Request(post.url, { method: 'PUT', headers: post.headers, body: await post.arrayBuffer() });
    assert.equal((await proxy(put)).status, 200);
  });

  it('answers an unexpected failure 500 server-error: logged, never shown', async () => {
    const broken = createMediaProxy({
      secret: SECRET,
      provider: { name: 'Broken', limits: DEFAULT_LIMITS, upload: () => Promise.reject(new Error('disk /var/secret on fire')) },
      tmpDir: spool.path,
    });
    const logged = mock.method(console, 'error', () => undefined);
    try {
      await expectError(await broken(uploadRequest(bearer(), pngBytes(), 'a.png')), 500, 'server-error', /^The server could not handle the upload\.$/);
      assert.equal(logged.mock.callCount(), 1);
    } finally {
      logged.mock.restore();
    }
  });

  it('matches the end of the path wherever the proxy is mounted', async () => {
    const response = await proxy(uploadRequest(bearer(), jpegBytes(), 'a.jpg', 'image/jpeg', '/deep/mount/point/upload/'));
    assert.equal(response.status, 200);
  });
});

describe('the sign route', () => {
  const signRequest = (headers: Record<string, string>, body: unknown) =>
    new Request(`${ORIGIN}/api/sign`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('answers sign() JSON to an authorized subject, and that signature uploads', async () => {
    const response = await proxy(signRequest({ 'X-User': 'alice' }, { files: [{ name: 'a.png', size: 100, type: 'image/png' }] }));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const signature = (await response.json()) as { headers: { Authorization: string }; expires_at: string };
    assert.deepEqual(Object.keys(signature).sort(), ['expires_at', 'headers']);
    const upload = await proxy(uploadRequest(signature.headers.Authorization, pngBytes(), 'a.png', 'image/png'));
    assert.equal(upload.status, 200);
  });

  it('answers 401 without a subject', async () => {
    await expectError(await proxy(signRequest({}, { files: [] })), 401, 'not-signed-in', /Sign in/);
  });

  it('answers 404 when no authorize function is given', async () => {
    const bare = createMediaProxy({ secret: SECRET, provider: localProvider({ dir: storage.path }), tmpDir: spool.path });
    await expectError(await bare(signRequest({ 'X-User': 'alice' }, { files: [] })), 404, 'not-found', /not enabled/);
  });

  it('refuses too many, too large and wrongly typed files with 400', async () => {
    const file = (size: number, type: string) => ({ name: 'f', size, type });
    await expectError(await proxy(signRequest({ 'X-User': 'a' }, { files: Array.from({ length: 11 }, () => file(1, 'image/png')) })), 400, 'too-many-files', /^f: only 10 files can be attached$/, { maxFiles: 10 });
    await expectError(await proxy(signRequest({ 'X-User': 'a' }, { files: [file(2 * MEGABYTE + 1, 'image/png')] })), 400, 'file-too-large', /the limit is 2 MB/, { maxFileSize: 2 * MEGABYTE });
    await expectError(await proxy(signRequest({ 'X-User': 'a' }, { files: [file(1, 'image/svg+xml')] })), 400, 'type-not-allowed', /drawing/, { accept: ACCEPT });
    await expectError(await proxy(signRequest({ 'X-User': 'a' }, { files: 'all' })), 400, 'bad-request', /Expected/);
  });

  it('refuses a body that is not JSON, or too large', async () => {
    const notJson = new Request(`${ORIGIN}/api/sign`, { method: 'POST', headers: { 'X-User': 'a', 'Content-Type': 'application/json' }, body: '{' });
    await expectError(await proxy(notJson), 400, 'bad-request', /not valid JSON/);
    const form = new Request(`${ORIGIN}/api/sign`, { method: 'POST', headers: { 'X-User': 'a', 'Content-Type': 'text/plain' }, body: '{}' });
    await expectError(await proxy(form), 415, 'bad-request', /application\/json/);
    const huge = signRequest({ 'X-User': 'a' }, { files: [], padding: 'x'.repeat(70_000) });
    await expectError(await proxy(huge), 413, 'bad-request', /too large/);
  });
});

describe('signed uploads (local provider)', () => {
  it('stores a valid upload and answers the Acrobits contract', async () => {
    const bytes = jpegBytes(5000);
    const response = await proxy(uploadRequest(bearer(), bytes, 'holiday.jpg', 'image/jpeg'));
    assert.equal(response.status, 200);
    const body = await json(response);
    assert.deepEqual(Object.keys(body).sort(), ['content_type', 'file_name', 'media_id', 'media_url', 'size']);
    assert.equal(body.media_url, `${ORIGIN}/api/media/${String(body.media_id)}`);
    assert.equal(body.file_name, 'holiday.jpg');
    assert.equal(body.content_type, 'image/jpeg');
    assert.equal(body.size, 5000);
    assert.deepEqual(await readFile(join(storage.path, String(body.media_id))), Buffer.from(bytes));
  });

  it('serves the same bytes back with their type, length and nosniff', async () => {
    for (const [bytes, name, type] of [
      [pngBytes(3000), 'a.png', 'image/png'],
      [textBytes(), 'notes.txt', 'text/plain; charset=utf-8'],
      [pdfBytes(), 'doc.pdf', 'application/pdf'],
    ] as const) {
      const uploaded = await json(await proxy(uploadRequest(bearer(), bytes, name)));
      const served = await proxy(new Request(new URL(String(uploaded.media_url), ORIGIN)));
      assert.equal(served.status, 200);
      assert.equal(served.headers.get('content-type'), type);
      assert.equal(served.headers.get('content-length'), String(bytes.length));
      assert.equal(served.headers.get('x-content-type-options'), 'nosniff');
      assert.deepEqual(new Uint8Array(await served.arrayBuffer()), bytes);
      const head = await proxy(new Request(new URL(String(uploaded.media_url), ORIGIN), { method: 'HEAD' }));
      assert.equal(head.headers.get('content-length'), String(bytes.length));
    }
  });

  it('serves nothing for unknown or path-like media ids', async () => {
    for (const id of ['AAAAAAAAAAAAAAAAAAAAAA', '..%2F..%2Fetc%2Fpasswd', 'x.json', '%00']) {
      await expectError(await proxy(new Request(`${ORIGIN}/api/media/${id}`)), 404, 'not-found', /No such media/);
    }
  });

  it('uses the proxy\'s own media route when no publicUrl is given', async () => {
    const bare = createMediaProxy({ secret: SECRET, provider: localProvider({ dir: storage.path }), tmpDir: spool.path });
    const body = await json(await bare(uploadRequest(bearer(), gifBytes(), 'a.gif', 'image/gif', '/app/v1/upload')));
    assert.equal(body.media_url, `${ORIGIN}/app/v1/media/${String(body.media_id)}`);
    const served = await bare(new Request(new URL(String(body.media_url), ORIGIN)));
    assert.deepEqual(new Uint8Array(await served.arrayBuffer()), gifBytes());
  });

  it('refuses missing, altered and expired tokens with 401 before reading the body', async () => {
    const expired = `Bearer ${signToken(
      { sub: 'u', iat: 1_700_000_000, exp: 1_700_000_300, jti: 'old', limits: { maxFiles: 10, maxFileSize: 2 * MEGABYTE, accept: ['image/jpeg'] } },
      checkSecret(SECRET),
    )}`;
    const valid = bearer();
    const altered = `${valid.slice(0, 20)}${valid[20] === 'A' ? 'B' : 'A'}${valid.slice(21)}`;
    const cases: [string | undefined, ErrorCode, RegExp][] = [
      [undefined, 'unsigned', /not signed/],
      ['Basic dXNlcjpwYXNz', 'unsigned', /not signed/],
      [altered, 'signature-invalid', /not valid/],
      [bearer({ secret: `${SECRET}-other` }), 'signature-invalid', /not valid/],
      [expired, 'signature-expired', /expired/],
    ];
    for (const [authorization, code, pattern] of cases) {
      const body = streamedFileBody({ head: jpegBytes(), size: 100_000, filename: 'a.jpg', type: 'image/jpeg' });
      const headers: Record<string, string> = { 'Content-Type': MULTIPART_TYPE };
      if (authorization) headers.Authorization = authorization;
      const request = new Request(`${ORIGIN}/api/upload`, { method: 'POST', headers, body: body.stream, duplex: 'half' } as RequestInit);
      await expectError(await proxy(request), 401, code, pattern);
      assert.equal(body.pulled, 0, 'the body was not read');
    }
  });

  it('counts files per token: the 11th upload with one signature is refused', async () => {
    const authorization = bearer();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => proxy(uploadRequest(authorization, pngBytes(), `${i}.png`))));
    assert.deepEqual(results.map((r) => r.status), Array(10).fill(200));
    await expectError(await proxy(uploadRequest(authorization, pngBytes(), '11.png')), 400, 'too-many-files', /only 10 files can be attached$/, { maxFiles: 10 });
    assert.equal((await proxy(uploadRequest(bearer(), pngBytes(), 'new.png'))).status, 200, 'a new signature may upload');
  });

  it('does not count a failed upload against the token', async () => {
    const authorization = bearer({ limits: { maxFiles: 1 } }); // asked for one JPEG: images only
    await expectError(await proxy(uploadRequest(authorization, svgBytes(), 'x.svg')), 415, 'type-not-allowed', /drawing/, { accept: ['image/jpeg', 'image/png', 'image/gif'] });
    assert.equal((await proxy(uploadRequest(authorization, pngBytes(), 'x.png'))).status, 200);
    await expectError(await proxy(uploadRequest(authorization, pngBytes(), 'y.png')), 400, 'too-many-files', /only 1 file can be attached$/, { maxFiles: 1 });
  });

  it('holds a token to its maxTotalSize across its uploads: 413 total-too-large', async () => {
    const authorization = bearer({ limits: { maxTotalSize: 5000 } });
    assert.equal((await proxy(uploadRequest(authorization, pngBytes(3000), 'a.png'))).status, 200);
    await expectError(await proxy(uploadRequest(authorization, pngBytes(2001), 'b.png')), 413, 'total-too-large', /^b\.png: all files together may be at most 5 KB$/, { maxTotalSize: 5000 });
    assert.equal((await proxy(uploadRequest(authorization, pngBytes(2000), 'c.png'))).status, 200, 'exactly the total passes');
  });

  it('accepts a file of exactly 2,097,152 bytes', async () => {
    const bytes = jpegBytes(2 * MEGABYTE);
    assert.equal(bytes.length, 2_097_152);
    const response = await proxy(uploadRequest(bearer(), bytes, 'exact.jpg', 'image/jpeg'));
    assert.equal(response.status, 200);
    assert.equal((await json(response)).size, 2_097_152);
  });

  it('cuts a file over the limit at limit + 1 byte: 413, the body is not read on, nothing is stored', async () => {
    const stored = (await storage.list()).length;
    for (const size of [2 * MEGABYTE + 1, 20 * MEGABYTE]) {
      const body = streamedFileBody({ head: jpegBytes(), size, filename: 'big.jpg', type: 'image/jpeg' });
      const request = new Request(`${ORIGIN}/api/upload`, {
        method: 'POST',
        headers: { 'Content-Type': MULTIPART_TYPE, Authorization: bearer() },
        body: body.stream,
        duplex: 'half',
      } as RequestInit);
      await expectError(await proxy(request), 413, 'file-too-large', /^big\.jpg is larger than 2 MB$/, { maxFileSize: 2 * MEGABYTE });
      if (size > 3 * MEGABYTE) {
        assert.ok(body.cancelled, 'the request body was cancelled');
        assert.ok(body.pulled < 2 * MEGABYTE + 512 * 1024, `read ${body.pulled} of ${body.total} bytes`);
      }
    }
    assert.equal((await storage.list()).length, stored);
    assert.deepEqual(await spool.list(), []);
  });

  it('a token with a smaller size limit is held to it', async () => {
    const authorization = bearer({ limits: { maxFileSize: 1000 } });
    await expectError(await proxy(uploadRequest(authorization, jpegBytes(1001), 'a.jpg')), 413, 'file-too-large', /^a\.jpg is larger than 1,000 B$/, { maxFileSize: 1000 });
    assert.equal((await proxy(uploadRequest(authorization, jpegBytes(1000), 'a.jpg'))).status, 200);
  });

  it('types files by their bytes: a PNG named .jpg is image/png (and photo.png), QuickTime is video/quicktime', async () => {
    const png = await json(await proxy(uploadRequest(bearer(), pngBytes(), 'photo.jpg', 'image/jpeg')));
    assert.equal(png.content_type, 'image/png');
    assert.equal(png.file_name, 'photo.png');
    const mov = await json(await proxy(uploadRequest(bearer({ limits: { accept: ACCEPT } }), quicktimeBytes(), 'clip.mov', 'video/quicktime')));
    assert.equal(mov.content_type, 'video/quicktime');
    const mp4 = await json(await proxy(uploadRequest(bearer(), mp4Bytes(), 'clip.mp4', 'video/mp4')));
    assert.equal(mp4.content_type, 'video/mp4');
  });

  it('refuses SVG, executables and types outside the token\'s limits with 415', async () => {
    await expectError(await proxy(uploadRequest(bearer(), svgBytes(), 'cat.jpg', 'image/jpeg')), 415, 'type-not-allowed', /^cat\.jpg is a web page or drawing \(markup\), which cannot be attached$/, { accept: DEFAULT_ACCEPT });
    await expectError(await proxy(uploadRequest(bearer(), exeBytes(), 'cat.jpg', 'image/jpeg')), 415, 'type-not-allowed', /^cat\.jpg: its contents are not of a type that can be attached; allowed: JPEG, PNG, GIF, MP4, PDF, text$/, { accept: DEFAULT_ACCEPT });
    await expectError(await proxy(uploadRequest(bearer({ limits: { accept: ['image/jpeg'] } }), pngBytes(), 'a.png')), 415, 'type-not-allowed', /^a\.png is not an allowed type; allowed: JPEG$/, { accept: ['image/jpeg'] });
  });

  it('refuses empty files, missing files, extra files and other field names with 400', async () => {
    await expectError(await proxy(uploadRequest(bearer(), new Uint8Array(0), 'empty.jpg')), 400, 'empty-file', /^empty\.jpg is empty$/);
    await expectError(await proxy(multipartRequest(bearer(), [{ name: 'note', data: 'hi' }])), 400, 'bad-request', /No file was sent/);
    await expectError(
      await proxy(multipartRequest(bearer(), [
        { name: 'file', filename: 'a.png', type: 'image/png', data: pngBytes() },
        { name: 'file', filename: 'b.png', type: 'image/png', data: pngBytes() },
      ])),
      400,
      'bad-request',
      /one file per request/,
    );
    await expectError(await proxy(multipartRequest(bearer(), [{ name: 'upload', filename: 'a.png', type: 'image/png', data: pngBytes() }])), 400, 'bad-request', /form field "file"/);
    const notMultipart = new Request(`${ORIGIN}/api/upload`, { method: 'POST', headers: { Authorization: bearer(), 'Content-Type': 'image/png' }, body: pngBytes() });
    await expectError(await proxy(notMultipart), 400, 'bad-request', /multipart\/form-data/);
    const cut = multipartBody([{ name: 'file', filename: 'a.png', type: 'image/png', data: pngBytes(5000) }]).subarray(0, 3000);
    const truncated = new Request(`${ORIGIN}/api/upload`, { method: 'POST', headers: { Authorization: bearer(), 'Content-Type': MULTIPART_TYPE }, body: cut });
    await expectError(await proxy(truncated), 400, 'bad-request', /not a well-formed multipart body/);
  });

  it('cleans file names (../, CR/LF, quotes, right-to-left marks) and never stores under them', async () => {
    const cases: [string, string][] = [
      ['../../../etc/passwd.png', 'passwd.png'],
      ['..\\..\\boot.png', 'boot.png'],
      ['evil\r\nX-Injected: 1.png', 'evilX-Injected 1.png'],
      ['say "cheese".png', 'say cheese.png'],
      ['photo\u202Egnp.exe.png', 'photognp.exe.png'],
      ['\u200F\u2067שלום\u2069.png', 'שלום.png'],
      ['..', 'file.png'],
    ];
    for (const [raw, clean] of cases) {
      // filename* carries any character, as a hostile client could send it.
      const response = await proxy(multipartRequest(bearer(), [{ name: 'file', filename: raw, encodeFilename: true, type: 'image/png', data: pngBytes() }]));
      const body = await json(response);
      assert.equal(response.status, 200, JSON.stringify(body));
      assert.equal(body.file_name, clean, JSON.stringify(raw));
      assert.match(String(body.media_id), /^[A-Za-z0-9_-]{22}$/);
    }
    // The raw form a browser sends (undici's FormData escapes quotes and CR/LF as %22, %0D%0A): decoded, then cleaned.
    const response = await json(await proxy(uploadRequest(bearer(), pngBytes(), 'a"b\r\nc.png', 'image/png')));
    assert.equal(response.file_name, 'abc.png');
    const names = await storage.list();
    assert.ok(names.every((name) => /^[A-Za-z0-9_-]{22}(\.json)?$/.test(name)), names.join(', '));
  });

  it('reads UTF-8 file names', async () => {
    const body = await json(await proxy(multipartRequest(bearer(), [{ name: 'file', filename: 'фото ünï.png', type: 'image/png', data: pngBytes() }])));
    assert.equal(body.file_name, 'фото ünï.png');
  });
});

describe('signer and proxy limits', () => {
  it('narrows the proxy\'s limits to the provider\'s, and tokens from a wider signer to both', async () => {
    const narrow = createMediaProxy({
      secret: SECRET,
      provider: { ...localProvider({ dir: storage.path }), limits: { maxFiles: 10, maxFileSize: 2 * MEGABYTE, accept: ['image/jpeg'] } },
      tmpDir: spool.path,
    });
    const wide = createUploadSigner({ secret: SECRET, limits: { maxFileSize: 50 * MEGABYTE, accept: ['image/*'] } });
    const files = [{ name: 'a.png', size: 5 * MEGABYTE, type: 'image/png' }, { name: 'b.jpg', size: 1000, type: 'image/jpeg' }];
    const authorization = wide.sign({ subject: 'u', files }).headers.Authorization;
    await expectError(await narrow(uploadRequest(authorization, pngBytes(), 'a.png')), 415, 'type-not-allowed', /allowed: JPEG/, { accept: ['image/jpeg'] });
    assert.equal((await narrow(uploadRequest(authorization, jpegBytes(), 'a.jpg'))).status, 200);
  });
});
