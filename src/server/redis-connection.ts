/**
 * The Redis connection of `redisStore({ url })`: ioredis, loaded on first use, set to fail fast
 * (no offline queue, a short command timeout) so that an upload gets 503 `store-unavailable`
 * within a second while Redis is away, to reconnect every second so that uploads work again soon
 * after it is back, and with an `error` listener so that the process never dies with Redis.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { importOptional } from './optional-import.js';

/** What the store needs of a client: running scripts (ioredis' `Redis` and `Cluster` have both). */
export interface RedisScriptClient {
  evalsha(sha1: string, numkeys: number, ...args: (string | number)[]): Promise<unknown>;
  eval(script: string, numkeys: number, ...args: (string | number)[]): Promise<unknown>;
}

export interface RedisConnection {
  /** The client, once it has connected or after at most `waitMs` of trying. */
  client(): Promise<RedisScriptClient>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  url: string;
  /** A command without an answer after this long fails. */
  commandTimeoutMs: number;
}

/** How long a call waits for the very first connection before it fails. */
const FIRST_CONNECT_WAIT_MS = 2_000;
/** The longest pause between two reconnection attempts. */
const MAX_RECONNECT_DELAY_MS = 1_000;

export function connectRedis(options: ConnectOptions): RedisConnection {
  let firstReady = false;
  const opened = importOptional(() => import('ioredis'), 'ioredis', 'redisStore').then(({ Redis }) => {
    const client = new Redis(options.url, {
      enableOfflineQueue: false, // fail now rather than queue while Redis is away
      maxRetriesPerRequest: 0, // a command cut off by a lost connection fails too
      commandTimeout: options.commandTimeoutMs,
      connectTimeout: FIRST_CONNECT_WAIT_MS,
      retryStrategy: (attempt: number) => Math.min(attempt * 100, MAX_RECONNECT_DELAY_MS),
    });
    const watching = watch(client);
    const ready = new Promise<void>((resolve) => client.once('ready', resolve)).then(() => {
      firstReady = true;
    });
    return { client, ready, watching };
  });
  opened.catch(() => undefined); // surfaces at the first call

  return {
    async client() {
      const { client, ready } = await opened;
      if (!firstReady) await Promise.race([ready, sleep(FIRST_CONNECT_WAIT_MS, undefined, { ref: false })]);
      return client as unknown as RedisScriptClient;
    },
    async close() {
      const { client, watching } = await opened;
      watching.closing();
      if (client.status === 'ready') await client.quit();
      else client.disconnect();
    },
  };
}

interface Watched {
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'close' | 'ready', listener: () => void): unknown;
}

/**
 * Logs each outage once (the connection lost, or never made) and the recovery; an `error` event
 * never goes unheard. Returns what to call before closing on purpose, which is no outage.
 */
function watch(client: Watched): { closing(): void } {
  let down = false;
  let closing = false;
  const lost = (reason: string) => {
    if (down || closing) return;
    down = true;
    console.error(`mms-media-upload/server: Redis is unreachable (${reason}); uploads answer 503 until it is back`);
  };
  client.on('error', (error) => lost(error.message));
  client.on('close', () => lost('connection closed'));
  client.on('ready', () => {
    if (!down) return;
    down = false;
    console.error('mms-media-upload/server: Redis is reachable again');
  });
  return {
    closing() {
      closing = true;
    },
  };
}
