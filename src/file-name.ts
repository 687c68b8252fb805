/**
 * File names from people are untrusted text. One cleaning for the element (the name of the
 * multipart part it sends) and the server (which cleans what arrives again): safe in a
 * multipart header, a JSON answer, a log line and on any file system, and ending with the
 * extension of the file's true type. No DOM, no Node.
 */
import { EXTENSION_TYPES } from './limits.js';

const MAX_NAME_LENGTH = 100;
/** The stem of a name that has nothing but an extension left ("  .png" → "file.png"). */
const EMPTY_STEM = 'file';

/** Reserved device names of Windows, also with an extension (`NUL.png`): such a file cannot be saved there. */
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?=\s*(?:\.|$))/i;
/** The last segment of a name, when it looks like an extension: up to 10 letters or digits, one letter at least. */
const EXTENSION = /\.(?=[\p{L}\p{N}]*\p{L})[\p{L}\p{N}]{1,10}$/u;

/** The usual extension of a MIME type ('.jpg'), or '' when we know none. */
export function extensionFor(type: string): string {
  for (const [extension, typeOfExtension] of Object.entries(EXTENSION_TYPES)) if (typeOfExtension === type) return extension;
  return '';
}

/**
 * The last path segment, NFC, without control, format (bidi, zero-width), surrogate or line
 * separator characters, quotes, backslashes, characters Windows refuses, runs of dots, leading and
 * trailing dots and spaces; a Windows device name gets an underscore (`NUL.png` → `NUL_.png`); a
 * name that is only an extension gets a stem (`  .png` → `file.png`); at most 100 characters with
 * the extension kept. `fallback` (e.g. "file.jpg") stands in when nothing is left.
 */
export function cleanFileName(name: string, fallback = 'file'): string {
  // A trailing separator ("photo.png\") names no folder here: the last segment with something in it counts.
  const segments = name.normalize('NFC').split(/[/\\]/);
  const lastSegment = segments.findLast((segment) => segment.trim() !== '') ?? '';
  const cleaned = lastSegment
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu, '') // CR/LF, NUL, BEL, ESC, C1, RLO/LRI and other bidi controls
    .replace(/["'`<>:*?|]/g, '')
    .replace(/\s+/gu, ' ')
    .replace(/\.{2,}/g, '.')
    .trim()
    .replace(/^\.(?=[^.]+$)/, `${EMPTY_STEM}.`) // nothing before the only dot: the name was just an extension
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .replace(WINDOWS_DEVICE, '$&_');
  return truncate(cleaned, MAX_NAME_LENGTH) || fallback;
}

/**
 * The name a file of `type` is sent, stored and forwarded under: `name` cleaned, its extension
 * replaced by the type's usual one unless it already is one of the type's (`cat.html` holding a
 * GIF → `cat.gif`; `photo.jpeg` stays). `type` is the sniffed, true type.
 */
export function fileNameForType(name: string, type: string): string {
  const extension = extensionFor(type);
  const cleaned = cleanFileName(name, '');
  if (!extension) return cleaned || EMPTY_STEM;
  const current = EXTENSION.exec(cleaned)?.[0];
  if (current && EXTENSION_TYPES[current.toLowerCase()] === type) return cleaned;
  const stem = current ? cleaned.slice(0, -current.length).replace(/[\s.]+$/, '') : cleaned;
  return truncate(`${(stem || EMPTY_STEM).replace(WINDOWS_DEVICE, '$&_')}${extension}`, MAX_NAME_LENGTH);
}

/** Cuts by code points (never half a surrogate pair), keeping a short extension. */
function truncate(name: string, max: number): string {
  const chars = [...name];
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 10 ? [...name.slice(dot)] : [];
  return [...chars.slice(0, max - extension.length), ...extension].join('').trim();
}
