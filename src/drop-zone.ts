/** The drop zone: label, the limits in words, the counter, the browse button and its hidden file input. */
import { html, nothing } from 'lit';
import type { FileEntry } from './file-entry.js';
import { formatSize, formatTypes } from './format.js';
import type { Limits } from './limits.js';
import type { MmsMediaUploadStrings } from './strings.js';

export interface DropZoneOptions {
  text: MmsMediaUploadStrings;
  locale: string;
  limits: Limits;
  files: readonly FileEntry[];
  disabled: boolean;
  /** Files picked with the browse button. */
  onFiles(files: File[]): void;
}

/** The browse button opens the file input next to it. */
function openPicker(event: Event): void {
  ((event.currentTarget as HTMLElement).nextElementSibling as HTMLInputElement).click();
}

export function renderDropZone({ text, locale, limits, files, disabled, onFiles }: DropZoneOptions) {
  const picked = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const chosen = [...(input.files ?? [])];
    input.value = ''; // the same file can be picked again after it was removed
    onFiles(chosen);
  };
  const size = (bytes: number) => formatSize(bytes, locale, { units: text.sizeUnits });
  const types = formatTypes(limits.accept, text.typeNames, locale);
  const hint = text.limitsHint({ maxFiles: limits.maxFiles, maxFileSize: size(limits.maxFileSize), types });
  return html`
    <div part="dropzone" role="group" aria-labelledby="label" aria-describedby="hint">
      <span id="label"><slot name="label">${text.dropLabel}</slot></span>
      <span id="hint" class="hint"><slot name="hint">${hint}</slot></span>
      ${files.length > 0 ? html`<span part="counter">${counterText(files, limits, text, size)}</span>` : nothing}
      <button part="browse-button" type="button" ?disabled=${disabled} @click=${openPicker}>${text.browse}</button>
      <input
        type="file"
        multiple
        tabindex="-1"
        aria-hidden="true"
        accept=${limits.accept.join(',')}
        ?disabled=${disabled}
        @change=${picked}
      />
    </div>
  `;
}

/** "3 of 10", and the size budget left when a total limit is set. */
function counterText(files: readonly FileEntry[], limits: Limits, text: MmsMediaUploadStrings, size: (bytes: number) => string): string {
  const count = text.counter({ count: files.length, maxFiles: limits.maxFiles });
  if (!limits.maxTotalSize) return count;
  const used = files.reduce((sum, entry) => sum + entry.size, 0);
  return `${count} · ${text.remaining({ size: size(Math.max(0, limits.maxTotalSize - used)) })}`;
}
