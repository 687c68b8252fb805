/**
 * Still images by their signatures: JPEG, PNG, GIF and BMP. (WebP is a RIFF form: `riff.ts`;
 * HEIF and AVIF are ISO base media files: `iso-bmff.ts`.)
 */
import { view } from './bytes.js';

/**
 * The markers that may follow a JPEG's SOI (FF D8): SOF0–3, 5–7, 9–11, 13–15 (C8 is reserved),
 * DHT (C4), DAC (CC), DQT (DB), DRI (DD), APP0–15 (E0–EF) and COM (FE). JPEG-LS (SOF55 `FF F7`, LSE
 * `FF F8`) and the other JPG extensions (F0–FD) are other codecs that no browser decodes.
 */
const FIRST_JPEG_MARKER = /^\xff\xd8\xff[\xc0-\xc7\xc9-\xcf\xdb\xdd\xe0-\xef\xfe]/;

/** The DIB header sizes of BMP: OS/2 1.x (12), Windows 3.x (40), the Adobe ones (52, 56), OS/2 2.x (64), v4 (108), v5 (124). */
const BMP_INFO_SIZES = [12, 40, 52, 56, 64, 108, 124];

export function imageType(head: Uint8Array, text: string): string | undefined {
  if (FIRST_JPEG_MARKER.test(text)) return 'image/jpeg';
  if (text.startsWith('\x89PNG\r\n\x1a\n')) return 'image/png';
  if (/^GIF8[79]a/.test(text)) return 'image/gif';
  if (isBmp(head, text)) return 'image/bmp';
  return undefined;
}

/**
 * BITMAPFILEHEADER ('BM', file size, two reserved words, pixel offset) then a DIB header whose
 * size is one of the known ones and whose plane count is 1. "BM" alone starts many texts.
 */
function isBmp(head: Uint8Array, text: string): boolean {
  if (!text.startsWith('BM') || head.length < 26) return false;
  const bytes = view(head);
  const infoSize = bytes.getUint32(14, true);
  if (!BMP_INFO_SIZES.includes(infoSize) || bytes.getUint32(10, true) < 14 + infoSize) return false;
  // The plane count follows the width and height: 16-bit in the OS/2 1.x header, 32-bit elsewhere.
  const planesAt = infoSize === 12 ? 22 : 26;
  return head.length >= planesAt + 2 && bytes.getUint16(planesAt, true) === 1;
}
