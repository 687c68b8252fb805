import { expect } from '@open-wc/testing';
import { SNIFF_BYTES, sniffBlob, sniffType } from '../../src/sniff.js';
import { bytes } from '../helpers/bytes.js';
import {
  exeBytes,
  gifBytes,
  jpegBytes,
  MP3_FRAME_BYTES,
  mp3Bytes,
  mp4Bytes,
  mpegVideoBytes,
  pdfBytes,
  pngBytes,
  quicktimeBytes,
  sampleFile,
  svgBytes,
  textBytes,
} from '../helpers/sample-files.js';

const MB = 1024 * 1024;
/** An ftyp box of `major` and `compatible` brands, then an mdat box. */
const ftyp = (major: string, compatible: string[], sizeOverride?: number) => {
  const size = sizeOverride ?? 16 + 4 * compatible.length;
  return bytes([size >>> 24, (size >> 16) & 0xff, (size >> 8) & 0xff, size & 0xff], 'ftyp', major, [0, 0, 0, 0], compatible.join(''), [0, 0, 0, 8], 'mdat');
};

describe('sniff', () => {
  describe('images, PDF and the sample builders', () => {
    it('recognises every sample by its bytes', () => {
      expect(SNIFF_BYTES).to.equal(4096);
      expect(sniffType(jpegBytes())).to.equal('image/jpeg');
      expect(sniffType(pngBytes())).to.equal('image/png');
      expect(sniffType(gifBytes())).to.equal('image/gif');
      expect(sniffType(bytes('GIF87a', [1, 0, 1, 0]))).to.equal('image/gif');
      expect(sniffType(pdfBytes())).to.equal('application/pdf');
      expect(sniffType(mp4Bytes())).to.equal('video/mp4');
      expect(sniffType(quicktimeBytes())).to.equal('video/quicktime');
      expect(sniffType(mp3Bytes())).to.equal('audio/mpeg');
      expect(sniffType(mpegVideoBytes())).to.equal('video/mpeg');
      expect(sniffType(textBytes())).to.equal('text/plain');
      expect(sniffType(svgBytes())).to.equal('image/svg+xml');
      expect(sniffType(exeBytes())).to.equal(undefined);
    });

    it('builds files of exactly the size asked, 2 MB included', () => {
      expect(jpegBytes(2_097_152).length).to.equal(2_097_152);
      expect(jpegBytes(2_097_153).length).to.equal(2_097_153);
      for (const build of [jpegBytes, pngBytes, gifBytes, mp4Bytes, quicktimeBytes, pdfBytes, mp3Bytes, mpegVideoBytes, exeBytes]) {
        expect(build(70_001).length, build.name).to.equal(70_001);
      }
      expect(() => jpegBytes(10)).to.throw(RangeError);
    });

    it('builds images that Chromium really decodes, padded or not', async () => {
      const canvas = new OffscreenCanvas(1, 1);
      const context = canvas.getContext('2d', { willReadFrequently: true })!;
      const samples: [Uint8Array, number[]][] = [
        [jpegBytes(), [128, 128, 128]], // DC 0 after the level shift: mid grey
        [jpegBytes(2_097_152), [128, 128, 128]],
        [pngBytes(), [255, 0, 0]],
        [pngBytes(100_000), [255, 0, 0]],
        [gifBytes(), [255, 255, 255]], // colour 0 of the global table
        [gifBytes(5_000), [255, 255, 255]],
      ];
      for (const [image, rgb] of samples) {
        const bitmap = await createImageBitmap(new Blob([image as Uint8Array<ArrayBuffer>]));
        expect([bitmap.width, bitmap.height]).to.deep.equal([1, 1]);
        context.clearRect(0, 0, 1, 1);
        context.drawImage(bitmap, 0, 0);
        bitmap.close();
        const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
        expect(a).to.equal(255);
        [r, g, b].forEach((value, i) => expect(Math.abs(value! - rgb[i]!)).to.be.at.most(2));
      }
    });

    it('does not take a truncated signature for the type', () => {
      expect(sniffType(bytes([0xff, 0xd8]))).to.equal(undefined);
      expect(sniffType(pngBytes().subarray(0, 7))).to.equal(undefined);
      expect(sniffType(bytes('GIF88a'))).to.equal('text/plain');
    });

    it('reads PDF only at offset 0, or right after a UTF-8 BOM', () => {
      expect(sniffType(bytes([0xef, 0xbb, 0xbf], pdfBytes()))).to.equal('application/pdf');
      expect(sniffType(bytes('  ', pdfBytes()))).to.not.equal('application/pdf');
      expect(sniffType(bytes([0, 0, 0, 0], pdfBytes()))).to.equal(undefined);
      expect(sniffType(bytes('%PDF'))).to.equal('text/plain');
    });

    it('goes by the bytes, never the name: a PNG named .jpg is a PNG', async () => {
      const file = sampleFile(pngBytes(), 'holiday.jpg');
      expect(file.type).to.equal('image/jpeg');
      expect(await sniffBlob(file)).to.equal('image/png');
    });

    it('never calls an .exe renamed .jpg an image (nor text)', async () => {
      const file = sampleFile(exeBytes(300_000), 'cat.jpg');
      expect(file.type).to.equal('image/jpeg');
      expect(await sniffBlob(file)).to.equal(undefined);
      expect(await sniffBlob(sampleFile(exeBytes(), 'cat.jpg', 'image/jpeg'))).to.equal(undefined);
    });

    it('refuses other executables and archives', () => {
      expect(sniffType(bytes([0x7f], 'ELF', [2, 1, 1, 0, 0, 0, 0, 0]))).to.equal(undefined);
      expect(sniffType(bytes([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]))).to.equal(undefined);
      expect(sniffType(bytes('PK', [3, 4, 20, 0, 0, 0]))).to.equal(undefined);
      expect(sniffType(bytes([0x1f, 0x8b, 8, 0]))).to.equal(undefined);
      expect(sniffType(bytes('MZ', [0x90, 0, 3, 0]))).to.equal(undefined);
      // "MZ" at the start of a real text is still text: no DOS header behind it.
      expect(sniffType(bytes('MZ is a postcode area. '.repeat(4)))).to.equal('text/plain');
    });
  });

  describe('ISO base media (ftyp)', () => {
    it('decides by the major brand', () => {
      expect(sniffType(ftyp('qt  ', ['qt  ']))).to.equal('video/quicktime');
      for (const brand of ['isom', 'iso2', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'M4VH', 'M4VP', 'dash', 'MSNV', 'f4v ']) {
        expect(sniffType(ftyp(brand, [brand])), brand).to.equal('video/mp4');
      }
      expect(sniffType(ftyp('M4A ', ['M4A ', 'mp42', 'isom']))).to.equal('audio/mp4');
      expect(sniffType(ftyp('M4B ', ['M4B ', 'mp42', 'isom']))).to.equal('audio/mp4');
      for (const brand of ['3gp4', '3gp5', '3gp6']) expect(sniffType(ftyp(brand, [brand, 'isom']))).to.equal('video/3gpp');
      expect(sniffType(ftyp('3g2a', ['3g2a', '3gp5']))).to.equal('video/3gpp2');
      expect(sniffType(ftyp('heic', ['mif1', 'heic']))).to.equal('image/heic');
      expect(sniffType(ftyp('heix', ['mif1', 'heix']))).to.equal('image/heic');
      expect(sniffType(ftyp('avif', ['avif', 'mif1', 'miaf']))).to.equal('image/avif');
      expect(sniffType(mp4Bytes(undefined, 'mp42'))).to.equal('video/mp4');
    });

    it('lets compatible brands decide only within HEIF, whose structural major brands do not name the codec', () => {
      expect(sniffType(ftyp('mif1', ['mif1', 'heic']))).to.equal('image/heic');
      expect(sniffType(ftyp('mif1', ['mif1', 'miaf', 'avif']))).to.equal('image/avif');
      expect(sniffType(ftyp('miaf', ['miaf', 'heix']))).to.equal('image/heic');
      // HEIF of another codec (JPEG, uncompressed…), and video brands that are no HEIF codec.
      expect(sniffType(ftyp('mif1', ['mif1', 'miaf']))).to.equal('image/heif');
      expect(sniffType(ftyp('mif1', ['mif1', 'miaf', 'isom', '3gp6']))).to.equal('image/heif');
    });

    it('never lets compatible brands name a file whose major brand is unknown: CR3 is no MP4', () => {
      expect(sniffType(ftyp('crx ', ['crx ', 'isom']))).to.equal(undefined); // Canon CR3 raw photo
      expect(sniffType(ftyp('aax ', ['aax ', 'M4B ', 'mp42']))).to.equal(undefined);
      expect(sniffType(mp4Bytes(undefined, 'XYZ1', ['XYZ1', 'isom', 'mp42']))).to.equal(undefined);
      expect(sniffType(mp4Bytes(undefined, 'zzzz', ['zzzz', 'qt  ']))).to.equal(undefined);
    });

    it('names audio books and early 3GPP by their major brand', () => {
      expect(sniffType(ftyp('M4B ', ['M4B ', '3gp6', 'isom']))).to.equal('audio/mp4');
      for (const brand of ['3gp1', '3gp2', '3gp3']) expect(sniffType(ftyp(brand, [brand]))).to.equal('video/3gpp');
    });

    it('recognises QuickTime movies without an ftyp atom by their first atoms', () => {
      const atom = (type: string, size: number, ...rest: (string | ArrayLike<number>)[]) =>
        bytes([size >>> 24, (size >> 16) & 0xff, (size >> 8) & 0xff, size & 0xff], type, ...rest);
      expect(sniffType(atom('moov', 200, atom('mvhd', 108)))).to.equal('video/quicktime');
      expect(sniffType(bytes(atom('wide', 8), atom('mdat', 5000)))).to.equal('video/quicktime');
      expect(sniffType(bytes(atom('free', 16, [0, 0, 0, 0, 0, 0, 0, 0]), atom('mdat', 0)))).to.equal('video/quicktime');
      expect(sniffType(bytes(atom('skip', 12, [1, 2, 3, 4]), atom('moov', 100, atom('cmov', 80))))).to.equal('video/quicktime');
      expect(sniffType(atom('moov', 200, atom('trak', 108)))).to.equal(undefined); // no movie header first
      expect(sniffType(bytes(atom('wide', 8), atom('abcd', 50)))).to.equal(undefined);
      expect(sniffType(bytes('Get free stuff here'))).to.equal('text/plain'); // "free" where an atom type would be
      expect(sniffType(bytes('Web mdat is a text'))).to.equal('text/plain');
    });

    it('returns undefined for an ftyp of an unknown brand with no known compatible brand', () => {
      expect(sniffType(mp4Bytes(undefined, 'zzzz'))).to.equal(undefined);
      expect(sniffType(mp4Bytes(4000, 'crx '))).to.equal(undefined);
      expect(sniffType(ftyp('abcd', ['abcd', 'efgh']))).to.equal(undefined);
    });

    it('checks that the ftyp box size is sane', () => {
      expect(sniffType(ftyp('isom', ['isom'], 8))).to.equal(undefined); // no room for the brands
      expect(sniffType(ftyp('isom', ['isom'], 0))).to.equal(undefined); // "to end of file"
      expect(sniffType(ftyp('isom', ['isom'], 1))).to.equal(undefined); // 64-bit size
      expect(sniffType(ftyp('isom', ['isom'], 18))).to.equal(undefined); // not whole brands
      expect(sniffType(ftyp('isom', ['isom'], 0x7fff_fff0))).to.equal(undefined);
      expect(sniffType(ftyp('isom', []))).to.equal('video/mp4'); // no compatible brands is fine
    });
  });

  describe('MPEG video and audio', () => {
    it('recognises a program stream and a bare sequence header', () => {
      expect(sniffType(mpegVideoBytes(200_000))).to.equal('video/mpeg');
      // MPEG-1 pack header ('0010' then a marker bit)
      expect(sniffType(bytes([0, 0, 1, 0xba, 0x21, 0, 1, 0, 1, 0x80, 0x1b, 0x91]))).to.equal('video/mpeg');
      // 352x288, 4:3, 25 fps
      expect(sniffType(bytes([0, 0, 1, 0xb3, 0x16, 0x01, 0x20, 0x23, 0xff, 0xff, 0xe0, 0x18]))).to.equal('video/mpeg');
      expect(sniffType(bytes([0, 0, 1, 0xb3, 0, 0, 0, 0x23]))).to.equal(undefined); // 0x0 picture
      expect(sniffType(bytes([0, 0, 1, 0xba, 0xff, 0xff]))).to.equal(undefined); // no marker bits
    });

    it('recognises MP3 by its ID3 tag or by two frame headers in a row', () => {
      const mp3 = mp3Bytes(50_000);
      expect(sniffType(mp3)).to.equal('audio/mpeg');
      const tagEnd = 10 + ((mp3[6]! << 21) | (mp3[7]! << 14) | (mp3[8]! << 7) | mp3[9]!);
      const frames = mp3.subarray(tagEnd);
      expect([frames[0], frames[1]]).to.deep.equal([0xff, 0xfb]);
      expect(sniffType(frames)).to.equal('audio/mpeg');
      expect(sniffType(frames.subarray(0, MP3_FRAME_BYTES))).to.equal(undefined); // one frame is not enough
      expect(sniffType(frames.subarray(0, MP3_FRAME_BYTES + 4))).to.equal('audio/mpeg');
      expect(sniffType(frames.subarray(0, 4))).to.equal(undefined); // a lone header is not enough
      const broken = frames.slice(0, 2 * MP3_FRAME_BYTES);
      broken[MP3_FRAME_BYTES] = 0x00; // no second frame where the first one ends
      expect(sniffType(broken)).to.equal(undefined);
      expect(sniffType(bytes('ID3 tags are metadata.'))).to.equal('text/plain'); // no ID3 version byte
    });

    it('takes an ID3 tag for MP3 only when audio frames follow it', () => {
      const tag = (size: number) => bytes('ID3', [3, 0, 0, 0, 0, (size >> 7) & 0x7f, size & 0x7f], new Uint8Array(size));
      const frames = mp3Bytes(50_000).subarray(mp3Bytes(50_000).length - 3 * MP3_FRAME_BYTES);
      expect(sniffType(bytes(tag(20), frames))).to.equal('audio/mpeg');
      expect(sniffType(tag(20))).to.equal(undefined); // a tag alone
      expect(sniffType(bytes(tag(20), exeBytes()))).to.equal(undefined); // a tag, then a program
      expect(sniffType(bytes(tag(20), frames.subarray(0, MP3_FRAME_BYTES)))).to.equal(undefined); // one frame
      expect(sniffType(bytes(tag(20), 'just text after the tag'))).to.equal(undefined);
      // A v2.4 tag with a footer: the frames start 10 bytes after the tag's body.
      const withFooter = bytes('ID3', [4, 0, 0x10, 0, 0, 0, 20], new Uint8Array(20), '3DI', [4, 0, 0x10, 0, 0, 0, 20], frames);
      expect(sniffType(withFooter)).to.equal('audio/mpeg');
    });

    it('does not take UTF-16 text of exactly one layer I frame for MP3', () => {
      // "FF FE" then "h": an MPEG-1 layer I header of a 288-byte frame.
      const text = bytes([0xff, 0xfe], ...Array.from({ length: 143 }, () => [0x68, 0x00]));
      expect(text.length).to.equal(288);
      expect(sniffType(text)).to.equal(undefined);
    });

    it('names AAC in ADTS frames, AMR, WAV, WebP and BMP', () => {
      // Two ADTS frames of 12 bytes: MPEG-4 AAC LC, 8 kHz (index 11), mono, no CRC.
      const adts = [0xff, 0xf1, 0x6c, 0x40, 0x01, 0x9f, 0xfc, 0, 0, 0, 0, 0];
      expect(sniffType(bytes(adts, adts))).to.equal('audio/aac');
      expect(sniffType(bytes(adts))).to.equal(undefined);
      expect(sniffType(bytes('#!AMR\n', [0x3c], new Uint8Array(31)))).to.equal('audio/amr');
      expect(sniffType(bytes('#!AMR-WB\n', [0x44], new Uint8Array(60)))).to.equal('audio/amr-wb');
      expect(sniffType(bytes('#!AMR\n', [0x80]))).to.equal(undefined); // not a frame header
      const riff = (form: string, chunk: string, size: number) => bytes('RIFF', [100, 0, 0, 0], form, chunk, [size, 0, 0, 0], new Uint8Array(size));
      expect(sniffType(riff('WAVE', 'fmt ', 16))).to.equal('audio/wav');
      expect(sniffType(bytes(riff('WAVE', 'JUNK', 4), 'fmt ', [16, 0, 0, 0], new Uint8Array(16)))).to.equal('audio/wav');
      expect(sniffType(riff('WAVE', 'data', 16))).to.equal(undefined);
      expect(sniffType(riff('WEBP', 'VP8L', 16))).to.equal('image/webp');
      expect(sniffType(riff('WEBP', 'ABCD', 16))).to.equal(undefined);
      expect(sniffType(riff('AVI ', 'LIST', 16))).to.equal(undefined);
      const bmp = (infoSize: number, planes: number) =>
        bytes('BM', [70, 0, 0, 0, 0, 0, 0, 0, 14 + infoSize, 0, 0, 0, infoSize, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, planes, 0, 24, 0], new Uint8Array(40));
      expect(sniffType(bmp(40, 1))).to.equal('image/bmp');
      expect(sniffType(bmp(41, 1))).to.equal(undefined);
      expect(sniffType(bmp(40, 2))).to.equal(undefined);
      expect(sniffType(bytes('BMW drivers and their cars'))).to.equal('text/plain');
    });

    it('names MPEG-1 video whatever frame rate code FFmpeg plays (1–13)', () => {
      const sequence = (code: number) => bytes([0, 0, 1, 0xb3, 0x01, 0x00, 0x10, 0x10 | code, 0xff, 0xff, 0xe0, 0x18]);
      for (const code of [1, 8, 9, 13]) expect(sniffType(sequence(code)), String(code)).to.equal('video/mpeg');
      for (const code of [0, 14, 15]) expect(sniffType(sequence(code)), String(code)).to.equal(undefined);
    });

    it('refuses frame-sync look-alikes: JPEG, 0xFF runs, reserved fields, ADTS', () => {
      expect(sniffType(bytes([0xff, 0xd8, 0xff, 0xe0]))).to.equal('image/jpeg');
      expect(sniffType(bytes([0xff, 0xd8, 0xff, 0xdb]))).to.equal('image/jpeg'); // tables first
      expect(sniffType(bytes([0xff, 0xd8, 0xff, 0xf7, 0x00, 0x0b]))).to.equal(undefined); // JPEG-LS (SOF55)
      expect(sniffType(bytes([0xff, 0xd8, 0xff, 0xf8, 0x00, 0x0b]))).to.equal(undefined); // JPEG-LS (LSE)
      expect(sniffType(new Uint8Array(5000).fill(0xff))).to.equal(undefined);
      expect(sniffType(bytes([0xff, 0xfb, 0xf0, 0x00]))).to.equal(undefined); // bitrate index 15
      expect(sniffType(bytes([0xff, 0xfb, 0x0c, 0x00]))).to.equal(undefined); // free bitrate, rate 3
      expect(sniffType(bytes([0xff, 0xeb, 0x90, 0x00]))).to.equal(undefined); // version 01: reserved
      expect(sniffType(bytes([0xff, 0xf1, 0x50, 0x80]))).to.equal(undefined); // AAC ADTS (layer 00)
      expect(sniffType(bytes([0xff, 0xfb, 0x90, 0x02]))).to.equal(undefined); // reserved emphasis
    });
  });

  describe('sniffBlob', () => {
    it('reads only the first SNIFF_BYTES of a large file', async () => {
      const file = sampleFile(jpegBytes(3 * MB), 'big.jpg');
      const slices: [number | undefined, number | undefined][] = [];
      const slice = file.slice.bind(file);
      file.slice = (start?: number, end?: number, type?: string) => {
        slices.push([start, end]);
        return slice(start, end, type);
      };
      const whole = () => {
        throw new Error('the whole file was read');
      };
      Object.assign(file, { arrayBuffer: whole, text: whole, stream: whole, bytes: whole });
      expect(await sniffBlob(file)).to.equal('image/jpeg');
      expect(slices).to.deep.equal([[0, SNIFF_BYTES]]);
      expect(slices.every(([start, end]) => start === 0 && end !== undefined && end <= SNIFF_BYTES)).to.equal(true);
    });

    it('reads a Blob subclass only through slice(0, SNIFF_BYTES)', async () => {
      const ends: (number | undefined)[] = [];
      class CountingBlob extends Blob {
        override slice(start?: number, end?: number, type?: string): Blob {
          ends.push(end);
          return super.slice(start, end, type);
        }
      }
      const blob = new CountingBlob([mp4Bytes(5 * MB)]);
      expect(await sniffBlob(blob)).to.equal('video/mp4');
      expect(ends).to.deep.equal([SNIFF_BYTES]);
    });

    it('sniffs a file shorter than SNIFF_BYTES, and an empty one', async () => {
      expect(await sniffBlob(sampleFile(gifBytes(), 'a.gif'))).to.equal('image/gif');
      expect(await sniffBlob(sampleFile(new Uint8Array(0), 'empty.txt'))).to.equal(undefined);
    });
  });
});
