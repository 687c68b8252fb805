/**
 * How one file travels, on top of `@uppy/xhr-upload`: a pre-processor that signs, the request
 * hooks (idempotency key, stall watchdog, Retry-After, reading the answer), the retry policy and
 * one re-sign after a 401/403. What comes out is one final outcome per attempt the user asked
 * for: `uploaded` with the media URL, or `failed` with a code.
 *
 * Every file gets an idempotency key when it is first sent, sent as `Idempotency-Key` on every
 * attempt of that file (retries and re-signs included): the server stores a file once however
 * often it arrives, which is what makes retrying network errors, stalls and 5xx safe.
 */
import type Uppy from '@uppy/core';
import XHRUpload from '@uppy/xhr-upload';
import { fileNameForType } from './file-name.js';
import { IDEMPOTENCY_KEY_HEADER } from './protocol.js';
import type { Body, Failure, Meta, UploadFile } from './upload-file.js';
import { checkedMediaResult, readMediaResult, readServerError, UploadFailure, type MediaResult, type ResponseParser } from './response.js';
import { FileSignatures } from './file-signatures.js';
import type { Signer } from './signing.js';

/** What the transport reads from its element, at the moment it needs it. */
export interface TransportSettings {
  endpoint: string;
  method: string;
  fieldName: string;
  signer?: Signer;
  parseResponse?: ResponseParser;
  /** An upload with no progress for this long is aborted (and retried). */
  stallTimeoutMs: number;
}

/** The final word on each attempt. */
export interface Outcomes {
  uploaded(id: string, result: MediaResult): void;
  failed(id: string, failure: Failure): void;
}

/**
 * Automatic retries of network errors, stalls, 408, 409 in-progress, 429 and 5xx before a file fails:
 * Uppy's fetcher makes 3, 150, 300 and 600 ms apart (plus any Retry-After).
 */
const MAX_RETRIES = 3;
/** The longest `Retry-After` that is honoured (the proxy passes a provider's on, capped alike). */
const MAX_RETRY_AFTER_MS = 60_000;
/** Requests of the same message in parallel. */
const CONCURRENCY = 3;

export class UploadTransport {
  readonly #uppy: Uppy<Meta, Body>;
  readonly #settings: () => TransportSettings;
  readonly #outcomes: Outcomes;
  readonly #signatures = new FileSignatures();
  /** Files whose request is on its way: their signature went with it. */
  readonly #sending = new Set<string>();
  /** Requests aborted by the stall watchdog: their failure is a timeout, not a lost connection. */
  readonly #stalled = new WeakSet<XMLHttpRequest>();
  readonly #results = new WeakMap<XMLHttpRequest, MediaResult>();

  constructor(uppy: Uppy<Meta, Body>, settings: () => TransportSettings, outcomes: Outcomes) {
    this.#uppy = uppy;
    this.#settings = settings;
    this.#outcomes = outcomes;
    uppy.use(XHRUpload<Meta, Body>, {
      endpoint: '',
      limit: CONCURRENCY,
      timeout: 0, // the stall watchdog replaces Uppy's warning-only timer
      allowedMetaFields: [],
      shouldRetry: isRetryable,
      onBeforeRequest: (xhr, _retryCount, files) => this.#beforeRequest(xhr, files),
      onAfterResponse: (xhr, retryCount) => this.#readResponse(xhr, retryCount),
      getResponseData: (xhr) => this.#results.get(xhr) ?? {},
    });
    uppy.addPreProcessor(this.#prepareRequests);
    uppy.on('file-removed', (file) => this.#signatures.forget(file.id));
    uppy.on('upload-success', (file, response) => {
      const result = response.body;
      if (file && result?.mediaUrl) outcomes.uploaded(file.id, { mediaUrl: result.mediaUrl, mediaId: result.mediaId });
    });
    uppy.on('upload-error', (file, error, xhr) => file && this.#onError(file, error, xhr as XMLHttpRequest | undefined));
  }

  /** A new attempt asked for by the user: a rejected signature may be renewed once more. */
  retrying(id: string): void {
    this.#signatures.retrying(id);
  }

  /**
   * Uppy pre-processor: gives each file its endpoint, method, headers and fields, signing if
   * needed, and its idempotency key the first time it is sent. All files change in one state
   * update: each update re-renders what listens to Uppy's state.
   */
  #prepareRequests = async (fileIDs: string[]): Promise<void> => {
    const settings = this.#settings();
    const files = this.#uppy.getFilesByIds(fileIDs);
    const refused = settings.signer && (await this.#signatures.sign(settings.signer, files));
    const prepared: Record<string, Partial<UploadFile>> = {};
    for (const { id } of files) {
      const file = this.#uppy.getFile(id);
      if (!file) continue; // removed meanwhile
      if (refused && !this.#signatures.holds(id)) {
        this.#outcomes.failed(id, refused);
        continue;
      }
      const signature = this.#signatures.of(id);
      const fields = signature.fields ?? {};
      // Kept from the first attempt on: every retry of the file is the same upload to the server.
      const idempotencyKey = file.idempotencyKey ?? newIdempotencyKey();
      prepared[id] = {
        idempotencyKey,
        // The multipart part's name (Uppy sends `meta.name`): cleaned, with the extension of the sniffed
        // type. The list keeps the user's own name (`file.name`).
        meta: { ...file.meta, name: fileNameForType(file.name ?? '', file.type), ...fields },
        xhrUpload: {
          endpoint: signature.url ?? settings.endpoint,
          method: signature.method ?? settings.method,
          fieldName: settings.fieldName,
          // The signature's own headers are set when each request starts, renewed if it has expired by then.
          headers: { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
          allowedMetaFields: Object.keys(fields),
        },
      };
    }
    this.#uppy.patchFilesState(prepared);
  };

  /** Puts the file's signature on the request (renewed if it has expired meanwhile), then watches for stalls. */
  async #beforeRequest(xhr: XMLHttpRequest, files: UploadFile[]): Promise<void> {
    const { signer } = this.#settings();
    const [file] = files;
    // Uppy's fetcher awaits this in a promise executor: a rejection here would hang the upload.
    try {
      if (signer && file) {
        const signature = await this.#signatures.current(signer, file, () => this.#waiting());
        for (const [name, value] of Object.entries(signature?.headers ?? {})) xhr.setRequestHeader(name, value);
      }
    } catch {
      // An unusable signature: the request goes without it, and the server's 401 says so.
    }
    for (const { id } of files) this.#sending.add(id);
    xhr.addEventListener('loadend', () => files.forEach(({ id }) => this.#sending.delete(id)));
    this.#watchForStall(xhr, files);
  }

  /** Files whose next request is still to start. */
  #waiting(): UploadFile[] {
    return this.#uppy.getFiles().filter((file) => !file.progress.uploadComplete && !file.error && !this.#sending.has(file.id));
  }

  /**
   * Aborts a request that makes no progress for the stall timeout, so that it is retried or fails.
   * Progress events only move the deadline; the one timer looks at it when it fires and waits
   * again for what is left (a timer per event would be made and cleared many times a second).
   */
  #watchForStall(xhr: XMLHttpRequest, files: UploadFile[]): void {
    if (files.length === 0) return;
    const { stallTimeoutMs } = this.#settings();
    let deadline = performance.now() + stallTimeoutMs;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const left = deadline - performance.now();
      if (left > 0) {
        timer = setTimeout(check, left);
        return;
      }
      stop();
      this.#stalled.add(xhr);
      const onError = xhr.onerror;
      xhr.abort();
      // Uppy's fetcher listens for `error`, not `abort`: report the stall as a failed request.
      onError?.call(xhr, new ProgressEvent('error'));
    };
    const progressed = () => {
      deadline = performance.now() + stallTimeoutMs;
    };
    // Once stopped (answered, failed or cancelled), a late progress event is no longer heard.
    const stop = () => {
      clearTimeout(timer);
      xhr.upload.removeEventListener('progress', progressed);
      xhr.removeEventListener('progress', progressed);
    };
    timer = setTimeout(check, stallTimeoutMs);
    xhr.upload.addEventListener('progress', progressed);
    xhr.addEventListener('progress', progressed);
    xhr.addEventListener('loadend', stop);
  }

  /** Reads each answer; a failure is thrown so that Uppy retries it (when allowed) or reports it. */
  async #readResponse(xhr: XMLHttpRequest, retryCount: number): Promise<void> {
    const ok = xhr.status >= 200 && xhr.status < 300;
    if (!ok && isRetryable(xhr) && retryCount < MAX_RETRIES) await sleep(retryAfterMs(xhr));
    const { parseResponse } = this.#settings();
    const uploadUrl = xhr.responseURL || '';
    if (ok && parseResponse) {
      let parsed: MediaResult;
      try {
        parsed = parseResponse(xhr.responseText, xhr);
      } catch (error) {
        throw new UploadFailure('server-message', { status: xhr.status, serverMessage: error instanceof Error ? error.message : String(error) });
      }
      this.#results.set(xhr, checkedMediaResult(parsed, uploadUrl, xhr.status));
      return;
    }
    // A failure throws here, with the server's code and message.
    this.#results.set(xhr, readMediaResult(xhr, uploadUrl));
  }

  #onError(file: UploadFile, error: Error, xhr: XMLHttpRequest | undefined): void {
    const failure = this.#failureOf(error, xhr);
    // A rejected signature is renewed once before the failure counts.
    const rejected = failure.status === 401 || failure.status === 403;
    if (rejected && this.#settings().signer && this.#signatures.rejected(file.id)) {
      queueMicrotask(() => this.#uppy.retryUpload(file.id).catch(() => {}));
      return;
    }
    this.#outcomes.failed(file.id, failure);
  }

  #failureOf(error: Error, xhr: XMLHttpRequest | undefined): Failure {
    const failure = findFailure(error);
    if (failure) {
      return { code: failure.code ?? failure.reason, status: failure.status, serverMessage: failure.serverMessage, limits: failure.limits };
    }
    return { code: xhr && this.#stalled.has(xhr) ? 'timeout' : 'network' };
  }
}

/**
 * Safe to send again, because every attempt carries the file's idempotency key: no answer at
 * all, 408 (the body came too slowly: the network may be better now), 409 `in-progress` (an
 * earlier attempt is still being stored), 429 and 5xx.
 */
function isRetryable(xhr: XMLHttpRequest): boolean {
  const { status } = xhr;
  if (status === 0 || status === 408 || status === 429 || status >= 500) return true;
  return status === 409 && readServerError(xhr).code === 'in-progress';
}

/** A random key per file: 128 bits, hex. `crypto.getRandomValues` works outside secure contexts too. */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Uppy wraps errors once or twice; find ours. */
function findFailure(error: unknown): UploadFailure | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth += 1) {
    if (current instanceof UploadFailure) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** `Retry-After` in seconds or as an HTTP date, capped at 30 s; 0 when absent. */
function retryAfterMs(xhr: XMLHttpRequest): number {
  const header = xhr.getResponseHeader('Retry-After');
  if (!header) return 0;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS) : 0;
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
