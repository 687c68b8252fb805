/** Sizes, type lists and file names for people, formatted with `Intl` for a locale, in the strings' words. */
import { acceptedTypes } from './limits.js';

/** Unit symbols for bytes, kilobytes, megabytes and gigabytes ("B", "KB", "MB", "GB"; French "o", "ko", "Mo", "Go"). */
export type SizeUnits = readonly [string, string, string, string];

const ENGLISH_UNITS: SizeUnits = ['B', 'KB', 'MB', 'GB'];

/**
 * Intl formatters cost far more to make than to use, and every render formats a size and a
 * percentage per file: each is made once per locale and kind.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.ListFormat>();

function formatter<T extends Intl.NumberFormat | Intl.ListFormat>(kind: string, locale: string | undefined, make: () => T): T {
  const key = `${kind} ${locale ?? ''}`;
  let made = formatters.get(key) as T | undefined;
  if (!made) formatters.set(key, (made = make()));
  return made;
}

/** "42 %": a share from 0 to 1, as a percentage in the locale's way. */
export function formatPercent(share: number, locale?: string): string {
  return formatter('percent', locale, () => new Intl.NumberFormat(locale, { style: 'percent' })).format(share);
}

export interface FormatSizeOptions {
  units?: SizeUnits;
  /**
   * Round up instead of to nearest. Used for a size that is over a limit, so that a file one
   * byte over "2 MB" never reads as "2 MB".
   */
  roundUp?: boolean;
}

/** "2 MB", "5.3 MB", "812 KB" — binary units (1 MB = 1,048,576 bytes), at most two decimals. */
export function formatSize(bytes: number, locale?: string, options: FormatSizeOptions = {}): string {
  const units = options.units ?? ENGLISH_UNITS;
  let unit = 0;
  let value = bytes;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const decimals = unit < 2 ? 0 : 2; // "13 KB", "2.01 MB"
  const scale = 10 ** decimals;
  const rounded = options.roundUp ? Math.ceil(value * scale - 1e-9) / scale : Math.round(value * scale) / scale;
  const number = formatter(`size ${decimals}`, locale, () => new Intl.NumberFormat(locale, { maximumFractionDigits: decimals })).format(rounded);
  return `${number} ${units[unit]}`;
}

/**
 * A size that is over a limit: rounded to nearest as usual, but rounded up when rounding to
 * nearest would make it look no larger than the limit ("2.01 MB", never "2 MB").
 */
export function formatSizeOverLimit(bytes: number, limit: number, locale?: string, units?: SizeUnits): string {
  const looksWithinLimit = nearestShownBytes(bytes) <= limit;
  return formatSize(bytes, locale, { roundUp: looksWithinLimit, units });
}

/** The byte count that the nearest-rounded text of `bytes` stands for. */
function nearestShownBytes(bytes: number): number {
  let unit = 1;
  while (bytes / unit >= 1024 && unit < 1024 ** 3) unit *= 1024;
  return unit === 1 ? bytes : (Math.round((bytes / unit) * 100) / 100) * unit;
}

/** "JPEG, PNG, PDF": a plain list, in the locale's own way of listing. */
export function formatList(items: readonly string[], locale?: string): string {
  return formatter('list', locale, () => new Intl.ListFormat(locale, { style: 'short', type: 'unit' })).format(items);
}

/** The types an accept list allows, by their short names ("JPEG, PNG, PDF"), for a hint or a refusal. */
export function formatTypes(accept: readonly string[], names: Readonly<Record<string, string>>, locale?: string): string {
  return formatList(acceptedTypes(accept).map((type) => names[type] ?? type), locale);
}

/** Bidirectional controls (embeddings, overrides, isolates, marks): in a file name they only hide its real extension. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A file name as shown to people: its bidi controls made visible ("invoice-[U+202E]gnp.exe"),
 * so that an override cannot make `invoice.exe` read as `invoice-exe.png`.
 */
export function visibleName(name: string): string {
  return name.replace(BIDI_CONTROLS, (control) => `[U+${control.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);
}
