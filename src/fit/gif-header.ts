/**
 * A GIF's screen size, whether it declares a transparent colour, and whether it has a second
 * frame. Only the blocks are walked (sub-block lengths), never the pixels decoded; the walk stops
 * at the second frame, so an animation is known after its first frame's bytes.
 */
import type { BlobReader } from './blob-reader.js';
import type { ImageHeader } from './image-header.js';

/** Bytes of a colour table whose presence and size are in `packed` (bit 7, bits 0–2). */
const colourTableBytes = (packed: number) => (packed & 0x80 ? 3 << ((packed & 0x07) + 1) : 0);

export async function gifHeader(reader: BlobReader): Promise<ImageHeader> {
  const width = (await reader.uint(6, 2, true)) ?? 0;
  const height = (await reader.uint(8, 2, true)) ?? 0;
  let offset = 13 + colourTableBytes((await reader.uint(10, 1)) ?? 0);
  let frames = 0;
  let mayHaveAlpha = false;
  while (frames < 2) {
    const introducer = await reader.uint(offset, 1);
    if (introducer === 0x21) {
      // Extension: label, then sub-blocks. A graphic control extension (F9) holds the transparency flag.
      if ((await reader.uint(offset + 1, 1)) === 0xf9 && ((await reader.uint(offset + 3, 1)) ?? 0) & 0x01) mayHaveAlpha = true;
      offset = await skipSubBlocks(reader, offset + 2);
    } else if (introducer === 0x2c) {
      // Image descriptor (10 bytes), local colour table, LZW minimum code size, then the data sub-blocks.
      frames += 1;
      const packed = (await reader.uint(offset + 9, 1)) ?? 0;
      offset = await skipSubBlocks(reader, offset + 10 + colourTableBytes(packed) + 1);
    } else {
      break; // trailer (3B), the end of the file, or bytes we do not know
    }
    if (offset < 0) break;
  }
  return { width, height, mayHaveAlpha, animated: frames > 1 };
}

/** The offset after a chain of sub-blocks (length byte, data) ended by a zero length; -1 past the end. */
async function skipSubBlocks(reader: BlobReader, offset: number): Promise<number> {
  for (;;) {
    const length = await reader.uint(offset, 1);
    if (length === undefined) return -1;
    offset += 1 + length;
    if (length === 0) return offset;
  }
}
