/** What the sniffing modules share: how much of a file is read, and two small readers. */

/** How many bytes of a file's head are read for sniffing (a few KB, never the whole file). */
export const SNIFF_BYTES = 4096;

/** Bytes as Latin-1 text, one character per byte, so that magic numbers read as plain strings. */
export function latin1(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

export function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
}
