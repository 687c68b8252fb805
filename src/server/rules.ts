/**
 * The checks the server makes itself, whatever the browser already checked: how many files, how
 * large, and what their bytes say they are. Each check gives a message; the caller picks the
 * status (sign() answers 400 for all of them, the upload route 400, 413 or 415).
 */
import { formatSize, formatSizeOverLimit, formatTypes } from '../format.js';
import { acceptedTypes, isTypeAccepted, MARKUP_TYPES, type Limits } from '../limits.js';
import { ENGLISH } from '../strings.js';

/** Server messages are in English, with the element's own names for types. */
const typeName = (type: string): string => ENGLISH.typeNames[type] ?? type;

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
  return `${what} is ${formatSizeOverLimit(size, maxFileSize, 'en')}; the limit is ${limit}.`;
}

/** Why `type` (a sniffed type, or undefined for unknown bytes) is refused, or undefined when it is allowed. */
export function typeRefusal(type: string | undefined, limits: Limits, what: string): string | undefined {
  if (type !== undefined && MARKUP_TYPES.has(type)) {
    return `${what} is a web page or drawing (${type}), which cannot be attached.`;
  }
  if (type !== undefined && isTypeAccepted(type, limits.accept)) return undefined;
  const reason = type === undefined ? `${what} is not of a type that can be attached` : `${what} (${typeName(type)}) is not an allowed type`;
  const allowed = acceptedTypes(limits.accept).length > 0 ? formatTypes(limits.accept, ENGLISH.typeNames, 'en') : 'none';
  return `${reason}; allowed: ${allowed}.`;
}
