// The proxy mounted in real Express and Hono apps on loopback, as the README shows: it works when
// it gets the body first, and answers at once with a clear 500 when a body parser read it before.
import { getRequestListener } from '@hono/node-server';
import express from 'express';
import { Hono } from 'hono';
import assert from 'node:assert/strict';
import type { RequestListener } from 'node:http';
import { afterEach, describe, it, mock } from 'node:test';
import { toNodeHandler, type FetchHandler } from '../../src/server/index.js';
import { jpegBytes } from '../helpers/sample-files.js';
import { listen, type Listening } from './helpers/http.js';
import { localProxyServer } from './helpers/local-proxy.js';

const local = localProxyServer('framework');

/** The app of the running test, on loopback. */
let mounted: Listening | undefined;
async function serve(app: RequestListener): Promise<string> {
  mounted = await listen(app);
  return mounted.origin;
}
afterEach(async () => {
  await mounted?.close();
  mounted = undefined;
});

/** Guards against the hang this is about: a request that never gets an answer fails the test. */
const ANSWER_GUARD_MS = 15_000;

function sign(origin: string): Promise<Response> {
  return fetch(`${origin}/api/media-upload/sign`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ files: [{ name: 'a.jpg', size: 5000, type: 'image/jpeg' }] }),
    signal: AbortSignal.timeout(ANSWER_GUARD_MS),
  });
}

function upload(origin: string, authorization: string): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([jpegBytes(5000)]), 'a.jpg');
  return fetch(`${origin}/api/media-upload/upload`, { method: 'POST', headers: { Authorization: authorization }, body: form, signal: AbortSignal.timeout(ANSWER_GUARD_MS) });
}

/** Signs and uploads through `origin`: the whole path works. */
async function signAndUpload(origin: string): Promise<void> {
  const signed = await sign(origin);
  assert.equal(signed.status, 200);
  const { headers } = (await signed.json()) as { headers: { Authorization: string } };
  const uploaded = await upload(origin, headers.Authorization);
  assert.equal(uploaded.status, 200, await uploaded.clone().text());
  assert.equal(((await uploaded.json()) as { size: number }).size, 5000);
}

/** The 500 that names the cause and the fix, logged for the operator too. */
async function expectBodyAlreadyRead(send: () => Promise<Response>): Promise<void> {
  const logged = mock.method(console, 'error', () => undefined);
  try {
    const response = await send();
    assert.equal(response.status, 500);
    const body = (await response.json()) as { code: string; message: string };
    assert.equal(body.code, 'server-error');
    assert.match(body.message, /^The request body was read before it reached mms-media-upload\/server \(a body parser such as express\.json\(\) runs first\)\. Mount the proxy before any body parser/);
    assert.ok(logged.mock.calls.some((call) => String(call.arguments[0]).includes('body was read before')), 'logged');
  } finally {
    logged.mock.restore();
  }
}

describe('Express', () => {
  it('works with the proxy mounted before express.json(), which still serves the app\'s own routes', async () => {
    const app = express();
    app.use('/api/media-upload', toNodeHandler(local.proxy));
    app.use(express.json());
    app.post('/api/echo', (req, res) => {
      res.json(req.body);
    });
    const origin = await serve(app);
    await signAndUpload(origin);
    const echo = await fetch(`${origin}/api/echo`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"a":1}' });
    assert.deepEqual(await echo.json(), { a: 1 });
  });

  it('answers …/sign at once with a 500 that names the cause when express.json() read the body first', async () => {
    const app = express();
    app.use(express.json());
    app.use('/api/media-upload', toNodeHandler(local.proxy));
    const origin = await serve(app);
    await expectBodyAlreadyRead(() => sign(origin));
    // Uploads are multipart: express.json() leaves them alone, and they still work.
    assert.equal((await upload(origin, (await signWith(local.proxy)).headers.Authorization)).status, 200);
  });
});

describe('Hono', () => {
  it('works with the proxy given the raw request', async () => {
    const app = new Hono();
    app.all('/api/media-upload/*', (c) => local.proxy(c.req.raw));
    await signAndUpload(await serve(getRequestListener(app.fetch)));
  });

  it('answers a 500 that names the cause when a middleware read the body first', async () => {
    const app = new Hono();
    app.use('*', async (c, next) => {
      if (c.req.header('content-type')?.startsWith('application/json')) await c.req.json();
      await next();
    });
    app.all('/api/media-upload/*', (c) => local.proxy(c.req.raw));
    const origin = await serve(getRequestListener(app.fetch));
    await expectBodyAlreadyRead(() => sign(origin));
  });
});

/** A signature straight from the proxy's sign route, without a framework in between. */
async function signWith(handler: FetchHandler): Promise<{ headers: { Authorization: string } }> {
  const response = await handler(
    new Request('http://app.test/sign', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ files: [{ name: 'a.jpg', size: 5000, type: 'image/jpeg' }] }) }),
  );
  return (await response.json()) as { headers: { Authorization: string } };
}
