/**
 * File names on the server: the shared cleaning (`../file-name.ts`, which the element uses for
 * the name it sends), and the decoding of what browsers escape in a multipart part's name.
 * Names are never used as a path: stored files get generated names.
 */
export { cleanFileName, extensionFor, fileNameForType } from '../file-name.js';

/**
 * The name of a multipart part as its sender wrote it. Browsers escape three characters in it
 * (HTML's multipart/form-data encoding): `"` as `%22`, CR as `%0D` and LF as `%0A`; nothing else
 * is escaped, so no other `%` sequence is decoded. Clean the result before using it.
 */
export function decodePartFileName(name: string): string {
  return name.replace(/%(22|0d|0a)/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
