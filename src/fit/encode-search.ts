/**
 * The search for the best picture within a byte budget: JPEG quality first (from a high start,
 * bisecting down to a floor), then smaller dimensions, always resampled from the decoded original.
 * A picture with real transparency stays PNG when a PNG at (nearly) full size fits.
 */
import type { OutputType, Surface, SurfaceFactory } from './surface.js';

/** Canvases above this many pixels come back black or blank on iOS Safari. */
export const MAX_CANVAS_PIXELS = 16_777_216;

/** Where the quality search starts: the result when it already fits (no visible loss at this size). */
const QUALITY_START = 0.8;
/** Below this, blocks show; smaller dimensions look better than lower quality. */
const QUALITY_FLOOR = 0.5;
const QUALITY_BISECTIONS = 2;
/** The edge factor of each shrink is kept between these: never a crawl, never a collapse. */
const SHRINK_MIN = 0.3;
const SHRINK_MAX = 0.9;
const MAX_SHRINKS = 8;
const SMALLEST_EDGE = 16;
/** A PNG is tried once more at a smaller size, if that size keeps at least this share of the edge. */
const PNG_SMALLEST_SCALE = 0.5;
const WHITE = '#fff';

export interface SearchRequest {
  maxBytes: number;
  maxDimension: number;
  /** The header declares alpha or a transparent colour: look at the pixels. */
  mayHaveAlpha: boolean;
  /** One encoding at the start size and quality, no search (to drop the metadata of a photo that fits). */
  stripOnly?: boolean;
}

export interface SearchContext {
  createSurface: SurfaceFactory;
  /** Awaited between steps: throws when the job is cancelled, yields on the main thread. */
  checkpoint(): Promise<void>;
}

export interface Encoded {
  blob: Blob;
  type: OutputType;
  width: number;
  height: number;
}

interface Size {
  width: number;
  height: number;
}

/** The largest size within `maxDimension` and the canvas cap, never larger than the picture. */
export function startSize(width: number, height: number, maxDimension: number): Size {
  const scale = Math.min(1, maxDimension / Math.max(width, height), Math.sqrt(MAX_CANVAS_PIXELS / (width * height)));
  return scaled({ width, height }, scale);
}

function scaled({ width, height }: Size, factor: number): Size {
  return { width: Math.max(1, Math.floor(width * factor)), height: Math.max(1, Math.floor(height * factor)) };
}

export async function searchEncoding(image: ImageBitmap, request: SearchRequest, context: SearchContext): Promise<Encoded | undefined> {
  let size = startSize(image.width, image.height, request.maxDimension);
  let surface = context.createSurface(size.width, size.height);
  try {
    surface.draw(image, request.mayHaveAlpha ? undefined : WHITE);
    await context.checkpoint();
    if (request.mayHaveAlpha && surface.hasTransparency()) {
      const png = await pngWithin(image, surface, request, context);
      if (png || request.stripOnly) return png;
      surface.draw(image, WHITE); // JPEG on white
    }
    if (request.stripOnly) return within(await encoded(surface, 'image/jpeg', context, QUALITY_START), request.maxBytes);
    for (let shrink = 0; ; shrink++) {
      const found = await jpegWithin(surface, request.maxBytes, context);
      if ('blob' in found) return found;
      size = scaled(size, Math.min(SHRINK_MAX, Math.max(SHRINK_MIN, Math.sqrt(request.maxBytes / found.smallest) * 0.95)));
      if (shrink >= MAX_SHRINKS || Math.max(size.width, size.height) < SMALLEST_EDGE) return undefined;
      surface.release();
      surface = context.createSurface(size.width, size.height);
      surface.draw(image, WHITE);
      await context.checkpoint();
    }
  } finally {
    surface.release();
  }
}

async function encoded(surface: Surface, type: OutputType, context: SearchContext, quality?: number): Promise<Encoded> {
  const blob = await surface.encode(type, quality);
  await context.checkpoint();
  return { blob, type, width: surface.width, height: surface.height };
}

/** The best JPEG of this surface within the budget, or the size of the smallest one tried. */
async function jpegWithin(surface: Surface, maxBytes: number, context: SearchContext): Promise<Encoded | { smallest: number }> {
  const start = await encoded(surface, 'image/jpeg', context, QUALITY_START);
  if (start.blob.size <= maxBytes) return start;
  let best = await encoded(surface, 'image/jpeg', context, QUALITY_FLOOR);
  if (best.blob.size > maxBytes) return { smallest: best.blob.size };
  let [low, high] = [QUALITY_FLOOR, QUALITY_START];
  for (let step = 0; step < QUALITY_BISECTIONS; step++) {
    const quality = (low + high) / 2;
    const candidate = await encoded(surface, 'image/jpeg', context, quality);
    if (candidate.blob.size <= maxBytes) [best, low] = [candidate, quality];
    else high = quality;
  }
  return best;
}

const within = (candidate: Encoded, maxBytes: number) => (candidate.blob.size <= maxBytes ? candidate : undefined);

/** A PNG within the budget at this size or, estimated from its bytes, once at a somewhat smaller one. */
async function pngWithin(image: ImageBitmap, surface: Surface, { maxBytes, stripOnly }: SearchRequest, context: SearchContext): Promise<Encoded | undefined> {
  const full = await encoded(surface, 'image/png', context);
  if (full.blob.size <= maxBytes || stripOnly) return within(full, maxBytes);
  // PNG bytes grow about with the pixel count.
  const factor = Math.sqrt(maxBytes / full.blob.size) * 0.9;
  if (factor < PNG_SMALLEST_SCALE) return undefined;
  const size = scaled(surface, factor);
  const smaller = context.createSurface(size.width, size.height);
  try {
    smaller.draw(image);
    return within(await encoded(smaller, 'image/png', context), maxBytes);
  } finally {
    smaller.release();
  }
}
