/**
 * File names from the browser are untrusted text. They are cleaned for the provider and for
 * messages, and never used as a path: stored files get generated names.
 */

const MAX_NAME_LENGTH = 100;

/** Twilio shows at most this many characters of a media file's name. */
const MAX_SHORT_NAME_LENGTH = 20;

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/gif': '.gif',
  'video/mp4': '.mp4',
  'video/quicktime': '.mov',
  'video/mpeg': '.mpg',
  'audio/mpeg': '.mp3',
  'application/pdf': '.pdf',
  'text/plain': '.txt',
  'image/heic': '.heic',
  'image/avif': '.avif',
  'audio/mp4': '.m4a',
  'video/3gpp': '.3gp',
  'video/3gpp2': '.3g2',
};

/** The usual extension of a MIME type ('.jpg'), or '' when we know none. */
export function extensionFor(type: string): string {
  return EXTENSIONS[type] ?? '';
}

/**
 * A name safe to put in a multipart header, a JSON answer or a log line: the last path segment,
 * NFC, without control, format (bidi, zero-width) or separator characters, quotes, characters
 * Windows refuses, runs of dots or leading dots; at most 100 characters with the extension kept.
 * `fallback` (e.g. "file.jpg") stands in when nothing is left.
 */
export function cleanFileName(name: string, fallback = 'file'): string {
  const lastSegment = name.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '') // CR/LF, NUL, RLO/LRI and other bidi controls
    .replace(/["'`<>:*?|]/g, '')
    .replace(/\s+/gu, ' ')
    .replace(/\.{2,}/g, '.')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  return truncate(cleaned, MAX_NAME_LENGTH) || fallback;
}

/** Cuts by code points (never half a surrogate pair), keeping a short extension. */
function truncate(name: string, max: number): string {
  const chars = [...name];
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 10 ? [...name.slice(dot)] : [];
  return [...chars.slice(0, max - extension.length), ...extension].join('').trim();
}

/**
 * The name for a media URL's `Content-Disposition: inline; filename="…"`, by Twilio's rule: at
 * most 20 ASCII characters, no spaces or special characters, ending with the extension of the
 * type the bytes say ("Été à Paris.JPG" of a PNG → "Ete_a_Paris.png"). `name` is a cleaned name.
 */
export function shortAsciiName(name: string, type: string): string {
  const extension = extensionFor(type);
  const dot = name.lastIndexOf('.');
  const stem = (dot > 0 ? name.slice(0, dot) : name)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '') // accents go, their letters stay
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(/^[_-]+/, '');
  const short = stem.slice(0, MAX_SHORT_NAME_LENGTH - extension.length).replace(/[_-]+$/, '');
  return `${short || 'file'}${extension}`;
}
