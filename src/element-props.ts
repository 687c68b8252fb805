/**
 * What a framework template may set on `<mms-media-upload>` and listen to: the one list that the
 * React (`mms-media-upload/react`), Vue (`mms-media-upload/vue`) and Svelte (`mms-media-upload/svelte`)
 * typings are built from.
 * Types only: this module has no code.
 */
import type { MmsMediaUploadEventMap } from './events.js';
import type { MmsMediaUpload } from './mms-media-upload.js';

/** The element's settable properties, attributes included (by their property names). */
export type MmsMediaUploadPropertyName =
  | 'endpoint'
  | 'method'
  | 'fieldName'
  | 'maxFiles'
  | 'maxFileSize'
  | 'maxTotalSize'
  | 'accept'
  | 'provider'
  | 'name'
  | 'required'
  | 'disabled'
  | 'signatureEndpoint'
  | 'manual'
  | 'uploadTimeout'
  | 'pasteTarget'
  | 'capture'
  | 'signer'
  | 'parseResponse'
  | 'strings';

/** The element's properties as optional props, typed as on the element. */
export type MmsMediaUploadProperties = Partial<Pick<MmsMediaUpload, MmsMediaUploadPropertyName>> & {
  /** The media URLs to show as uploaded files. */
  value?: readonly string[];
};

/** Attributes whose names differ from their properties', for markup that sets attributes. */
export interface MmsMediaUploadAttributes {
  'field-name'?: string;
  'max-files'?: number | string;
  'max-file-size'?: number | string;
  'max-total-size'?: number | string;
  'signature-endpoint'?: string;
  'upload-timeout'?: number | string;
  'paste-target'?: string;
}

/** Every event the element fires, by name: its custom events and the plain `change`. */
export interface MmsMediaUploadEvents extends MmsMediaUploadEventMap {
  change: Event;
}
