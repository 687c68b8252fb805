/** One file of the element's list: thumbnail or icon, name, size, status, progress, its message and buttons. */
import { html, nothing } from 'lit';
import type { Preview } from './controllers/preview-controller.js';
import type { FileEntry } from './file-entry.js';
import { formatPercent, formatSize, visibleName } from './format.js';
import { ICONS, iconFor } from './icons.js';
import type { MmsMediaUploadStrings } from './strings.js';

export interface FileRowOptions {
  text: MmsMediaUploadStrings;
  locale: string;
  /** The file's thumbnail (its URL, or still being made); a type icon stands in without one. */
  preview: Preview;
  /** The thumbnail at `url` did not decode (a truncated file): the type icon takes its place. */
  onPreviewError(url: string): void;
  onRetry(): void;
  onRemove(): void;
}

export function renderFile(entry: FileEntry, { text, locale, preview, onPreviewError, onRetry, onRemove }: FileRowOptions) {
  const name = visibleName(entry.name);
  const percent = formatPercent(entry.progress, locale);
  const status = {
    pending: text.statusPending,
    uploading: text.statusUploading(percent),
    uploaded: text.statusUploaded,
    failed: text.statusFailed,
  }[entry.status];
  const icon = iconFor(entry.type);
  return html`
    <li part="file" data-status=${entry.status} data-id=${entry.id}>
      <span part="preview">
        ${preview === 'pending'
          ? nothing
          : preview
            ? html`<img src=${preview.url} alt="" width="48" height="48" @error=${(event: Event) => onPreviewError((event.target as HTMLImageElement).src)} />`
            : html`<span role="img" aria-label=${text[icon]}>${ICONS[icon]}</span>`}
      </span>
      <bdi part="file-name" title=${name}>${nameParts(name)}</bdi>
      <span class="actions">
        ${entry.status === 'failed'
          ? html`<button class="secondary" part="retry-button" type="button" aria-label=${text.retryFile(name)} @click=${onRetry}>
              ${text.retry}
            </button>`
          : nothing}
        <button class="secondary" part="remove-button" type="button" aria-label=${text.removeFile(name)} @click=${onRemove}>
          ${text.remove}
        </button>
      </span>
      <span class="meta">
        ${entry.size > 0 ? html`<span part="file-size">${sizeText(entry, text, locale)}</span> · ` : nothing}
        <span part="status" class="status-${entry.status}">${status}</span>
      </span>
      ${entry.status === 'uploading'
        ? html`<progress part="progress" max="1" .value=${entry.progress} aria-label=${status}></progress>`
        : nothing}
      ${entry.error ? html`<span class="file-error" part="file-error">${entry.error}</span>` : nothing}
    </li>
  `;
}

/** "480 KB", or "resized from 4.1 MB to 480 KB" for a photo fitted to the message. */
function sizeText(entry: FileEntry, text: MmsMediaUploadStrings, locale: string): string {
  const size = (bytes: number) => formatSize(bytes, locale, { units: text.sizeUnits });
  return entry.originalSize === undefined ? size(entry.size) : text.statusResized({ from: size(entry.originalSize), to: size(entry.size) });
}

/** How many characters before the extension stay visible when a name is cut. */
const KEPT_BEFORE_EXTENSION = 7;
/** Names with fewer characters than this before the kept end are not cut. */
const MIN_CUT_START = 6;

/**
 * A long name is cut in its middle, where it says least: its start shrinks behind an ellipsis
 * and its end (the last characters and the extension) stays, as in `IMG_20261129_…_final.jpg`.
 * The text itself stays whole, for screen readers and copying.
 */
function nameParts(name: string) {
  const chars = Array.from(name); // code points: never half a surrogate pair
  const extension = /\.[^.\s]{1,8}$/.exec(name)?.[0] ?? '';
  const kept = Array.from(extension).length + KEPT_BEFORE_EXTENSION;
  // A short name is not cut: it fits, or its end simply fades behind an ellipsis.
  if (chars.length < kept + MIN_CUT_START) return html`<span class="name-start">${name}</span>`;
  const start = chars.slice(0, chars.length - kept).join('');
  const end = chars.slice(chars.length - kept).join('');
  return html`<span class="name-start">${start}</span><span class="name-end">${end}</span>`;
}
