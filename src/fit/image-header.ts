/**
 * What a photo's header says, read without decoding and without reading the file whole: its
 * stored dimensions (before any EXIF rotation), whether it may hold transparency, and whether it
 * is animated. JPEG SOFn, PNG IHDR (and tRNS, acTL), WebP VP8/VP8L/VP8X here; GIF and HEIF in
 * modules of their own.
 */
import { BlobReader } from './blob-reader.js';
import { gifHeader } from './gif-header.js';
import { isoImageHeader } from './heif-header.js';

export interface ImageHeader {
  /** Pixels as stored; 0 when the header does not say (the decoder will). */
  width: number;
  height: number;
  /** An alpha channel or a transparent colour is declared: the pixels decide whether it is used. */
  mayHaveAlpha: boolean;
  /** More than one frame: re-encoding would keep only the first. */
  animated: boolean;
}

/** The photo types this engine decodes and re-encodes. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic', 'image/avif'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

export function isPhotoType(type: string | undefined): type is PhotoType {
  return (PHOTO_TYPES as readonly (string | undefined)[]).includes(type);
}

/** The photo types MMS carries everywhere; the others (HEIC, AVIF, WebP) are converted whatever their size. */
const CARRIED_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/gif'];
export const isCarried = (type: PhotoType): boolean => CARRIED_TYPES.includes(type);

/** HEIC/HEIF: the photo type that browsers but Safari cannot decode (and a page's decoder may). */
export const isHeif = (type: PhotoType): boolean => type === 'image/heic';

/** WebP, which the shared sniffer does not report: 'RIFF' size 'WEBP'. */
export async function isWebp(blob: Blob): Promise<boolean> {
  const reader = new BlobReader(blob);
  return (await reader.text(0, 4)) === 'RIFF' && (await reader.text(8, 4)) === 'WEBP';
}

const UNKNOWN: ImageHeader = { width: 0, height: 0, mayHaveAlpha: false, animated: false };

/** `head`: the blob's first bytes, when they were read before. */
export async function readImageHeader(blob: Blob, type: PhotoType, head?: Uint8Array): Promise<ImageHeader> {
  const reader = new BlobReader(blob, head);
  switch (type) {
    case 'image/jpeg':
      return jpegHeader(reader);
    case 'image/png':
      return pngHeader(reader);
    case 'image/gif':
      return gifHeader(reader);
    case 'image/webp':
      return webpHeader(reader);
    case 'image/heic':
    case 'image/avif':
      return isoImageHeader(reader);
  }
}

/** SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC), which share the range. */
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/** Walks the segments from SOI to the first SOFn, hopping over APPn (EXIF, ICC, MPF) by their lengths. */
async function jpegHeader(reader: BlobReader): Promise<ImageHeader> {
  let offset = 2;
  for (let step = 0; step < 4096; step++) {
    if ((await reader.uint(offset, 1)) !== 0xff) return UNKNOWN;
    let marker = await reader.uint(offset + 1, 1);
    while (marker === 0xff) marker = await reader.uint(++offset + 1, 1); // fill bytes
    if (marker === undefined || marker === 0xda || marker === 0xd9) return UNKNOWN; // no frame header before the scan
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      offset += 2; // stand-alone markers carry no length
      continue;
    }
    const length = await reader.uint(offset + 2, 2);
    if (length === undefined || length < 2) return UNKNOWN;
    if (isStartOfFrame(marker)) {
      const height = (await reader.uint(offset + 5, 2)) ?? 0;
      const width = (await reader.uint(offset + 7, 2)) ?? 0;
      return { width, height, mayHaveAlpha: false, animated: false };
    }
    offset += 2 + length;
  }
  return UNKNOWN;
}

/** IHDR, then the chunks before the first IDAT: tRNS (a transparent colour) and acTL (APNG). */
async function pngHeader(reader: BlobReader): Promise<ImageHeader> {
  const width = (await reader.uint(16, 4)) ?? 0;
  const height = (await reader.uint(20, 4)) ?? 0;
  const colourType = await reader.uint(25, 1);
  let mayHaveAlpha = colourType === 4 || colourType === 6;
  let animated = false;
  let offset = 8;
  for (let step = 0; step < 1024; step++) {
    const length = await reader.uint(offset, 4);
    const type = await reader.text(offset + 4, 4);
    if (length === undefined || type === 'IDAT' || type === 'IEND' || type.length < 4) break;
    if (type === 'tRNS') mayHaveAlpha = true;
    if (type === 'acTL') animated = true;
    offset += 12 + length;
  }
  return { width, height, mayHaveAlpha, animated };
}

const uint24le = (bytes: Uint8Array, at: number) => bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);

/** The first chunk after 'WEBP': VP8 (lossy), VP8L (lossless) or VP8X (extended: flags and canvas size). */
async function webpHeader(reader: BlobReader): Promise<ImageHeader> {
  const bytes = await reader.read(0, 32);
  if (bytes.length < 30) return UNKNOWN;
  const chunk = String.fromCharCode(...bytes.subarray(12, 16));
  if (chunk === 'VP8 ') {
    return { width: uint24le(bytes, 26) & 0x3fff, height: uint24le(bytes, 28) & 0x3fff, mayHaveAlpha: false, animated: false };
  }
  if (chunk === 'VP8L') {
    const bits = (uint24le(bytes, 21) | (bytes[24]! << 24)) >>> 0;
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1, mayHaveAlpha: ((bits >>> 28) & 1) === 1, animated: false };
  }
  if (chunk === 'VP8X') {
    const flags = bytes[20]!;
    return { width: uint24le(bytes, 24) + 1, height: uint24le(bytes, 27) + 1, mayHaveAlpha: (flags & 0x10) !== 0, animated: (flags & 0x02) !== 0 };
  }
  return UNKNOWN;
}
