// redisStore against a real redis-server on loopback: the UploadStore contract (shared with
// memoryStore), reservations that stay atomic under concurrent clients, TTLs, scripts that survive a
// restart of Redis, and a Redis that is away failing fast instead of hanging.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { redisStore, type RedisScriptClient } from '../../src/server/index.js';
import { closedOrigin } from './helpers/http.js';
import { startRedisServer, type RedisServer } from './helpers/redis-server.js';
import { answerOf, reservation, START, storeContract } from './helpers/store-contract.js';

let redis: RedisServer;
before(async () => {
  redis = await startRedisServer();
});
after(() => redis.stop());

/** Each test its own prefix: no test sees another's keys. */
const prefix = () => `test-${randomUUID()}:`;

storeContract('redisStore', async (now) => {
  const store = redisStore({ url: redis.url, keyPrefix: prefix(), now });
  return { store, close: () => store.close() };
});

describe('redisStore', () => {
  it('reserves atomically: of 30 concurrent reservations from three clients, exactly maxFiles win', async () => {
    const keyPrefix = prefix();
    const stores = [0, 1, 2].map(() => redisStore({ url: redis.url, keyPrefix }));
    try {
      const replies = await Promise.all(
        Array.from({ length: 30 }, (_, i) => stores[i % 3]!.reserve(reservation(`k${i}`, `k${i}-1`, { maxFiles: 10, expiresAt: Date.now() + 60_000, leaseMs: 60_000 }))),
      );
      assert.equal(replies.filter((reply) => reply.state === 'reserved').length, 10);
      assert.equal(replies.filter((reply) => reply.state === 'full').length, 20);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it('gives each token a TTL of the time it has left, and keeps nothing else', async () => {
    const keyPrefix = prefix();
    const store = redisStore({ url: redis.url, keyPrefix, now: () => START });
    const inspect = new Redis(redis.url);
    try {
      await store.reserve(reservation('a', 'a-1', { expiresAt: START + 45_000 }));
      await store.complete(reservation('a'), answerOf('A'));
      assert.deepEqual(await inspect.keys(`${keyPrefix}*`), [`${keyPrefix}t`]);
      const ttl = await inspect.pttl(`${keyPrefix}t`);
      assert.ok(ttl > 40_000 && ttl <= 45_000, `TTL ${ttl} ms`);
    } finally {
      await store.close();
      inspect.disconnect();
    }
  });

  it('works with a client of your own (ioredis), and reloads its scripts after Redis forgot them', async () => {
    const client = new Redis(redis.url, { enableOfflineQueue: false, commandTimeout: 1000 });
    client.on('error', () => undefined);
    try {
      await new Promise((resolve) => client.once('ready', resolve));
      const store = redisStore({ client, keyPrefix: prefix() });
      assert.deepEqual(await store.reserve(reservation('a', 'a-1', { expiresAt: Date.now() + 60_000 })), { state: 'reserved' });
      await client.script('FLUSH');
      assert.deepEqual(await store.get('t', 'a'), { state: 'in-progress', fingerprint: 'fp-a' });
      await store.close();
      assert.equal(client.status, 'ready', 'a client given is left open');
    } finally {
      client.disconnect();
    }
  });

  it('fails fast when Redis is unreachable, without an unhandled error', async () => {
    const errors: unknown[] = [];
    const console_error = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    const store = redisStore({ url: `redis://${new URL(await closedOrigin()).host}` });
    try {
      const started = Date.now();
      await assert.rejects(store.reserve(reservation('a', 'a-1', { expiresAt: Date.now() + 60_000 })));
      assert.ok(Date.now() - started < 5_000, 'fails within seconds, never hangs');
      assert.ok(errors.length >= 1, 'the outage is logged');
    } finally {
      await store.close();
      console.error = console_error;
    }
  });

  it('needs exactly one of url and client', () => {
    assert.throws(() => redisStore({}), /give either url or client/);
    assert.throws(() => redisStore({ url: 'redis://127.0.0.1:1', client: {} as RedisScriptClient }), /give either url or client/);
  });
});
