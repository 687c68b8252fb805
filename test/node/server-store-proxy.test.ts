// The store behind the proxy, against the mock Plivo on loopback: leases that run out (a store
// clock the test moves), and a store that fails.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it, mock } from 'node:test';
import xxhash from 'xxhash-wasm';
import { createUploadSigner, memoryStore, type UploadStore } from '../../src/server/index.js';
import { fingerprint } from '../../src/server/idempotency.js';
import { jpegBytes, pngBytes } from '../helpers/sample-files.js';
import { bearer, expectError, json, SECRET } from './helpers/proxy.js';
import { keyedUpload as upload, startRetryBench, storeWith, type RetryBench } from './helpers/retries.js';

let bench: RetryBench;
before(async () => {
  bench = await startRetryBench();
});
after(() => bench.close());
afterEach(async () => {
  assert.deepEqual(await bench.spool.list(), [], 'temporary files are removed');
});

describe('leases', () => {
  it('let a later attempt take over a key whose attempt outlived the provider timeout + 15 s; the late one changes nothing', async () => {
    let clock = Date.now();
    const proxy = bench.proxy({ store: memoryStore({ now: () => clock }), inProgressWaitMs: 0, timeoutMs: 60_000 });
    const authorization = bearer();
    const stuck = await bench.held(() => proxy(upload(authorization, jpegBytes(), 'stuck')));
    clock += 74_999;
    await expectError(await proxy(upload(authorization, jpegBytes(), 'stuck')), 409, 'in-progress', /still running/);
    clock += 1;
    const taken = await bench.held(() => proxy(upload(authorization, jpegBytes(), 'stuck')));
    stuck.release();
    taken.release();
    const lateAnswer = await json(await stuck.response);
    const takenAnswer = await json(await taken.response);
    assert.notDeepEqual(lateAnswer, takenAnswer);
    const replay = await proxy(upload(authorization, jpegBytes(), 'stuck'));
    assert.deepEqual(await json(replay), takenAnswer, 'the answer kept is the one of the attempt that held the key');
  });

  it('free a key left in progress by a crashed process', async () => {
    let clock = Date.now();
    const store = memoryStore({ now: () => clock });
    const proxy = bench.proxy({ store, inProgressWaitMs: 0 });
    const authorization = bearer();
    const claims = createUploadSigner({ secret: SECRET }).verify(authorization.slice('Bearer '.length));
    const bytes = jpegBytes();
    const contentHash = (await xxhash()).h64Raw(bytes).toString(16).padStart(16, '0');
    // What a process that crashed while forwarding leaves behind (default provider timeout 30 s).
    await store.reserve({
      tokenId: claims.jti,
      key: 'orphan',
      attempt: 'crashed',
      fingerprint: fingerprint({ size: bytes.length, contentHash }),
      size: bytes.length,
      maxFiles: 10,
      expiresAt: claims.exp * 1000,
      leaseMs: 45_000,
    });
    const sent = await bench.sent(async () => {
      await expectError(await proxy(upload(authorization, bytes, 'orphan')), 409, 'in-progress', /still running/);
      clock += 45_000;
      assert.equal((await proxy(upload(authorization, bytes, 'orphan'))).status, 200);
    });
    assert.equal(sent, 1);
  });
});

describe('a store that fails', () => {
  const failing = (method: keyof UploadStore) => storeWith(() => ({ [method]: () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.9:6379')) }));

  it('answers 503 store-unavailable and forwards nothing', async () => {
    const proxy = bench.proxy({ store: failing('reserve') });
    const sent = await bench.sent(async () => {
      const message = await expectError(await proxy(upload(bearer(), pngBytes(), 'key')), 503, 'store-unavailable', /^The server cannot take uploads right now\. Try again in a moment\.$/);
      assert.ok(!message.includes('6379'), 'nothing of the store in the message');
      await expectError(await proxy(upload(bearer(), pngBytes())), 503, 'store-unavailable', /cannot take uploads/);
    });
    assert.equal(sent, 0);
  });

  it('still gives the provider\'s answer when only keeping it fails (logged)', async () => {
    const proxy = bench.proxy({ store: failing('complete') });
    const logged = mock.method(console, 'error', () => undefined);
    try {
      const response = await proxy(upload(bearer(), pngBytes(), 'key'));
      assert.equal(response.status, 200);
      assert.match(String((await json(response)).media_url), /^https:\/\/media\.plivo\.com\//);
      assert.equal(logged.mock.callCount(), 1);
    } finally {
      logged.mock.restore();
    }
  });
});
