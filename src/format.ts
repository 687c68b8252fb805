/** Sizes and type names for people, formatted with `Intl` for a locale. */

const UNITS = ['B', 'KB', 'MB', 'GB'] as const;

export interface FormatSizeOptions {
  /**
   * Round up instead of to nearest. Used for a size that is over a limit, so that a file one
   * byte over "2 MB" never reads as "2 MB".
   */
  roundUp?: boolean;
}

/** "2 MB", "5.3 MB", "812 KB" — binary units (1 MB = 1,048,576 bytes), at most two decimals. */
export function formatSize(bytes: number, locale?: string, options: FormatSizeOptions = {}): string {
  let unit = 0;
  let value = bytes;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const decimals = unit < 2 ? 0 : 2; // "13 KB", "2.01 MB"
  const scale = 10 ** decimals;
  const rounded = options.roundUp ? Math.ceil(value * scale - 1e-9) / scale : Math.round(value * scale) / scale;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: decimals }).format(rounded);
  return `${number} ${UNITS[unit]}`;
}

/**
 * A size that is over a limit: rounded to nearest as usual, but rounded up when rounding to
 * nearest would make it look no larger than the limit ("2.01 MB", never "2 MB").
 */
export function formatSizeOverLimit(bytes: number, limit: number, locale?: string): string {
  const looksWithinLimit = nearestShownBytes(bytes) <= limit;
  return formatSize(bytes, locale, { roundUp: looksWithinLimit });
}

/** The byte count that the nearest-rounded text of `bytes` stands for. */
function nearestShownBytes(bytes: number): number {
  let unit = 1;
  while (bytes / unit >= 1024 && unit < 1024 ** (UNITS.length - 1)) unit *= 1024;
  return unit === 1 ? bytes : (Math.round((bytes / unit) * 100) / 100) * unit;
}

const TYPE_LABELS: Readonly<Record<string, string>> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/gif': 'GIF',
  'image/*': 'images',
  'video/mp4': 'MP4',
  'video/quicktime': 'QuickTime',
  'video/mpeg': 'MPEG video',
  'video/*': 'videos',
  'audio/mpeg': 'MP3',
  'audio/*': 'audio',
  'application/pdf': 'PDF',
  'text/plain': 'text',
};

/** "JPEG", "PDF", "text" — short names of MIME types for a hint or a refusal. */
export function typeLabel(type: string): string {
  return TYPE_LABELS[type] ?? type;
}

/** "JPEG, PNG, PDF": a plain list, in the locale's own way of listing. */
export function formatList(items: readonly string[], locale?: string): string {
  return new Intl.ListFormat(locale, { style: 'short', type: 'unit' }).format(items);
}
