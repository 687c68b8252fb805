// The sniffer and the sample builders in Node 20, as the server uses them.
import assert from 'node:assert/strict';
import { Blob as NodeBlob } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { sniffFile } from '../../src/server/sniff-file.js';
import { SNIFF_BYTES, sniffBlob, sniffBlobs, sniffBytes, sniffType } from '../../src/sniff.js';
import { FORMAT_TABLE, headOnlyType } from '../helpers/format-table.js';
import {
  exeBytes,
  gifBytes,
  jpegBytes,
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
const formatsDir = new URL('../fixtures/formats/', import.meta.url);

describe('sniff in Node', () => {
  it('recognises every sample, from a Uint8Array and from a Buffer', () => {
    const cases: [Uint8Array, string | undefined][] = [
      [jpegBytes(), 'image/jpeg'],
      [pngBytes(), 'image/png'],
      [gifBytes(), 'image/gif'],
      [pdfBytes(), 'application/pdf'],
      [mp4Bytes(), 'video/mp4'],
      [mp4Bytes(undefined, 'M4A '), 'audio/mp4'],
      [mp4Bytes(undefined, 'zzzz'), undefined],
      [quicktimeBytes(), 'video/quicktime'],
      [mp3Bytes(), 'audio/mpeg'],
      [mpegVideoBytes(), 'video/mpeg'],
      [textBytes(), 'text/plain'],
      [svgBytes(), 'image/svg+xml'],
      [exeBytes(), undefined],
    ];
    for (const [bytes, type] of cases) {
      assert.equal(sniffType(bytes), type);
      assert.equal(sniffType(Buffer.from(bytes)), type);
    }
  });

  it('judges a whole file passed in by its head alone', () => {
    // Text for 4096 bytes, then a NUL: the head is text, whatever follows it.
    const bytes = new Uint8Array(SNIFF_BYTES + 10).fill(0x61);
    bytes[SNIFF_BYTES + 5] = 0;
    assert.equal(sniffType(bytes), 'text/plain');
    assert.equal(sniffType(jpegBytes(2_097_152)), 'image/jpeg');
  });

  it('builds exact sizes: the 2 MB limit tests depend on it', () => {
    assert.equal(jpegBytes(2_097_152).length, 2_097_152);
    assert.equal(mp4Bytes(3 * MB + 1).length, 3 * MB + 1);
    assert.equal(pdfBytes(123_457).length, 123_457);
    assert.throws(() => pngBytes(pngBytes().length + 5), RangeError);
  });

  it('sniffs a Node Blob and a File, reading only the head', async () => {
    assert.equal(await sniffBlob(new NodeBlob([pngBytes()]) as unknown as Blob), 'image/png');
    assert.equal(await sniffBlob(new Blob([mp3Bytes(200_000)])), 'audio/mpeg');
    const file = sampleFile(exeBytes(4 * MB), 'photo.jpg');
    assert.equal(file.type, 'image/jpeg');
    const ends: (number | undefined)[] = [];
    const slice = file.slice.bind(file);
    file.slice = (start?: number, end?: number, type?: string) => {
      ends.push(end);
      return slice(start, end, type);
    };
    file.arrayBuffer = () => Promise.reject(new Error('the whole file was read'));
    assert.equal(await sniffBlob(file), undefined);
    assert.deepEqual(ends, [SNIFF_BYTES]);
  });

  it('sniffs files added together from one read of their heads, each as sniffBlob would', async () => {
    const bytes = (await Promise.all(FORMAT_TABLE.map((format) => readFile(new URL(format.file, formatsDir))))).map((file) => new Uint8Array(file));
    const blobs = [...bytes.map((file) => new Blob([file])), new Blob([]), new Blob([pngBytes().subarray(0, 20)]), new Blob([mp3Bytes(200_000)])];
    const alone = await Promise.all(blobs.map((blob) => sniffBlob(blob)));
    assert.deepEqual(await sniffBlobs(blobs), alone);
    assert.deepEqual(alone.slice(0, FORMAT_TABLE.length), FORMAT_TABLE.map((format) => format.type));
    assert.deepEqual(alone.slice(-3), [undefined, 'image/png', 'audio/mpeg']);
  });

  it('keeps a character cut at the head end from spoiling a text', async () => {
    const text = textBytes('a'.repeat(SNIFF_BYTES - 1) + '€ and more');
    assert.equal(await sniffBlob(sampleFile(text, 'notes.txt')), 'text/plain');
    assert.equal(sniffType(textBytes('<?xml version="1.0"?><svg/>')), 'image/svg+xml');
  });

  it('keeps forgiving a cut character only where the read stopped: a short file ending inside one is not text', () => {
    const text = textBytes(`${'a'.repeat(100)}€`);
    assert.equal(sniffType(text.subarray(0, 101)), undefined);
    const long = textBytes(`${'a'.repeat(SNIFF_BYTES - 1)}€`);
    assert.equal(sniffType(long), 'text/plain');
    assert.equal(sniffType(long.subarray(0, SNIFF_BYTES)), 'text/plain');
  });
});

describe('the sniffing table in Node: real files of each format, and crafted look-alikes', () => {
  for (const format of FORMAT_TABLE) {
    const { file, type } = format;
    it(`${file} is ${type ?? 'of no known type'}`, async () => {
      const bytes = new Uint8Array(await readFile(new URL(file, formatsDir)));
      assert.equal(sniffType(bytes.subarray(0, SNIFF_BYTES)), headOnlyType(format), 'head only');
      assert.equal(await sniffFile(new URL(file, formatsDir).pathname), type, 'sniffFile');
      assert.equal(await sniffFile(new URL(file, formatsDir).pathname, bytes.slice(0, SNIFF_BYTES)), type, 'sniffFile from a spooled head');
      assert.equal(await sniffBlob(new NodeBlob([bytes]) as unknown as Blob), type, 'sniffBlob');
    });
  }

  it('sniffs a spooled upload from the head kept while it was spooled, without opening the file', async () => {
    const bytes = new Uint8Array(await readFile(new URL('jpeg.jpg', formatsDir)));
    assert.equal(await sniffFile('/nonexistent/spool-file', bytes.slice(0, SNIFF_BYTES)), 'image/jpeg');
  });

  it('reads a second time only after an ID3 tag that the head does not hold with its frames', async () => {
    const reads: [number, number][] = [];
    const readerOf = (bytes: Uint8Array) => async (offset: number, length: number) => {
      reads.push([offset, length]);
      return bytes.subarray(offset, offset + length);
    };
    const longTag = new Uint8Array(await readFile(new URL('mp3-long-tag.mp3', formatsDir)));
    assert.equal(await sniffBytes(readerOf(longTag)), 'audio/mpeg');
    const tagEnd = 10 + ((longTag[6]! << 21) | (longTag[7]! << 14) | (longTag[8]! << 7) | longTag[9]!);
    assert.ok(tagEnd > SNIFF_BYTES);
    assert.deepEqual(reads, [[0, SNIFF_BYTES], [tagEnd, SNIFF_BYTES]]);
    reads.length = 0;
    assert.equal(await sniffBytes(readerOf(jpegBytes(3 * MB))), 'image/jpeg');
    assert.deepEqual(reads, [[0, SNIFF_BYTES]]);
    // A long tag followed by anything but audio frames stays unknown.
    const tagThenText = longTag.slice();
    tagThenText.fill(0x61, tagEnd);
    assert.equal(await sniffBytes(readerOf(tagThenText)), undefined);
  });
});
