/**
 * RIFF files: 'RIFF', the size of what follows (little-endian), a form type, then chunks (id,
 * size, data padded to an even length). WebP and WAV are named; other forms (AVI, ANI…) are not.
 */
import { view } from './bytes.js';

const WEBP_FIRST_CHUNKS = ['VP8 ', 'VP8L', 'VP8X'];

export function riffType(head: Uint8Array, text: string): string | undefined {
  if (!text.startsWith('RIFF') || head.length < 20) return undefined;
  const form = text.slice(8, 12);
  // WebP: the first chunk is the bitstream (lossy, lossless) or the extended header.
  if (form === 'WEBP') return WEBP_FIRST_CHUNKS.includes(text.slice(12, 16)) ? 'image/webp' : undefined;
  if (form === 'WAVE') return hasFormatChunk(head, text) ? 'audio/wav' : undefined;
  return undefined;
}

/** A WAVE form whose chunks, walked from the start, reach a 'fmt ' chunk of at least 16 bytes within the head. */
function hasFormatChunk(head: Uint8Array, text: string): boolean {
  const bytes = view(head);
  for (let at = 12; at + 8 <= head.length; ) {
    const size = bytes.getUint32(at + 4, true);
    if (text.slice(at, at + 4) === 'fmt ') return size >= 16;
    at += 8 + size + (size % 2);
  }
  return false;
}
