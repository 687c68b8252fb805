/**
 * Turning bytes into an upright picture: the browser's decoder with the EXIF/HEIF orientation
 * applied, or a page's HEIC decoder (a function, or a module that exports `decode`).
 */
import type { HeicDecoder } from './fit-types.js';

/** The browser's own decoding, turned as the camera meant; undefined when it cannot decode these bytes. */
export async function decodeUpright(blob: Blob): Promise<ImageBitmap | undefined> {
  try {
    return await createImageBitmap(blob, { imageOrientation: 'from-image' });
  } catch {
    return undefined;
  }
}

/** Decoders return a bitmap or raw pixels; the search wants a bitmap (which also transfers to a worker). */
export async function toBitmap(image: ImageBitmap | ImageData): Promise<ImageBitmap> {
  return image instanceof ImageData ? createImageBitmap(image) : image;
}

const decoderModules = new Map<string, Promise<HeicDecoder>>();

/** Imports a decoder module once per URL (a HEIC file has arrived: only now is it worth its weight). */
export function decoderFromModule(url: string): Promise<HeicDecoder> {
  let decoder = decoderModules.get(url);
  if (!decoder) {
    decoder = import(/* @vite-ignore */ url).then((module: { decode?: unknown }) => {
      if (typeof module.decode !== 'function') throw new TypeError(`mms-media-upload: ${url} does not export decode`);
      return module.decode as HeicDecoder;
    });
    decoder.catch(() => decoderModules.delete(url)); // a failed load may be retried with the next file
    decoderModules.set(url, decoder);
  }
  return decoder;
}

/** Decodes with a page's decoder; undefined when it fails. */
export async function decodeWith(decoder: HeicDecoder | Promise<HeicDecoder>, blob: Blob): Promise<ImageBitmap | undefined> {
  try {
    return await toBitmap(await (await decoder)(blob));
  } catch {
    return undefined;
  }
}
