// memoryStore: the UploadStore contract (shared with redisStore), and its own lazy sweeping.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryStore } from '../../src/server/index.js';
import { answerOf, reservation, START, storeContract } from './helpers/store-contract.js';

storeContract('memoryStore', async (now) => ({ store: memoryStore({ now }), close: async () => undefined }));

describe('memoryStore: sweeping', () => {
  it('forgets expired tokens lazily, at most once a minute', async () => {
    let clock = START;
    const store = memoryStore({ now: () => clock });
    const short = reservation('a', 'a-1', { expiresAt: START + 30_000 });
    await store.reserve(short);
    await store.complete(short, answerOf('A'));
    clock = START + 30_000;
    assert.equal(await store.get('t', 'a'), undefined);
    assert.equal(store.tokenCount, 1, 'not swept yet: sweeps run at most once a minute');
    clock = START + 60_000;
    await store.get('other', 'x');
    assert.equal(store.tokenCount, 0, 'swept');
  });
});
