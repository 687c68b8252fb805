// Refused requests over raw sockets on loopback: the answer is sent at once and reaches the
// client, and the connection is then closed without reading on (a declared 1 GB is not drained).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MEGABYTE } from '../../src/limits.js';
import { BOUNDARY, MULTIPART_TYPE } from './helpers/http.js';
import { localProxyServer } from './helpers/local-proxy.js';
import { bearer } from './helpers/proxy.js';
import { rawExchange, type RawExchange } from './helpers/raw-http.js';

const app = localProxyServer('refusal');

const GIGABYTE = 1024 * MEGABYTE;
/** Far more than any socket buffer holds: a server that reads on would take far more than this. */
const SMALL_BOUND = 64 * MEGABYTE;

const uploadHead = (headers: string) => `POST /api/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${MULTIPART_TYPE}\r\n${headers}`;
const signHead = (length: number) => `POST /api/sign HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}`;
const partHead = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;

function assertClosedAfter(exchange: RawExchange, status: number, code: string): void {
  assert.equal(exchange.answer?.status, status, JSON.stringify(exchange));
  assert.equal(JSON.parse(exchange.answer.body).code, code);
  assert.equal(exchange.answer.headers.connection, 'close');
  assert.ok(exchange.closedByServer, 'the server closed the connection');
  assert.ok(exchange.written < SMALL_BOUND, `the server took ${exchange.written} bytes of the body`);
}

describe('after a refusal', () => {
  it('answers 401 to an unsigned upload that declares 1 GB, and closes without reading it', async () => {
    const exchange = await rawExchange(app.origin, { head: uploadHead(`Content-Length: ${GIGABYTE}`), bodyBytes: GIGABYTE });
    assertClosedAfter(exchange, 401, 'unsigned');
  });

  it('answers 413 to a file over the limit while it streams, and closes without reading on', async () => {
    const exchange = await rawExchange(app.origin, {
      head: uploadHead(`Authorization: ${bearer()}\r\nTransfer-Encoding: chunked`),
      bodyPrefix: partHead,
      bodyBytes: GIGABYTE,
      chunked: true,
    });
    assertClosedAfter(exchange, 413, 'file-too-large');
  });
});

describe('a declared length over the limit', () => {
  it('is refused 413 at once, before any byte of the body', async () => {
    const upload = await rawExchange(app.origin, { head: uploadHead(`Authorization: ${bearer()}\r\nContent-Length: ${10 * GIGABYTE}`), closeOnAnswer: true });
    assert.equal(upload.answer?.status, 413, 'answered without the body');
    assert.deepEqual(JSON.parse(upload.answer.body), { code: 'file-too-large', message: 'The file is larger than 2 MB', maxFileSize: 2 * MEGABYTE });
    assert.equal(upload.answer.headers.connection, 'close');
    const sign = await rawExchange(app.origin, { head: signHead(GIGABYTE), closeOnAnswer: true });
    assert.equal(sign.answer?.status, 413, 'answered without the body');
    assert.deepEqual(JSON.parse(sign.answer.body), { code: 'bad-request', message: 'The request is too large.' });
  });

  it('holds a body that declares no length to the same limit: 413 once it has sent more', async () => {
    // No file part at all: only the byte count can stop it.
    const exchange = await rawExchange(app.origin, { head: uploadHead(`Authorization: ${bearer()}\r\nTransfer-Encoding: chunked`), bodyBytes: GIGABYTE, chunked: true });
    assertClosedAfter(exchange, 413, 'file-too-large');
  });

  it('gets its 413 to a client that goes on sending: 10 attempts, 10 answers', async () => {
    const size = 8 * MEGABYTE;
    for (let attempt = 0; attempt < 10; attempt++) {
      const exchange = await rawExchange(app.origin, { head: signHead(size), bodyBytes: size });
      assertClosedAfter(exchange, 413, 'bad-request');
    }
    // The same through fetch, which sends the body while the answer comes.
    for (let attempt = 0; attempt < 10; attempt++) {
      const response = await fetch(`${app.origin}/api/sign`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: new Uint8Array(size) });
      assert.equal(response.status, 413);
      assert.equal(((await response.json()) as { code: string }).code, 'bad-request');
    }
  });
});
