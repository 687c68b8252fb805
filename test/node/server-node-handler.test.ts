// toNodeHandler on a real loopback server: streaming uploads, early answers, middleware `next`,
// and clients that go away mid-upload (the process survives, temporary files are removed).
import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { describe, it, mock } from 'node:test';
import { MEGABYTE } from '../../src/limits.js';
import { createMediaProxy, genericProvider, toNodeHandler } from '../../src/server/index.js';
import { jpegBytes, pngBytes } from '../helpers/sample-files.js';
import { BOUNDARY, listen, MULTIPART_TYPE, waitFor } from './helpers/http.js';
import { localProxyServer } from './helpers/local-proxy.js';
import { bearer, SECRET } from './helpers/proxy.js';

const app = localProxyServer('node');

function upload(origin: string, authorization: string, bytes: Uint8Array<ArrayBuffer>, name: string, path = '/api/upload'): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  return fetch(`${origin}${path}`, { method: 'POST', headers: { Authorization: authorization }, body: form });
}

/** A raw upload whose body the test writes itself; resolves with the request and its response (if any). */
function rawUpload(origin: string, authorization: string): { req: ReturnType<typeof httpRequest>; response: Promise<IncomingMessage> } {
  const url = new URL('/api/upload', origin);
  const req = httpRequest(url, { method: 'POST', headers: { Authorization: authorization, 'Content-Type': MULTIPART_TYPE, 'Transfer-Encoding': 'chunked' } });
  const response = new Promise<IncomingMessage>((resolve, reject) => {
    req.on('response', resolve);
    req.on('error', reject);
  });
  req.write(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`);
  req.write(jpegBytes());
  return { req, response };
}

async function bodyOf(response: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of response) text += String(chunk);
  return text;
}

describe('toNodeHandler', () => {
  it('streams a signed upload through a real server and serves the same bytes back', async () => {
    const bytes = jpegBytes(2 * MEGABYTE);
    const response = await upload(app.origin, bearer(), bytes, 'photo.jpg');
    const body = (await response.json()) as Record<string, string>;
    assert.equal(response.status, 200, JSON.stringify(body));
    assert.equal(body.media_url, `${app.origin}/api/media/${body.media_id}`);
    const served = await fetch(new URL(body.media_url!, app.origin));
    assert.equal(served.headers.get('content-type'), 'image/jpeg');
    assert.equal(served.headers.get('content-length'), String(bytes.length));
    assert.equal(served.headers.get('x-content-type-options'), 'nosniff');
    assert.deepEqual(new Uint8Array(await served.arrayBuffer()), bytes);
    const head = await fetch(new URL(body.media_url!, app.origin), { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('content-length'), String(bytes.length));
  });

  it('reads an upload from the Node request itself, never through the fetch Request body (no web-stream stages)', async () => {
    const requests: Request[] = [];
    const server = await listen(toNodeHandler((request) => (requests.push(request), app.proxy(request))));
    try {
      const response = await upload(server.origin, bearer(), jpegBytes(), 'photo.jpg');
      assert.equal(response.status, 200, await response.text());
      assert.equal(requests.length, 1);
      assert.equal(requests[0]!.bodyUsed, false);
    } finally {
      await server.close();
    }
  });

  it('serves the sign route', async () => {
    const response = await fetch(`${app.origin}/api/sign`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ files: [{ name: 'a.png', size: 10, type: 'image/png' }] }),
    });
    const signature = (await response.json()) as { headers: { Authorization: string } };
    assert.equal(response.status, 200);
    assert.equal((await upload(app.origin, signature.headers.Authorization, pngBytes(), 'a.png')).status, 200);
  });

  it('answers 401 to an unsigned upload without waiting for its body', async () => {
    const { req, response } = rawUpload(app.origin, 'Bearer nope.nope');
    const answer = await response; // the body is still open: the answer came first
    assert.equal(answer.statusCode, 401);
    assert.deepEqual(JSON.parse(await bodyOf(answer)), { code: 'signature-invalid', message: 'The upload signature is not valid.' });
    req.destroy();
  });

  it('answers 413 while a body over the limit is still being sent, and keeps nothing', async () => {
    const stored = await app.storage.list();
    const { req, response } = rawUpload(app.origin, bearer());
    const chunk = new Uint8Array(64 * 1024).fill(0x41);
    let written = 0;
    let answered = false;
    void response.then(() => (answered = true), () => undefined);
    // The body is never ended, so any answer is an early one. Bounded: at most 64 MB.
    while (!answered && written < 64 * MEGABYTE) {
      await Promise.race([new Promise((resolve) => req.write(chunk, resolve)), response]);
      written += chunk.length;
    }
    assert.ok(answered, 'the proxy answered before the body was complete');
    const answer = await response;
    assert.equal(answer.statusCode, 413);
    assert.deepEqual(JSON.parse(await bodyOf(answer)), { code: 'file-too-large', message: 'big.jpg is larger than 2 MB', maxFileSize: 2 * MEGABYTE });
    req.destroy();
    assert.deepEqual(await app.storage.list(), stored);
  });

  it('survives a client that disconnects mid-upload, and removes its temporary file', async () => {
    const stored = await app.storage.list();
    const { req, response } = rawUpload(app.origin, bearer());
    response.catch(() => undefined); // the socket is destroyed on purpose
    req.write(new Uint8Array(MEGABYTE).fill(0x41));
    await waitFor(async () => (await app.spool.list()).length === 1, 'the upload to be spooled');
    req.destroy();
    await waitFor(async () => (await app.spool.list()).length === 0, 'the temporary file to be removed');
    assert.deepEqual(await app.storage.list(), stored);
    // The server still works.
    assert.equal((await upload(app.origin, bearer(), pngBytes(), 'after.png')).status, 200);
  });

  it('cancels the provider call when the client of an upload without an Idempotency-Key goes away while it is forwarded', async () => {
    const seen: IncomingMessage[] = [];
    const provider = await listen((req) => {
      seen.push(req);
      req.on('error', () => undefined); // the proxy cutting this request short is what the test wants
      req.resume(); // read, never answer
    });
    const forwarding = createMediaProxy({
      secret: SECRET,
      provider: genericProvider({ url: `${provider.origin}/upload_media`, timeoutMs: 60_000 }),
      tmpDir: app.spool.path,
    });
    const server = await listen(toNodeHandler(forwarding));
    try {
      const controller = new AbortController();
      const form = new FormData();
      form.append('file', new Blob([jpegBytes()]), 'a.jpg');
      const pending = fetch(`${server.origin}/upload`, { method: 'POST', headers: { Authorization: bearer() }, body: form, signal: controller.signal });
      pending.catch(() => undefined);
      await waitFor(() => seen.length === 1, 'the provider to be called');
      // Closed, cleanly or not: a body cut short is a parse error on the provider's side.
      const closed = new Promise((resolve) => seen[0]!.socket.once('close', resolve));
      controller.abort();
      await closed; // the proxy dropped its provider request
    } finally {
      await server.close();
      await provider.close();
    }
  });

  it('finishes the provider call of a keyed upload whose client went away, and gives its answer to the retry', async () => {
    const seen: IncomingMessage[] = [];
    let answer: () => void = () => undefined;
    const provider = await listen((req, res) => {
      seen.push(req);
      req.resume();
      // Held until the client is gone: then the provider stores the file and answers.
      answer = () => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ media_url: 'https://media.example.test/kept.jpg' }));
    });
    const forwarding = createMediaProxy({
      secret: SECRET,
      provider: genericProvider({ url: `${provider.origin}/upload_media`, timeoutMs: 60_000 }),
      tmpDir: app.spool.path,
    });
    const server = await listen(toNodeHandler(forwarding));
    // One signature and one key for both attempts, as the element sends them.
    const headers = { Authorization: bearer(), 'Idempotency-Key': 'key-of-a-file-whose-client-left' };
    const send = (signal?: AbortSignal) => {
      const form = new FormData();
      form.append('file', new Blob([jpegBytes()]), 'a.jpg');
      return fetch(`${server.origin}/upload`, { method: 'POST', headers, body: form, signal });
    };
    try {
      const controller = new AbortController();
      send(controller.signal).catch(() => undefined);
      await waitFor(() => seen.length === 1, 'the provider to be called');
      controller.abort();
      await new Promise((resolve) => setTimeout(resolve, 50)); // the proxy sees the client leave
      answer();
      const retry = await send();
      assert.equal(retry.status, 200);
      assert.equal(retry.headers.get('idempotent-replayed'), 'true');
      assert.equal(((await retry.json()) as { media_url: string }).media_url, 'https://media.example.test/kept.jpg');
      assert.equal(seen.length, 1, 'the provider got the file once');
    } finally {
      await server.close();
      await provider.close();
    }
  });

  it('hands unknown paths to `next` (middleware), and only those', async () => {
    const nexts: string[] = [];
    const handler = toNodeHandler(app.proxy);
    const middleware = await listen((req, res) => {
      // Connect/Express strip the mount path from req.url and keep the full one in originalUrl.
      const full = req.url!;
      Object.assign(req, { originalUrl: full, url: full.replace(/^\/mount/, '') || '/' });
      handler(req, res, () => {
        nexts.push(full);
        res.end('next');
      });
    });
    try {
      assert.equal(await (await fetch(`${middleware.origin}/index.html`)).text(), 'next');
      assert.equal((await upload(middleware.origin, bearer(), pngBytes(), 'a.png', '/mount/upload')).status, 200);
      assert.equal((await fetch(`${middleware.origin}/mount/upload`)).status, 405);
      assert.deepEqual(nexts, ['/index.html']);
    } finally {
      await middleware.close();
    }
  });

  it('answers 404 with a code and a message when used as a plain server', async () => {
    const response = await fetch(`${app.origin}/nothing/here`);
    assert.equal(response.status, 404);
    assert.deepEqual(await response.json(), { code: 'not-found', message: 'Not found' });
  });

  it('answers a request it cannot turn into a fetch Request 400 bad-request', async () => {
    // Node's parser takes TRACE; the fetch standard refuses it.
    const answer = await new Promise<IncomingMessage>((resolve, reject) => httpRequest(new URL('/api/upload', app.origin), { method: 'TRACE' }, resolve).on('error', reject).end());
    assert.equal(answer.statusCode, 400);
    assert.deepEqual(JSON.parse(await bodyOf(answer)), { code: 'bad-request', message: 'The request could not be read.' });
  });

  it('answers a handler that fails 500 server-error, with nothing of the error in it', async () => {
    const failing = await listen(toNodeHandler(() => Promise.reject(new Error('secret internals'))));
    const logged = mock.method(console, 'error', () => undefined);
    try {
      const response = await fetch(`${failing.origin}/api/upload`, { method: 'POST' });
      assert.equal(response.status, 500);
      assert.deepEqual(await response.json(), { code: 'server-error', message: 'The server could not handle the upload.' });
      assert.equal(logged.mock.callCount(), 1, 'the error is logged for the operator');
    } finally {
      logged.mock.restore();
      await failing.close();
    }
  });
});
