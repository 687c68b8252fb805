/**
 * Real small files, built from real magic bytes and real structures, for the tests of the whole
 * project (browser and Node 20: only Uint8Array, TextEncoder and the global File).
 *
 * A builder given `size` returns exactly that many bytes, padded the way its format allows (a JPEG
 * COM segment, a PNG ancillary chunk, a GIF comment, an MP4 mdat payload, ...), so the file stays
 * valid. Each buffer is allocated once and filled. A size below a format's minimum, or one that the
 * format cannot pad to (a gap of a few bytes smaller than its smallest padding unit), throws a
 * RangeError that names the sizes possible.
 */

type Bytes = Uint8Array<ArrayBuffer>;

const encoder = new TextEncoder();

/** ASCII/Latin-1 text as bytes, one byte per character (unlike TextEncoder for code points > 0x7F). */
function latin1(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0) & 0xff);
}

function u16be(value: number): number[] {
  return [(value >> 8) & 0xff, value & 0xff];
}

function u32be(value: number): number[] {
  return [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
}

function u16le(value: number): number[] {
  return [value & 0xff, (value >> 8) & 0xff];
}

/** Writes parts into one buffer allocated once at its final size. */
class Writer {
  readonly bytes: Bytes;
  at = 0;

  constructor(size: number) {
    this.bytes = new Uint8Array(size);
  }

  put(part: ArrayLike<number>): this {
    this.bytes.set(part, this.at);
    this.at += part.length;
    return this;
  }

  fill(value: number, length: number): this {
    this.bytes.fill(value, this.at, this.at + length);
    this.at += length;
    return this;
  }

  done(name: string): Bytes {
    if (this.at !== this.bytes.length) throw new Error(`${name}: wrote ${this.at} of ${this.bytes.length} bytes`);
    return this.bytes;
  }
}

function wantedSize(name: string, size: number | undefined, minimum: number, impossible: (gap: number) => boolean = () => false): number {
  if (size === undefined) return minimum;
  if (!Number.isInteger(size) || size < minimum || impossible(size - minimum)) {
    throw new RangeError(`${name}(${size}): the size must be an integer of at least ${minimum} that the format can pad to`);
  }
  return size;
}

// ---------------------------------------------------------------- JPEG

/**
 * A 1x1 grey baseline JPEG: SOI, APP0 JFIF, [COM padding], DQT, SOF0, DHT (DC and AC, one code
 * each), SOS, one entropy-coded byte (DC category 0, then EOB), EOI. Browsers decode it.
 */
export function jpegBytes(size?: number): Bytes {
  const app0 = [0xff, 0xe0, ...u16be(16), ...latin1('JFIF\0'), 1, 1, 0, ...u16be(1), ...u16be(1), 0, 0];
  const dqt = [0xff, 0xdb, ...u16be(67), 0x00, ...new Array<number>(64).fill(1)];
  const sof0 = [0xff, 0xc0, ...u16be(11), 8, ...u16be(1), ...u16be(1), 1, 1, 0x11, 0];
  const oneCodeTable = (classAndId: number) => [0xff, 0xc4, ...u16be(20), classAndId, 1, ...new Array<number>(15).fill(0), 0x00];
  const sos = [0xff, 0xda, ...u16be(8), 1, 1, 0x00, 0, 63, 0];
  const tail = [...dqt, ...sof0, ...oneCodeTable(0x00), ...oneCodeTable(0x10), ...sos, 0b0011_1111, 0xff, 0xd9];
  const minimum = 2 + app0.length + tail.length;
  // A COM segment is 4 bytes at least (marker and length), 65,537 at most.
  const total = wantedSize('jpegBytes', size, minimum, (gap) => gap > 0 && gap < 4);
  const out = new Writer(total).put([0xff, 0xd8]).put(app0);
  for (let gap = total - minimum; gap > 0; ) {
    let segment = Math.min(gap, 65_537);
    if (gap - segment > 0 && gap - segment < 4) segment -= 4;
    out.put([0xff, 0xfe, ...u16be(segment - 2)]).fill(0x20, segment - 4);
    gap -= segment;
  }
  return out.put(tail).done('jpegBytes');
}

// ---------------------------------------------------------------- PNG

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array, start: number, end: number): number {
  let crc = 0xffffffff;
  for (let i = start; i < end; i++) crc = CRC_TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Writes a chunk (length, type, data, CRC over type and data); `data` may be a fill length. */
function pngChunk(out: Writer, type: string, data: ArrayLike<number> | number): void {
  const length = typeof data === 'number' ? data : data.length;
  out.put(u32be(length));
  const typeAt = out.at;
  out.put(latin1(type));
  if (typeof data === 'number') out.fill(0x20, data);
  else out.put(data);
  out.put(u32be(crc32(out.bytes, typeAt, out.at)));
}

/** A 1x1 red RGB PNG with valid CRCs, padded with a private ancillary chunk `paDd` (12 bytes at least). */
export function pngBytes(size?: number): Bytes {
  const ihdr = [...u32be(1), ...u32be(1), 8, 2, 0, 0, 0];
  const raw = [0, 0xff, 0x00, 0x00]; // filter byte "none", then one RGB pixel
  let a = 1;
  let b = 0;
  for (const byte of raw) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  const adler = b * 65536 + a;
  // zlib: header 78 01, one final stored deflate block (LEN, NLEN), Adler-32.
  const idat = [0x78, 0x01, 0x01, ...u16le(raw.length), ...u16le(~raw.length & 0xffff), ...raw, ...u32be(adler)];
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const minimum = signature.length + 12 + ihdr.length + 12 + idat.length + 12;
  const total = wantedSize('pngBytes', size, minimum, (gap) => gap > 0 && gap < 12);
  const out = new Writer(total).put(signature);
  pngChunk(out, 'IHDR', ihdr);
  if (total > minimum) pngChunk(out, 'paDd', total - minimum - 12);
  pngChunk(out, 'IDAT', idat);
  pngChunk(out, 'IEND', []);
  return out.done('pngBytes');
}

// ---------------------------------------------------------------- GIF

/** A 1x1 GIF89a (two-colour global table, one LZW-coded pixel), padded with a comment extension. */
export function gifBytes(size?: number): Bytes {
  const head = [...latin1('GIF89a'), ...u16le(1), ...u16le(1), 0x80, 0, 0, 0xff, 0xff, 0xff, 0, 0, 0];
  const image = [0x2c, ...u16le(0), ...u16le(0), ...u16le(1), ...u16le(1), 0, 2, 2, 0x44, 0x01, 0, 0x3b];
  const minimum = head.length + image.length;
  // A comment extension is 21 FE, sub-blocks of 2..256 bytes (length byte and data), and 00.
  const total = wantedSize('gifBytes', size, minimum, (gap) => gap > 0 && (gap < 3 || gap === 4));
  const out = new Writer(total).put(head);
  if (total > minimum) {
    out.put([0x21, 0xfe]);
    for (let blocks = total - minimum - 3; blocks > 0; ) {
      let block = Math.min(blocks, 256);
      if (blocks - block === 1) block = 255;
      out.put([block - 1]).fill(0x20, block - 1);
      blocks -= block;
    }
    out.put([0]);
  }
  return out.put(image).done('gifBytes');
}

// ---------------------------------------------------------------- ISO base media

function fourCC(brand: string): number[] {
  if (brand.length !== 4) throw new RangeError(`a brand has four characters: "${brand}"`);
  return latin1(brand);
}

/** ftyp, one 8-byte box of `boxType` ('free', 'wide'), then mdat whose payload takes the rest. */
function isoFile(name: string, size: number | undefined, major: string, minor: number, compatible: readonly string[], boxType: string): Bytes {
  const ftyp = [...u32be(16 + 4 * compatible.length), ...latin1('ftyp'), ...fourCC(major), ...u32be(minor), ...compatible.flatMap(fourCC)];
  const minimum = ftyp.length + 8 + 8;
  const total = size === undefined ? minimum + 16 : wantedSize(name, size, minimum);
  return new Writer(total)
    .put(ftyp)
    .put([...u32be(8), ...latin1(boxType)])
    .put([...u32be(total - ftyp.length - 8), ...latin1('mdat')])
    .fill(0, total - minimum)
    .done(name);
}

/**
 * ftyp (major `brand`, default 'isom'), free and mdat boxes. The compatible brands default to
 * isom, iso2, avc1, mp41 for 'isom', and to the brand alone otherwise (so that an unknown brand
 * stays unknown); pass `compatible` to choose them.
 */
export function mp4Bytes(size?: number, brand = 'isom', compatible?: readonly string[]): Bytes {
  const brands = compatible ?? (brand === 'isom' ? ['isom', 'iso2', 'avc1', 'mp41'] : [brand]);
  return isoFile('mp4Bytes', size, brand, brand === 'isom' ? 0x200 : 0, brands, 'free');
}

/** A QuickTime movie's head: ftyp 'qt  ' (minor 2005.03), wide and mdat atoms. */
export function quicktimeBytes(size?: number): Bytes {
  return isoFile('quicktimeBytes', size, 'qt  ', 0x20050300, ['qt  '], 'wide');
}

// ---------------------------------------------------------------- PDF

/** A one-page PDF 1.4 with a correct xref table, padded with a comment line after the header. */
export function pdfBytes(size?: number): Bytes {
  const header = latin1('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  const objects = [
    '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n',
    '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n',
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] >>\nendobj\n',
  ];
  const body = (padding: number): number[] => {
    let at = header.length + padding;
    let xref = 'xref\n0 4\n0000000000 65535 f \n';
    for (const object of objects) {
      xref += `${String(at).padStart(10, '0')} 00000 n \n`;
      at += object.length;
    }
    return latin1(`${objects.join('')}${xref}trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`);
  };
  const minimum = header.length + body(0).length;
  const total = wantedSize('pdfBytes', size, minimum);
  // The startxref number may take a digit more once padded: settle the padding in a pass or two.
  let padding = total - minimum;
  let tail = body(padding);
  while (header.length + padding + tail.length !== total) {
    padding = total - header.length - tail.length;
    tail = body(padding);
  }
  const out = new Writer(total).put(header);
  if (padding === 1) out.put([0x0a]);
  else if (padding > 1) out.put([0x25]).fill(0x78, padding - 2).put([0x0a]); // "%xxx…\n"
  return out.put(tail).done('pdfBytes');
}

// ---------------------------------------------------------------- MPEG audio and video

/** One MPEG-1 Layer III frame, 128 kbit/s, 44.1 kHz, no padding, silent: 417 bytes. */
export const MP3_FRAME_BYTES = 417;

/** An ID3v2.3 tag (TIT2 "Sample", then ID3 padding to reach `size`) followed by whole MP3 frames. */
export function mp3Bytes(size?: number): Bytes {
  const title = [0, ...latin1('Sample')];
  const tit2 = [...latin1('TIT2'), ...u32be(title.length), 0, 0, ...title];
  const tagStart = 10 + tit2.length;
  const total = size === undefined ? tagStart + 4 * MP3_FRAME_BYTES : wantedSize('mp3Bytes', size, tagStart + MP3_FRAME_BYTES);
  const frames = Math.floor((total - tagStart) / MP3_FRAME_BYTES);
  const tagSize = total - 10 - frames * MP3_FRAME_BYTES; // TIT2 and zero padding, as a syncsafe size
  const out = new Writer(total)
    .put([...latin1('ID3'), 3, 0, 0, (tagSize >> 21) & 0x7f, (tagSize >> 14) & 0x7f, (tagSize >> 7) & 0x7f, tagSize & 0x7f])
    .put(tit2)
    .fill(0, tagSize - tit2.length);
  for (let i = 0; i < frames; i++) out.put([0xff, 0xfb, 0x90, 0x00]).fill(0, MP3_FRAME_BYTES - 4);
  return out.done('mp3Bytes');
}

/**
 * An MPEG-2 program stream: pack header, a video PES with a 16x16 sequence header and sequence
 * end, padding PES packets (or pack stuffing bytes for gaps under 6), program end code.
 */
export function mpegVideoBytes(size?: number): Bytes {
  const sequence = [0x00, 0x00, 0x01, 0xb3, 0x01, 0x00, 0x10, 0x13, 0xff, 0xff, 0xe0, 0x18, 0x00, 0x00, 0x01, 0xb7];
  const pes = [0x00, 0x00, 0x01, 0xe0, ...u16be(3 + sequence.length), 0x80, 0x00, 0x00, ...sequence];
  const pack = [0x00, 0x00, 0x01, 0xba, 0x44, 0x00, 0x04, 0x00, 0x04, 0x01, 0x01, 0x89, 0xc3];
  const minimum = pack.length + 1 + pes.length + 4;
  const total = wantedSize('mpegVideoBytes', size, minimum);
  let gap = total - minimum;
  const stuffing = gap < 6 ? gap : 0;
  gap -= stuffing;
  const out = new Writer(total).put(pack).put([0xf8 | stuffing]).fill(0xff, stuffing).put(pes);
  while (gap > 0) {
    let packet = Math.min(gap, 6 + 0xffff);
    if (gap - packet > 0 && gap - packet < 6) packet -= 6;
    out.put([0x00, 0x00, 0x01, 0xbe, ...u16be(packet - 6)]).fill(0xff, packet - 6);
    gap -= packet;
  }
  return out.put([0x00, 0x00, 0x01, 0xb9]).done('mpegVideoBytes');
}

// ---------------------------------------------------------------- text, markup, executables

/** UTF-8 text. */
export function textBytes(text = 'Hello from an MMS test.\nSecond line, with ünïcödé.\n'): Bytes {
  return encoder.encode(text) as Bytes;
}

/** A small SVG (refused everywhere: it is markup, and may carry script). */
export function svgBytes(): Bytes {
  return textBytes(
    '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1" viewBox="0 0 1 1">' +
      '<rect width="1" height="1" fill="red"/><script>alert(1)</script></svg>\n',
  );
}

/** A Windows x64 PE: DOS header ('MZ', e_lfanew 0x80), DOS stub, 'PE\0\0', COFF and optional header. */
export function exeBytes(size?: number): Bytes {
  const dos = new Uint8Array(0x40);
  dos.set([...latin1('MZ'), ...u16le(0x90), ...u16le(3), 0, 0, ...u16le(4), 0, 0, ...u16le(0xffff), 0, 0, ...u16le(0xb8)]);
  dos.set(u16le(0x40), 0x18); // e_lfarlc
  dos.set(u16le(0x80), 0x3c); // e_lfanew: where 'PE\0\0' is
  const stub = [0x0e, 0x1f, 0xba, 0x0e, 0x00, 0xb4, 0x09, 0xcd, 0x21, 0xb8, 0x01, 0x4c, 0xcd, 0x21, ...latin1('This program cannot be run in DOS mode.\r\r\n$')];
  const coff = [...u16le(0x8664), ...u16le(0), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ...u16le(0xf0), ...u16le(0x0022)];
  const minimum = 0x80 + 4 + coff.length + 0xf0;
  const total = size === undefined ? 1024 : wantedSize('exeBytes', size, minimum);
  return new Writer(total)
    .put(dos)
    .put(stub)
    .fill(0, 0x80 - 0x40 - stub.length)
    .put([...latin1('PE'), 0, 0])
    .put(coff)
    .put(u16le(0x20b)) // PE32+ optional header; the rest of it, and of the file, is zeros
    .fill(0, total - minimum + 0xf0 - 2)
    .done('exeBytes');
}

// ---------------------------------------------------------------- File

/** The type a browser gives a picked file from its name alone (what tests of spoofing need). */
const TYPE_BY_EXTENSION: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  mpg: 'video/mpeg',
  mpeg: 'video/mpeg',
  mp3: 'audio/mpeg',
  pdf: 'application/pdf',
  txt: 'text/plain',
  svg: 'image/svg+xml',
  html: 'text/html',
  exe: 'application/x-msdownload',
};

/**
 * A File of `bytes`. Without `type`, the type is guessed from the name's extension as a browser
 * does (so `sampleFile(exeBytes(), 'cat.jpg')` declares image/jpeg); '' for an unknown extension.
 */
export function sampleFile(bytes: Uint8Array, name: string, type?: string, lastModified?: number): File {
  const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  const options: FilePropertyBag = { type: type ?? TYPE_BY_EXTENSION[extension] ?? '' };
  if (lastModified !== undefined) options.lastModified = lastModified;
  // File wants bytes over an ArrayBuffer; copy the rare view over a SharedArrayBuffer.
  const part = bytes.buffer instanceof ArrayBuffer ? (bytes as Bytes) : new Uint8Array(bytes);
  return new File([part], name, options);
}
