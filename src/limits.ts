/**
 * The messaging limits: the defaults, the provider presets (from the providers' own documents
 * in the seeds), and the one place that turns an `accept` list into MIME types.
 * No DOM here: the server imports this module too.
 */

/** "2 MB" means 2,097,152 bytes everywhere: element, server and messages. */
export const MEGABYTE = 1024 * 1024;

export interface Limits {
  /** How many files one message may carry. */
  maxFiles: number;
  /** Bytes per file. */
  maxFileSize: number;
  /** MIME types, `type/*` wildcards or `.ext` extensions. */
  accept: string[];
  /** Bytes for all the files of one message together; no limit when undefined. */
  maxTotalSize?: number;
}

export const DEFAULT_ACCEPT = ['image/jpeg', 'image/png', 'image/gif', 'video/mp4', 'application/pdf', 'text/plain'];

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxFiles: 10,
  maxFileSize: 2 * MEGABYTE,
  accept: DEFAULT_ACCEPT,
});

export type ProviderName = 'plivo' | 'bandwidth' | 'openmarket' | 'acrobits';

/** Each provider's limits, as its document states them. */
export const PROVIDER_PRESETS: Readonly<Record<ProviderName, Readonly<Limits>>> = Object.freeze({
  // Plivo Media API: up to 10 files per request, 2 MB each; JPG, PNG, MP4, GIF, PDF, text.
  plivo: { maxFiles: 10, maxFileSize: 2 * MEGABYTE, accept: DEFAULT_ACCEPT },
  // Bandwidth Media: "You can upload files up to 3.75MB"; no type list of its own.
  bandwidth: { maxFiles: 10, maxFileSize: 3.75 * MEGABYTE, accept: DEFAULT_ACCEPT },
  // OpenMarket CMS v1: 100 MB and its eight MIME types.
  openmarket: {
    maxFiles: 10,
    maxFileSize: 100 * MEGABYTE,
    accept: [
      'audio/mpeg',
      'application/pdf',
      'image/gif',
      'image/jpeg',
      'image/png',
      'video/mpeg',
      'video/mp4',
      'video/quicktime',
    ],
  },
  // Acrobits generic media upload: "Either image/jpeg or video/mp4".
  acrobits: { maxFiles: 10, maxFileSize: 2 * MEGABYTE, accept: ['image/jpeg', 'video/mp4'] },
});

export function isProviderName(value: unknown): value is ProviderName {
  return typeof value === 'string' && Object.hasOwn(PROVIDER_PRESETS, value);
}

/**
 * Extensions that an `accept` list may name, mapped to the types that sniffing reports. The first
 * extension of each type is the one a file of that type is named with (`extensionFor`).
 */
export const EXTENSION_TYPES: Readonly<Record<string, string>> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.jpe': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.bmp': 'image/bmp',
  '.heic': 'image/heic',
  '.heif': 'image/heif',
  '.avif': 'image/avif',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.qt': 'video/quicktime',
  '.3gp': 'video/3gpp',
  '.3gpp': 'video/3gpp',
  '.3g2': 'video/3gpp2',
  '.3gpp2': 'video/3gpp2',
  '.mpg': 'video/mpeg',
  '.mpeg': 'video/mpeg',
  '.m1v': 'video/mpeg',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.m4b': 'audio/mp4',
  '.aac': 'audio/aac',
  '.amr': 'audio/amr',
  '.awb': 'audio/amr-wb',
  '.wav': 'audio/wav',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.text': 'text/plain',
  '.vcf': 'text/vcard',
  '.vcard': 'text/vcard',
  '.ics': 'text/calendar',
  '.vcs': 'text/calendar',
};

/** Splits an `accept` attribute ("image/png, .pdf") into trimmed, lower-case entries. */
export function parseAccept(accept: string | readonly string[]): string[] {
  const entries = typeof accept === 'string' ? accept.split(',') : accept;
  return entries.map((entry) => entry.trim().toLowerCase()).filter(Boolean);
}

/**
 * The MIME types (and `type/*` wildcards) that an accept list allows. Extensions are mapped to
 * the type their content must have, because files are checked by their bytes, not their names.
 */
export function acceptedTypes(accept: readonly string[]): string[] {
  const types = new Set<string>();
  for (const entry of accept) {
    if (entry.startsWith('.')) {
      const type = EXTENSION_TYPES[entry];
      if (type) types.add(type);
    } else if (entry.includes('/')) {
      types.add(entry);
    }
  }
  return [...types];
}

/** Markup (SVG, HTML, XML) can carry script: it is never attached, whatever the accept list says. */
export const MARKUP_TYPES: ReadonlySet<string> = new Set(['image/svg+xml', 'text/html', 'application/xml', 'text/xml']);

/** Whether a (sniffed) MIME type is allowed by an accept list. Markup never is. */
export function isTypeAccepted(type: string, accept: readonly string[]): boolean {
  const wanted = type.toLowerCase();
  if (MARKUP_TYPES.has(wanted)) return false;
  return acceptedTypes(accept).some((allowed) => {
    if (allowed === '*/*' || allowed === wanted) return true;
    return allowed.endsWith('/*') && wanted.startsWith(allowed.slice(0, -1));
  });
}
