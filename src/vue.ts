/**
 * Template typings for Vue 3, in their own entry so that the main types never need Vue:
 *
 *     import type {} from 'mms-media-upload/vue';
 *
 * Registers `<mms-media-upload>` in Vue's `GlobalComponents` (read by vue-tsc and Volar) the way
 * Vue's guide does for custom elements: `$props` lists what a template may bind (`:max-files="3"`,
 * `:strings="FRENCH"`) and `$emit` the events with their types (`@media-url`, `@upload-complete`).
 * Vue sets a binding as a property whenever the element has one. Tell Vue the tag is a custom
 * element (`compilerOptions.isCustomElement`) as for any web component.
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { MmsMediaUploadEvents, MmsMediaUploadProperties } from './element-props.js';
import type { MmsMediaUpload } from './mms-media-upload.js';

/** "media-url" → "mediaUrl". */
type Camelize<Name extends string> = Name extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camelize<Tail>>}` : Name;

/** Listeners as Vue names them in render functions and JSX: `onMediaUrl` for `@media-url`. */
export type MmsMediaUploadVueEventProps = {
  [Name in keyof MmsMediaUploadEvents as `on${Capitalize<Camelize<Name>>}`]?: (event: MmsMediaUploadEvents[Name]) => void;
};

type OwnProps = MmsMediaUploadProperties & MmsMediaUploadVueEventProps;

/** `<mms-media-upload>` as a Vue component type, for template type checking only. */
export type MmsMediaUploadVueComponent = new () => MmsMediaUpload & {
  /** @deprecated For template type checking only: the element has no `$props`. */
  $props: Omit<HTMLAttributes, keyof OwnProps> & OwnProps & PublicProps;
  /** @deprecated For template type checking only: the element has no `$emit`. */
  $emit: EmitFn<{ [Name in keyof MmsMediaUploadEvents]: (event: MmsMediaUploadEvents[Name]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
    'mms-media-upload': MmsMediaUploadVueComponent;
  }
}
