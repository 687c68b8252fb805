/** Limits from two sources (the proxy and its provider, a token and the proxy) both apply. */
import { acceptedTypes, isTypeAccepted, type Limits } from '../limits.js';

/** The stricter of two sets of limits: fewer files, smaller files and totals, only types both accept. */
export function intersectLimits(a: Readonly<Limits>, b: Readonly<Limits>): Limits {
  const typesA = acceptedTypes(a.accept);
  const typesB = acceptedTypes(b.accept);
  // A wildcard on one side keeps the other side's exact types ('image/*' ∩ 'image/png' = 'image/png').
  const accept = new Set([
    ...typesA.filter((type) => isTypeAccepted(type, typesB)),
    ...typesB.filter((type) => isTypeAccepted(type, typesA)),
  ]);
  const limits: Limits = {
    maxFiles: Math.min(a.maxFiles, b.maxFiles),
    maxFileSize: Math.min(a.maxFileSize, b.maxFileSize),
    accept: [...accept],
  };
  // Either side may have no total limit at all.
  const totals = [a.maxTotalSize, b.maxTotalSize].filter((total) => total !== undefined);
  if (totals.length > 0) limits.maxTotalSize = Math.min(...totals);
  return limits;
}
