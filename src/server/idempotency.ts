/**
 * Retries that are safe: an upload that carries an `Idempotency-Key` is forwarded to the provider
 * at most once per token and key. A repeat gets the stored answer, waits while the first attempt
 * is still running, or retries itself when the first failed (its key was released). Everything
 * goes through the store, never through this process's memory, so that processes sharing a store
 * answer alike.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { IDEMPOTENCY_KEY_HEADER, type UploadResult } from '../protocol.js';
import { HttpError, uploadCancelled } from './errors.js';
import type { Reservation, ReserveRequest, UploadClaim, UploadStore } from './store.js';

/** 1 to 200 printable ASCII characters. */
const KEY_PATTERN = /^[\x20-\x7e]{1,200}$/;

/** How often a repeat asks the store whether the first attempt has finished. */
const POLL_INTERVAL_MS = 100;

/** The request's `Idempotency-Key`; undefined without one; a 400 for a value that cannot be one. */
export function idempotencyKey(request: Request): string | undefined {
  const key = request.headers.get(IDEMPOTENCY_KEY_HEADER);
  if (key === null) return undefined;
  if (!KEY_PATTERN.test(key)) {
    throw new HttpError(400, 'bad-request', `The ${IDEMPOTENCY_KEY_HEADER} header must be 1 to 200 printable ASCII characters.`);
  }
  return key;
}

/**
 * The file's identity for its key: its size and the XXH64 of its bytes. It tells a retry of a file
 * from a client's mistake (its key reused for another file), never one user from another (keys
 * are kept per token), so a cryptographic hash would buy nothing: at 1 GB/s SHA-256 was the
 * proxy's largest cost, XXH64 hashes at 5 GB/s.
 */
export function fingerprint(file: { size: number; contentHash: string }): string {
  return `${file.size}:xxh64:${file.contentHash}`;
}

export interface WaitOptions {
  /** How long a repeat waits for the first attempt before answering 409 `in-progress`. */
  waitMs: number;
  /** The browser going away stops the wait. */
  signal: AbortSignal;
}

/**
 * The store's answer once no other attempt holds the key: `done` (an answer to replay),
 * `reserved` (this request forwards) or `full`. Throws 409 `in-progress` when the first attempt
 * outlasts the wait, 422 `idempotency-key-reused` for another file under the same key, and 503
 * `store-unavailable` when the store fails.
 */
export async function reserveOrWait(store: UploadStore, request: ReserveRequest, wait: WaitOptions): Promise<Exclude<Reservation, { state: 'in-progress' }>> {
  const deadline = Date.now() + wait.waitMs;
  let found = await ask(() => store.reserve(request));
  for (;;) {
    if (found.state === 'reserved' || found.state === 'full') return found;
    if (found.fingerprint !== request.fingerprint) {
      throw new HttpError(422, 'idempotency-key-reused', `This ${IDEMPOTENCY_KEY_HEADER} was used for another file. Send each file with a key of its own.`);
    }
    if (found.state === 'done') return found;
    if (Date.now() >= deadline) {
      throw new HttpError(409, 'in-progress', 'An earlier attempt to upload this file is still running. Try again in a moment.');
    }
    await pause(wait.signal);
    // Gone from the store: the first attempt failed (or its lease ran out), so this one may try.
    found = (await ask(() => store.get(request.tokenId, request.key))) ?? (await ask(() => store.reserve(request)));
  }
}

/**
 * Forwards a reserved upload, then keeps its answer (`complete`) or gives the key back
 * (`release`). The provider's answer counts more than the store's: a store that fails here is
 * logged, and the lease frees the key later.
 */
export async function forwardOnce(store: UploadStore, claim: UploadClaim, forward: () => Promise<UploadResult>): Promise<UploadResult> {
  let answer: UploadResult;
  try {
    answer = await forward();
  } catch (error) {
    await store.release(claim).catch(logStoreFailure);
    throw error;
  }
  await store.complete(claim, answer).catch(logStoreFailure);
  return answer;
}

/** A store call; a store that fails (unreachable) is a 503, and nothing is forwarded. */
async function ask<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new HttpError(503, 'store-unavailable', 'The server cannot take uploads right now. Try again in a moment.', {}, { cause: error });
  }
}

async function pause(signal: AbortSignal): Promise<void> {
  try {
    await sleep(POLL_INTERVAL_MS, undefined, { signal });
  } catch (error) {
    throw uploadCancelled(error);
  }
}

function logStoreFailure(error: unknown): void {
  console.error('mms-media-upload/server: the upload store failed', error);
}
