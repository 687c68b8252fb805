/**
 * Template typings for Svelte 5, in their own entry so that the main types never need Svelte:
 *
 *     import type {} from 'mms-media-upload/svelte';
 *
 * Adds `<mms-media-upload>` to `svelte/elements`' `SvelteHTMLElements` (read by svelte-check and the
 * Svelte language server). Svelte 5 sets an attribute as a property when the element has that
 * property (so `maxFiles={3}`, `signer={sign}` and `strings={FRENCH}` reach the element as values),
 * otherwise as an attribute (`signature-endpoint="/sign"`). An attribute named `on` + an event's exact
 * name listens to that event: `onmedia-url`, `onfile-rejected`, `onupload-error`, `onupload-complete`,
 * and `onchange`.
 */
import type { HTMLAttributes } from 'svelte/elements';
import type { MmsMediaUploadAttributes, MmsMediaUploadProperties } from './element-props.js';
import type { MmsMediaUploadEventMap } from './events.js';
import type { MmsMediaUpload } from './mms-media-upload.js';

/** Listeners for the element's custom events, named the Svelte 5 way: `on` + the event name. */
export type MmsMediaUploadSvelteEventProps = {
  [Name in keyof MmsMediaUploadEventMap as `on${Name}`]?: (event: MmsMediaUploadEventMap[Name]) => void;
};

type OwnProps = MmsMediaUploadProperties & MmsMediaUploadAttributes & MmsMediaUploadSvelteEventProps;

/** What a Svelte template may set on `<mms-media-upload>`: the element's own, plus Svelte's for any element. */
export type MmsMediaUploadSvelteProps = Omit<HTMLAttributes<MmsMediaUpload>, keyof OwnProps> & OwnProps;

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'mms-media-upload': MmsMediaUploadSvelteProps;
  }
}
