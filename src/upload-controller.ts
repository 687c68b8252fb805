/**
 * Owns the Uppy instance: adds files through Uppy's restrictions (after sniffing their real
 * type), signs and uploads them with @uppy/xhr-upload, and turns Uppy's events into the
 * element's file list, events and messages.
 */
import Uppy, { RestrictionError, type UppyFile } from '@uppy/core';
import XHRUpload from '@uppy/xhr-upload';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  createEvent,
  type FileInfo,
  type RejectionReason,
} from './events.js';
import { formatSize, formatSizeOverLimit, formatTypes } from './format.js';
import { acceptedTypes, MARKUP_TYPES, type Limits } from './limits.js';
import { readMediaResult, UploadFailure, type MediaResult } from './response.js';
import { isSignatureExpired, SigningError, validSignature, type Signer, type UploadSignature } from './signing.js';
import { sniffBlob } from './sniff.js';
import type { MmsMediaUploadStrings } from './strings.js';

export type FileStatus = 'pending' | 'uploading' | 'uploaded' | 'failed';

/** A file in the element's list, as `files` shows it. */
export interface FileEntry {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  /** The sniffed, true type. */
  readonly type: string;
  readonly status: FileStatus;
  /** 0 to 1. */
  readonly progress: number;
  readonly mediaUrl?: string;
  readonly mediaId?: string;
  /** Why the upload failed, for people. */
  readonly error?: string;
}

/** An upload done before, as the value setter or a form restore gives it back. */
export interface RestoredUpload {
  mediaUrl: string;
  mediaId?: string;
  name?: string;
  size?: number;
  type?: string;
}

/** Reads a finished upload's response; throw an Error to fail the upload with its message. */
export type ResponseParser = (body: string, request: XMLHttpRequest) => MediaResult;

/** What the controller reads from its element, at the moment it needs it. */
export interface UploadSettings {
  endpoint: string;
  method: string;
  fieldName: string;
  limits: Limits;
  /** Bytes for all files together; none when undefined. */
  maxTotalSize?: number;
  manual: boolean;
  disabled: boolean;
  signer?: Signer;
  parseResponse?: ResponseParser;
  /** An upload with no progress for this long is aborted (and retried). */
  stallTimeoutMs: number;
  strings: MmsMediaUploadStrings;
  locale: string;
}

export interface UploadControllerHost extends ReactiveControllerHost, EventTarget {}

type Meta = { name: string; type: string; [key: string]: unknown };
// Uppy wants the response body type as a type alias, not an interface.
type Body = { mediaUrl?: string; mediaId?: string };
type File = UppyFile<Meta, Body>;

/** Automatic retries of network errors, timeouts, 429 and 5xx before a file fails. */
const MAX_RETRIES = 3;
/** The longest `Retry-After` that is honoured. */
const MAX_RETRY_AFTER_MS = 30_000;
/** Uppy's restriction messages are set to these codes, so a refusal's reason is exact. */
const RESTRICTION_CODES = {
  youCanOnlyUploadX: { 0: 'too-many-files', 1: 'too-many-files' },
  noMoreFilesAllowed: 'too-many-files',
  exceedsSize: 'file-too-large',
  youCanOnlyUploadFileTypes: 'type-not-allowed',
  inferiorSize: 'empty-file',
  noDuplicates: 'duplicate',
  aggregateExceedsSize: 'total-too-large',
} as const;
const UNKNOWN_TYPE = 'application/octet-stream';

export class UploadController implements ReactiveController {
  readonly #uppy: Uppy<Meta, Body>;
  /** The visible list, in the order files were added. */
  entries: FileEntry[] = [];
  /** The latest refusals and failures, for the message area. */
  notices: string[] = [];
  /** The latest short announcement for screen readers (uploaded, removed). */
  announcement = '';

  readonly #signatures = new Map<string, UploadSignature>();
  readonly #resigned = new Set<string>();
  readonly #timedOut = new Set<string>();
  readonly #results = new WeakMap<XMLHttpRequest, MediaResult>();
  readonly #active = new Set<string>();

  readonly #host: UploadControllerHost;
  readonly #settings: () => UploadSettings;
  /** The restrictions last given to Uppy, as JSON. */
  #restrictionsKey: string;

  constructor(host: UploadControllerHost, settings: () => UploadSettings) {
    this.#host = host;
    this.#settings = settings;
    host.addController(this);
    const restrictions = this.#restrictions();
    this.#restrictionsKey = JSON.stringify(restrictions);
    const quiet = () => {};
    this.#uppy = new Uppy<Meta, Body>({
      autoProceed: false,
      // Failures reach the page as events and messages; keep Uppy's own logging quiet.
      logger: { debug: quiet, warn: quiet, error: quiet },
      allowMultipleUploadBatches: true,
      restrictions,
      locale: { strings: RESTRICTION_CODES, pluralize: () => 0 },
      onBeforeFileAdded: (file, files) => {
        if (file.size === 0) throw new RestrictionError('empty-file', { file });
        // `image/*` would match SVG; markup is refused whatever the accept list says.
        if (MARKUP_TYPES.has(file.type)) throw new RestrictionError('type-not-allowed', { file });
        return !Object.hasOwn(files, file.id);
      },
    });
    this.#uppy.use(XHRUpload<Meta, Body>, {
      endpoint: '',
      limit: 3,
      timeout: 0, // the stall watchdog below replaces Uppy's warning-only timer
      allowedMetaFields: [],
      shouldRetry: (xhr) => xhr.status === 0 || xhr.status === 429 || xhr.status >= 500,
      onBeforeRequest: (xhr, _retryCount, files) => this.#watchForStall(xhr, files),
      onAfterResponse: (xhr, retryCount) => this.#checkResponse(xhr, retryCount),
      getResponseData: (xhr) => this.#results.get(xhr) ?? {},
    });
    this.#uppy.addPreProcessor(this.#prepareRequests);
    this.#uppy.on('upload-progress', (file, progress) => {
      if (!file || !progress.bytesTotal) return;
      this.#patch(file.id, { status: 'uploading', progress: (progress.bytesUploaded ?? 0) / progress.bytesTotal });
    });
    this.#uppy.on('upload-success', (file, response) => file && this.#onUploaded(file, response.body ?? {}));
    this.#uppy.on('upload-error', (file, error) => file && this.#onUploadError(file, error));
  }

  /** Keeps Uppy's restrictions equal to the limits in force. */
  hostUpdate(): void {
    const restrictions = this.#restrictions();
    const key = JSON.stringify(restrictions);
    if (key === this.#restrictionsKey) return;
    this.#restrictionsKey = key;
    this.#uppy.setOptions({ restrictions });
  }

  /** Adds files: sniffs each one's head, then lets Uppy accept or refuse it, one at a time. */
  async addFiles(files: readonly globalThis.File[]): Promise<void> {
    const { disabled, manual } = this.#settings();
    if (files.length === 0) return;
    if (disabled) {
      this.notices = [this.#settings().strings.disabled];
      this.#host.requestUpdate();
      return;
    }
    this.notices = [];
    const types = await Promise.all(files.map((file) => sniffBlob(file).catch(() => undefined)));
    let added = 0;
    files.forEach((file, index) => {
      if (this.#addFile(file, types[index])) added += 1;
    });
    this.#host.requestUpdate();
    if (added > 0 && !manual) this.upload();
  }

  /** Starts the upload of every file that is waiting (and retries failed ones). */
  upload(): void {
    const waiting = this.entries.filter((entry) => entry.status === 'pending' || entry.status === 'failed');
    if (waiting.length === 0) return;
    for (const entry of waiting) this.#startTracking(entry.id);
    this.#uppy.upload().catch(() => {
      // Failures are reported per file by the upload-error handler.
    });
  }

  /** Retries one failed file, or all of them. */
  retry(id?: string): void {
    const failed = this.entries.filter((entry) => entry.status === 'failed' && (id === undefined || entry.id === id));
    for (const entry of failed) {
      this.#resigned.delete(entry.id);
      this.#startTracking(entry.id);
      this.#uppy.retryUpload(entry.id).catch(() => {});
    }
  }

  /** Removes a file; an upload in flight is cancelled. Returns the removed entry. */
  removeFile(id: string): FileEntry | undefined {
    const entry = this.entries.find((item) => item.id === id);
    if (!entry) return undefined;
    if (this.#uppy.getFile(id)) this.#uppy.removeFile(id);
    this.entries = this.entries.filter((item) => item.id !== id);
    this.#forget(id);
    const { strings } = this.#settings();
    this.announcement = entry.status === 'uploading' ? strings.cancelled({ name: entry.name }) : strings.removed({ name: entry.name });
    this.#settle(id);
    this.#host.requestUpdate();
    return entry;
  }

  /**
   * Replaces the list with files uploaded before (script, or the browser restoring the form):
   * they count against the file limit and can be removed, but have no file behind them.
   */
  restore(uploads: readonly RestoredUpload[]): void {
    this.reset();
    this.entries = uploads.map((upload, index) => ({
      id: `restored-${index}-${upload.mediaUrl}`,
      name: upload.name || nameFromUrl(upload.mediaUrl),
      size: upload.size ?? 0,
      type: upload.type ?? '',
      status: 'uploaded',
      progress: 1,
      mediaUrl: upload.mediaUrl,
      ...(upload.mediaId ? { mediaId: upload.mediaId } : {}),
    }));
    this.#host.requestUpdate();
  }

  /** Cancels everything and empties the list. */
  reset(): void {
    this.#uppy.cancelAll();
    this.entries = [];
    this.notices = [];
    this.announcement = '';
    this.#active.clear();
    this.#signatures.clear();
    this.#resigned.clear();
    this.#host.requestUpdate();
  }

  /** The file behind an entry (none for URLs restored without a file). */
  fileOf(id: string): Blob | undefined {
    return this.#uppy.getFile(id)?.data as Blob | undefined;
  }

  get uploading(): boolean {
    return this.#active.size > 0;
  }

  /** Files restored from URLs take places that Uppy does not know about. */
  get #freePlaces(): number {
    const restored = this.entries.filter((entry) => !this.#uppy.getFile(entry.id)).length;
    return this.#settings().limits.maxFiles - restored;
  }

  #restrictions() {
    const { limits } = this.#settings();
    return {
      // Uppy reads 0 as "no limit": a full list is refused in addFile instead.
      maxNumberOfFiles: Math.max(1, this.#freePlaces),
      maxFileSize: limits.maxFileSize,
      maxTotalFileSize: this.#settings().maxTotalSize ?? null,
      minFileSize: 1,
      allowedFileTypes: acceptedTypes(limits.accept),
    };
  }

  #addFile(file: globalThis.File, sniffed: string | undefined): boolean {
    if (this.#freePlaces <= 0) {
      this.#reject(file, 'too-many-files', sniffed);
      return false;
    }
    try {
      const id = this.#uppy.addFile({
        name: file.name,
        type: sniffed ?? UNKNOWN_TYPE,
        data: file,
        source: 'mms-media-upload',
      });
      const added = this.#uppy.getFile(id);
      this.entries = [
        ...this.entries,
        { id, name: file.name, size: file.size, type: added.type, status: 'pending', progress: 0 },
      ];
      return true;
    } catch (error) {
      const code = error instanceof Error ? error.message : '';
      if (code === 'total-too-large') this.#reject(file, 'file-too-large', sniffed, true);
      else if (isRejectionReason(code)) this.#reject(file, code, sniffed);
      else throw error;
      return false;
    }
  }

  #reject(file: globalThis.File, reason: RejectionReason, sniffed: string | undefined, overTotal = false): void {
    const { strings, limits, locale, maxTotalSize } = this.#settings();
    const name = file.name;
    let message: string;
    switch (reason) {
      case 'too-many-files':
        message = strings.tooManyFiles({ name, maxFiles: limits.maxFiles });
        break;
      case 'file-too-large':
        message = overTotal
          ? strings.totalTooLarge({ name, limit: formatSize(maxTotalSize ?? 0, locale, { units: strings.sizeUnits }) })
          : strings.fileTooLarge({
              name,
              size: formatSizeOverLimit(file.size, limits.maxFileSize, locale, strings.sizeUnits),
              limit: formatSize(limits.maxFileSize, locale, { units: strings.sizeUnits }),
            });
        break;
      case 'type-not-allowed':
        message =
          sniffed && MARKUP_TYPES.has(sniffed)
            ? strings.markupNotAllowed({ name })
            : strings.typeNotAllowed({ name, types: formatTypes(limits.accept, strings.typeNames, locale) });
        break;
      case 'empty-file':
        message = strings.emptyFile({ name });
        break;
      case 'duplicate':
        message = strings.duplicate({ name });
        break;
    }
    this.notices = [...this.notices, message];
    this.#host.dispatchEvent(
      createEvent('file-rejected', { file: { name, size: file.size, type: file.type }, reason, message }),
    );
  }

  /** Uppy pre-processor: gives each file its endpoint, method, headers and fields, signing if needed. */
  #prepareRequests = async (fileIDs: string[]): Promise<void> => {
    const settings = this.#settings();
    const files = fileIDs.map((id) => this.#uppy.getFile(id)).filter((file): file is File => Boolean(file));
    if (settings.signer) {
      const unsigned = files.filter((file) => {
        const signature = this.#signatures.get(file.id);
        return !signature || isSignatureExpired(signature);
      });
      if (unsigned.length > 0) await this.#sign(settings.signer, unsigned);
    }
    for (const { id } of files) {
      const file = this.#uppy.getFile(id);
      // Signing may have failed the file, or the user removed it meanwhile.
      if (!file || file.error) continue;
      const signature = this.#signatures.get(id) ?? {};
      const fields = signature.fields ?? {};
      this.#uppy.setFileMeta(id, { ...file.meta, ...fields });
      this.#uppy.setFileState(id, {
        xhrUpload: {
          endpoint: signature.url ?? settings.endpoint,
          method: signature.method ?? settings.method,
          fieldName: settings.fieldName,
          headers: signature.headers ?? {},
          allowedMetaFields: Object.keys(fields),
        },
      });
    }
  };

  async #sign(signer: Signer, files: File[]): Promise<void> {
    try {
      const signature = validSignature(await signer(files.map((file) => ({ name: file.name ?? '', size: file.size ?? 0, type: file.type }))));
      for (const file of files) this.#signatures.set(file.id, signature);
    } catch (error) {
      const { strings } = this.#settings();
      const serverMessage = error instanceof SigningError ? error.serverMessage : error instanceof Error ? error.message : undefined;
      const status = error instanceof SigningError ? error.status : undefined;
      for (const file of files) {
        const message = strings.signatureFailed({ name: file.name ?? '', message: serverMessage });
        this.#uppy.setFileState(file.id, { error: message });
        this.#fail(file.id, message, status);
      }
    }
  }

  /** Aborts a request that makes no progress for the stall timeout, so it fails (or retries). */
  #watchForStall(xhr: XMLHttpRequest, files: File[]): void {
    const ids = files.map((file) => file.id);
    for (const id of ids) this.#timedOut.delete(id);
    const { stallTimeoutMs } = this.#settings();
    let timer: ReturnType<typeof setTimeout>;
    let finished = false;
    const stop = () => {
      finished = true;
      clearTimeout(timer);
    };
    const arm = () => {
      if (finished) return; // a cancelled upload may still fire one last progress event
      clearTimeout(timer);
      timer = setTimeout(() => {
        stop();
        for (const id of ids) this.#timedOut.add(id);
        const onError = xhr.onerror;
        xhr.abort();
        // Uppy's fetcher listens for `error`, not `abort`: report the stall as a failed request.
        onError?.call(xhr, new ProgressEvent('error'));
      }, stallTimeoutMs);
    };
    arm();
    xhr.upload.addEventListener('progress', arm);
    xhr.addEventListener('progress', arm);
    xhr.addEventListener('loadend', stop);
  }

  /** Reads each response; a failure is thrown so Uppy retries it (when allowed) or reports it. */
  async #checkResponse(xhr: XMLHttpRequest, retryCount: number): Promise<void> {
    const { parseResponse } = this.#settings();
    const ok = xhr.status >= 200 && xhr.status < 300;
    if (ok && parseResponse) {
      try {
        this.#results.set(xhr, parseResponse(xhr.responseText, xhr));
      } catch (error) {
        throw new UploadFailure('server-message', {
          status: xhr.status,
          serverMessage: error instanceof Error ? error.message : String(error),
        });
      }
      return;
    }
    if (!ok) {
      const retryAfter = retryAfterMs(xhr);
      if (retryAfter > 0 && retryCount < MAX_RETRIES) await sleep(retryAfter);
    }
    // A failure throws here, with the server's message.
    this.#results.set(xhr, readMediaResult(xhr, xhr.responseURL || ''));
  }

  #onUploaded(file: File, body: Body): void {
    if (!body.mediaUrl) return;
    const entry = this.#patch(file.id, { status: 'uploaded', progress: 1, mediaUrl: body.mediaUrl, mediaId: body.mediaId, error: undefined });
    if (!entry) return;
    this.announcement = this.#settings().strings.uploaded({ name: entry.name });
    this.#host.dispatchEvent(
      createEvent('media-url', { mediaUrl: body.mediaUrl, ...(body.mediaId ? { mediaId: body.mediaId } : {}), file: info(entry) }),
    );
    this.#host.dispatchEvent(new Event('change', { bubbles: true }));
    this.#settle(file.id);
  }

  #onUploadError(file: File, error: Error): void {
    const failure = findFailure(error);
    const status = failure?.status;
    // A rejected signature is renewed once before the error is shown.
    if ((status === 401 || status === 403) && this.#settings().signer && !this.#resigned.has(file.id)) {
      this.#resigned.add(file.id);
      this.#signatures.delete(file.id);
      queueMicrotask(() => this.#uppy.retryUpload(file.id).catch(() => {}));
      return;
    }
    this.#fail(file.id, this.#failureMessage(file, failure), status);
  }

  #failureMessage(file: File, failure: UploadFailure | undefined): string {
    const { strings, stallTimeoutMs } = this.#settings();
    const name = file.name ?? '';
    if (this.#timedOut.has(file.id)) return strings.timeout({ name, seconds: stallTimeoutMs / 1000 });
    if (!failure) return strings.networkError({ name });
    const status = failure.status ?? 0;
    switch (failure.reason) {
      case 'server-message':
        return strings.serverMessage({ name, message: failure.serverMessage ?? '' });
      case 'no-media-url':
        return strings.noMediaUrl({ name, status });
      case 'unsafe-url':
        return strings.unsafeUrl({ name });
      default:
        return strings.badStatus({ name, status });
    }
  }

  #fail(id: string, message: string, status?: number): void {
    const entry = this.#patch(id, { status: 'failed', error: message });
    if (!entry) return;
    this.notices = [...this.notices, message];
    this.#host.dispatchEvent(
      createEvent('upload-error', { file: info(entry), message, ...(status !== undefined ? { status } : {}) }),
    );
    this.#settle(id);
  }

  #startTracking(id: string): void {
    this.#active.add(id);
    this.#patch(id, { status: 'uploading', progress: 0, error: undefined });
  }

  /** A file's upload has ended; once none is left, the round is complete. */
  #settle(id: string): void {
    if (!this.#active.delete(id) || this.#active.size > 0) return;
    const mediaUrls = this.entries.flatMap((entry) => (entry.mediaUrl ? [entry.mediaUrl] : []));
    const failed = this.entries.filter((entry) => entry.status === 'failed').length;
    this.#host.dispatchEvent(createEvent('upload-complete', { mediaUrls, failed }));
  }

  #forget(id: string): void {
    this.#signatures.delete(id);
    this.#resigned.delete(id);
    this.#timedOut.delete(id);
  }

  #patch(id: string, changes: Partial<FileEntry>): FileEntry | undefined {
    let updated: FileEntry | undefined;
    this.entries = this.entries.map((entry) => (entry.id === id ? (updated = { ...entry, ...changes }) : entry));
    if (updated) this.#host.requestUpdate();
    return updated;
  }
}

function nameFromUrl(url: string): string {
  const path = url.split(/[?#]/)[0] ?? '';
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last) || url;
  } catch {
    return last || url;
  }
}

function info(entry: FileEntry): FileInfo {
  return { id: entry.id, name: entry.name, size: entry.size, type: entry.type };
}

function isRejectionReason(code: string): code is RejectionReason {
  return ['too-many-files', 'file-too-large', 'type-not-allowed', 'empty-file', 'duplicate'].includes(code);
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
  return new Promise((resolve) => setTimeout(resolve, ms));
}
