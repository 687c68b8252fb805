// Refused requests over raw sockets on loopback: the answer is sent at once and reaches the
// client, and the connection is then closed without reading on (a declared 1 GB is not drained).
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { MEGABYTE } from '../../src/limits.js';
import { createMediaProxy, localProvider, toNodeHandler } from '../../src/server/index.js';
import { BOUNDARY, listen, MULTIPART_TYPE, tempDir, waitFor, type Listening, type TempDir } from './helpers/http.js';
import { bearer, SECRET } from './helpers/proxy.js';
import { rawExchange, type RawExchange } from './helpers/raw-http.js';

let storage: TempDir;
let spool: TempDir;
let app: Listening;

before(async () => {
  storage = await tempDir('refusal-storage');
  spool = await tempDir('refusal-spool');
  const proxy = createMediaProxy({ secret: SECRET, provider: localProvider({ dir: storage.path }), tmpDir: spool.path, authorize: () => 'user' });
  app = await listen(toNodeHandler(proxy));
});

after(async () => {
  await app.close();
  await storage.remove();
  await spool.remove();
});

afterEach(async () => {
  await waitFor(async () => (await spool.list()).length === 0, 'the temporary files to be removed');
});

const GIGABYTE = 1024 * MEGABYTE;
/** Far more than any socket buffer holds: a server that reads on would take far more than this. */
const SMALL_BOUND = 64 * MEGABYTE;

const uploadHead = (headers: string) => `POST /api/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${MULTIPART_TYPE}\r\n${headers}`;
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
