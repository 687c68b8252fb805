/** What the sniffing modules share: how much of a file is read, and two small readers. */

/** How many bytes of a file's head are read for sniffing (a few KB, never the whole file). */
export const SNIFF_BYTES = 4096;

/** Characters made per call: a whole head in one call is several times slower. */
const CHARS_PER_CALL = 1024;

/** Bytes as Latin-1 text, one character per byte, so that magic numbers read as plain strings. */
export function latin1(bytes: Uint8Array): string {
  // Not TextDecoder('latin1'): that is windows-1252, which maps 0x80–0x9F elsewhere.
  let text = '';
  for (let start = 0; start < bytes.length; start += CHARS_PER_CALL) {
    // apply() takes the typed array as it is; a spread (...) would walk it with an iterator, 3× slower.
    text += String.fromCharCode.apply(null, bytes.subarray(start, start + CHARS_PER_CALL) as unknown as number[]);
  }
  return text;
}

export function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
}
