/**
 * JSX typings for React 19, in their own entry so that the main types never need React:
 *
 *     import type {} from 'mms-media-upload/react';
 *
 * React 19 sets a prop as a property when the element has that property (so `maxFiles={3}`,
 * `signer={sign}` and `strings={FRENCH}` reach the element as values), otherwise as an attribute
 * (`signature-endpoint="/sign"`). A prop named `on` + an event's exact name listens to that event:
 * `onmedia-url`, `onfile-rejected`, `onupload-error`, `onupload-complete`. `onChange` is React's
 * own change handler, which React 19 also calls for a custom element's `change` event.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { MmsMediaUploadAttributes, MmsMediaUploadProperties } from './element-props.js';
import type { MmsMediaUploadEventMap } from './events.js';
import type { MmsMediaUpload } from './mms-media-upload.js';

/** Listeners for the element's custom events, named the React 19 way: `on` + the event name. */
export type MmsMediaUploadReactEventProps = {
  [Name in keyof MmsMediaUploadEventMap as `on${Name}`]?: (event: MmsMediaUploadEventMap[Name]) => void;
};

type OwnProps = MmsMediaUploadProperties & MmsMediaUploadAttributes & MmsMediaUploadReactEventProps;

/** The props of `<mms-media-upload>` in React: the element's own, plus React's for any element. */
export type MmsMediaUploadReactProps = Omit<DetailedHTMLProps<HTMLAttributes<MmsMediaUpload>, MmsMediaUpload>, keyof OwnProps> &
  OwnProps;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'mms-media-upload': MmsMediaUploadReactProps;
    }
  }
}
