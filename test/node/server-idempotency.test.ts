// Retries through the proxy, against the mock Plivo on loopback: an upload with an
// Idempotency-Key reaches the provider once per token and key, whatever the browser repeats.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, afterEach, before, beforeEach, describe, it, mock } from 'node:test';
import { createMediaProxy, createUploadSigner, memoryStore, plivoProvider, type FetchHandler, type UploadStore } from '../../src/server/index.js';
import { fingerprint } from '../../src/server/idempotency.js';
import { jpegBytes, pngBytes } from '../helpers/sample-files.js';
import { MULTIPART_TYPE, streamedFileBody, tempDir, waitFor, type TempDir } from './helpers/http.js';
import { startPlivoMock, type Mock } from './helpers/mock-providers.js';
import { bearer, expectError, json, ORIGIN, SECRET, uploadRequest } from './helpers/proxy.js';

const PLIVO = { authId: 'MAIDEMPOTENTXXXXXXXX', authToken: 'plivo-token-for-retries' };

let plivo: Mock;
let spool: TempDir;

before(async () => {
  plivo = await startPlivoMock(PLIVO.authId, PLIVO.authToken);
  spool = await tempDir('idempotency-spool');
});
after(async () => {
  await plivo.close();
  await spool.remove();
});
afterEach(async () => {
  assert.deepEqual(await spool.list(), [], 'temporary files are removed');
});

function proxyWith(options: { store?: UploadStore; inProgressWaitMs?: number; timeoutMs?: number } = {}): FetchHandler {
  const { store, inProgressWaitMs, timeoutMs } = options;
  return createMediaProxy({ secret: SECRET, provider: plivoProvider({ ...PLIVO, baseUrl: plivo.origin, timeoutMs }), tmpDir: spool.path, store, inProgressWaitMs });
}

/** An upload as the element sends it, with an `Idempotency-Key` when `key` is given. */
function upload(authorization: string, bytes: Uint8Array<ArrayBuffer>, key?: string, name = 'a.png'): Request {
  const request = uploadRequest(authorization, bytes, name);
  if (key !== undefined) request.headers.set('Idempotency-Key', key);
  return request;
}

/** How many requests the provider got while `run` ran. */
async function providerRequests(run: () => Promise<void>): Promise<number> {
  const before = plivo.requests.length;
  await run();
  return plivo.requests.length - before;
}

/** A memory store with some methods replaced (to watch them, or to make them fail). */
function storeWith(overrides: (inner: UploadStore) => Partial<UploadStore>): UploadStore {
  const inner = memoryStore();
  return { ...inner, ...overrides(inner) };
}

describe('Idempotency-Key', () => {
  let proxy: FetchHandler;
  beforeEach(() => {
    proxy = proxyWith();
  });

  it('answers a repeat after success with the stored answer, without asking the provider again', async () => {
    const authorization = bearer();
    const sent = await providerRequests(async () => {
      const first = await proxy(upload(authorization, pngBytes(), 'key-1'));
      const firstBody = await json(first);
      assert.equal(first.status, 200, JSON.stringify(firstBody));
      assert.equal(first.headers.get('idempotent-replayed'), null);
      const again = await proxy(upload(authorization, pngBytes(), 'key-1'));
      assert.equal(again.status, 200);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(await json(again), firstBody);
    });
    assert.equal(sent, 1);
  });

  it('replays the 10th file of a 10-file token instead of refusing it as too-many-files', async () => {
    const authorization = bearer();
    const answers: Record<string, unknown>[] = [];
    const sent = await providerRequests(async () => {
      for (let i = 1; i <= 10; i++) {
        const response = await proxy(upload(authorization, pngBytes(1000 + i), `file-${i}`, `${i}.png`));
        assert.equal(response.status, 200);
        answers.push(await json(response));
      }
      const replay = await proxy(upload(authorization, pngBytes(1010), 'file-10', '10.png'));
      assert.equal(replay.status, 200);
      assert.deepEqual(await json(replay), answers[9]);
    });
    assert.equal(sent, 10);
    await expectError(await proxy(upload(authorization, pngBytes(), 'file-11', '11.png')), 400, 'too-many-files', /^11\.png: only 10 files can be attached$/, { maxFiles: 10 });
    await expectError(await proxy(upload(authorization, pngBytes(), undefined, '12.png')), 400, 'too-many-files', /only 10 files/, { maxFiles: 10 });
  });

  it('forwards a retry again after a failure (the key and the slot were given back), then stores it', async () => {
    const authorization = bearer({ limits: { maxFiles: 1 } });
    const sent = await providerRequests(async () => {
      plivo.replyOnce({ status: 500, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ error: 'internal error' }) });
      await expectError(await proxy(upload(authorization, pngBytes(), 'retried')), 502, 'provider-failed', /HTTP 500/);
      const retry = await proxy(upload(authorization, pngBytes(), 'retried'));
      assert.equal(retry.status, 200);
      assert.equal(retry.headers.get('idempotent-replayed'), null);
    });
    assert.equal(sent, 2);
  });

  it('lets a repeat wait while the first attempt runs, then gives it the stored answer', async () => {
    let polls = 0;
    const store = storeWith((inner) => ({ get: (tokenId, key) => ((polls += 1), inner.get(tokenId, key)) }));
    const waiting = proxyWith({ store });
    const authorization = bearer();
    const sent = await providerRequests(async () => {
      const release = plivo.hold();
      const before = plivo.requests.length;
      const first = waiting(upload(authorization, jpegBytes(), 'slow'));
      await waitFor(() => plivo.requests.length === before + 1, 'the first attempt to reach the provider');
      const second = waiting(upload(authorization, jpegBytes(), 'slow'));
      await waitFor(() => polls > 0, 'the repeat to poll the store');
      release();
      const [a, b] = await Promise.all([first, second]);
      assert.deepEqual([a.status, b.status], [200, 200]);
      assert.equal(b.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(await json(b), await json(a));
    });
    assert.equal(sent, 1);
  });

  it('answers 409 in-progress when the first attempt outlasts the wait', async () => {
    const impatient = proxyWith({ inProgressWaitMs: 150 });
    const authorization = bearer();
    const sent = await providerRequests(async () => {
      const release = plivo.hold();
      const before = plivo.requests.length;
      const first = impatient(upload(authorization, jpegBytes(), 'very-slow'));
      try {
        await waitFor(() => plivo.requests.length === before + 1, 'the first attempt to reach the provider');
        await expectError(await impatient(upload(authorization, jpegBytes(), 'very-slow')), 409, 'in-progress', /still running/);
      } finally {
        release();
      }
      const stored = await json(await first);
      assert.deepEqual(await json(await impatient(upload(authorization, jpegBytes(), 'very-slow'))), stored, 'later, the stored answer');
    });
    assert.equal(sent, 1);
  });

  it('refuses a key reused for other bytes of the same size, or another size, with 422', async () => {
    const authorization = bearer();
    const bytes = pngBytes(3000);
    const other = bytes.slice();
    other[2999] ^= 0xff;
    const sent = await providerRequests(async () => {
      assert.equal((await proxy(upload(authorization, bytes, 'one-file'))).status, 200);
      await expectError(await proxy(upload(authorization, other, 'one-file')), 422, 'idempotency-key-reused', /used for another file/);
      await expectError(await proxy(upload(authorization, pngBytes(3001), 'one-file')), 422, 'idempotency-key-reused', /used for another file/);
    });
    assert.equal(sent, 1);
  });

  it('refuses another file under a key whose first attempt is still running with 422, without waiting', async () => {
    const authorization = bearer();
    const release = plivo.hold();
    const before = plivo.requests.length;
    const first = proxy(upload(authorization, jpegBytes(), 'busy'));
    try {
      await waitFor(() => plivo.requests.length === before + 1, 'the first attempt to reach the provider');
      await expectError(await proxy(upload(authorization, pngBytes(), 'busy')), 422, 'idempotency-key-reused', /used for another file/);
    } finally {
      release();
    }
    assert.equal((await first).status, 200);
  });

  it('keeps the same key apart for different tokens', async () => {
    const sent = await providerRequests(async () => {
      assert.equal((await proxy(upload(bearer(), pngBytes(), 'shared'))).status, 200);
      const other = await proxy(upload(bearer(), pngBytes(), 'shared'));
      assert.equal(other.status, 200);
      assert.equal(other.headers.get('idempotent-replayed'), null);
    });
    assert.equal(sent, 2);
  });

  it('serves requests without the header as before: each is forwarded and counted', async () => {
    const authorization = bearer({ limits: { maxFiles: 2 } });
    const sent = await providerRequests(async () => {
      const a = await json(await proxy(upload(authorization, pngBytes())));
      const b = await json(await proxy(upload(authorization, pngBytes())));
      assert.notEqual(a.media_id, b.media_id);
      await expectError(await proxy(upload(authorization, pngBytes())), 400, 'too-many-files', /only 2 files/, { maxFiles: 2 });
    });
    assert.equal(sent, 2);
  });

  it('refuses a key that is empty, too long, or not printable ASCII with 400, before reading the body', async () => {
    for (const key of ['', 'k'.repeat(201), 'clé', 'tab\there']) {
      const body = streamedFileBody({ head: jpegBytes(), size: 10_000, filename: 'a.jpg', type: 'image/jpeg' });
      const request = new Request(`${ORIGIN}/api/upload`, {
        method: 'POST',
        headers: { 'Content-Type': MULTIPART_TYPE, Authorization: bearer(), 'Idempotency-Key': key },
        body: body.stream,
        duplex: 'half',
      } as RequestInit);
      await expectError(await proxy(request), 400, 'bad-request', /Idempotency-Key header must be 1 to 200 printable ASCII characters/);
      assert.equal(body.pulled, 0, JSON.stringify(key));
    }
    assert.equal((await proxy(upload(bearer(), pngBytes(), `${'k'.repeat(190)} ~!"#$%&'`))).status, 200, '200 printable characters, spaces included');
  });
});

describe('leases', () => {
  it('let a later attempt take over a key whose attempt outlived the provider timeout + 15 s; the late one changes nothing', async () => {
    let clock = Date.now();
    const store = memoryStore({ now: () => clock });
    const proxy = proxyWith({ store, inProgressWaitMs: 0, timeoutMs: 60_000 });
    const authorization = bearer();
    const release = plivo.hold();
    const before = plivo.requests.length;
    const stuck = proxy(upload(authorization, jpegBytes(), 'stuck'));
    let second: Promise<Response>;
    try {
      await waitFor(() => plivo.requests.length === before + 1, 'the first attempt to reach the provider');
      clock += 74_999;
      await expectError(await proxy(upload(authorization, jpegBytes(), 'stuck')), 409, 'in-progress', /still running/);
      clock += 1;
      second = proxy(upload(authorization, jpegBytes(), 'stuck'));
      await waitFor(() => plivo.requests.length === before + 2, 'the second attempt to reach the provider');
    } finally {
      release();
    }
    const late = await json(await stuck);
    const taken = await json(await second);
    assert.notDeepEqual(late, taken);
    assert.deepEqual(await json(await proxy(upload(authorization, jpegBytes(), 'stuck'))), taken, 'the answer kept is the one of the attempt that held the key');
  });

  it('free a key left in progress by a crashed process', async () => {
    let clock = Date.now();
    const store = memoryStore({ now: () => clock });
    const proxy = proxyWith({ store, inProgressWaitMs: 0 });
    const authorization = bearer();
    const claims = createUploadSigner({ secret: SECRET }).verify(authorization.slice('Bearer '.length));
    const bytes = jpegBytes();
    const sha256 = createHash('sha256').update(bytes).digest('base64url');
    // What a process that crashed while forwarding leaves behind (default provider timeout 30 s).
    await store.reserve({
      tokenId: claims.jti,
      key: 'orphan',
      attempt: 'crashed',
      fingerprint: fingerprint({ size: bytes.length, sha256 }),
      size: bytes.length,
      maxFiles: 10,
      expiresAt: claims.exp * 1000,
      leaseMs: 45_000,
    });
    const sent = await providerRequests(async () => {
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
    const proxy = proxyWith({ store: failing('reserve') });
    const sent = await providerRequests(async () => {
      const message = await expectError(await proxy(upload(bearer(), pngBytes(), 'key')), 503, 'store-unavailable', /^The server cannot take uploads right now\. Try again in a moment\.$/);
      assert.ok(!message.includes('6379'), 'nothing of the store in the message');
      await expectError(await proxy(upload(bearer(), pngBytes())), 503, 'store-unavailable', /cannot take uploads/);
    });
    assert.equal(sent, 0);
  });

  it('still gives the provider\'s answer when only keeping it fails (logged)', async () => {
    const proxy = proxyWith({ store: failing('complete') });
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
