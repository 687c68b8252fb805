/**
 * Setup for the retry tests: a mock Plivo on loopback, proxies in front of it with the store and
 * waits a test chooses, uploads with an `Idempotency-Key`, and a provider that holds an answer.
 */
import { createMediaProxy, memoryStore, plivoProvider, type FetchHandler, type UploadStore } from '../../../src/server/index.js';
import { tempDir, waitFor, type TempDir } from './http.js';
import { startPlivoMock, type Mock } from './mock-providers.js';
import { SECRET, uploadRequest } from './proxy.js';

const PLIVO = { authId: 'MAIDEMPOTENTXXXXXXXX', authToken: 'plivo-token-for-retries' };

export interface ProxyChoices {
  store?: UploadStore;
  inProgressWaitMs?: number;
  /** The provider's timeout, which sets the lease of an upload in progress. */
  timeoutMs?: number;
}

export interface RetryBench {
  plivo: Mock;
  /** Where the proxies spool: empty between tests. */
  spool: TempDir;
  proxy(choices?: ProxyChoices): FetchHandler;
  /** How many requests the provider got while `run` ran. */
  sent(run: () => Promise<void>): Promise<number>;
  /** Sends with the provider holding its answers; resolves once the provider has the request. */
  held(send: () => Promise<Response>): Promise<{ response: Promise<Response>; release(): void }>;
  close(): Promise<void>;
}

export async function startRetryBench(): Promise<RetryBench> {
  const plivo = await startPlivoMock(PLIVO.authId, PLIVO.authToken);
  const spool = await tempDir('retry-spool');
  return {
    plivo,
    spool,
    proxy: ({ store, inProgressWaitMs, timeoutMs } = {}) =>
      createMediaProxy({ secret: SECRET, provider: plivoProvider({ ...PLIVO, baseUrl: plivo.origin, timeoutMs }), tmpDir: spool.path, store, inProgressWaitMs }),
    async sent(run) {
      const before = plivo.requests.length;
      await run();
      return plivo.requests.length - before;
    },
    async held(send) {
      const release = plivo.hold();
      const before = plivo.requests.length;
      const response = send();
      try {
        await waitFor(() => plivo.requests.length > before, 'the provider to get the request');
      } catch (error) {
        release();
        throw error;
      }
      return { response, release };
    },
    async close() {
      await plivo.close();
      await spool.remove();
    },
  };
}

/** An upload as the element sends it, with an `Idempotency-Key` when `key` is given. */
export function keyedUpload(authorization: string, bytes: Uint8Array<ArrayBuffer>, key?: string, name = 'a.png'): Request {
  const request = uploadRequest(authorization, bytes, name);
  if (key !== undefined) request.headers.set('Idempotency-Key', key);
  return request;
}

/** A memory store with some methods replaced (to watch them, or to make them fail). */
export function storeWith(overrides: (inner: UploadStore) => Partial<UploadStore>, inner: UploadStore = memoryStore()): UploadStore {
  return { ...inner, ...overrides(inner) };
}
