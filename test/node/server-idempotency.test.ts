// Retries through the proxy, against the mock Plivo on loopback: an upload with an
// Idempotency-Key reaches the provider once per token and key, whatever the browser repeats.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import type { FetchHandler } from '../../src/server/index.js';
import { jpegBytes, pngBytes } from '../helpers/sample-files.js';
import { MULTIPART_TYPE, streamedFileBody, waitFor } from './helpers/http.js';
import { bearer, expectError, json, ORIGIN } from './helpers/proxy.js';
import { keyedUpload as upload, startRetryBench, storeWith, type RetryBench } from './helpers/retries.js';

let bench: RetryBench;
let proxy: FetchHandler;
before(async () => {
  bench = await startRetryBench();
});
after(() => bench.close());
beforeEach(() => {
  proxy = bench.proxy();
});
afterEach(async () => {
  assert.deepEqual(await bench.spool.list(), [], 'temporary files are removed');
});

describe('Idempotency-Key', () => {
  it('answers a repeat after success with the stored answer, without asking the provider again', async () => {
    const authorization = bearer();
    const sent = await bench.sent(async () => {
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
    const sent = await bench.sent(async () => {
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
    const sent = await bench.sent(async () => {
      bench.plivo.replyOnce({ status: 500, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ error: 'internal error' }) });
      await expectError(await proxy(upload(authorization, pngBytes(), 'retried')), 502, 'provider-failed', /HTTP 500/);
      const retry = await proxy(upload(authorization, pngBytes(), 'retried'));
      assert.equal(retry.status, 200);
      assert.equal(retry.headers.get('idempotent-replayed'), null);
    });
    assert.equal(sent, 2);
  });

  it('lets a repeat wait while the first attempt runs, then gives it the stored answer', async () => {
    let polls = 0;
    const waiting = bench.proxy({ store: storeWith((inner) => ({ get: (tokenId, key) => ((polls += 1), inner.get(tokenId, key)) })) });
    const authorization = bearer();
    const sent = await bench.sent(async () => {
      const first = await bench.held(() => waiting(upload(authorization, jpegBytes(), 'slow')));
      const second = waiting(upload(authorization, jpegBytes(), 'slow'));
      await waitFor(() => polls > 0, 'the repeat to poll the store');
      first.release();
      const [a, b] = await Promise.all([first.response, second]);
      assert.deepEqual([a.status, b.status], [200, 200]);
      assert.equal(b.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(await json(b), await json(a));
    });
    assert.equal(sent, 1);
  });

  it('answers 409 in-progress when the first attempt outlasts the wait', async () => {
    const impatient = bench.proxy({ inProgressWaitMs: 150 });
    const authorization = bearer();
    const sent = await bench.sent(async () => {
      const first = await bench.held(() => impatient(upload(authorization, jpegBytes(), 'very-slow')));
      try {
        await expectError(await impatient(upload(authorization, jpegBytes(), 'very-slow')), 409, 'in-progress', /still running/);
      } finally {
        first.release();
      }
      const stored = await json(await first.response);
      assert.deepEqual(await json(await impatient(upload(authorization, jpegBytes(), 'very-slow'))), stored, 'later, the stored answer');
    });
    assert.equal(sent, 1);
  });

  it('refuses a key reused for other bytes of the same size, or another size, with 422', async () => {
    const authorization = bearer();
    const bytes = pngBytes(3000);
    const other = bytes.slice();
    other[2999] ^= 0xff;
    const sent = await bench.sent(async () => {
      assert.equal((await proxy(upload(authorization, bytes, 'one-file'))).status, 200);
      await expectError(await proxy(upload(authorization, other, 'one-file')), 422, 'idempotency-key-reused', /used for another file/);
      await expectError(await proxy(upload(authorization, pngBytes(3001), 'one-file')), 422, 'idempotency-key-reused', /used for another file/);
    });
    assert.equal(sent, 1);
  });

  it('refuses another file under a key whose first attempt is still running with 422, without waiting', async () => {
    const authorization = bearer();
    const first = await bench.held(() => proxy(upload(authorization, jpegBytes(), 'busy')));
    try {
      await expectError(await proxy(upload(authorization, pngBytes(), 'busy')), 422, 'idempotency-key-reused', /used for another file/);
    } finally {
      first.release();
    }
    assert.equal((await first.response).status, 200);
  });

  it('keeps the same key apart for different tokens', async () => {
    const sent = await bench.sent(async () => {
      assert.equal((await proxy(upload(bearer(), pngBytes(), 'shared'))).status, 200);
      const other = await proxy(upload(bearer(), pngBytes(), 'shared'));
      assert.equal(other.status, 200);
      assert.equal(other.headers.get('idempotent-replayed'), null);
    });
    assert.equal(sent, 2);
  });

  it('serves requests without the header as before: each is forwarded and counted', async () => {
    const authorization = bearer({ limits: { maxFiles: 2 } });
    const sent = await bench.sent(async () => {
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
