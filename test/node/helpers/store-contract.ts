/**
 * The UploadStore contract, run against every implementation (memoryStore, redisStore) with a clock
 * the tests move: records per token and key, the file and byte counts, leases that run out, late
 * attempts that change nothing, tokens that expire, and copies handed out.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { UploadResult } from '../../../src/protocol.js';
import type { ReserveRequest, UploadStore } from '../../../src/server/index.js';

export const START = 1_800_000_000_000;

/** A store on `now`, and what to do once its test is over. */
export type OpenStore = (now: () => number) => Promise<{ store: UploadStore; close(): Promise<void> }>;

/** A reservation of `key` by attempt `attempt` for token 't' (2 files, expires in a minute, 1 s lease). */
export function reservation(key: string, attempt = `${key}-1`, more: Partial<ReserveRequest> = {}): ReserveRequest {
  return { tokenId: 't', key, attempt, fingerprint: `fp-${key}`, size: 100, maxFiles: 2, expiresAt: START + 60_000, leaseMs: 1000, ...more };
}

export function answerOf(id: string): UploadResult {
  return { media_url: `https://media.test/${id}`, media_id: id, file_name: `${id}.png`, content_type: 'image/png', size: 100 };
}

export function storeContract(name: string, open: OpenStore): void {
  describe(`${name}: the UploadStore contract`, () => {
    let clock = START;
    let store: UploadStore;
    let close: () => Promise<void>;
    beforeEach(async () => {
      clock = START;
      ({ store, close } = await open(() => clock));
    });
    afterEach(() => close());
    const request = reservation;
    const answer = answerOf;

    it('reserves a free key, shows it in progress, and keeps the answer it completes with', async () => {
      assert.deepEqual(await store.reserve(request('a')), { state: 'reserved' });
      assert.deepEqual(await store.get('t', 'a'), { state: 'in-progress', fingerprint: 'fp-a' });
      assert.deepEqual(await store.reserve(request('a', 'a-2')), { state: 'in-progress', fingerprint: 'fp-a' }, 'a second attempt is told, not given the key');
      await store.complete(request('a'), answer('A'));
      assert.deepEqual(await store.get('t', 'a'), { state: 'done', fingerprint: 'fp-a', answer: answer('A') });
      assert.deepEqual(await store.reserve(request('a', 'a-3')), { state: 'done', fingerprint: 'fp-a', answer: answer('A') });
    });

    it('answers a known key before counting: a full token still replays its files', async () => {
      await store.reserve(request('a'));
      await store.reserve(request('b'));
      assert.deepEqual(await store.reserve(request('c')), { state: 'full', limit: 'maxFiles' });
      await store.complete(request('b'), answer('B'));
      assert.deepEqual(await store.reserve(request('b', 'b-2')), { state: 'done', fingerprint: 'fp-b', answer: answer('B') });
      assert.deepEqual(await store.reserve(request('a', 'a-2')), { state: 'in-progress', fingerprint: 'fp-a' });
    });

    it('counts bytes against maxTotalSize', async () => {
      const sized = (key: string, size: number) => request(key, `${key}-1`, { size, maxFiles: 10, maxTotalSize: 1000 });
      assert.deepEqual(await store.reserve(sized('a', 600)), { state: 'reserved' });
      assert.deepEqual(await store.reserve(sized('b', 401)), { state: 'full', limit: 'maxTotalSize' });
      assert.deepEqual(await store.reserve(sized('b', 400)), { state: 'reserved' }, 'exactly the total passes');
    });

    it('release forgets the key and gives its slot back', async () => {
      await store.reserve(request('a'));
      await store.reserve(request('b'));
      await store.release(request('a'));
      assert.equal(await store.get('t', 'a'), undefined);
      assert.deepEqual(await store.reserve(request('c')), { state: 'reserved' });
    });

    it('keeps tokens apart', async () => {
      await store.reserve(request('a'));
      await store.reserve(request('b'));
      assert.deepEqual(await store.reserve(request('a', 'other-1', { tokenId: 'u' })), { state: 'reserved' });
      assert.equal(await store.get('u', 'b'), undefined);
    });

    it('lets a lease run out: the key and its slot are free, and the late attempt changes nothing', async () => {
      await store.reserve(request('a'));
      await store.reserve(request('b'));
      clock += 999;
      assert.deepEqual(await store.get('t', 'a'), { state: 'in-progress', fingerprint: 'fp-a' });
      clock += 1;
      assert.equal(await store.get('t', 'a'), undefined, 'no longer blocks');
      assert.deepEqual(await store.reserve(request('c')), { state: 'reserved' }, 'the slots of run-out leases are free');
      assert.deepEqual(await store.reserve(request('a', 'a-2')), { state: 'reserved' }, 'another attempt takes the key');
      await store.complete(request('a', 'a-1'), answer('late'));
      await store.release(request('a', 'a-1'));
      assert.deepEqual(await store.get('t', 'a'), { state: 'in-progress', fingerprint: 'fp-a' }, 'the first attempt no longer holds it');
      await store.complete(request('a', 'a-2'), answer('A'));
      assert.deepEqual(await store.get('t', 'a'), { state: 'done', fingerprint: 'fp-a', answer: answer('A') });
    });

    it('keeps a done record for the token\'s lifetime, and no longer', async () => {
      const short = (key: string) => request(key, `${key}-1`, { expiresAt: START + 30_000 });
      await store.reserve(short('a'));
      await store.complete(short('a'), answer('A'));
      clock = START + 29_999;
      assert.equal((await store.get('t', 'a'))?.state, 'done', 'a done record has no lease');
      clock = START + 30_000;
      assert.equal(await store.get('t', 'a'), undefined);
      assert.deepEqual(await store.reserve(short('b')), { state: 'reserved' }, 'an expired token counts nothing');
    });

    it('hands out copies: changing an answer does not change the store', async () => {
      await store.reserve(request('a'));
      const given = answer('A');
      await store.complete(request('a'), given);
      given.media_url = 'changed';
      const record = await store.get('t', 'a');
      assert.ok(record?.state === 'done');
      record.answer.media_url = 'changed too';
      assert.deepEqual(await store.get('t', 'a'), { state: 'done', fingerprint: 'fp-a', answer: answer('A') });
    });

    it('keeps an answer\'s optional fields (s3_uri)', async () => {
      await store.reserve(request('a'));
      const withUri = { ...answer('A'), s3_uri: 's3://media/A.png' };
      await store.complete(request('a'), withUri);
      assert.deepEqual(await store.get('t', 'a'), { state: 'done', fingerprint: 'fp-a', answer: withUri });
    });
  });
}
