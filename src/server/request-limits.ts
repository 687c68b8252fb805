/**
 * A signature covers what was asked for, not all that the limits allow: the token carries the
 * limits narrowed to the files described when it was signed. At most that many files; none
 * larger than the largest of them, and no more bytes in all than they add up to, each rounded up
 * to the next SIZE_BUCKET_BYTES; and only their type families (image, video, audio, application,
 * text: a JPEG asked for lets a PNG through, not a PDF).
 */
import type { Limits } from '../limits.js';
import { intersectLimits } from './intersect-limits.js';

/** Sizes are bound to the next multiple of 64 KiB: room for nothing but the file asked for. */
export const SIZE_BUCKET_BYTES = 64 * 1024;

/** A file as the signature request described it, after the signer's checks (a known, concrete type). */
export interface DescribedFile {
  size: number;
  type: string;
}

/** `limits`, narrowed to the described files (at least one). */
export function limitsForRequest(files: readonly DescribedFile[], limits: Readonly<Limits>): Limits {
  const largest = Math.max(...files.map((file) => file.size));
  const total = files.reduce((sum, file) => sum + file.size, 0);
  const families = new Set(files.map((file) => file.type.split('/')[0]));
  return intersectLimits(limits, {
    maxFiles: files.length,
    maxFileSize: roundUpToBucket(largest),
    maxTotalSize: roundUpToBucket(total),
    accept: [...families].map((family) => `${family}/*`),
  });
}

function roundUpToBucket(size: number): number {
  return Math.ceil(size / SIZE_BUCKET_BYTES) * SIZE_BUCKET_BYTES;
}
