/**
 * Magic-byte type detection: the true type of a file from its first bytes, whatever its name or
 * declared type says. No DOM here beyond `Blob`: the server imports this module too.
 *
 * `undefined` means "no type we know" and must be refused, never replaced by the declared type.
 * Executables and archives (PE, ELF, Mach-O, ZIP, gzip, RAR, 7z) are recognised on purpose and
 * reported as `undefined` too, so that a renamed `.exe` can never come out as an image or as text.
 * Markup (SVG, XML, HTML) is reported by its own type, never as text/plain, so callers can refuse
 * it with a clear reason.
 *
 * The head is read as Latin-1 text (one character per byte), so magic numbers are plain strings.
 */

/** How many bytes of a file's head are read for sniffing (a few KB, never the whole file). */
export const SNIFF_BYTES = 4096;

/** The true MIME type from a file's first bytes, or undefined when the bytes are of no type we know. */
export function sniffType(head: Uint8Array): string | undefined {
  // Whatever a caller passes (a server may hold the whole file), the verdict is the head's.
  head = head.subarray(0, SNIFF_BYTES);
  if (head.length === 0) return undefined;
  const text = String.fromCharCode(...head);
  // JPEG first: its FF D8 must never reach the MPEG audio frame-sync check.
  if (text.startsWith('\xff\xd8\xff')) return 'image/jpeg';
  if (text.startsWith('\x89PNG\r\n\x1a\n')) return 'image/png';
  if (/^GIF8[79]a/.test(text)) return 'image/gif';
  if (/^(\xef\xbb\xbf)?%PDF-/.test(text)) return 'application/pdf';
  if (isExecutableOrArchive(head, text)) return undefined;
  if (text.slice(4, 8) === 'ftyp') return isoBmffType(head, text);
  if (isMpegProgramStream(head, text) || isMpegSequenceHeader(head, text)) return 'video/mpeg';
  if (isId3(head, text) || isMpegAudio(head)) return 'audio/mpeg';
  return markupType(text) ?? (isPlainText(head, text) ? 'text/plain' : undefined);
}

/** Reads only blob.slice(0, SNIFF_BYTES) and sniffs it. */
export async function sniffBlob(blob: Blob): Promise<string | undefined> {
  const head = new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer());
  return sniffType(head);
}

const view = (head: Uint8Array) => new DataView(head.buffer, head.byteOffset, head.length);

// ---------------------------------------------------------------- executables and archives

const REFUSED_SIGNATURES = [
  '\x7fELF',
  '\xfe\xed\xfa\xce', // Mach-O, 32 and 64 bits, both byte orders
  '\xfe\xed\xfa\xcf',
  '\xce\xfa\xed\xfe',
  '\xcf\xfa\xed\xfe',
  '\xca\xfe\xba\xbe', // Mach-O universal binary (and Java class files)
  'PK\x03\x04', // ZIP (also JAR, APK, DOCX...), empty and spanned ZIP
  'PK\x05\x06',
  'PK\x07\x08',
  '\x1f\x8b', // gzip
  'Rar!\x1a\x07',
  '7z\xbc\xaf\x27\x1c',
];

function isExecutableOrArchive(head: Uint8Array, text: string): boolean {
  if (REFUSED_SIGNATURES.some((signature) => text.startsWith(signature))) return true;
  if (!text.startsWith('MZ')) return false;
  // "MZ" alone is also how a text may begin: a DOS header is binary (its fields hold NULs), and a
  // PE file has "PE\0\0" where e_lfanew (offset 0x3C) points.
  if (head.length >= 0x40) {
    const peOffset = view(head).getInt32(0x3c, true);
    if (peOffset > 0 && text.startsWith('PE\0\0', peOffset)) return true;
  }
  return text.slice(0, 0x40).includes('\0');
}

// ---------------------------------------------------------------- ISO base media (MP4 and kin)

/**
 * The brands of each type. The order of the types is the order in which compatible brands decide
 * when the major brand does not.
 */
const BRANDS: Readonly<Record<string, readonly string[]>> = {
  'image/avif': ['avif', 'avis'],
  'image/heic': ['heic', 'heix'],
  'audio/mp4': ['M4A ', 'M4B ', 'M4P ', 'f4a ', 'f4b '],
  'video/3gpp2': ['3g2a', '3g2b', '3g2c'],
  'video/3gpp': ['3gp4', '3gp5', '3gp6', '3gp7', '3gp8', '3gp9'],
  // prettier-ignore
  'video/mp4': [
    'isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'iso7', 'iso8', 'iso9',
    'mp41', 'mp42', 'mp71', 'avc1', 'M4V ', 'M4VH', 'M4VP', 'dash', 'MSNV', 'f4v ', 'f4p ', 'mmp4', 'XAVC',
  ],
  'video/quicktime': ['qt  '],
};
/** The structural HEIF brands: they say "HEIF" but not which codec, so a compatible brand decides. */
const HEIF_BRANDS = ['mif1', 'msf1', 'miaf'];

/** The first of `types` that one of `brands` stands for. */
function typeOfBrands(brands: readonly string[], types = Object.keys(BRANDS)): string | undefined {
  return types.find((type) => brands.some((brand) => BRANDS[type]!.includes(brand)));
}

/**
 * `ftyp` box: size(4) 'ftyp' major_brand(4) minor_version(4) compatible_brands(4 each).
 * The major brand decides when we know it; otherwise the compatible brands do.
 */
function isoBmffType(head: Uint8Array, text: string): string | undefined {
  const size = view(head).getUint32(0);
  // An ftyp box is small and whole: no 0 ("to end of file") or 1 (64-bit size), brands in fours.
  // It is allowed to run past a short head (a truncated read), but not past what we would ever read.
  if (size < 16 || size > SNIFF_BYTES || (size - 16) % 4 !== 0 || head.length < 16) return undefined;
  const major = text.slice(8, 12);
  const compatible: string[] = [];
  for (let offset = 16; offset + 4 <= Math.min(size, head.length); offset += 4) {
    compatible.push(text.slice(offset, offset + 4));
  }
  // A HEIF file is an image only by the codec brand it lists (heic or avif), never a video.
  if (HEIF_BRANDS.includes(major)) return typeOfBrands(compatible, ['image/avif', 'image/heic']);
  return typeOfBrands([major]) ?? typeOfBrands(compatible);
}

// ---------------------------------------------------------------- MPEG video and audio

/** Pack header `00 00 01 BA` with the marker bits of MPEG-2 ('01...1') or MPEG-1 ('0010...1'). */
function isMpegProgramStream(head: Uint8Array, text: string): boolean {
  if (!text.startsWith('\0\0\x01\xba') || head.length < 5) return false;
  const b = head[4]!;
  return (b & 0xc4) === 0x44 || (b & 0xf1) === 0x21;
}

/** Sequence header `00 00 01 B3`: a non-zero size, a valid aspect ratio and frame rate code. */
function isMpegSequenceHeader(head: Uint8Array, text: string): boolean {
  if (!text.startsWith('\0\0\x01\xb3') || head.length < 8) return false;
  const width = (head[4]! << 4) | (head[5]! >> 4);
  const height = ((head[5]! & 0x0f) << 8) | head[6]!;
  const aspect = head[7]! >> 4;
  const frameRate = head[7]! & 0x0f;
  return width > 0 && height > 0 && aspect >= 1 && aspect <= 4 && frameRate >= 1 && frameRate <= 8;
}

/** ID3v2 tag: 'ID3', version 2 to 4, and a syncsafe size (each byte below 0x80). */
function isId3(head: Uint8Array, text: string): boolean {
  if (!text.startsWith('ID3') || head.length < 10) return false;
  const version = head[3]!;
  return version >= 2 && version <= 4 && head[4] !== 0xff && head.subarray(6, 10).every((byte) => byte < 0x80);
}

// Kbit/s of bitrate indexes 1 to 14 (0, "free", and 15, bad, are refused).
const BITRATES = [
  [32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448], // MPEG-1 layer I
  [32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384], // MPEG-1 layer II
  [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320], // MPEG-1 layer III
  [32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256], // MPEG-2 and 2.5 layer I
  [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160], // MPEG-2 and 2.5 layers II and III
];
const SAMPLE_RATES = [44100, 48000, 32000];

interface MpegAudioFrame {
  versionBits: number;
  layer: number;
  length: number;
}

/** An MPEG audio frame header at `offset`, or undefined when any field is reserved or invalid. */
function mpegAudioFrame(head: Uint8Array, offset: number): MpegAudioFrame | undefined {
  if (head.length < offset + 4) return undefined;
  const [b0, b1, b2, b3] = head.subarray(offset, offset + 4);
  if (b0 !== 0xff || (b1! & 0xe0) !== 0xe0) return undefined;
  const versionBits = (b1! >> 3) & 0x03; // 0: MPEG-2.5, 1: reserved, 2: MPEG-2, 3: MPEG-1
  const layer = 4 - ((b1! >> 1) & 0x03); // bits 00 are reserved (and are AAC's ADTS), 4 here
  const bitrateIndex = b2! >> 4;
  const rateIndex = (b2! >> 2) & 0x03;
  if (versionBits === 1 || layer === 4 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return undefined;
  if ((b3! & 0x03) === 2) return undefined; // reserved emphasis
  const mpeg1 = versionBits === 3;
  const bitrate = BITRATES[mpeg1 ? layer - 1 : layer === 1 ? 3 : 4]![bitrateIndex - 1]! * 1000;
  const sampleRate = SAMPLE_RATES[rateIndex]! / (mpeg1 ? 1 : versionBits === 2 ? 2 : 4);
  const padding = (b2! >> 1) & 0x01;
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

const SVG_ELEMENT = /<(?:[a-z_][\w.-]*:)?svg[\s/>]/;
// WHATWG MIME sniffing's HTML tags, each followed by white space or '>'.
const HTML_TAG = /^<(?:!doctype\s+html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p)[\s>]/;

/**
 * SVG, XML or HTML when the head starts (after a BOM, white space and comments) with markup.
 * An SVG's own DOCTYPE (`<!DOCTYPE svg ...>`) makes it image/svg+xml, like `<?xml` followed by `<svg`.
 * Markup is ASCII: the head is compared case-insensitively.
 */
function markupType(text: string): string | undefined {
  const rest = text
    .replace(/^\xef\xbb\xbf/, '')
    .toLowerCase()
    .replace(/^(?:[ \t\n\r\f]|<!--[\s\S]*?-->)*/, '');
  if (rest.startsWith('<!--')) return 'text/html'; // a comment longer than the head: HTML, as WHATWG says
  if (/^<svg([\s/>]|$)/.test(rest)) return 'image/svg+xml';
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
function isPlainText(head: Uint8Array, text: string): boolean {
  const length = withoutCutSequence(head);
  if (length === 0 || /[\0-\x08\x0b\x0e-\x1f]/.test(text.slice(0, length))) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, length));
    return true;
  } catch {
    return false;
  }
}
