/**
 * A file as Uppy holds it, and what this package keeps on it. Uppy's plugins keep their per-file
 * state on the file object (`xhrUpload`, `tus`); so does this package, so that it lives as long as
 * the file does, in the one place where the file's state is. Types only.
 */
import type { Body as UppyBody, Meta as UppyMeta, UppyFile } from '@uppy/core';
import type { Limits } from './limits.js';
import type { TransportFailure } from './messages.js';

export type Meta = { name: string; type: string; [key: string]: unknown };
// Uppy wants the response body type as a type alias, not an interface.
export type Body = { mediaUrl?: string; mediaId?: string };
export type UploadFile = UppyFile<Meta, Body>;

/** Why an upload failed: a server code (`file-too-large`, `provider-failed`…) or a TransportFailure. */
export interface Failure {
  code: TransportFailure | (string & {});
  /** The HTTP status, when there was an answer. */
  status?: number;
  /** The server's own message, plain text. */
  serverMessage?: string;
  /** The limits the server named with its refusal. */
  limits?: Partial<Limits>;
}

/** What this package keeps on each file. */
interface FileState {
  /** Sent as `Idempotency-Key` on every attempt of the file. */
  idempotencyKey?: string;
  /** Why the last attempt failed. */
  failure?: Failure;
  /** The size of the photo before it was fitted to the message (see `fit`). */
  originalSize?: number;
}

declare module '@uppy/core/utils' {
  interface LocalUppyFile<M extends UppyMeta, B extends UppyBody> extends FileState {}
  interface RemoteUppyFile<M extends UppyMeta, B extends UppyBody> extends FileState {}
}
