/**
 * Magic-byte type detection: the true type of a file from its first bytes, whatever its name or
 * declared type says. No DOM here beyond `Blob`: the server imports this module too.
 *
 * `undefined` means "no type we know" and must be refused, never replaced by the declared type.
 * Executables and archives (PE, ELF, Mach-O, ZIP, gzip, RAR, 7z) are recognised on purpose and
 * reported as `undefined` too, so that a renamed `.exe` can never come out as an image or as text.
 * Markup (SVG, XML, HTML) is reported by its own type, never as text/plain, so callers can refuse
 * it with a clear reason.
 */

/** How many bytes of a file's head are read for sniffing (a few KB, never the whole file). */
export const SNIFF_BYTES = 4096;

/** The true MIME type from a file's first bytes, or undefined when the bytes are of no type we know. */
export function sniffType(head: Uint8Array): string | undefined {
  // Whatever a caller passes (a server may hold the whole file), the verdict is the head's.
  head = head.subarray(0, SNIFF_BYTES);
  if (head.length === 0) return undefined;
  // JPEG first: its FF D8 must never reach the MPEG audio frame-sync check.
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWithText(head, 'GIF87a') || startsWithText(head, 'GIF89a')) return 'image/gif';
  if (startsWithText(head, '%PDF-') || startsWithText(head, '%PDF-', UTF8_BOM.length, UTF8_BOM)) return 'application/pdf';
  if (isExecutableOrArchive(head)) return undefined;
  if (readText(head, 4, 4) === 'ftyp') return isoBmffType(head);
  if (isMpegProgramStream(head) || isMpegSequenceHeader(head)) return 'video/mpeg';
  if (isId3(head) || isMpegAudio(head)) return 'audio/mpeg';
  return markupType(head) ?? (isPlainText(head) ? 'text/plain' : undefined);
}

/** Reads only blob.slice(0, SNIFF_BYTES) and sniffs it. */
export async function sniffBlob(blob: Blob): Promise<string | undefined> {
  const head = new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer());
  return sniffType(head);
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(head: Uint8Array, bytes: readonly number[], offset = 0): boolean {
  if (head.length < offset + bytes.length) return false;
  return bytes.every((byte, i) => head[offset + i] === byte);
}

/** `text` (ASCII) at `offset`, optionally only when `prefix` comes first. */
function startsWithText(head: Uint8Array, text: string, offset = 0, prefix: readonly number[] = []): boolean {
  if (!startsWith(head, prefix)) return false;
  return startsWith(head, [...text].map((c) => c.charCodeAt(0)), offset);
}

/** `length` bytes at `offset` as Latin-1 text, or '' when the head is too short. */
function readText(head: Uint8Array, offset: number, length: number): string {
  if (head.length < offset + length) return '';
  return String.fromCharCode(...head.subarray(offset, offset + length));
}

function readUint32(head: Uint8Array, offset: number): number {
  return ((head[offset]! << 24) | (head[offset + 1]! << 16) | (head[offset + 2]! << 8) | head[offset + 3]!) >>> 0;
}

// ---------------------------------------------------------------- executables and archives

const REFUSED_SIGNATURES: readonly (readonly number[])[] = [
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xfe, 0xed, 0xfa, 0xce], // Mach-O, 32 and 64 bits, both byte orders
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O universal binary (and Java class files)
  [0x50, 0x4b, 0x03, 0x04], // ZIP (also JAR, APK, DOCX...), empty and spanned ZIP
  [0x50, 0x4b, 0x05, 0x06],
  [0x50, 0x4b, 0x07, 0x08],
  [0x1f, 0x8b], // gzip
  [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], // RAR
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], // 7z
];

function isExecutableOrArchive(head: Uint8Array): boolean {
  if (REFUSED_SIGNATURES.some((signature) => startsWith(head, signature))) return true;
  if (!startsWithText(head, 'MZ')) return false;
  // "MZ" alone is also how a text may begin: a DOS header is binary (its fields hold NULs), and a
  // PE file has "PE\0\0" where e_lfanew (offset 0x3C) points.
  if (head.length >= 0x40) {
    const peOffset = head[0x3c]! | (head[0x3d]! << 8) | (head[0x3e]! << 16) | (head[0x3f]! << 24);
    if (peOffset > 0 && startsWith(head, [0x50, 0x45, 0x00, 0x00], peOffset)) return true;
  }
  return head.subarray(0, 0x40).includes(0);
}

// ---------------------------------------------------------------- ISO base media (MP4 and kin)

const MP4_BRANDS = new Set([
  'isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'iso7', 'iso8', 'iso9',
  'mp41', 'mp42', 'mp71', 'avc1', 'M4V ', 'M4VH', 'M4VP', 'dash', 'MSNV', 'f4v ', 'f4p ', 'mmp4', 'XAVC',
]);
const AUDIO_MP4_BRANDS = new Set(['M4A ', 'M4B ', 'M4P ', 'f4a ', 'f4b ']);
const GPP_BRANDS = new Set(['3gp4', '3gp5', '3gp6', '3gp7', '3gp8', '3gp9']);
const GPP2_BRANDS = new Set(['3g2a', '3g2b', '3g2c']);
const HEIC_BRANDS = new Set(['heic', 'heix']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
/** The structural HEIF brands: they say "HEIF" but not which codec, so a compatible brand decides. */
const HEIF_BRANDS = new Set(['mif1', 'msf1', 'miaf']);

/** A brand's type, or undefined for a brand we do not know. */
function brandType(brand: string): string | undefined {
  if (brand === 'qt  ') return 'video/quicktime';
  if (AVIF_BRANDS.has(brand)) return 'image/avif';
  if (HEIC_BRANDS.has(brand)) return 'image/heic';
  if (AUDIO_MP4_BRANDS.has(brand)) return 'audio/mp4';
  if (GPP2_BRANDS.has(brand)) return 'video/3gpp2';
  if (GPP_BRANDS.has(brand)) return 'video/3gpp';
  if (MP4_BRANDS.has(brand)) return 'video/mp4';
  return undefined;
}

/** The order in which compatible brands decide when the major brand does not. */
const COMPATIBLE_ORDER = ['image/avif', 'image/heic', 'audio/mp4', 'video/3gpp2', 'video/3gpp', 'video/mp4', 'video/quicktime'];

/**
 * `ftyp` box: size(4) 'ftyp' major_brand(4) minor_version(4) compatible_brands(4 each).
 * The major brand decides when we know it; otherwise the compatible brands do.
 */
function isoBmffType(head: Uint8Array): string | undefined {
  const size = readUint32(head, 0);
  // An ftyp box is small and whole: no 0 ("to end of file") or 1 (64-bit size), brands in fours.
  // It is allowed to run past a short head (a truncated read), but not past what we would ever read.
  if (size < 16 || size > SNIFF_BYTES || (size - 16) % 4 !== 0 || head.length < 16) return undefined;
  const major = readText(head, 8, 4);
  const compatible: string[] = [];
  for (let offset = 16; offset + 4 <= Math.min(size, head.length); offset += 4) {
    compatible.push(readText(head, offset, 4));
  }
  if (HEIF_BRANDS.has(major)) {
    // A HEIF file is an image only by the codec brand it lists (heic or avif), never a video.
    if (compatible.some((brand) => AVIF_BRANDS.has(brand))) return 'image/avif';
    if (compatible.some((brand) => HEIC_BRANDS.has(brand))) return 'image/heic';
    return undefined;
  }
  const majorType = brandType(major);
  if (majorType) return majorType;
  const compatibleTypes = new Set(compatible.map(brandType));
  return COMPATIBLE_ORDER.find((type) => compatibleTypes.has(type));
}

// ---------------------------------------------------------------- MPEG video and audio

/** Pack header `00 00 01 BA` with the marker bits of MPEG-2 ('01...1') or MPEG-1 ('0010...1'). */
function isMpegProgramStream(head: Uint8Array): boolean {
  if (!startsWith(head, [0x00, 0x00, 0x01, 0xba]) || head.length < 5) return false;
  const b = head[4]!;
  return (b & 0xc4) === 0x44 || (b & 0xf1) === 0x21;
}

/** Sequence header `00 00 01 B3`: a non-zero size, a valid aspect ratio and frame rate code. */
function isMpegSequenceHeader(head: Uint8Array): boolean {
  if (!startsWith(head, [0x00, 0x00, 0x01, 0xb3]) || head.length < 8) return false;
  const width = (head[4]! << 4) | (head[5]! >> 4);
  const height = ((head[5]! & 0x0f) << 8) | head[6]!;
  const aspect = head[7]! >> 4;
  const frameRate = head[7]! & 0x0f;
  return width > 0 && height > 0 && aspect >= 1 && aspect <= 4 && frameRate >= 1 && frameRate <= 8;
}

/** ID3v2 tag: 'ID3', version 2 to 4, and a syncsafe size (each byte below 0x80). */
function isId3(head: Uint8Array): boolean {
  if (!startsWithText(head, 'ID3') || head.length < 10) return false;
  const version = head[3]!;
  return version >= 2 && version <= 4 && head[4] !== 0xff && head.subarray(6, 10).every((byte) => byte < 0x80);
}

// Kbit/s by [version is MPEG-1][layer 1..3][index]; index 0 ("free") and 15 (bad) are refused.
const BITRATES: Record<'v1' | 'v2', readonly (readonly number[])[]> = {
  v1: [
    [],
    [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
    [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
    [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  ],
  v2: [
    [],
    [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
    [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
    [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  ],
};
const SAMPLE_RATES = [44100, 48000, 32000];

interface MpegAudioFrame {
  versionBits: number;
  layer: number;
  length: number;
}

/** An MPEG audio frame header at `offset`, or undefined when any field is reserved or invalid. */
function mpegAudioFrame(head: Uint8Array, offset: number): MpegAudioFrame | undefined {
  if (head.length < offset + 4) return undefined;
  const [b0, b1, b2, b3] = [head[offset]!, head[offset + 1]!, head[offset + 2]!, head[offset + 3]!];
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) return undefined;
  const versionBits = (b1 >> 3) & 0x03; // 0: MPEG-2.5, 1: reserved, 2: MPEG-2, 3: MPEG-1
  const layer = 4 - ((b1 >> 1) & 0x03); // bits 00 are reserved (and are AAC's ADTS), 4 here
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 0x03;
  if (versionBits === 1 || layer === 4 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return undefined;
  if ((b3 & 0x03) === 2) return undefined; // reserved emphasis
  const mpeg1 = versionBits === 3;
  const bitrate = BITRATES[mpeg1 ? 'v1' : 'v2'][layer]![bitrateIndex]! * 1000;
  const sampleRate = SAMPLE_RATES[rateIndex]! / (mpeg1 ? 1 : versionBits === 2 ? 2 : 4);
  const padding = (b2 >> 1) & 0x01;
  const length =
    layer === 1
      ? (Math.floor((12 * bitrate) / sampleRate) + padding) * 4
      : Math.floor(((layer === 3 && !mpeg1 ? 72 : 144) * bitrate) / sampleRate) + padding;
  return { versionBits, layer, length };
}

/**
 * A raw MP3 (no ID3 tag): a valid frame header at 0 and a second one of the same version and
 * layer right after that frame. Four bytes alone are weak evidence (a UTF-16 BOM "FF FE" followed
 * by text passes them), so a head shorter than two headers counts only when it is exactly one frame.
 */
function isMpegAudio(head: Uint8Array): boolean {
  const first = mpegAudioFrame(head, 0);
  if (!first) return false;
  if (head.length === first.length) return true;
  const second = mpegAudioFrame(head, first.length);
  return second !== undefined && second.versionBits === first.versionBits && second.layer === first.layer;
}

// ---------------------------------------------------------------- markup and text

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Case-insensitive Latin-1 view of the head after an optional UTF-8 BOM (markup is ASCII). */
function headText(head: Uint8Array): string {
  const start = startsWith(head, UTF8_BOM) ? UTF8_BOM.length : 0;
  return String.fromCharCode(...head.subarray(start)).toLowerCase();
}

const SVG_ELEMENT = /<(?:[a-z_][\w.-]*:)?svg[\s/>]/;
// WHATWG MIME sniffing's HTML tags, each followed by white space or '>'.
const HTML_TAG = /^<(?:!doctype\s+html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p)[\s>]/;

/**
 * SVG, XML or HTML when the head starts (after a BOM, white space and comments) with markup.
 * An SVG's own DOCTYPE (`<!DOCTYPE svg ...>`) makes it image/svg+xml, like `<?xml` followed by `<svg`.
 */
function markupType(head: Uint8Array): string | undefined {
  const text = headText(head);
  let at = 0;
  for (;;) {
    while (at < text.length && ' \t\n\r\f'.includes(text[at]!)) at++;
    if (!text.startsWith('<!--', at)) break;
    const end = text.indexOf('-->', at + 4);
    if (end < 0) return 'text/html'; // a comment longer than the head: HTML, as WHATWG says
    at = end + 3;
  }
  const rest = text.slice(at);
  if (/^<svg[\s/>]/.test(rest) || rest === '<svg') return 'image/svg+xml';
  if (HTML_TAG.test(rest)) return 'text/html';
  if (rest.startsWith('<?xml') || rest.startsWith('<!doctype')) {
    return SVG_ELEMENT.test(rest) ? 'image/svg+xml' : 'application/xml';
  }
  return undefined;
}

/**
 * The length of the head without a multi-byte UTF-8 sequence that the read cut short (up to 3
 * trailing bytes), so that a head ending inside a character still counts as valid UTF-8.
 */
function withoutCutSequence(head: Uint8Array): number {
  for (let i = head.length - 1; i >= Math.max(0, head.length - 4); i--) {
    const byte = head[i]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return head.length - i < needed ? i : head.length;
  }
  return head.length;
}

/** UTF-8 with no NUL and no C0 control byte but TAB, LF, FF and CR (ESC is refused too). */
function isPlainText(head: Uint8Array): boolean {
  const text = head.subarray(0, withoutCutSequence(head));
  if (text.length === 0) return false;
  for (const byte of text) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) return false;
  }
  try {
    decoder.decode(text);
    return true;
  } catch {
    return false;
  }
}
