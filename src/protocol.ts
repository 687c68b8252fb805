/**
 * The wire between the element and the server (`mms-media-upload/server`, or any server that
 * speaks the same JSON): one definition of each message, shared by both entries. Types and
 * constants only; no DOM, no Node.
 */

/** A file as the signature route sees it; `type` is the sniffed, true type. */
export interface SignFileInfo {
  name: string;
  size: number;
  type: string;
}

/** `POST …/sign`: the files the browser is about to upload. */
export interface SignRequest {
  files: SignFileInfo[];
}

/** What the signature route (or a `signer`) answers. */
export interface UploadSignature {
  /** Replaces the element's `endpoint`. */
  url?: string;
  /** Replaces the element's `method`. */
  method?: string;
  /** Sent on each upload request. */
  headers?: Record<string, string>;
  /** Added to each multipart body. */
  fields?: Record<string, string>;
  /** ISO 8601; the signature is renewed before use once this has passed. */
  expires_at?: string;
}

/** A stored file (the Acrobits generic web-service contract, plus what the proxy knows). */
export interface UploadResult {
  media_url: string;
  media_id: string;
  file_name: string;
  content_type: string;
  size: number;
  /** `s3://bucket/key`, when the file is an object in S3 (AWS End User Messaging sends these). */
  s3_uri?: string;
}

/**
 * Why a request failed, for programs. The element shows its own words for each code it knows,
 * so a translated page stays translated; `message` is the English sentence for everyone else.
 */
export type ErrorCode =
  // The signature.
  | 'unsigned'
  | 'signature-invalid'
  | 'signature-expired'
  | 'not-signed-in'
  // The file and the limits bound into the signature.
  | 'too-many-files'
  | 'file-too-large'
  | 'total-too-large'
  | 'type-not-allowed'
  | 'empty-file'
  | 'bad-request'
  // The body arrived too slowly (stalled, or under the proxy's minimum rate): 408.
  | 'upload-too-slow'
  // The provider behind the proxy.
  | 'provider-failed'
  | 'provider-timeout'
  | 'rate-limited'
  // Repeated requests (the `Idempotency-Key`) and the store that remembers them.
  | 'in-progress'
  | 'idempotency-key-reused'
  | 'store-unavailable'
  // Anything else.
  | 'not-found'
  | 'method-not-allowed'
  | 'server-error';

/** Every failure answer: `{ code, message }`, and the limit that refused the file when one did. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** `too-many-files`: how many files the signature allows. */
  maxFiles?: number;
  /** `file-too-large`: bytes per file. */
  maxFileSize?: number;
  /** `total-too-large`: bytes for all the files of one signature together. */
  maxTotalSize?: number;
  /** `type-not-allowed`: the types allowed. */
  accept?: string[];
}

/**
 * Sent on every attempt of one file (retries and re-signs included): the server stores the
 * file once per key and answers repeats with the first answer.
 */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
