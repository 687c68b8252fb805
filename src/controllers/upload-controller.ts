/**
 * Owns the element's Uppy instance and the list of files: a file is sniffed, checked by
 * `validate.ts` in Uppy's `onBeforeFileAdded`, and from then on lives in Uppy's file state, from
 * which `files` is derived. Fires the element's events; words come from `messages.ts`.
 *
 * Uppy holds window listeners until it is destroyed, so it lives only while the element is in
 * the document: created with the first file, destroyed when the element is really removed (a
 * move in the DOM keeps it). Its file state is kept meanwhile and handed to the next Uppy if the
 * element comes back: uploads in flight are cancelled and start again then; nothing is lost.
 */
import type Uppy from '@uppy/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createEvent, type RejectionReason } from '../events.js';
import { fileInfo, restoredEntry, UNKNOWN_TYPE, type FileEntry, type RestoredUpload } from '../file-entry.js';
import { fitRefusal, prepareFiles, sniffFiles, type Prepared, type RefusalCause } from '../intake.js';
import { entryOf, interrupted } from '../upload-file-state.js';
import { engine, loadEngine } from '../load-engine.js';
import { visibleName } from '../format.js';
import { describe, describeFailure, publicReason, type MessageContext } from '../messages.js';
import { Notices, type Refusal } from '../notices.js';
import { pacedUpdates, type PacedUpdates } from '../paced-updates.js';
import type { MmsMediaUploadStrings } from '../strings.js';
import type { Body, Failure, Meta, UploadFile } from '../upload-file.js';
import type { UploadSettings } from '../upload-settings.js';
import type { UploadTransport } from '../upload-transport.js';
import { checkAddition, checkFile } from '../validate.js';

export interface UploadControllerHost extends ReactiveControllerHost, EventTarget {
  readonly isConnected: boolean;
}


export class UploadController implements ReactiveController {
  readonly #host: UploadControllerHost;
  readonly #settings: () => UploadSettings;
  #uppy?: Uppy<Meta, Body>;
  #transport?: UploadTransport;
  /** Uppy's file state while there is no Uppy (the element was removed). */
  #parked: Record<string, UploadFile> = {};
  /** Uploads with no file behind them: set as `value`, or restored by the browser. */
  #restored: FileEntry[] = [];
  readonly #notices = new Notices();
  /** Uploads change Uppy's state many times a second: those changes render paced. */
  readonly #uploadRenders: PacedUpdates;
  /** Uploads were started and `upload-complete` has not been fired for them yet. */
  #round = false;
  /** Uploads were asked for, or cut short, while the element was out of the document. */
  #uploadWhenConnected = false;
  #fitting?: { done: number; count: number };

  constructor(host: UploadControllerHost, settings: () => UploadSettings) {
    this.#host = host;
    this.#settings = settings;
    this.#uploadRenders = pacedUpdates(host);
    host.addController(this);
  }

  hostConnected(): void {
    // Loaded once the element has rendered, so that it is there when the first file arrives.
    void this.#host.updateComplete.then(loadEngine);
    if (!this.#uploadWhenConnected) return;
    this.#uploadWhenConnected = false;
    this.upload();
  }

  hostDisconnected(): void {
    this.#destroyWhenRemoved();
  }

  /** The list: restored uploads first, then files in the order they were added. */
  get files(): readonly FileEntry[] {
    const state = this.#uppy?.getState();
    const running = new Set(Object.values(state?.currentUploads ?? {}).flatMap((upload) => upload.fileIDs));
    const files = Object.values(state?.files ?? this.#parked);
    return [...this.#restored, ...files.map((file) => this.#entryOf(file, running.has(file.id)))];
  }

  /** The latest refusals, for the message area. */
  get notices(): string[] {
    const { strings, locale } = this.#settings();
    return this.#notices.texts(strings, locale);
  }

  /** The failures of the files in the list, for screen readers (each row shows its own). */
  get failures(): string[] {
    const { strings, locale } = this.#settings();
    return this.#notices.failureTexts(strings, locale);
  }

  /** The latest short announcement for screen readers (uploaded, removed). */
  get announcement(): string {
    const { strings, locale } = this.#settings();
    return this.#notices.announcement(strings, locale);
  }

  get uploading(): boolean {
    return this.files.some((entry) => entry.status === 'uploading');
  }

  /** The file behind an entry (none for restored uploads). */
  fileOf(id: string): Blob | undefined {
    const file = this.#uppy?.getFile(id) ?? this.#parked[id];
    return file && !file.isRemote ? file.data : undefined;
  }

  /** Adds files: sniffs each one's head, then checks and adds them one at a time. */
  async addFiles(files: readonly File[]): Promise<void> {
    if (files.length === 0) return;
    if (this.#settings().disabled) {
      this.#notices.replace((strings) => strings.disabled);
      this.#host.requestUpdate();
      return;
    }
    const attached = this.files.reduce((sum, entry) => sum + entry.size, 0);
    const sniffing = sniffFiles(await loadEngine(), files);
    // Uppy is made while the browser reads the heads, not after (out of the document: with a file).
    if (this.#host.isConnected) this.#ensureUppy();
    const prepared = await prepareFiles(files, await sniffing, this.#settings(), attached, (done, count) => {
      this.#fitting = done < count ? { done, count } : undefined;
      this.#host.requestUpdate();
    });
    const refusals: Refusal[] = [];
    for (const item of prepared) {
      const refusal = item.kind === 'refused' ? fitRefusal(item, this.#settings().limits) : this.#add(item);
      if (refusal) refusals.push(this.#rejected(item.file, refusal));
    }
    this.#notices.refused(refusals);
    this.#host.requestUpdate();
    if (refusals.length < files.length && !this.#settings().manual) this.upload();
  }

  /** Photos being fitted to the message before they join the list, when there are. */
  get fitting(): { done: number; count: number } | undefined {
    return this.#fitting;
  }

  /** Starts the upload of every file that waits, and retries failed ones (once the element is in the document). */
  upload(): void {
    if (!this.#host.isConnected) {
      this.#uploadWhenConnected = true;
      return;
    }
    const entries = this.files;
    if (entries.length === this.#restored.length) return;
    const uppy = this.#ensureUppy();
    for (const entry of entries) if (entry.status === 'failed') this.#retryFile(uppy, entry.id);
    if (entries.some((entry) => entry.status === 'pending')) {
      this.#round = true;
      uppy.upload().catch(() => {}); // failures are reported per file
    }
    this.#host.requestUpdate();
  }

  /** Retries one failed file, or all of them. */
  retry(id?: string): void {
    if (!this.#host.isConnected) {
      this.#uploadWhenConnected = true;
      return;
    }
    const uppy = this.#uppy;
    if (!uppy) return;
    for (const entry of this.files) {
      if (entry.status === 'failed' && (id === undefined || entry.id === id)) this.#retryFile(uppy, entry.id);
    }
  }

  /** Removes a file; an upload in flight is cancelled. Returns the removed entry. */
  removeFile(id: string): FileEntry | undefined {
    const entry = this.files.find((item) => item.id === id);
    if (!entry) return undefined;
    if (this.#uppy?.getFile(id)) this.#uppy.removeFile(id);
    else if (this.#parked[id]) delete this.#parked[id];
    else this.#restored = this.#restored.filter((item) => item.id !== id);
    const name = visibleName(entry.name);
    this.#notices.forget(id);
    this.#notices.announce((strings) => (entry.status === 'uploading' ? strings.cancelled({ name }) : strings.removed({ name })));
    this.#settleIfIdle();
    this.#host.requestUpdate();
    return entry;
  }

  /**
   * Replaces the list with files uploaded before (script, or the browser restoring the form):
   * they count against the file limit and can be removed, but have no file behind them.
   */
  restore(uploads: readonly RestoredUpload[]): void {
    this.reset();
    this.#restored = uploads.map(restoredEntry);
    this.#host.requestUpdate();
  }

  /** Cancels everything and empties the list. */
  reset(): void {
    this.#uppy?.cancelAll();
    this.#parked = {};
    this.#restored = [];
    this.#notices.clear();
    this.#round = false;
    this.#uploadWhenConnected = false;
    this.#host.requestUpdate();
  }

  /** Uppy is needed only for files, and files exist only once the engine is loaded. */
  #ensureUppy(): Uppy<Meta, Body> {
    if (this.#uppy) return this.#uppy;
    const { Uppy, RestrictionError, UploadTransport } = engine();
    const quiet = () => {};
    const uppy = new Uppy<Meta, Body>({
      autoProceed: false,
      // Failures reach the page as events and messages; keep Uppy's own logging quiet.
      logger: { debug: quiet, warn: quiet, error: quiet },
      allowMultipleUploadBatches: true,
      onBeforeFileAdded: (file, files) => {
        const refusal = this.#refusal(file, Object.values(files));
        if (refusal) throw new RestrictionError(refusal, { file });
        return true;
      },
    });
    this.#transport = new UploadTransport(uppy, this.#settings, {
      uploaded: (id, result) => this.#onUploaded(id, result.mediaUrl, result.mediaId),
      failed: (id, failure) => this.#onFailed(id, failure),
    });
    uppy.setState({ files: this.#parked });
    this.#parked = {};
    uppy.on('state-update', () => this.#uploadRenders.request());
    this.#uppy = uppy;
    if (!this.#host.isConnected) this.#destroyWhenRemoved(); // files added before the element is attached
    return uppy;
  }

  /** A move in the DOM disconnects and connects again in the same task: only a real removal ends Uppy. */
  #destroyWhenRemoved(): void {
    queueMicrotask(() => {
      if (!this.#host.isConnected) this.#destroy();
    });
  }

  /** Ends Uppy and the window listeners it holds, keeping its file state for the next one. */
  #destroy(): void {
    const uppy = this.#uppy;
    if (!uppy) return;
    const files = Object.values(uppy.getState().files);
    this.#parked = Object.fromEntries(files.map((file) => [file.id, interrupted(file)]));
    if (files.some((file) => interrupted(file) !== file)) this.#uploadWhenConnected = true;
    this.#uppy = undefined;
    this.#transport = undefined;
    this.#round = false;
    this.#uploadRenders.stop();
    uppy.destroy();
  }

  /** Why a file may not join the list (Uppy's `files` holds the ones already added), or undefined. */
  #refusal(file: UploadFile, added: readonly UploadFile[]): RejectionReason | undefined {
    if (added.some((other) => other.id === file.id)) return 'duplicate';
    const { limits } = this.#settings();
    const size = file.size ?? 0;
    const attached = [...this.#restored, ...added].map((entry) => ({ size: entry.size ?? 0 }));
    return checkFile({ size, type: file.type === UNKNOWN_TYPE ? undefined : file.type }, limits) ?? checkAddition({ size }, attached, limits);
  }

  /** Adds one file to Uppy (telling the page when it was fitted first), or says why it is refused. */
  #add({ file, type, fitted }: Extract<Prepared, { kind: 'ready' }>): RefusalCause | undefined {
    const uppy = this.#ensureUppy();
    let id: string;
    try {
      id = uppy.addFile({ name: file.name, type: type ?? UNKNOWN_TYPE, data: file, source: 'mms-media-upload' });
    } catch (error) {
      if (!(error instanceof engine().RestrictionError)) throw error;
      const reason = error.message as RejectionReason;
      return { reason, code: reason, type };
    }
    if (fitted) {
      uppy.setFileState(id, { originalSize: fitted.originalSize });
      const { width, height, originalSize } = fitted;
      const info = fileInfo(this.files.find((entry) => entry.id === id)!);
      this.#host.dispatchEvent(createEvent('file-fitted', { file: info, originalSize, size: file.size, width, height }));
    }
    return undefined;
  }

  /** Tells the page that `file` was not added, and returns the refusal for the message area. */
  #rejected(file: File, { reason, code, type, limits }: RefusalCause): Refusal {
    const context: MessageContext = { name: file.name, size: file.size, type, limits: limits ?? this.#settings().limits };
    const { strings, locale } = this.#settings();
    const message = describe(code, context, strings, locale);
    this.#host.dispatchEvent(createEvent('file-rejected', { file: { name: file.name, size: file.size, type: file.type }, reason, message }));
    return { reason, code, context };
  }

  #retryFile(uppy: Uppy<Meta, Body>, id: string): void {
    this.#round = true;
    this.#notices.forget(id);
    this.#transport?.retrying(id);
    uppy.setFileState(id, { failure: undefined });
    uppy.retryUpload(id).catch(() => {});
    this.#host.requestUpdate();
  }

  #onUploaded(id: string, mediaUrl: string, mediaId: string | undefined): void {
    const entry = this.files.find((item) => item.id === id);
    if (!entry) return;
    this.#notices.announce((strings) => strings.uploaded({ name: visibleName(entry.name) }));
    this.#host.dispatchEvent(createEvent('media-url', { mediaUrl, ...(mediaId ? { mediaId } : {}), file: fileInfo(entry) }));
    this.#host.dispatchEvent(new Event('change', { bubbles: true }));
    this.#settleIfIdle();
  }

  #onFailed(id: string, failure: Failure): void {
    const uppy = this.#uppy;
    if (!uppy?.getFile(id)) return;
    // `error` is what Uppy reads (a failed file is retried by `upload()`); `failure` is what the words come from.
    uppy.setFileState(id, { error: failure.code, failure });
    const entry = this.files.find((item) => item.id === id)!;
    this.#notices.failed(id, (strings, locale) => this.#failureWords(entry, failure, strings, locale));
    const { strings, locale } = this.#settings();
    this.#host.dispatchEvent(
      createEvent('upload-error', {
        file: fileInfo(entry),
        message: this.#failureWords(entry, failure, strings, locale),
        reason: publicReason(failure.code),
        ...(failure.status !== undefined ? { status: failure.status } : {}),
      }),
    );
    this.#host.requestUpdate();
    this.#settleIfIdle();
  }

  #failureWords(entry: Pick<FileEntry, 'name' | 'size' | 'type'>, failure: Failure, strings: MmsMediaUploadStrings, locale: string): string {
    const { limits, stallTimeoutMs } = this.#settings();
    return describeFailure(failure, { ...entry, limits, seconds: stallTimeoutMs / 1000 }, strings, locale);
  }

  /** Once no upload is left running, the round is complete. */
  #settleIfIdle(): void {
    if (!this.#round || this.uploading) return;
    this.#round = false;
    const entries = this.files;
    const mediaUrls = entries.flatMap((entry) => (entry.status === 'uploaded' && entry.mediaUrl ? [entry.mediaUrl] : []));
    const failed = entries.filter((entry) => entry.status === 'failed').length;
    this.#host.requestUpdate(); // before the event: a page that awaits updateComplete then sees the outcome
    this.#host.dispatchEvent(createEvent('upload-complete', { mediaUrls, failed }));
  }

  #entryOf(file: UploadFile, running: boolean): FileEntry {
    const entry = entryOf(file, running);
    if (entry.status !== 'failed' || !file.failure) return entry;
    const { strings, locale } = this.#settings();
    return { ...entry, error: this.#failureWords(entry, file.failure, strings, locale) };
  }
}
