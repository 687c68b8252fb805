/** How many bytes one file may take: pure arithmetic, shared by the element and its tests. */

export interface BudgetInput {
  /** `max-file-size`. */
  maxFileSize: number;
  /** `max-total-size`, when set. */
  maxTotalSize?: number;
  /** Bytes already taken in the message: files in the list, and files of this batch that will not shrink. */
  usedBytes?: number;
  /** Files of this batch still to be fitted, this one included (at least 1). */
  filesToFit?: number;
}

/**
 * The smaller of `max-file-size` and this file's fair share of what is left of `max-total-size`,
 * so that ten photos fit one message together. Fit the files of a batch one after another,
 * asking again for each: a file that came out under its share leaves more for the next.
 */
export function fitBudget({ maxFileSize, maxTotalSize, usedBytes = 0, filesToFit = 1 }: BudgetInput): number {
  if (maxTotalSize === undefined) return Math.max(0, Math.floor(maxFileSize));
  const share = (maxTotalSize - usedBytes) / Math.max(1, Math.floor(filesToFit));
  return Math.max(0, Math.floor(Math.min(maxFileSize, share)));
}
