// Three proxy processes sharing one redis-server and one S3 (s3rver behind its signature gate), all
// on 127.0.0.1, requests spread over them round-robin: they answer as one proxy. Counts and retries
// hold across processes, media URLs from any of them serve the file, and a Redis that dies makes
// uploads fail with 503 (nothing forwarded, no process dies) until it is back.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { jpegBytes, pngBytes } from '../helpers/sample-files.js';
import { tempDir, type TempDir } from './helpers/http.js';
import { startInstances, uploadTo, type Instance, type Instances } from './helpers/instances.js';
import { bearer, expectError, SECRET } from './helpers/proxy.js';
import { startRedisServer, type RedisServer } from './helpers/redis-server.js';
import { S3_CREDENTIALS, S3_REGION, startS3Server, type S3Server } from './helpers/s3-server.js';

let redis: RedisServer;
let s3: S3Server;
let spool: TempDir;
let instances: Instances;

before(async () => {
  [redis, s3, spool] = await Promise.all([startRedisServer(), startS3Server(), tempDir('instances-spool')]);
  const base = { secret: SECRET, redisUrl: redis.url, tmpDir: spool.path };
  const s3Settings = { endpoint: s3.endpoint, bucket: s3.bucket, region: S3_REGION, credentials: S3_CREDENTIALS };
  instances = await startInstances([
    { ...base, s3: { ...s3Settings, urls: { publicBaseUrl: s3.publicBaseUrl } } },
    { ...base, s3: { ...s3Settings, urls: { publicBaseUrl: s3.publicBaseUrl } } },
    // The third presigns its media URLs: GET works from anywhere, HEAD does not.
    { ...base, s3: { ...s3Settings, urls: { presign: { expiresInSeconds: 3600 } } } },
  ]);
});

after(async () => {
  await instances?.stop();
  await Promise.all([redis?.stop(), s3?.close()]);
  assert.deepEqual(await spool.list(), [], 'no temporary file left by any instance');
  await spool.remove();
});

const [A, B, C] = [0, 1, 2].map((index) => () => instances.all[index]!);

/** The PUTs that reached S3 while `run` ran. */
async function putsWhile(run: () => Promise<void>): Promise<number> {
  const count = () => s3.requests.filter((request) => request.method === 'PUT').length;
  const before = count();
  await run();
  return count() - before;
}

async function body(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

/** Sends uploads to `instance` until one answers `status`; fails after `withinMs`. */
async function untilStatus(instance: Instance, status: number, withinMs: number): Promise<Response> {
  const deadline = Date.now() + withinMs;
  for (let attempt = 0; ; attempt++) {
    const response = await uploadTo(instance, bearer(), pngBytes(900 + (attempt % 50)), 'probe.png', `probe-${Date.now()}-${attempt}`);
    if (response.status === status) return response;
    await response.arrayBuffer();
    if (Date.now() > deadline) throw new Error(`${instance.origin} still answers ${response.status}, not ${status}, after ${withinMs} ms`);
    await sleep(100);
  }
}

describe('three proxy instances, one Redis, one S3', () => {
  it('never attach more files than one signature allows, however the uploads are spread', async () => {
    const authorization = bearer({ limits: { maxFiles: 4 } });
    let responses: Response[] = [];
    const puts = await putsWhile(async () => {
      responses = await Promise.all(Array.from({ length: 12 }, (_, i) => uploadTo(instances.next(), authorization, pngBytes(2000 + i), `${i}.png`, `file-${i}`)));
    });
    const statuses = responses.map((response) => response.status).sort();
    assert.deepEqual(statuses, [200, 200, 200, 200, 400, 400, 400, 400, 400, 400, 400, 400]);
    for (const response of responses.filter((r) => r.status === 400)) {
      await expectError(response, 400, 'too-many-files', /only 4 files can be attached$/, { maxFiles: 4 });
    }
    assert.equal(puts, 4, 'exactly maxFiles objects stored');
  });

  it('answer a retry that lands on another instance with the stored answer, storing nothing new', async () => {
    const authorization = bearer();
    const bytes = jpegBytes(40_000);
    const puts = await putsWhile(async () => {
      const first = await uploadTo(A(), authorization, bytes, 'holiday.jpg', 'retry-key');
      const stored = await body(first);
      assert.equal(first.status, 200, JSON.stringify(stored));
      for (const other of [B(), C()]) {
        const again = await uploadTo(other, authorization, bytes, 'holiday.jpg', 'retry-key');
        assert.equal(again.status, 200);
        assert.equal(again.headers.get('idempotent-replayed'), 'true');
        assert.deepEqual(await body(again), stored);
      }
      // Two attempts at once on two instances: one PUT, one answer.
      const [x, y] = await Promise.all([uploadTo(B(), authorization, pngBytes(1234), 'b.png', 'both'), uploadTo(C(), authorization, pngBytes(1234), 'b.png', 'both')]);
      assert.deepEqual([x.status, y.status], [200, 200]);
      assert.deepEqual(await body(x), await body(y));
    });
    assert.equal(puts, 2);
  });

  it('issue media URLs that serve the file from S3 with its type, length and name, never chunked', async () => {
    const bytes = pngBytes(150_000);
    const viaB = await body(await uploadTo(B(), bearer(), bytes, 'Screenshot 2026-11-29 at 10.42.01.png'));
    assert.match(String(viaB.s3_uri), new RegExp(`^s3://${s3.bucket}/uploads/[A-Za-z0-9_-]{22}\\.png$`));
    for (const method of ['GET', 'HEAD']) {
      const response = await fetch(String(viaB.media_url), { method, redirect: 'manual' });
      assert.equal(response.status, 200, `public URL, ${method}`);
      assert.equal(response.headers.get('content-type'), 'image/png');
      assert.equal(response.headers.get('content-length'), String(bytes.length));
      assert.equal(response.headers.get('content-disposition'), 'inline; filename="Screenshot_2026.png"');
      assert.equal(response.headers.get('transfer-encoding'), null);
      if (method === 'GET') assert.deepEqual(new Uint8Array(await response.arrayBuffer()), bytes);
    }
    const viaC = await body(await uploadTo(C(), bearer(), bytes, 'b.png'));
    const get = await fetch(String(viaC.media_url), { redirect: 'manual' });
    assert.equal(get.status, 200, 'presigned URL, GET');
    assert.equal(get.headers.get('content-type'), 'image/png');
    assert.equal(get.headers.get('content-length'), String(bytes.length));
    assert.equal(get.headers.get('transfer-encoding'), null);
    assert.deepEqual(new Uint8Array(await get.arrayBuffer()), bytes);
  });

  it('answer 503 store-unavailable within 5 s of Redis dying, forward nothing meanwhile, and work again once it is back', async () => {
    const authorization = bearer();
    const before = await uploadTo(A(), authorization, jpegBytes(20_000), 'before.jpg', 'before-outage');
    assert.equal(before.status, 200);
    const stored = await body(before);

    await redis.kill();
    const puts = await putsWhile(async () => {
      for (const instance of instances.all) {
        await expectError(await untilStatus(instance, 503, 5_000), 503, 'store-unavailable', /^The server cannot take uploads right now\. Try again in a moment\.$/);
        await expectError(await uploadTo(instance, authorization, jpegBytes(20_000), 'before.jpg', 'before-outage'), 503, 'store-unavailable', /cannot take uploads/);
      }
    });
    assert.equal(puts, 0, 'nothing forwarded while the store is away');
    assert.ok(instances.all.every((instance) => instance.alive), 'no process died');

    await redis.restart();
    for (const instance of instances.all) assert.equal((await untilStatus(instance, 200, 10_000)).status, 200);
    assert.ok(instances.all.every((instance) => instance.alive));
    for (const instance of instances.all) {
      assert.match(instance.log, /Redis is unreachable[^\n]*\n(.*\n)*.*Redis is reachable again/, 'each logged the outage and the recovery');
    }

    // Without persistence Redis came back empty: the retry is forwarded again (see the README).
    const again = await uploadTo(B(), authorization, jpegBytes(20_000), 'before.jpg', 'before-outage');
    assert.equal(again.status, 200);
    assert.equal(again.headers.get('idempotent-replayed'), null);
    assert.notEqual((await body(again)).media_url, stored.media_url);
  });
});
