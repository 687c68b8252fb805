/** MPEG-1 and MPEG-2 video: a program stream's pack header, or a bare video sequence header. */

/**
 * Pack header `00 00 01 BA` with the marker bits of MPEG-2 ('01...1') or MPEG-1 ('0010...1'); or
 * sequence header `00 00 01 B3`.
 */
export function isMpegVideo(head: Uint8Array, text: string): boolean {
  return isProgramStream(head, text) || isSequenceHeader(head, text);
}

function isProgramStream(head: Uint8Array, text: string): boolean {
  if (!text.startsWith('\0\0\x01\xba') || head.length < 5) return false;
  const b = head[4]!;
  return (b & 0xc4) === 0x44 || (b & 0xf1) === 0x21;
}

/**
 * The highest frame rate code taken. ISO/IEC 11172-2 and 13818-2 define 1–8 and reserve 9–15, but
 * encoders write 9 (Xing's 15 fps) and 10–13 (libmpeg3's 5, 10, 12 and 15 fps; FFmpeg's own
 * encoder too, for those rates), and FFmpeg plays them; 14 and 15 have never meant anything.
 */
const MAX_FRAME_RATE_CODE = 13;

/** Sequence header: a non-zero size, a valid aspect ratio code (1–4) and frame rate code. */
function isSequenceHeader(head: Uint8Array, text: string): boolean {
  if (!text.startsWith('\0\0\x01\xb3') || head.length < 8) return false;
  const width = (head[4]! << 4) | (head[5]! >> 4);
  const height = ((head[5]! & 0x0f) << 8) | head[6]!;
  const aspect = head[7]! >> 4;
  const frameRate = head[7]! & 0x0f;
  return width > 0 && height > 0 && aspect >= 1 && aspect <= 4 && frameRate >= 1 && frameRate <= MAX_FRAME_RATE_CODE;
}
