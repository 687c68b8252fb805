/**
 * The checks that decide whether a file may be attached, as pure functions that answer with a
 * code (or nothing when the file passes). The element runs them before a file enters its list,
 * the server's signer and proxy run the same ones again on what arrives. No DOM, no Node.
 * Words for people are chosen elsewhere, from the code (see `messages.ts`).
 */
import { isTypeAccepted, type Limits } from './limits.js';

/** Why one file is refused. */
export type FileRefusal = 'empty-file' | 'type-not-allowed' | 'file-too-large';

/** Why a file is refused next to the files already attached. */
export type BatchRefusal = 'too-many-files' | 'total-too-large';

/** A file as the checks see it. `type` is what its bytes say; undefined for bytes of no known type. */
export interface CheckedFile {
  size: number;
  type: string | undefined;
}

/**
 * Why `file` may not be attached under `limits`, or undefined when it may. Bytes of no known
 * type and markup (which can carry script) are refused whatever `accept` says.
 */
export function checkFile(file: CheckedFile, limits: Pick<Limits, 'maxFileSize' | 'accept'>): FileRefusal | undefined {
  if (file.size === 0) return 'empty-file';
  if (file.type === undefined || !isTypeAccepted(file.type, limits.accept)) return 'type-not-allowed';
  if (file.size > limits.maxFileSize) return 'file-too-large';
  return undefined;
}

/**
 * Why `file` may not join `attached` (the files already in the message), or undefined when it
 * may: one file more than `maxFiles`, or more bytes together than `maxTotalSize`.
 */
export function checkAddition(
  file: Pick<CheckedFile, 'size'>,
  attached: readonly Pick<CheckedFile, 'size'>[],
  limits: Pick<Limits, 'maxFiles' | 'maxTotalSize'>,
): BatchRefusal | undefined {
  if (attached.length >= limits.maxFiles) return 'too-many-files';
  if (limits.maxTotalSize !== undefined) {
    const total = attached.reduce((sum, item) => sum + item.size, file.size);
    if (total > limits.maxTotalSize) return 'total-too-large';
  }
  return undefined;
}

/** The first refusal of a whole batch (as a signature request lists it), with the file it concerns. */
export function checkBatch(
  files: readonly CheckedFile[],
  limits: Limits,
): { code: FileRefusal | BatchRefusal; index: number } | undefined {
  if (files.length > limits.maxFiles) return { code: 'too-many-files', index: limits.maxFiles };
  for (const [index, file] of files.entries()) {
    const code = checkFile(file, limits) ?? checkAddition(file, files.slice(0, index), limits);
    if (code) return { code, index };
  }
  return undefined;
}
