/**
 * What the proxy remembers between requests: per token (its `jti`), one record per upload, held
 * under the upload's `Idempotency-Key` (a request without one gets a key of its own). The records
 * are the token's file count and the answers replayed to retries.
 *
 * `UploadStore` is the contract, async throughout so that a shared store (Redis) can stand behind
 * it: `reserve` is ONE atomic step ("the key's record, else a slot of the token's count"), and
 * every answer depends only on what is stored, never on the process that asks.
 * `memoryStore()` is the embedded one, for a single process.
 */
import type { UploadResult } from '../protocol.js';

/** One attempt's hold on a key, given back to `complete` or `release`. */
export interface UploadClaim {
  /** The token's id (`jti`): counts and keys belong to one signature. */
  tokenId: string;
  /** The `Idempotency-Key`. */
  key: string;
  /** A random id of this attempt: a late `complete` or `release` of an attempt whose lease ran out changes nothing. */
  attempt: string;
}

export interface ReserveRequest extends UploadClaim {
  /** Size and SHA-256 of the bytes: the same key with another file is refused. */
  fingerprint: string;
  /** Bytes, for `maxTotalSize`. */
  size: number;
  /** The token's limits. */
  maxFiles: number;
  maxTotalSize?: number;
  /** Milliseconds since the epoch: the token no longer verifies after this, so nothing of it is needed. */
  expiresAt: number;
  /** How long the reservation blocks its key (and holds its slot) unless completed. */
  leaseMs: number;
}

/** What is stored under a key. */
export type UploadRecord =
  | { state: 'in-progress'; fingerprint: string }
  | { state: 'done'; fingerprint: string; answer: UploadResult };

/** The answer of `reserve`: the key's record, or a slot taken for it, or no slot left. */
export type Reservation = UploadRecord | { state: 'reserved' } | { state: 'full'; limit: 'maxFiles' | 'maxTotalSize' };

export interface UploadStore {
  /** The record under `key`; undefined when there is none (or its lease or token has expired). */
  get(tokenId: string, key: string): Promise<UploadRecord | undefined>;
  /**
   * In one atomic step: the key's record when it has one; otherwise, when the token has a slot
   * left (files and bytes), the key becomes in progress for `leaseMs` (`reserved`); otherwise `full`.
   */
  reserve(request: ReserveRequest): Promise<Reservation>;
  /** The upload succeeded: keep its answer, and its slot, until the token expires. */
  complete(claim: UploadClaim, answer: UploadResult): Promise<void>;
  /** The upload failed: forget the key and give its slot back, so that a retry starts afresh. */
  release(claim: UploadClaim): Promise<void>;
}

export interface MemoryStore extends UploadStore {
  /** How many tokens have records (expired ones leave at the next sweep): for monitoring. */
  readonly tokenCount: number;
}

export interface MemoryStoreOptions {
  /** The clock, in milliseconds since the epoch (tests move it). Default `Date.now`. */
  now?: () => number;
}

type HeldRecord =
  | { state: 'in-progress'; fingerprint: string; size: number; attempt: string; leaseUntil: number }
  | { state: 'done'; fingerprint: string; size: number; answer: UploadResult };

interface TokenRecords {
  expiresAt: number;
  byKey: Map<string, HeldRecord>;
}

/** Expired tokens are swept at most this often, when the store is used. */
const SWEEP_INTERVAL_MS = 60_000;

/** The in-process store: one process only (its records die with it, and other processes do not see them). */
export function memoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  const now = options.now ?? Date.now;
  const tokens = new Map<string, TokenRecords>();
  let nextSweep = 0;

  /** The token's live records: expired tokens and run-out leases are dropped on the way. */
  function recordsOf(tokenId: string, at: number): TokenRecords | undefined {
    if (at >= nextSweep) {
      nextSweep = at + SWEEP_INTERVAL_MS;
      for (const [id, token] of tokens) if (token.expiresAt <= at) tokens.delete(id);
    }
    const token = tokens.get(tokenId);
    if (!token || token.expiresAt <= at) return undefined;
    for (const [key, record] of token.byKey) {
      if (record.state === 'in-progress' && record.leaseUntil <= at) token.byKey.delete(key);
    }
    return token;
  }

  /** The record still held by `claim`'s attempt, if it is. */
  function held(claim: UploadClaim): { token: TokenRecords; record: HeldRecord } | undefined {
    const token = recordsOf(claim.tokenId, now());
    const record = token?.byKey.get(claim.key);
    return token && record?.state === 'in-progress' && record.attempt === claim.attempt ? { token, record } : undefined;
  }

  return {
    get tokenCount() {
      return tokens.size;
    },

    async get(tokenId, key) {
      const record = recordsOf(tokenId, now())?.byKey.get(key);
      return record && shown(record);
    },

    async reserve(request) {
      const at = now();
      const token = recordsOf(request.tokenId, at) ?? { expiresAt: request.expiresAt, byKey: new Map<string, HeldRecord>() };
      const existing = token.byKey.get(request.key);
      if (existing) return shown(existing);
      const records = [...token.byKey.values()];
      if (records.length >= request.maxFiles) return { state: 'full', limit: 'maxFiles' };
      const bytes = records.reduce((sum, record) => sum + record.size, request.size);
      if (request.maxTotalSize !== undefined && bytes > request.maxTotalSize) return { state: 'full', limit: 'maxTotalSize' };
      const { fingerprint, size, attempt } = request;
      token.byKey.set(request.key, { state: 'in-progress', fingerprint, size, attempt, leaseUntil: at + request.leaseMs });
      tokens.set(request.tokenId, token);
      return { state: 'reserved' };
    },

    async complete(claim, answer) {
      const found = held(claim);
      if (!found) return;
      const { fingerprint, size } = found.record;
      found.token.byKey.set(claim.key, { state: 'done', fingerprint, size, answer: { ...answer } });
    },

    async release(claim) {
      held(claim)?.token.byKey.delete(claim.key);
    },
  };
}

/** A copy without the store's own fields: callers cannot change what is stored. */
function shown(record: HeldRecord): UploadRecord {
  if (record.state === 'done') return { state: 'done', fingerprint: record.fingerprint, answer: { ...record.answer } };
  return { state: 'in-progress', fingerprint: record.fingerprint };
}
