// Slow and stalled bodies over raw sockets on loopback, against a proxy whose pace limits are
// shortened for the test: 408 upload-too-slow, the temporary file removed, the connection closed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMediaProxy, localProvider, toNodeHandler } from '../../src/server/index.js';
import { jpegBytes } from '../helpers/sample-files.js';
import { BOUNDARY, listen, MULTIPART_TYPE } from './helpers/http.js';
import { localProxyServer } from './helpers/local-proxy.js';
import { bearer, SECRET } from './helpers/proxy.js';
import { rawExchange, type RawExchange } from './helpers/raw-http.js';

// Short enough for a test; the defaults are 30 s without progress, or under 1 KB/s over 60 s.
const app = localProxyServer('slow', { bodyIdleTimeoutMs: 300, minBodyBytesPerSecond: 50_000, bodyRateWindowMs: 400 });

const partHead = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="slow.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;
const uploadHead = (length: number) =>
  `POST /api/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${bearer()}\r\nContent-Type: ${MULTIPART_TYPE}\r\nContent-Length: ${length}`;

function assertTooSlow(exchange: RawExchange, pattern: RegExp): void {
  assert.equal(exchange.answer?.status, 408, JSON.stringify(exchange));
  const body = JSON.parse(exchange.answer.body) as { code: string; message: string };
  assert.equal(body.code, 'upload-too-slow');
  assert.match(body.message, pattern);
  assert.equal(exchange.answer.headers.connection, 'close');
}

describe('slow and stalled bodies', () => {
  it('answers an upload that stops half-way 408 upload-too-slow, and removes its temporary file', async () => {
    const exchange = await rawExchange(app.origin, { head: uploadHead(100_000), bodyPrefix: partHead, bodyBytes: 20_000, closeOnAnswer: true });
    assertTooSlow(exchange, /^The upload stalled: nothing arrived for 0\.3 s\. Try again on a steadier connection\.$/);
  });

  it('answers an upload that trickles under the minimum rate 408 upload-too-slow', async () => {
    // 1 KB every 50 ms: about 20 KB/s, under the 50 KB/s this proxy asks for.
    const exchange = await rawExchange(app.origin, { head: uploadHead(2_000_000), bodyPrefix: partHead, bodyBytes: 2_000_000, trickle: { bytes: 1024, everyMs: 50 }, closeOnAnswer: true });
    assertTooSlow(exchange, /^The upload was too slow: under 49 KB\/s over 0\.4 s\. Try again on a faster connection\.$/);
  });

  it('answers a stalled …/sign body 408 too', async () => {
    const head = 'POST /api/sign HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000';
    const exchange = await rawExchange(app.origin, { head, bodyPrefix: '{"files":', closeOnAnswer: true });
    assertTooSlow(exchange, /stalled/);
  });

  it('takes an upload that keeps a good pace', async () => {
    // Its own proxy, with room for a busy machine: a stall of 2 s, or under 50 KB in a second.
    const roomy = createMediaProxy({ secret: SECRET, provider: localProvider({ dir: app.storage.path }), tmpDir: app.spool.path, bodyIdleTimeoutMs: 2000, minBodyBytesPerSecond: 50_000, bodyRateWindowMs: 1000 });
    const server = await listen(toNodeHandler(roomy));
    try {
      // 64 KB every 20 ms: about 3 MB/s.
      const file = jpegBytes(1_000_000);
      const body = Buffer.concat([Buffer.from(partHead), file, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]);
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (sent >= body.length) return controller.close();
          await new Promise((resolve) => setTimeout(resolve, 20));
          controller.enqueue(body.subarray(sent, (sent += 64 * 1024)));
        },
      });
      const response = await fetch(`${server.origin}/api/upload`, {
        method: 'POST',
        headers: { Authorization: bearer(), 'Content-Type': MULTIPART_TYPE },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      const answer = (await response.json()) as { size?: number };
      assert.equal(response.status, 200, JSON.stringify(answer));
      assert.equal(answer.size, file.length);
    } finally {
      await server.close();
    }
  });
});
