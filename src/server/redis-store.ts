/**
 * `redisStore`: the `UploadStore` shared by every process of one deployment. Same answers as
 * `memoryStore()`, because each call is one Lua script (see redis-scripts.ts): the reservation
 * ("the key's record, else a slot of the token's files and bytes") is one atomic step, leases run
 * out, late attempts change nothing, and a token's records expire with the token (a TTL).
 *
 * A Redis that is away makes calls fail within `commandTimeoutMs`; the proxy answers 503
 * `store-unavailable` and forwards nothing.
 */
import { createHash } from 'node:crypto';
import type { UploadResult } from '../protocol.js';
import { connectRedis, type RedisScriptClient } from './redis-connection.js';
import { COMPLETE, GET, RELEASE, RESERVE } from './redis-scripts.js';
import type { UploadRecord, UploadStore } from './store.js';

export type { RedisScriptClient } from './redis-connection.js';

export interface RedisStoreOptions {
  /** `redis://[:password@]host:port[/db]` (`rediss://` for TLS): the store opens, and closes, its own ioredis client. */
  url?: string;
  /**
   * A client of your own (ioredis `Redis` or `Cluster`), used as it is: give it
   * `enableOfflineQueue: false`, a `commandTimeout` and an `error` listener.
   */
  client?: RedisScriptClient;
  /** Put before each token's key. Default 'mms-media-upload:'. */
  keyPrefix?: string;
  /** With `url`: a command without an answer after this long fails. Default 1000. */
  commandTimeoutMs?: number;
  /** The clock, in milliseconds since the epoch (tests move it). Default `Date.now`. */
  now?: () => number;
}

export interface RedisStore extends UploadStore {
  /** Closes the client the store opened (`url`); a client given as `client` is left open. */
  close(): Promise<void>;
}

const DEFAULT_PREFIX = 'mms-media-upload:';
const DEFAULT_COMMAND_TIMEOUT_MS = 1_000;

export function redisStore(options: RedisStoreOptions): RedisStore {
  const { client, url } = options;
  if ((client === undefined) === (url === undefined)) throw new TypeError('redisStore: give either url or client');
  const connection = url === undefined ? undefined : connectRedis({ url, commandTimeoutMs: options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS });
  const prefix = options.keyPrefix ?? DEFAULT_PREFIX;
  const now = options.now ?? Date.now;

  /** Runs `script` on the token's hash, at `at` (the store's clock) for `key`. */
  async function run(script: Script, tokenId: string, key: string, at: number, ...args: (string | number)[]): Promise<unknown> {
    const redis = client ?? (await connection!.client());
    const argv = [`${prefix}${tokenId}`, at, key, ...args];
    try {
      return await redis.evalsha(script.sha1, 1, ...argv);
    } catch (error) {
      // Redis forgets scripts on restart (and never knew them on a new server): send it whole.
      if (!/NOSCRIPT/.test(String((error as Error | undefined)?.message))) throw error;
      return redis.eval(script.source, 1, ...argv);
    }
  }

  return {
    async get(tokenId, key) {
      const found = (await run(scripts.get, tokenId, key, now())) as [string, string] | null;
      return found ? shown(found[0], found[1]) : undefined;
    },

    async reserve(request) {
      const at = now();
      const inProgress = JSON.stringify({ s: 'p', f: request.fingerprint, z: request.size, a: request.attempt, l: at + request.leaseMs });
      const reply = (await run(
        scripts.reserve,
        request.tokenId,
        request.key,
        at,
        inProgress,
        request.size,
        request.maxFiles,
        request.maxTotalSize ?? '',
        request.expiresAt,
      )) as string[];
      if (reply[0] === 'reserved') return { state: 'reserved' };
      if (reply[0] === 'full') return { state: 'full', limit: reply[1] === 'maxTotalSize' ? 'maxTotalSize' : 'maxFiles' };
      return shown(reply[1]!, reply[2]!);
    },

    async complete(claim, answer: UploadResult) {
      await run(scripts.complete, claim.tokenId, claim.key, now(), claim.attempt, JSON.stringify(answer));
    },

    async release(claim) {
      await run(scripts.release, claim.tokenId, claim.key, now(), claim.attempt);
    },

    async close() {
      await connection?.close();
    },
  };
}

interface Script {
  source: string;
  sha1: string;
}

const script = (source: string): Script => ({ source, sha1: createHash('sha1').update(source).digest('hex') });
const scripts = { get: script(GET), reserve: script(RESERVE), complete: script(COMPLETE), release: script(RELEASE) };

/** The stored record as the store contract shows it. */
function shown(recordJson: string, answerJson: string): UploadRecord {
  const record = JSON.parse(recordJson) as { s: 'p' | 'd'; f: string };
  if (record.s === 'd') return { state: 'done', fingerprint: record.f, answer: JSON.parse(answerJson) as UploadResult };
  return { state: 'in-progress', fingerprint: record.f };
}
