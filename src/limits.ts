/**
 * The messaging limits: the defaults, the provider presets (from the providers' own documents,
 * see shared/PROVIDERS.md), and the one place that turns an `accept` list into MIME types.
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

/** "600 KB" means 614,400 bytes, as "2 MB" means 2,097,152. */
export const KILOBYTE = 1024;

export type ProviderName = 'plivo' | 'bandwidth' | 'openmarket' | 'acrobits' | 'twilio' | 'telnyx' | 'bird' | 'aws' | 'rbm' | 'carrier-safe';

/**
 * Each provider's limits, as its own documents state them (shared/PROVIDERS.md names each source).
 * Types are written in lower case: sniffed types are compared in lower case.
 */
export const PROVIDER_PRESETS: Readonly<Record<ProviderName, Readonly<Limits>>> = Object.freeze({
  // Plivo Media API: up to 10 files per request, 2 MB each; JPG, PNG, MP4, GIF, PDF, text.
  plivo: { maxFiles: 10, maxFileSize: 2 * MEGABYTE, accept: DEFAULT_ACCEPT },
  // Bandwidth Media: 3.5 MB per file (its current article and SDK docs; an older article's 3.75 MB
  // is out of date); no type list of its own.
  bandwidth: { maxFiles: 10, maxFileSize: 3.5 * MEGABYTE, accept: DEFAULT_ACCEPT },
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
  // Twilio MMS: 10 media (error 21623), 5 MB for the whole message (errors 11751, 63034), so no
  // file may be larger either; JPEG, PNG and GIF fully supported, the rest of its accepted list
  // forwarded as is (no text/plain there).
  twilio: {
    maxFiles: 10,
    maxFileSize: 5 * MEGABYTE,
    maxTotalSize: 5 * MEGABYTE,
    accept: [
      'image/jpeg', 'image/gif', 'image/png', 'image/bmp', 'image/tiff', 'image/heic', 'image/heif',
      'audio/basic', 'audio/l24', 'audio/mp4', 'audio/mpeg', 'audio/ogg', 'audio/vnd.rn-realaudio', 'audio/vnd.wave',
      'audio/3gpp', 'audio/3gpp2', 'audio/ac3', 'audio/webm', 'audio/amr-nb', 'audio/amr', 'audio/aac',
      'video/mpeg', 'video/mp4', 'video/quicktime', 'video/webm', 'video/3gpp', 'video/3gpp2', 'video/3gpp-tt',
      'video/h261', 'video/h263', 'video/h263-1998', 'video/h263-2000', 'video/h264',
      'text/vcard', 'text/x-vcard', 'text/csv', 'text/rtf', 'text/richtext', 'text/calendar', 'text/directory',
      'application/pdf', 'application/vcard',
    ],
  },
  // Telnyx MMS: 10 media, "less than 1 MB" for the whole message (its FAQ); its listed types.
  telnyx: {
    maxFiles: 10,
    maxFileSize: MEGABYTE,
    maxTotalSize: MEGABYTE,
    accept: [
      'image/jpeg', 'image/png', 'image/gif', 'image/bmp', 'image/tiff', 'image/webp',
      'video/mp4', 'video/3gpp', 'video/quicktime',
      'audio/mpeg', 'audio/wav', 'audio/amr', 'audio/ogg',
      'application/pdf', 'text/vcard', 'text/calendar',
    ],
  },
  // Bird MMS: 10 media, 600 KB each, 900 KB for the whole message; PNG, JPEG and GIF (its MMS
  // best-practice page; Bird resizes only images, so only images are offered).
  bird: { maxFiles: 10, maxFileSize: 600 * KILOBYTE, maxTotalSize: 900 * KILOBYTE, accept: ['image/jpeg', 'image/png', 'image/gif'] },
  // AWS End User Messaging: one media file per message; 2 MB for GIF, JPEG and PNG but 600 KB for
  // every other type. One maxFileSize cannot say both, so the preset takes the bound that holds
  // for every type (600 KB): it never lets through a file AWS refuses, at the cost of refusing
  // images between 600 KB and 2 MB (which carriers deliver badly anyway). Pages that send only
  // images can set max-file-size="2097152" accept="image/jpeg,image/png,image/gif".
  aws: {
    maxFiles: 1,
    maxFileSize: 600 * KILOBYTE,
    accept: [
      'image/gif', 'image/jpeg', 'image/png', 'image/tiff',
      'audio/3gpp', 'video/3gpp', 'audio/3gpp2', 'video/3gpp2', 'audio/amr', 'audio/mp4', 'video/mp4',
      'audio/mpeg', 'audio/ogg', 'video/quicktime', 'video/webm',
      'text/calendar', 'text/vcard', 'text/x-vcard', 'application/pdf',
    ],
  },
  // Google RBM files: 100 MB; its image, audio, video and PDF types.
  rbm: {
    maxFiles: 10,
    maxFileSize: 100 * MEGABYTE,
    accept: [
      'image/jpeg', 'image/gif', 'image/png',
      'audio/aac', 'audio/mp3', 'audio/mpeg', 'audio/mp4', 'audio/3gpp', 'audio/ogg',
      'video/h263', 'video/m4v', 'video/mp4', 'video/mpeg', 'video/webm',
      'application/pdf',
    ],
  },
  // Not a provider: what every US carrier delivers. Twilio, Plivo, Bandwidth, SignalWire and Bird all
  // advise about 500–600 KB for a whole message (shared/PROVIDERS.md); photos are fitted to it.
  'carrier-safe': { maxFiles: 10, maxFileSize: 600 * KILOBYTE, maxTotalSize: 600 * KILOBYTE, accept: DEFAULT_ACCEPT },
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
