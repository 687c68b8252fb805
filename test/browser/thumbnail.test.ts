// Thumbnails (src/thumbnail.ts) in Chromium: a JPEG is decoded at a fraction of its size by
// WebCodecs' ImageDecoder, upright; without ImageDecoder, createImageBitmap gives the same picture.
import { expect } from '@open-wc/testing';
import { sniffBlobs } from '../../src/sniff.js';
import { thumbnailOf } from '../../src/thumbnail.js';
import { decodePixels, isRed, photoFile, recordingFile } from '../helpers/photos.js';

const isBlue = ([r, g, b]: number[]) => r! < 60 && g! < 60 && b! > 200;

/** An APP1 segment with one EXIF tag: Orientation (0x0112) = `orientation`, big-endian TIFF. */
function exifOrientation(orientation: number): Uint8Array<ArrayBuffer> {
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const payload = [...new TextEncoder().encode('Exif\0\0'), ...tiff];
  const length = payload.length + 2;
  return new Uint8Array([0xff, 0xe1, length >> 8, length & 0xff, ...payload]);
}

/** A 320×240 JPEG, red above and blue below, stored that way and tagged Orientation 6 (turn 90° clockwise to show). */
async function turnedJpeg(): Promise<File> {
  const canvas = new OffscreenCanvas(320, 240);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#f00';
  context.fillRect(0, 0, 320, 120);
  context.fillStyle = '#00f';
  context.fillRect(0, 120, 320, 120);
  const stored = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 })).arrayBuffer());
  // After SOI: the EXIF segment, then the rest of the file as the browser wrote it.
  return new File([stored.subarray(0, 2), exifOrientation(6), stored.subarray(2)], 'turned.jpg', { type: 'image/jpeg' });
}

/** Records what each ImageDecoder was asked to decode, while `work` runs. */
async function recordingDecoders<T>(work: () => Promise<T>): Promise<{ result: T; sizes: string[] }> {
  const Original = globalThis.ImageDecoder;
  const sizes: string[] = [];
  globalThis.ImageDecoder = class extends Original {
    constructor(init: ImageDecoderInit) {
      super(init);
      sizes.push(`${init.desiredWidth}×${init.desiredHeight}`);
    }
  };
  try {
    return { result: await work(), sizes };
  } finally {
    globalThis.ImageDecoder = Original;
  }
}

async function withoutImageDecoder<T>(work: () => Promise<T>): Promise<T> {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'ImageDecoder')!;
  delete (globalThis as { ImageDecoder?: unknown }).ImageDecoder;
  try {
    return await work();
  } finally {
    Object.defineProperty(globalThis, 'ImageDecoder', descriptor);
  }
}

describe('thumbnailOf', function () {
  this.timeout(60_000);

  it('decodes a phone photo at an eighth of its size, never whole, into a 96×96 JPEG', async () => {
    const photo = await photoFile('phone-01.jpg');
    const { result, sizes } = await recordingDecoders(() => thumbnailOf(photo, 'image/jpeg'));
    expect(sizes).to.deep.equal(['504×378']); // 4032×3024 ÷ 8: its short side still covers 192 px
    expect(result!.type).to.equal('image/jpeg');
    const pixels = await decodePixels(result!);
    expect([pixels.width, pixels.height]).to.deep.equal([96, 96]);
    expect(result!.size).to.be.below(10 * 1024);
  });

  it('turns a photo upright by its EXIF orientation, with ImageDecoder and without', async () => {
    const file = await turnedJpeg();
    const { result, sizes } = await recordingDecoders(() => thumbnailOf(file, 'image/jpeg'));
    expect(sizes).to.deep.equal(['280×210']); // 7/8: the smallest eighth whose short side covers 192 px
    for (const thumbnail of [result!, (await withoutImageDecoder(() => thumbnailOf(file, 'image/jpeg')))!]) {
      const pixels = await decodePixels(thumbnail);
      // Turned clockwise, the red top is on the right, the blue bottom on the left.
      expect(isBlue(pixels.at(10, 48)), `left ${pixels.at(10, 48)}`).to.equal(true);
      expect(isRed(pixels.at(86, 48)), `right ${pixels.at(86, 48)}`).to.equal(true);
    }
  });

  it('gives PNG thumbnails for PNG, and nothing for a file that does not decode', async () => {
    const canvas = new OffscreenCanvas(300, 200);
    canvas.getContext('2d')!.fillRect(0, 0, 300, 200);
    const png = new File([await canvas.convertToBlob({ type: 'image/png' })], 'a.png', { type: 'image/png' });
    expect((await thumbnailOf(png, 'image/png'))!.type).to.equal('image/png');
    const truncated = new File([(await photoFile('phone-01.jpg')).slice(0, 4096)], 'cut.jpg', { type: 'image/jpeg' });
    expect(await thumbnailOf(truncated, 'image/jpeg')).to.equal(undefined);
  });

  it('walks the header from the head read when the file was sniffed, not reading it again', async () => {
    // A JPEG's start and an APP0 of length 0: no frame header can follow, which its head shows.
    const bytes = new Uint8Array(2 * 1024 * 1024);
    bytes.set([0xff, 0xd8, 0xff, 0xe0]);
    const broken = recordingFile(bytes, 'broken.jpg', 'image/jpeg');
    expect(await sniffBlobs([broken.file])).to.deep.equal(['image/jpeg']);
    const readsBySniffing = broken.reads.slices.length;
    expect(await thumbnailOf(broken.file, 'image/jpeg')).to.equal(undefined);
    expect([broken.reads.slices.length - readsBySniffing, broken.reads.wholeReads]).to.deep.equal([0, 0]);

    // A phone photo: its EXIF segment reaches past the head, so the walk reads on from there only.
    const photo = recordingFile(new Uint8Array(await (await photoFile('phone-01.jpg')).arrayBuffer()), 'photo.jpg', 'image/jpeg');
    await sniffBlobs([photo.file]);
    const sniffed = photo.reads.slices.length;
    expect((await thumbnailOf(photo.file, 'image/jpeg'))!.type).to.equal('image/jpeg');
    expect(photo.reads.slices.slice(sniffed).every(([start]) => start >= 4096)).to.equal(true);
  });
});
