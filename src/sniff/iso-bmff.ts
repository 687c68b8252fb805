/**
 * ISO base media files (MP4, 3GPP, QuickTime, HEIF, AVIF) by their `ftyp` box, and classic
 * QuickTime movies, which have none, by their first atoms.
 */
import { SNIFF_BYTES, view } from './bytes.js';

/** The major brands we know, by the type they make a file. The major brand decides. */
const MAJOR_BRANDS: Readonly<Record<string, readonly string[]>> = {
  // prettier-ignore
  'video/mp4': [
    'isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'iso7', 'iso8', 'iso9',
    'mp41', 'mp42', 'mp71', 'avc1', 'M4V ', 'M4VH', 'M4VP', 'dash', 'MSNV', 'f4v ', 'f4p ', 'mmp4', 'XAVC',
  ],
  'audio/mp4': ['M4A ', 'M4B ', 'M4P ', 'f4a ', 'f4b '],
  // 3GPP TS 26.244: 3gp1–3gp3 are the releases before the ISO file format was referenced (H.263 and AMR).
  'video/3gpp': ['3gp1', '3gp2', '3gp3', '3gp4', '3gp5', '3gp6', '3gp7', '3gp8', '3gp9'],
  'video/3gpp2': ['3g2a', '3g2b', '3g2c'],
  'video/quicktime': ['qt  '],
  'image/heic': ['heic', 'heix'],
  'image/avif': ['avif', 'avis'],
};

const TYPE_OF_BRAND: ReadonlyMap<string, string> = new Map(
  Object.entries(MAJOR_BRANDS).flatMap(([type, brands]) => brands.map((brand) => [brand, type] as const)),
);

/**
 * The structural HEIF brands (ISO/IEC 23008-12): an image, but not which codec. The compatible
 * brands of the same family name it: HEVC ('heic', 'heix') or AV1 ('avif'); otherwise the file
 * is HEIF of another codec, image/heif. Brands of other families (a video brand) never decide.
 */
const HEIF_STRUCTURAL_BRANDS = ['mif1', 'mif2', 'msf1', 'miaf'];
const HEIF_CODEC_TYPES = ['image/heic', 'image/avif'];

/**
 * `ftyp` box: size(4) 'ftyp' major_brand(4) minor_version(4) compatible_brands(4 each).
 * A major brand we do not know (Canon's CR3 raw 'crx ', Audible's 'aax '…) makes the file
 * unknown, whatever generic brands ('isom') it also lists.
 */
export function ftypType(head: Uint8Array, text: string): string | undefined {
  const size = view(head).getUint32(0);
  // An ftyp box is small and whole: no 0 ("to end of file") or 1 (64-bit size), brands in fours.
  // It is allowed to run past a short head (a truncated read), but not past what we would ever read.
  if (size < 16 || size > SNIFF_BYTES || (size - 16) % 4 !== 0 || head.length < 16) return undefined;
  const major = text.slice(8, 12);
  if (!HEIF_STRUCTURAL_BRANDS.includes(major)) return TYPE_OF_BRAND.get(major);
  const compatible: string[] = [];
  for (let offset = 16; offset + 4 <= Math.min(size, head.length); offset += 4) compatible.push(text.slice(offset, offset + 4));
  const codecTypes = compatible.map((brand) => TYPE_OF_BRAND.get(brand) ?? '').filter((type) => HEIF_CODEC_TYPES.includes(type));
  return codecTypes[0] ?? 'image/heif';
}

/** The top-level atoms a classic QuickTime movie (no `ftyp`) may start with. */
const QUICKTIME_ATOMS = ['moov', 'mdat', 'wide', 'free', 'skip', 'pnot', 'PICT'];
/** What a movie atom starts with: its header, a compressed movie, or a reference movie. */
const MOVIE_FIRST_CHILDREN = ['mvhd', 'cmov', 'rmra'];
/**
 * A first atom this large (512 MB) would begin with a byte of 0x20 or more, as text does: no
 * movie sent as a message is that large, so such a head is not taken for a movie.
 */
const MAX_FIRST_ATOM_SIZE = 0x2000_0000;

/**
 * A QuickTime movie without an `ftyp` atom: its atoms, walked from the start, are QuickTime
 * top-level atoms up to a movie atom that starts with its header, or up to the media data.
 */
export function isClassicQuickTime(head: Uint8Array, text: string): boolean {
  const bytes = view(head);
  for (let at = 0; at + 8 <= head.length; ) {
    const size = bytes.getUint32(at);
    const type = text.slice(at + 4, at + 8);
    if (!QUICKTIME_ATOMS.includes(type) || (at === 0 && size >= MAX_FIRST_ATOM_SIZE)) return false;
    if (type === 'moov') return size >= 16 && MOVIE_FIRST_CHILDREN.includes(text.slice(at + 12, at + 16));
    // Media data may run to the end of the file (size 0) or have a 64-bit size (1).
    if (type === 'mdat') return size === 0 || size === 1 || size >= 8;
    if (size < 8) return false;
    at += size;
  }
  return false;
}
