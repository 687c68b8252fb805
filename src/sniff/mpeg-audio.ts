/**
 * MPEG audio (MP3, MP2) and AAC in ADTS: streams of frames, each with a header that gives its
 * length. Two valid headers in a row, the second where the first frame ends and of the same
 * stream, are required: one four-byte header alone is weak evidence (a UTF-16 text starting
 * "FF FE" passes it). An ID3v2 tag may come first; the frames must follow right where it ends.
 */

/** A frame header read at some offset: the frame's length, and the fields every frame of one stream shares. */
interface Frame {
  length: number;
  stream: number;
}

/** What the frames at the start of `bytes` are, or undefined when there are not two valid ones in a row. */
export function audioFramesType(bytes: Uint8Array): string | undefined {
  if (twoFrames(bytes, mpegAudioFrame)) return 'audio/mpeg';
  if (twoFrames(bytes, adtsFrame)) return 'audio/aac';
  return undefined;
}

/** `count` bytes from `offset`, read as numbers (the caller has checked that they are there). */
function headerBytes(bytes: Uint8Array, offset: number, count: number): number[] {
  return Array.from(bytes.subarray(offset, offset + count));
}

function twoFrames(bytes: Uint8Array, frameAt: (bytes: Uint8Array, offset: number) => Frame | undefined): boolean {
  const first = frameAt(bytes, 0);
  return first !== undefined && frameAt(bytes, first.length)?.stream === first.stream;
}

/** Where an ID3v2 tag at the start ends (header, body and v2.4 footer), or undefined when there is none. */
export function id3TagEnd(head: Uint8Array, text: string): number | undefined {
  if (!text.startsWith('ID3') || head.length < 10) return undefined;
  const version = head[3]!;
  // Version 2 to 4, a revision that is not 0xFF, and a syncsafe size (each byte below 0x80).
  if (version < 2 || version > 4 || head[4] === 0xff || !head.subarray(6, 10).every((byte) => byte < 0x80)) return undefined;
  const size = (head[6]! << 21) | (head[7]! << 14) | (head[8]! << 7) | head[9]!;
  const footer = version === 4 && (head[5]! & 0x10) !== 0 ? 10 : 0;
  return 10 + size + footer;
}

// ---------------------------------------------------------------- MPEG audio (ISO/IEC 11172-3, 13818-3)

// Kbit/s of bitrate indexes 1 to 14 (0, "free", and 15, bad, are refused).
const BITRATES = [
  [32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448], // MPEG-1 layer I
  [32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384], // MPEG-1 layer II
  [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320], // MPEG-1 layer III
  [32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256], // MPEG-2 and 2.5 layer I
  [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160], // MPEG-2 and 2.5 layers II and III
];
const SAMPLE_RATES = [44100, 48000, 32000];

/** An MPEG audio frame header at `offset`, or undefined when any field is reserved or invalid. */
function mpegAudioFrame(bytes: Uint8Array, offset: number): Frame | undefined {
  if (bytes.length < offset + 4) return undefined;
  const [b0, b1, b2, b3] = headerBytes(bytes, offset, 4);
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) return undefined;
  const versionBits = (b1 >> 3) & 0x03; // 0: MPEG-2.5, 1: reserved, 2: MPEG-2, 3: MPEG-1
  const layer = 4 - ((b1 >> 1) & 0x03); // bits 00 are reserved (and are AAC's ADTS), 4 here
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 0x03;
  if (versionBits === 1 || layer === 4 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return undefined;
  if (versionBits === 0 && layer !== 3) return undefined; // MPEG-2.5 is layer III only
  if ((b3 & 0x03) === 2) return undefined; // reserved emphasis
  const mpeg1 = versionBits === 3;
  const bitrate = BITRATES[mpeg1 ? layer - 1 : layer === 1 ? 3 : 4]![bitrateIndex - 1]! * 1000;
  const sampleRate = SAMPLE_RATES[rateIndex]! / (mpeg1 ? 1 : versionBits === 2 ? 2 : 4);
  const padding = (b2 >> 1) & 0x01;
  const length =
    layer === 1
      ? (Math.floor((12 * bitrate) / sampleRate) + padding) * 4
      : Math.floor(((layer === 3 && !mpeg1 ? 72 : 144) * bitrate) / sampleRate) + padding;
  return { length, stream: (versionBits << 4) | (layer << 2) | rateIndex };
}

// ---------------------------------------------------------------- AAC ADTS (ISO/IEC 13818-7, 14496-3)

/** The highest sampling frequency index (7,350 Hz); 13 and 14 are reserved, 15 (explicit) is not allowed in ADTS. */
const MAX_ADTS_RATE_INDEX = 12;

/** An ADTS header at `offset`: sync 0xFFF, layer 00, a valid sampling index and a frame longer than its header. */
function adtsFrame(bytes: Uint8Array, offset: number): Frame | undefined {
  if (bytes.length < offset + 7) return undefined;
  const [b0, b1, b2, b3, b4, b5] = headerBytes(bytes, offset, 6);
  if (b0 !== 0xff || (b1 & 0xf6) !== 0xf0) return undefined;
  const rateIndex = (b2 >> 2) & 0x0f;
  if (rateIndex > MAX_ADTS_RATE_INDEX) return undefined;
  const headerLength = b1 & 0x01 ? 7 : 9; // protection_absent = 0: a CRC follows the header
  const length = ((b3 & 0x03) << 11) | (b4 << 3) | (b5 >> 5);
  if (length <= headerLength) return undefined;
  const channels = ((b2 & 0x01) << 2) | (b3 >> 6);
  const id = (b1 >> 3) & 0x01; // MPEG-4 or MPEG-2
  const profile = b2 >> 6;
  return { length, stream: (id << 10) | (profile << 8) | (rateIndex << 4) | channels };
}
