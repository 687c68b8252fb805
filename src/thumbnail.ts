/**
 * A square thumbnail of a picture, as a small JPEG (PNG for the types that may be transparent),
 * loaded only when the list first shows a picture.
 *
 * A photo is decoded small, never whole: a 12-megapixel JPEG is 48 MB of pixels. JPEG can be
 * decoded at 1/8, 2/8 … of its size while the compressed data is read (DCT scaling), which
 * WebCodecs' `ImageDecoder` offers for the exact sizes its header allows: a phone photo then
 * costs well under 1 MB. Where that is missing (Safari) or fails, and for other types,
 * `createImageBitmap` resizes as it decodes, which bounds what is kept but not what is decoded.
 * Both apply the EXIF orientation. Thumbnails are made while files upload: every byte not read
 * and every pixel not decoded is CPU left to the uploads.
 */
import { readImageHeader, type ImageHeader } from './fit/image-header.js';
import { headRead } from './sniff.js';

/** Pixels of a thumbnail's edge: twice the 48 px it is shown at, for sharp high-density screens. */
export const THUMBNAIL_PIXELS = 96;
/** The width pictures are decoded to at least: twice the thumbnail's, so that a 2:1 panorama still covers it. */
const DECODE_WIDTH = 2 * THUMBNAIL_PIXELS;

type Picture = { source: CanvasImageSource; width: number; height: number; close(): void };

/** The thumbnail, or undefined when the picture does not decode. */
export async function thumbnailOf(file: Blob, type: string): Promise<Blob | undefined> {
  let picture: Picture | undefined;
  try {
    picture = type === 'image/jpeg' ? await jpegPicture(file) : await resizedBitmap(file);
    if (!picture) return undefined;
    // Cover the square: the short side fills it, the long one is cut in its middle.
    const scale = THUMBNAIL_PIXELS / Math.min(picture.width, picture.height);
    const [width, height] = [picture.width * scale, picture.height * scale];
    const canvas = new OffscreenCanvas(THUMBNAIL_PIXELS, THUMBNAIL_PIXELS);
    canvas.getContext('2d')!.drawImage(picture.source, (THUMBNAIL_PIXELS - width) / 2, (THUMBNAIL_PIXELS - height) / 2, width, height);
    return await canvas.convertToBlob({ type: type === 'image/jpeg' ? 'image/jpeg' : 'image/png', quality: 0.8 });
  } catch {
    return undefined;
  } finally {
    picture?.close();
  }
}

/**
 * A JPEG whose head has no frame header cannot be decoded: it gets no picture, without its
 * megabytes being read to find that out (the walk starts from the head read when it was sniffed).
 * Others are decoded small, by ImageDecoder if it can.
 */
async function jpegPicture(file: Blob): Promise<Picture | undefined> {
  const header = await readImageHeader(file, 'image/jpeg', headRead(file));
  if (header.width === 0 || header.height === 0) return undefined;
  return (await scaledJpeg(file, header)) ?? (await resizedBitmap(file));
}

/** A JPEG decoded at the smallest of its eighths that still covers the decode width; undefined where that cannot be done. */
async function scaledJpeg(file: Blob, header: ImageHeader): Promise<Picture | undefined> {
  if (typeof ImageDecoder === 'undefined') return undefined;
  const shortSide = Math.min(header.width, header.height);
  // The sizes a JPEG decoder can produce: ⌈size × n / 8⌉, n from 1 to 8.
  const eighths = Math.min(8, Math.max(1, Math.ceil((DECODE_WIDTH * 8) / shortSide)));
  const scaled = (size: number) => Math.ceil((size * eighths) / 8);
  // The bytes are handed over, not copied: the decoder's copy is the only one, and goes with it.
  const data = await file.arrayBuffer();
  const decoder = new ImageDecoder({ data, transfer: [data], type: 'image/jpeg', desiredWidth: scaled(header.width), desiredHeight: scaled(header.height) });
  try {
    const { image } = await decoder.decode();
    // The frame carries the EXIF rotation: its display size is upright, and drawing it turns it.
    return { source: image, width: image.displayWidth, height: image.displayHeight, close: () => image.close() };
  } catch {
    return undefined;
  } finally {
    decoder.close();
  }
}

async function resizedBitmap(file: Blob): Promise<Picture> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image', resizeWidth: DECODE_WIDTH, resizeQuality: 'medium' });
  return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
}
