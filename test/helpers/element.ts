// Shared helpers for the element's browser tests.
import { fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { MmsMediaUpload } from '../../src/mms-media-upload.js';

export async function resetMocks(): Promise<void> {
  await fetch('/mock/reset', { method: 'POST' });
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  fields: Record<string, string>;
  /** `index`: the file's bytes are at `/mock/file/<index>`. */
  files: { field: string; filename: string; type: string; size: number; head: string; index: number }[];
  body?: { files: { name: string; size: number; type: string }[] };
}

export async function recordedRequests(): Promise<RecordedRequest[]> {
  return (await fetch('/mock/requests')).json();
}

export async function uploader(attributes: string): Promise<MmsMediaUpload> {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  container.innerHTML = `<mms-media-upload ${attributes}></mms-media-upload>`;
  const element = container.querySelector('mms-media-upload')!;
  await element.updateComplete;
  return element;
}

/** Waits for the next `upload-complete` while running `action`, and for the element to show it. */
export async function untilComplete(element: MmsMediaUpload, action: () => unknown) {
  const done = oneEvent(element, 'upload-complete');
  await action();
  const { detail } = await done;
  await element.updateComplete;
  return detail;
}

export function shadow(element: MmsMediaUpload): ShadowRoot {
  return element.shadowRoot!;
}

/** Waits until every file shows its thumbnail or its icon (thumbnails are made off the main thread, one at a time). */
export async function previewsShown(element: MmsMediaUpload): Promise<void> {
  for (let i = 0; i < 250; i += 1) {
    await element.updateComplete;
    const previews = [...shadow(element).querySelectorAll('[part=preview]')];
    if (previews.every((preview) => preview.querySelector('img, [role=img]'))) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('previews still being made after 5 s');
}

/** The message area's sentences: refusals. */
export function notices(element: MmsMediaUpload): string[] {
  return [...shadow(element).querySelectorAll('[part=error] p')].map((item) => item.textContent ?? '');
}

/** What the hidden alert tells screen readers about failed uploads (each row shows its own). */
export function announcedFailures(element: MmsMediaUpload): string[] {
  return [...shadow(element).querySelectorAll('.visually-hidden[role=alert] p')].map((item) => item.textContent ?? '');
}

/** Collects every event of a type that the element fires. */
export function collect<T extends Event>(element: EventTarget, type: string): T[] {
  const events: T[] = [];
  element.addEventListener(type, (event) => events.push(event as T));
  return events;
}
