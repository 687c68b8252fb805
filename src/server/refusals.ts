/**
 * Files the server refuses: the shared checks (`validate.ts`) decide, the shared sentences
 * (`messages.ts`, in English) word it, and the answer names the limit that refused the file, so
 * that the element can word it again in its own language.
 */
import { acceptedTypes, type Limits } from '../limits.js';
import { describe } from '../messages.js';
import { ENGLISH } from '../strings.js';
import type { BatchRefusal, FileRefusal } from '../validate.js';
import { HttpError, type RefusedLimit } from './errors.js';

export type Refusal = FileRefusal | BatchRefusal;

/** The upload route's statuses. The signature route answers 400 to all: there, only a description was sent. */
const UPLOAD_STATUS: Readonly<Record<Refusal, number>> = {
  'empty-file': 400,
  'too-many-files': 400,
  'file-too-large': 413,
  'total-too-large': 413,
  'type-not-allowed': 415,
};

/** What a refusal may say about the file. */
export interface RefusedFile {
  /** The cleaned file name, or "The file" / "A file" when it has none. */
  name: string;
  size?: number;
  /** What the bytes (or the signature request) say it is; undefined for no known type. */
  type?: string;
}

export function refusal(code: Refusal, file: RefusedFile, limits: Readonly<Limits>, status = UPLOAD_STATUS[code]): HttpError {
  const message = describe(code, { ...file, limits }, ENGLISH, 'en');
  return new HttpError(status, code, message, refusedLimit(code, limits));
}

function refusedLimit(code: Refusal, limits: Readonly<Limits>): RefusedLimit {
  switch (code) {
    case 'too-many-files':
      return { maxFiles: limits.maxFiles };
    case 'file-too-large':
      return { maxFileSize: limits.maxFileSize };
    case 'total-too-large':
      return { maxTotalSize: limits.maxTotalSize };
    case 'type-not-allowed':
      return { accept: acceptedTypes(limits.accept) };
    case 'empty-file':
      return {};
  }
}
