import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { DropTargetController } from './controllers/drop-target-controller.js';
import { EnvironmentController } from './controllers/environment-controller.js';
import { FormController } from './controllers/form-controller.js';
import { PreviewController } from './controllers/preview-controller.js';
import { UploadController } from './controllers/upload-controller.js';
import type { FileEntry } from './file-entry.js';
import { renderDropZone } from './drop-zone.js';
import { renderFile } from './file-row.js';
import { LimitSettings } from './limit-settings.js';
import type { ProviderName } from './limits.js';
import { styles } from './mms-media-upload.styles.js';
import { nextFrame } from './next-frame.js';
import type { HeicDecoder } from './fit/fit-types.js';
import type { Signer } from './signing.js';
import { ENGLISH, type MmsMediaUploadStrings } from './strings.js';
import { DEFAULT_FIT_MAX_DIMENSION, DEFAULT_STALL_TIMEOUT_MS, uploadSettings } from './upload-settings.js';
import type { ResponseParser } from './response.js';

/**
 * Attaches photos, videos and PDFs to an MMS or RCS message: checks each file against the
 * messaging limits (by its real bytes), uploads it through the app's signed endpoint and
 * holds the resulting media URLs as its form value.
 *
 * @summary A form field that uploads MMS/RCS media and yields media URLs.
 *
 * @fires {CustomEvent<MediaUrlDetail>} media-url - `{ mediaUrl, mediaId?, file }`, once per uploaded file.
 * @fires {CustomEvent<FileRejectedDetail>} file-rejected - `{ file, reason, message }` when a file is refused.
 * @fires {CustomEvent<FileFittedDetail>} file-fitted - `{ file, originalSize, size, width, height }` when a photo was resized to fit, before its upload.
 * @fires {CustomEvent<UploadErrorDetail>} upload-error - `{ file, message, reason, status? }` when an upload fails for good.
 * @fires {CustomEvent<UploadCompleteDetail>} upload-complete - `{ mediaUrls, failed }` once every started upload has settled.
 * @fires {Event} change - The value changed because an upload finished or the user removed a file.
 *
 * @slot label - Replaces the drop zone's label.
 * @slot hint - Replaces the description of the limits.
 *
 * @csspart dropzone - The area that takes dropped files.
 * @csspart browse-button - The button that opens the file picker.
 * @csspart camera-button - The “Take photo” button (touch screens, with `capture`).
 * @csspart file-list - The list of files.
 * @csspart file - One file in the list.
 * @csspart preview - A file's thumbnail or type icon.
 * @csspart file-name - A file's name.
 * @csspart file-size - A file's size.
 * @csspart status - A file's status.
 * @csspart progress - A file's progress bar.
 * @csspart remove-button - A file's remove button.
 * @csspart retry-button - A failed file's retry button.
 * @csspart file-error - A failed file's message.
 * @csspart error - The message area for refusals and server errors.
 * @csspart fitting - "Resizing photos: 2 of 10", while photos are fitted to the message.
 * @csspart counter - "3 of 10", and the size budget left when `max-total-size` is set.
 *
 * @cssproperty [--mms-media-upload-accent=light-dark(#1d4ed8, #93b4fd)] - Buttons, focus ring and drop state.
 * @cssproperty [--mms-media-upload-on-accent=light-dark(#ffffff, #0b1220)] - Text on the accent colour.
 * @cssproperty [--mms-media-upload-background=light-dark(#ffffff, #111827)] - The drop zone's and files' background.
 * @cssproperty [--mms-media-upload-muted-color=light-dark(#4b5563, #c3c8d0)] - Hints, sizes and icons.
 * @cssproperty [--mms-media-upload-border-color=light-dark(#6b7280, #8b93a1)] - Borders.
 * @cssproperty [--mms-media-upload-error-color=light-dark(#b91c1c, #fca5a5)] - Messages about failures.
 * @cssproperty [--mms-media-upload-success-color=light-dark(#15803d, #86efac)] - The uploaded status.
 * @cssproperty [--mms-media-upload-thumbnail-size=48px] - Thumbnails and icons.
 * @cssproperty [--mms-media-upload-radius=8px] - Corner radius.
 * @cssproperty [--mms-media-upload-spacing=0.75rem] - Spacing.
 * @cssproperty [--mms-media-upload-font=inherit] - Font.
 * @cssproperty [--mms-media-upload-text-color=light-dark(#111827, #f3f4f6)] - Text colour.
 */
export class MmsMediaUpload extends LitElement {
  static override styles = styles;
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true }; // typed: the .d.ts then fits every TypeScript lib (else TS2417)

  /** URL of the app's upload endpoint (its proxy). One multipart/form-data request per file. */
  @property() endpoint = '';

  /** `POST` or `PUT`. */
  @property() method: 'POST' | 'PUT' = 'POST';

  /** Name of the file part in the multipart body. */
  @property({ attribute: 'field-name' }) fieldName = 'file';

  /** Preset of limits: `plivo`, `bandwidth`, `openmarket`, `acrobits`, `twilio`, `telnyx`, `bird`, `aws`, `rbm`, or `carrier-safe` (600 KB per message). Explicit limits win. */
  @property() provider?: ProviderName;

  /** Form field name; the form data holds one entry per uploaded media URL. */
  @property({ reflect: true }) name = '';

  /** Unmet while no upload is done or while uploads are in flight. */
  @property({ type: Boolean, reflect: true }) required = false;

  /** Blocks browse, drop and paste; uploads already running finish. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Where to get an upload signature: the element POSTs `{ files }` there before uploading. */
  @property({ attribute: 'signature-endpoint' }) signatureEndpoint?: string;

  /** Files wait for `upload()` instead of uploading as soon as they are added. */
  @property({ type: Boolean }) manual = false;

  /** Photos that do not fit the message are resized (`auto`), every photo is re-encoded to drop its metadata (`always`), or none (`off`). */
  @property() fit: 'auto' | 'always' | 'off' = 'auto';

  /** The longest edge, in pixels, of a fitted photo. */
  @property({ type: Number, attribute: 'fit-max-dimension' }) fitMaxDimension: number = DEFAULT_FIT_MAX_DIMENSION;

  /** Decodes HEIC where the browser cannot: `(blob) => Promise<ImageBitmap | ImageData>`, or the URL of a module exporting `decode`. */
  @property({ attribute: 'heic-decoder' }) heicDecoder?: HeicDecoder | string;

  /** Id of another element (such as the message textarea) whose pasted files are added too. */
  @property({ attribute: 'paste-target' }) pasteTarget?: string;

  /** Adds a “Take photo” button on touch screens: `environment` (the back camera, also for `""`) or `user`. */
  @property() capture?: 'environment' | 'user' | '';

  /** Milliseconds without upload progress after which a request is aborted (and retried). */
  @property({ type: Number, attribute: 'upload-timeout' }) uploadTimeout: number = DEFAULT_STALL_TIMEOUT_MS;

  /** Signs uploads in the app's own code: `(files) => Promise<{ url?, method?, headers?, fields?, expires_at? }>`. */
  @property({ attribute: false }) signer?: Signer;

  /** Replaces the response reader: `(body, request) => { mediaUrl, mediaId? }`, or throw an Error to fail. */
  @property({ attribute: false }) parseResponse?: ResponseParser;

  /** Replaces user-facing text; any subset of the English strings. */
  @property({ attribute: false }) strings: Partial<MmsMediaUploadStrings> = {};

  /**
   * Most files at once (default 10, or the provider's).
   * @default 10
   */
  @property({ type: Number, attribute: 'max-files' })
  get maxFiles(): number {
    return this.#limitSettings.maxFiles;
  }
  set maxFiles(value: number | null | undefined) {
    this.#setLimit('maxFiles', (settings) => (settings.maxFiles = value));
  }

  /**
   * Bytes per file (default 2,097,152, or the provider's).
   * @default 2097152
   */
  @property({ type: Number, attribute: 'max-file-size' })
  get maxFileSize(): number {
    return this.#limitSettings.maxFileSize;
  }
  set maxFileSize(value: number | null | undefined) {
    this.#setLimit('maxFileSize', (settings) => (settings.maxFileSize = value));
  }

  /** Bytes for all files together (none by default, or the provider's); shows the budget left. */
  @property({ type: Number, attribute: 'max-total-size' })
  get maxTotalSize(): number | undefined {
    return this.#limitSettings.maxTotalSize;
  }
  set maxTotalSize(value: number | null | undefined) {
    this.#setLimit('maxTotalSize', (settings) => (settings.maxTotalSize = value));
  }

  /**
   * Allowed MIME types, `type/*` or `.ext`, comma-separated (default: the provider's, or JPEG, PNG, GIF, MP4, PDF and text).
   * @default 'image/jpeg,image/png,image/gif,video/mp4,application/pdf,text/plain'
   */
  @property()
  get accept(): string {
    return this.#limitSettings.accept;
  }
  set accept(value: string | null | undefined) {
    this.#setLimit('accept', (settings) => (settings.accept = value));
  }

  /** The media URLs of the uploaded files, in list order. */
  get value(): string[] {
    return this.#uploads.files.flatMap((entry) => (entry.status === 'uploaded' && entry.mediaUrl ? [entry.mediaUrl] : []));
  }
  set value(urls: readonly string[]) {
    const list = Array.isArray(urls) ? urls.filter((url): url is string => typeof url === 'string') : [];
    this.#uploads.restore(list.map((mediaUrl) => ({ mediaUrl })));
  }

  /** The files in the list: `{ id, name, size, type, status, progress, mediaUrl?, mediaId?, error? }`. */
  get files(): readonly FileEntry[] {
    return this.#uploads.files;
  }

  /** The form this element belongs to. */
  get form(): HTMLFormElement | null {
    return this.#form.internals.form;
  }

  /** The validity state, as on native inputs. */
  get validity(): ValidityState {
    return this.#form.internals.validity;
  }

  /** Why the element is invalid (empty when valid), as on native inputs. */
  get validationMessage(): string {
    return this.#form.internals.validationMessage;
  }

  /** Whether the element is valid; fires `invalid` when not, as on native inputs. */
  checkValidity(): boolean {
    return this.#form.internals.checkValidity();
  }

  /** Like `checkValidity()`, and shows the message to the user. */
  reportValidity(): boolean {
    return this.#form.internals.reportValidity();
  }

  /** Uploads the waiting files (and retries failed ones). */
  upload(): void {
    this.#uploads.upload();
  }

  /** Retries one failed file, or every failed file. */
  retry(id?: string): void {
    this.#uploads.retry(id);
  }

  /** Removes a file from the list, cancelling its upload. */
  removeFile(id: string): void {
    this.#uploads.removeFile(id);
  }

  /** Empties the list and cancels uploads in flight. */
  reset(): void {
    this.#uploads.reset();
  }

  /** Adds files as if the user had picked them; resolves once the list shows them (and its refusals). */
  async addFiles(files: Iterable<File>): Promise<void> {
    await this.#uploads.addFiles([...files]);
    if (this.isConnected) await this.updateComplete; // an element never attached does not render yet
  }

  readonly #environment = new EnvironmentController(this);
  readonly #limitSettings = new LimitSettings(() => this.provider);
  readonly #uploads = new UploadController(this, () =>
    uploadSettings(this, { limits: this.#limitSettings.limits, strings: this.#text, locale: this.#environment.locale, disabled: this.#isDisabled }),
  );
  readonly #form = new FormController(this, this.#uploads, { strings: () => this.#text, anchor: () => this.#browseButton ?? undefined });
  readonly #previews = new PreviewController(this, () => this.#uploads.files.map((entry) => entry.id));
  readonly #dropTarget = new DropTargetController(this, {
    onFiles: (files) => void this.#uploads.addFiles(files),
    disabled: () => this.#isDisabled,
    pasteTarget: () => this.pasteTarget,
  });

  get #browseButton(): HTMLButtonElement | null {
    return this.renderRoot.querySelector('[part=browse-button]');
  }

  /** Sets one of the limits and re-renders with the limits now in force. */
  #setLimit(key: 'maxFiles' | 'maxFileSize' | 'maxTotalSize' | 'accept', set: (settings: LimitSettings) => void): void {
    const old = this[key];
    set(this.#limitSettings);
    this.requestUpdate(key, old);
  }

  get #text(): MmsMediaUploadStrings {
    return { ...ENGLISH, ...this.strings };
  }

  get #isDisabled(): boolean {
    return this.disabled || this.#form.disabledByForm;
  }

  /** @internal The form-associated callbacks go to the form controller. */
  formDisabledCallback(disabled: boolean): void {
    this.#form.disabledCallback(disabled);
  }

  /** @internal */
  formResetCallback(): void {
    this.#form.resetCallback();
  }

  /** @internal */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    this.#form.stateRestoreCallback(state);
  }

  /** Renders at once the first time, then once a frame: uploads change state with every progress event. */
  protected override async scheduleUpdate(): Promise<void> {
    if (this.hasUpdated) await nextFrame();
    super.scheduleUpdate();
  }

  protected override updated(): void {
    this.toggleAttribute('dragover', this.#dropTarget.dragOver);
    this.toggleAttribute('uploading', this.#uploads.uploading);
    this.toggleAttribute('max-files-reached', this.#uploads.files.length >= this.maxFiles);
  }

  async #onRemove(entry: FileEntry, index: number): Promise<void> {
    this.#uploads.removeFile(entry.id);
    if (entry.status === 'uploaded') this.dispatchEvent(new Event('change', { bubbles: true }));
    await this.updateComplete;
    // Keep keyboard focus in the list: the next file, else the previous one, else browse.
    const buttons = this.renderRoot.querySelectorAll<HTMLButtonElement>('[part~=remove-button]');
    (buttons[index] ?? buttons[index - 1] ?? this.#browseButton)?.focus();
  }

  protected override render(): TemplateResult {
    const text = this.#text;
    const locale = this.#environment.locale;
    const files = this.#uploads.files;
    return html`
      ${renderDropZone({
        text,
        locale,
        files,
        limits: this.#limitSettings.limits,
        disabled: this.#isDisabled,
        capture: this.capture,
        touchScreen: this.#environment.touchScreen,
        fitting: this.#uploads.fitting,
        onFiles: (picked) => void this.#uploads.addFiles(picked),
      })}
      ${files.length > 0
        ? html`<ul part="file-list" aria-label=${text.fileListLabel}>
            ${repeat(
              files,
              (entry) => entry.id,
              (entry, index) =>
                renderFile(entry, {
                  text,
                  locale,
                  preview: this.#previews.previewOf(entry.id, entry.type, this.#uploads.fileOf(entry.id)),
                  onPreviewError: (url) => this.#previews.broken(entry.id, url),
                  onRetry: () => this.#uploads.retry(entry.id),
                  onRemove: () => this.#onRemove(entry, index),
                }),
            )}
          </ul>`
        : nothing}
      <div part="error" role="alert">${this.#uploads.notices.map((notice) => html`<p>${notice}</p>`)}</div>
      <div class="visually-hidden" role="alert">${this.#uploads.failures.map((failure) => html`<p>${failure}</p>`)}</div>
      <div class="visually-hidden" role="status">${this.#uploads.announcement}</div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mms-media-upload': MmsMediaUpload;
  }
}
