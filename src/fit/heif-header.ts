/**
 * HEIF (HEIC, AVIF) dimensions from the `ispe` properties in meta/iprp/ipco, found by walking box
 * headers only. A gridded photo lists its tiles' `ispe` and the whole picture's: the largest is
 * the picture (a thumbnail is smaller). Rotation (`irot`) does not change the pixel count.
 */
import type { BlobReader } from './blob-reader.js';
import type { ImageHeader } from './image-header.js';

interface Box {
  type: string;
  /** Where the payload starts and the box ends. */
  start: number;
  end: number;
}

async function boxAt(reader: BlobReader, offset: number, limit: number): Promise<Box | undefined> {
  let size = await reader.uint(offset, 4);
  const type = await reader.text(offset + 4, 4);
  if (size === undefined || type.length < 4) return undefined;
  let start = offset + 8;
  if (size === 1) {
    // 64-bit size: a photo header never needs more than the low 53 bits.
    const high = (await reader.uint(offset + 8, 4)) ?? 0;
    const low = (await reader.uint(offset + 12, 4)) ?? 0;
    size = high * 2 ** 32 + low;
    start += 8;
  } else if (size === 0) {
    size = limit - offset; // to the end of its parent
  }
  if (size < start - offset) return undefined;
  return { type, start, end: Math.min(limit, offset + size) };
}

async function* children(reader: BlobReader, start: number, end: number): AsyncGenerator<Box> {
  for (let offset = start, step = 0; offset + 8 <= end && step < 4096; step++) {
    const box = await boxAt(reader, offset, end);
    if (!box) return;
    yield box;
    offset = box.end;
  }
}

/** Containers on the way to `ispe`; `meta` is a full box (4 bytes of version and flags first). */
const CONTAINERS: Readonly<Record<string, number>> = { meta: 4, iprp: 0, ipco: 0 };

async function largestSpatialExtent(reader: BlobReader, start: number, end: number, found: { width: number; height: number }): Promise<void> {
  for await (const box of children(reader, start, end)) {
    if (box.type === 'ispe') {
      const width = (await reader.uint(box.start + 4, 4)) ?? 0;
      const height = (await reader.uint(box.start + 8, 4)) ?? 0;
      if (width * height > found.width * found.height) Object.assign(found, { width, height });
    } else if (Object.hasOwn(CONTAINERS, box.type)) {
      await largestSpatialExtent(reader, box.start + CONTAINERS[box.type]!, box.end, found);
    }
  }
}

export async function isoImageHeader(reader: BlobReader): Promise<ImageHeader> {
  const found = { width: 0, height: 0 };
  await largestSpatialExtent(reader, 0, reader.size, found);
  // HEIF may carry an alpha plane as an auxiliary image: let the pixels decide.
  return { ...found, mayHaveAlpha: true, animated: false };
}
