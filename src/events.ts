/** The element's events: each name written once, each detail typed. */
import type { ErrorCode } from './protocol.js';

/** What events say about a file. `type` is the sniffed, true type. */
export interface FileInfo {
  id: string;
  name: string;
  size: number;
  type: string;
}

export interface MediaUrlDetail {
  mediaUrl: string;
  mediaId?: string;
  file: FileInfo;
}

/** Why a file was not added to the list. */
export type RejectionReason =
  | 'too-many-files'
  | 'file-too-large'
  | 'total-too-large'
  | 'type-not-allowed'
  | 'empty-file'
  | 'duplicate';

/**
 * Why an upload failed: the server's `code` (`file-too-large`, `provider-failed`…, any code a
 * server sends), or `network` (no answer), `timeout` (no progress for `upload-timeout`),
 * `bad-response` (an answer with neither a media URL nor a code) or `signing-failed`.
 */
export type UploadErrorReason = ErrorCode | 'network' | 'timeout' | 'bad-response' | 'signing-failed' | (string & {});

export interface FileRejectedDetail {
  /** The file as the browser declared it (its declared type, not a sniffed one). */
  file: { name: string; size: number; type: string };
  reason: RejectionReason;
  message: string;
}

export interface FileFittedDetail {
  /** The file as it is now in the list: fitted, with the new type's extension. */
  file: FileInfo;
  /** Bytes before fitting. */
  originalSize: number;
  /** Bytes after fitting. */
  size: number;
  /** Pixels of the fitted picture, upright. */
  width: number;
  height: number;
}

export interface UploadErrorDetail {
  file: FileInfo;
  /** For people, in the element's strings (the server's own message for codes the element does not know). */
  message: string;
  reason: UploadErrorReason;
  /** The HTTP status when there was a response; absent for network errors and timeouts. */
  status?: number;
}

export interface UploadCompleteDetail {
  mediaUrls: string[];
  /** How many files are in the failed state. */
  failed: number;
}

export const MEDIA_URL = 'media-url';
export const FILE_REJECTED = 'file-rejected';
export const FILE_FITTED = 'file-fitted';
export const UPLOAD_ERROR = 'upload-error';
export const UPLOAD_COMPLETE = 'upload-complete';

export interface MmsMediaUploadEventMap {
  'media-url': CustomEvent<MediaUrlDetail>;
  'file-rejected': CustomEvent<FileRejectedDetail>;
  'file-fitted': CustomEvent<FileFittedDetail>;
  'upload-error': CustomEvent<UploadErrorDetail>;
  'upload-complete': CustomEvent<UploadCompleteDetail>;
}

/** Events bubble and cross shadow roots, so a listener on the form or document hears them. */
export function createEvent<K extends keyof MmsMediaUploadEventMap>(
  type: K,
  detail: MmsMediaUploadEventMap[K]['detail'],
): MmsMediaUploadEventMap[K] {
  return new CustomEvent(type, { detail, bubbles: true, composed: true }) as MmsMediaUploadEventMap[K];
}

declare global {
  interface HTMLElementEventMap extends MmsMediaUploadEventMap {}
}
