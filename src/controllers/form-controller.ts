/**
 * The element as a form field, through `ElementInternals`: its value (one entry per media URL),
 * the state the browser restores on back/forward, its validity, and the form's reset and
 * disabled `<fieldset>`. The element forwards the form callbacks here.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MmsMediaUploadStrings } from '../strings.js';
import type { FileEntry, RestoredUpload } from '../file-entry.js';

/** The element's properties that make it a form field. */
export interface FormHost extends ReactiveControllerHost, HTMLElement {
  /** The form field name. */
  readonly name: string;
  readonly required: boolean;
}

/** The list the form's value comes from: its files, whether uploads are in flight, and how to empty or refill it. */
export interface FormUploads {
  readonly files: readonly FileEntry[];
  readonly uploading: boolean;
  reset(): void;
  restore(uploads: RestoredUpload[]): void;
}

export interface FormControllerOptions {
  strings(): MmsMediaUploadStrings;
  /** Where the browser points its validation message. */
  anchor(): HTMLElement | undefined;
}

export class FormController implements ReactiveController {
  readonly #host: FormHost;
  readonly #uploads: FormUploads;
  /** The element's form internals: its form, validity and validation message. */
  readonly internals: ElementInternals;
  readonly #options: FormControllerOptions;
  /** Set by a disabled `<fieldset>` around the element. */
  #disabledByForm = false;

  constructor(host: FormHost, uploads: FormUploads, options: FormControllerOptions) {
    this.#host = host;
    this.#uploads = uploads;
    this.internals = host.attachInternals();
    this.#options = options;
    host.addController(this);
    // The element renders at the next frame; the form must not wait for it. These listeners are
    // the element's first, so the page's own listeners of these events already read the new value.
    host.addEventListener('change', () => this.sync());
    host.addEventListener('upload-complete', () => this.sync());
  }

  get disabledByForm(): boolean {
    return this.#disabledByForm;
  }

  hostUpdated(): void {
    this.sync();
  }

  /** Gives the form the element's value and validity as they are now. */
  sync(): void {
    const uploaded = this.#uploads.files.filter((entry) => entry.status === 'uploaded' && entry.mediaUrl);
    const data = new FormData();
    const { name } = this.#host;
    if (name) for (const entry of uploaded) data.append(name, entry.mediaUrl!);
    // The restore state keeps names, sizes and types, so that back/forward shows the same list.
    const state: RestoredUpload[] = uploaded.map(({ mediaUrl, mediaId, name, size, type }) => ({ mediaUrl: mediaUrl!, mediaId, name, size, type }));
    this.internals.setFormValue(data, JSON.stringify(state));
    this.#updateValidity(uploaded.length);
  }

  #updateValidity(uploadedCount: number): void {
    const strings = this.#options.strings();
    const [flags, message]: [ValidityStateFlags, string?] = this.#uploads.uploading
      ? [{ customError: true }, strings.uploadsInFlight]
      : this.#uploads.files.some((entry) => entry.status === 'failed')
        ? [{ customError: true }, strings.uploadFailed]
        : this.#host.required && uploadedCount === 0
          ? [{ valueMissing: true }, strings.valueMissing]
          : [{}];
    this.internals.setValidity(flags, message, this.#options.anchor());
  }

  // The form-associated callbacks, forwarded by the element.
  disabledCallback(disabled: boolean): void {
    this.#disabledByForm = disabled;
    this.#host.requestUpdate();
  }

  resetCallback(): void {
    this.#uploads.reset();
  }

  /** Back/forward navigation and autofill give the uploads back, names and all. */
  stateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state !== 'string') return;
    try {
      const uploads = JSON.parse(state) as RestoredUpload[];
      if (Array.isArray(uploads)) this.#uploads.restore(uploads.filter((upload) => typeof upload?.mediaUrl === 'string'));
    } catch {
      // A state from another version of the element: nothing to restore.
    }
  }
}
