/**
 * File names on the server: the shared cleaning (`../file-name.ts`, which the element uses for
 * the name it sends), and the decoding of what browsers escape in a multipart part's name.
 * Names are never used as a path: stored files get generated names.
 */
import { extensionFor } from '../file-name.js';

export { cleanFileName, extensionFor, fileNameForType } from '../file-name.js';

/** Twilio shows at most this many characters of a media file's name. */
const MAX_SHORT_NAME_LENGTH = 20;

/**
 * The name of a multipart part as its sender wrote it. Browsers escape three characters in it
 * (HTML's multipart/form-data encoding): `"` as `%22`, CR as `%0D` and LF as `%0A`; nothing else
 * is escaped, so no other `%` sequence is decoded. Clean the result before using it.
 */
export function decodePartFileName(name: string): string {
  return name.replace(/%(22|0d|0a)/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
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
