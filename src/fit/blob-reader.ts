/**
 * Reads a Blob a window at a time, so that a header can be walked (JPEG segments, PNG chunks,
 * GIF blocks, ISO boxes) without ever reading the file whole. Each real read is one
 * `slice().arrayBuffer()`, which also lets the main thread breathe between windows.
 */

/** A hop (a JPEG segment, a box) reads a little; reading on from where the last read ended reads more each time. */
const HOP_BYTES = 4 * 1024;
const STREAK_MAX_BYTES = 256 * 1024;

export class BlobReader {
  private start = 0;
  private bytes: Uint8Array = new Uint8Array(0);
  private windowBytes = HOP_BYTES;

  /** `head`: the blob's first bytes, when they were read before; they are not read again. */
  constructor(
    readonly blob: Blob,
    head?: Uint8Array,
  ) {
    if (head) this.bytes = head;
  }

  get size(): number {
    return this.blob.size;
  }

  /** Up to `length` bytes from `offset` (fewer at the end of the blob). */
  async read(offset: number, length: number): Promise<Uint8Array> {
    const end = Math.min(this.blob.size, offset + length);
    if (offset < this.start || end > this.start + this.bytes.length) {
      const readingOn = offset >= this.start && offset <= this.start + this.bytes.length;
      this.windowBytes = readingOn ? Math.min(STREAK_MAX_BYTES, this.windowBytes * 2) : HOP_BYTES;
      const windowEnd = Math.min(this.blob.size, Math.max(end, offset + this.windowBytes));
      this.bytes = new Uint8Array(await this.blob.slice(offset, windowEnd).arrayBuffer());
      this.start = offset;
    }
    return this.bytes.subarray(offset - this.start, Math.max(offset, end) - this.start);
  }

  /** A big-endian (or little-endian) unsigned integer of `bytes` bytes, or undefined past the end. */
  async uint(offset: number, bytes: 1 | 2 | 4, littleEndian = false): Promise<number | undefined> {
    const data = await this.read(offset, bytes);
    if (data.length < bytes) return undefined;
    const view = new DataView(data.buffer, data.byteOffset, bytes);
    return bytes === 1 ? view.getUint8(0) : bytes === 2 ? view.getUint16(0, littleEndian) : view.getUint32(0, littleEndian);
  }

  /** `length` bytes at `offset` as Latin-1 text (four-character codes, signatures). */
  async text(offset: number, length: number): Promise<string> {
    return String.fromCharCode(...(await this.read(offset, length)));
  }
}
