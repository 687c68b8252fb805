// The proxy's memory while it forwards: files are streamed from the spool to the provider at the
// provider's pace, never held whole. The proxy runs in a child process (its memory is its own);
// each HTTP provider's mock (written from its seed) stops reading while the uploads are forwarded
// to it. Measured in the child after forced GCs (array buffers swept at once): the heap and the
// memory outside it (`external`, which includes `arrayBuffers`), against the same process idle.
//
// On loopback the kernel takes up to about 4 MB per connection that nobody reads, outside the
// process: 2 MB files fit there whole once sent, so the larger files show that the rest waits on
// disk rather than in memory.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MEGABYTE } from '../../src/limits.js';
import { jpegBytes } from '../helpers/sample-files.js';
import { startProxyProcess, type ProxyProcess } from './helpers/child-process.js';
import { waitFor } from './helpers/http.js';
import { BANDWIDTH, OPENMARKET, PLIVO, startAcrobitsMock, startBandwidthMock, startOpenMarketMock, startPlivoMock, type Mock } from './helpers/mock-providers.js';
import type { ProcessMemory } from './helpers/proxy-process.js';
import { bearer, SECRET } from './helpers/proxy.js';

/** Forwarding holds two 32 KiB buffers per upload (1–3 MB in all); a whole file held would be 2–8 MB (more in base64). */
const MID_FLIGHT_BOUND = 15 * MEGABYTE;
/** Once every answer is sent: nothing of the files, only what any request leaves (pooled sockets). */
const AFTER_BOUND = 5 * MEGABYTE;
const LARGE_FILE = 8 * MEGABYTE;

const CASES = [
  { route: 'plivo', uploads: 20, size: 2 * MEGABYTE },
  { route: 'bandwidth', uploads: 20, size: 2 * MEGABYTE },
  { route: 'openmarket', uploads: 20, size: 2 * MEGABYTE },
  { route: 'generic', uploads: 20, size: 2 * MEGABYTE },
  { route: 'openmarket', uploads: 10, size: LARGE_FILE },
  { route: 'generic', uploads: 10, size: LARGE_FILE },
];

const held = (memory: ProcessMemory) => memory.heapUsed + memory.external;
const mb = (value: number) => `${(value / MEGABYTE).toFixed(1)} MB`;
const files = new Map<number, Uint8Array<ArrayBuffer>>();

async function upload(origin: string, route: string, size: number, name: string): Promise<void> {
  if (!files.has(size)) files.set(size, jpegBytes(size));
  const form = new FormData();
  form.append('file', new Blob([files.get(size)!], { type: 'image/jpeg' }), name);
  const authorization = bearer({ limits: { maxFileSize: LARGE_FILE }, files: [{ name, size, type: 'image/jpeg' }] });
  const response = await fetch(`${origin}/${route}/upload`, { method: 'POST', headers: { Authorization: authorization }, body: form });
  const text = await response.text();
  assert.equal(response.status, 200, `${route}: ${text}`);
}

describe('the proxy\'s memory while it forwards concurrent uploads to a provider that has stopped reading', () => {
  const mocks: Record<string, Mock> = {};
  let proxy: ProxyProcess;
  before(async () => {
    mocks.plivo = await startPlivoMock(PLIVO.authId, PLIVO.authToken, { keep: false });
    mocks.bandwidth = await startBandwidthMock(BANDWIDTH.accountId, BANDWIDTH.username, BANDWIDTH.password, { keep: false });
    mocks.openmarket = await startOpenMarketMock(OPENMARKET.username, OPENMARKET.password, OPENMARKET.idsAccountId, { keep: false });
    mocks.generic = await startAcrobitsMock({ method: 'POST', format: 'json', fields: {} }, { keep: false });
    const origins = Object.fromEntries(Object.entries(mocks).map(([route, mock]) => [route, mock.origin]));
    // Array buffers swept during the forced GC, not later on a thread of their own: the reading counts only what is held.
    proxy = await startProxyProcess(SECRET, { ...origins, maxFileSize: LARGE_FILE }, ['--no-concurrent-array-buffer-sweeping']);
    // Every code path once, so that the baseline is the warm process and not a cold start.
    for (const route of Object.keys(mocks)) await upload(proxy.origin, route, 2 * MEGABYTE, 'warm-up.jpg');
  });
  after(async () => {
    await proxy?.stop();
    await Promise.all(Object.values(mocks).map((mock) => mock.close()));
  });

  for (const { route, uploads: count, size } of CASES) {
    it(`${route}, ${count} × ${mb(size)}: under ${mb(MID_FLIGHT_BOUND)} more while forwarding, under ${mb(AFTER_BOUND)} after`, async (t) => {
      const mock = mocks[route]!;
      const idle = held(await proxy.memory());
      const release = mock.holdReading();
      const arrived = mock.arrivals;
      const uploads = Array.from({ length: count }, (_, i) => upload(proxy.origin, route, size, `photo-${i}.jpg`));
      uploads.forEach((pending) => pending.catch(() => undefined)); // awaited below
      try {
        // Every file spooled, checked and on its way: the provider has every request, and reads nothing.
        await waitFor(() => mock.arrivals === arrived + count, `${count} requests at the mock`, 60_000);
        const during = held(await proxy.memory()) - idle;
        release();
        await Promise.all(uploads);
        const after = held(await proxy.memory()) - idle;
        t.diagnostic(`${route}, ${count} × ${mb(size)}: ${mb(during)} more while the provider read nothing, ${mb(after)} after`);
        assert.ok(during < MID_FLIGHT_BOUND, `the proxy held ${mb(during)} more while forwarding ${count} × ${mb(size)} to ${route} (bound ${mb(MID_FLIGHT_BOUND)})`);
        assert.ok(after < AFTER_BOUND, `the proxy still held ${mb(after)} more after the uploads to ${route} (bound ${mb(AFTER_BOUND)})`);
      } finally {
        release();
        await Promise.allSettled(uploads);
      }
    });
  }
});
