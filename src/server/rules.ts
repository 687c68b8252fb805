/**
 * The checks the server makes itself, whatever the browser already checked: how many files, how
 * large, and what their bytes say they are. Each check gives a message; the caller picks the
 * status (sign() answers 400 for all of them, the upload route 400, 413 or 415).
 */
import { formatList, formatSize, typeLabel } from '../format.js';
import { acceptedTypes, isTypeAccepted, type Limits } from '../limits.js';

/** Markup can run script when served back or opened: refused whatever `accept` says. */
const MARKUP_TYPES = new Set(['image/svg+xml', 'text/html', 'application/xml', 'text/xml']);

/** The stricter of two sets of limits: fewer files, smaller files, only types both accept. */
export function intersectLimits(a: Readonly<Limits>, b: Readonly<Limits>): Limits {
  const typesA = acceptedTypes(a.accept);
  const typesB = acceptedTypes(b.accept);
  // A wildcard on one side keeps the other side's exact types ('image/*' ∩ 'image/png' = 'image/png').
  const accept = new Set([
    ...typesA.filter((type) => isTypeAccepted(type, typesB)),
    ...typesB.filter((type) => isTypeAccepted(type, typesA)),
  ]);
  return {
    maxFiles: Math.min(a.maxFiles, b.maxFiles),
    maxFileSize: Math.min(a.maxFileSize, b.maxFileSize),
    accept: [...accept],
  };
}

export function tooManyFilesMessage(limits: Limits): string {
  return `Only ${limits.maxFiles} ${limits.maxFiles === 1 ? 'file' : 'files'} can be attached.`;
}

/** "photo.jpg is 2.01 MB; the limit is 2 MB." (or "is larger than 2 MB" when the size is unknown). */
export function tooLargeMessage(maxFileSize: number, what: string, size?: number): string {
  const limit = formatSize(maxFileSize, 'en');
  if (size === undefined) return `${what} is larger than ${limit}.`;
  return `${what} is ${formatSize(size, 'en', { roundUp: true })}; the limit is ${limit}.`;
}

/** Why `type` (a sniffed type, or undefined for unknown bytes) is refused, or undefined when it is allowed. */
export function typeRefusal(type: string | undefined, limits: Limits, what: string): string | undefined {
  if (type !== undefined && MARKUP_TYPES.has(type)) {
    return `${what} is a web page or drawing (${type}), which cannot be attached.`;
  }
  if (type !== undefined && isTypeAccepted(type, limits.accept)) return undefined;
  const allowed = acceptedTypes(limits.accept).map(typeLabel);
  const reason = type === undefined ? `${what} is not of a type that can be attached` : `${what} (${typeLabel(type)}) is not an allowed type`;
  return `${reason}; allowed: ${allowed.length > 0 ? formatList(allowed, 'en') : 'none'}.`;
}
