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
  /** The element's `capture`: which camera a “Take photo” button opens, on touch screens. */
  capture?: string;
  /** Whether the screen is a touch screen (never known on a server). */
  touchScreen: boolean;
  /** Photos being fitted to the message before they join the list. */
  fitting?: { done: number; count: number };
  /** Files picked with the browse or camera button. */
  onFiles(files: File[]): void;
}

/** The browse and camera buttons open the file input next to them. */
function openPicker(event: Event): void {
  ((event.currentTarget as HTMLElement).nextElementSibling as HTMLInputElement).click();
}

export function renderDropZone({ text, locale, limits, files, disabled, capture, touchScreen, fitting, onFiles }: DropZoneOptions) {
  const camera = touchScreen ? cameraFor(capture) : undefined;
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
      ${fitting ? html`<span part="fitting" role="status">${text.fittingPhotos(fitting)}</span>` : nothing}
      <button part="browse-button" type="button" ?disabled=${disabled} @click=${openPicker}>${text.browse}</button>
      <input
        type="file"
        multiple
        tabindex="-1"
        aria-hidden="true"
        accept=${pickerAccept(limits.accept)}
        ?disabled=${disabled}
        @change=${picked}
      />
      ${camera
        ? html`<button part="camera-button" type="button" ?disabled=${disabled} @click=${openPicker}>${text.takePhoto}</button>
            <input type="file" tabindex="-1" aria-hidden="true" accept="image/*" capture=${camera} ?disabled=${disabled} @change=${picked} />`
        : nothing}
    </div>
  `;
}

/** The camera of the “Take photo” button: `user` or `environment` (the default). */
function cameraFor(capture: string | undefined): 'environment' | 'user' | undefined {
  if (capture == null) return undefined;
  return capture === 'user' ? 'user' : 'environment';
}

/**
 * The picker's `accept`: JPEG first and never HEIC, so that iOS converts a HEIC photo to JPEG
 * before the page gets it (the checks still apply to what arrives).
 */
function pickerAccept(accept: readonly string[]): string {
  const listed = accept.filter((entry) => !/^(image\/hei[cf]|\.hei[cf])$/.test(entry));
  const jpegFirst = [...listed.filter((entry) => entry === 'image/jpeg'), ...listed.filter((entry) => entry !== 'image/jpeg')];
  return jpegFirst.join(',');
}

/** "3 of 10", and the size budget left when a total limit is set. */
function counterText(files: readonly FileEntry[], limits: Limits, text: MmsMediaUploadStrings, size: (bytes: number) => string): string {
  const count = text.counter({ count: files.length, maxFiles: limits.maxFiles });
  if (!limits.maxTotalSize) return count;
  const used = files.reduce((sum, entry) => sum + entry.size, 0);
  return `${count} · ${text.remaining({ size: size(Math.max(0, limits.maxTotalSize - used)) })}`;
}
