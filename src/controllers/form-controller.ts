/**
 * The element as a form field, through `ElementInternals`: its value (one entry per media URL),
 * the state the browser restores on back/forward, its validity, and the form's reset and
 * disabled `<fieldset>`. The element forwards the form callbacks here.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MmsMediaUploadStrings } from '../strings.js';
import type { FileEntry, RestoredUpload } from '../file-entry.js';

export interface FormControllerOptions {
  /** The files in the list. */
  files(): readonly FileEntry[];
  /** The form field name. */
  name(): string;
  required(): boolean;
  /** Whether uploads are in flight. */
  busy(): boolean;
  strings(): MmsMediaUploadStrings;
  /** Where the browser points its validation message. */
  anchor(): HTMLElement | undefined;
  /** The form was reset. */
  reset(): void;
  /** The browser gives back the uploads of an earlier visit. */
  restore(uploads: RestoredUpload[]): void;
}

export class FormController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  /** The element's form internals: its form, validity and validation message. */
  readonly internals: ElementInternals;
  readonly #options: FormControllerOptions;
  /** Set by a disabled `<fieldset>` around the element. */
  #disabledByForm = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: FormControllerOptions) {
    this.#host = host;
    this.internals = host.attachInternals();
    this.#options = options;
    host.addController(this);
  }

  get disabledByForm(): boolean {
    return this.#disabledByForm;
  }

  hostUpdated(): void {
    const uploaded = this.#options.files().filter((entry) => entry.status === 'uploaded' && entry.mediaUrl);
    const data = new FormData();
    const name = this.#options.name();
    if (name) for (const entry of uploaded) data.append(name, entry.mediaUrl!);
    // The restore state keeps names, sizes and types, so that back/forward shows the same list.
    const state: RestoredUpload[] = uploaded.map(({ mediaUrl, mediaId, name, size, type }) => ({ mediaUrl: mediaUrl!, mediaId, name, size, type }));
    this.internals.setFormValue(data, JSON.stringify(state));
    this.#updateValidity(uploaded.length);
  }

  #updateValidity(uploadedCount: number): void {
    const strings = this.#options.strings();
    const [flags, message]: [ValidityStateFlags, string?] = this.#options.busy()
      ? [{ customError: true }, strings.uploadsInFlight]
      : this.#options.files().some((entry) => entry.status === 'failed')
        ? [{ customError: true }, strings.uploadFailed]
        : this.#options.required() && uploadedCount === 0
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
    this.#options.reset();
  }

  /** Back/forward navigation and autofill give the uploads back, names and all. */
  stateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state !== 'string') return;
    try {
      const uploads = JSON.parse(state) as RestoredUpload[];
      if (Array.isArray(uploads)) this.#options.restore(uploads.filter((upload) => typeof upload?.mediaUrl === 'string'));
    } catch {
      // A state from another version of the element: nothing to restore.
    }
  }
}
