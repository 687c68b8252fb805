// Photos fitted to the message through the element (issue 8), on real photos made by Debian's
// tools: what the server receives (its bytes, read back from the mock), the events, the list.
import { expect } from '@open-wc/testing';
import type { FileFittedDetail, FileRejectedDetail } from '../../src/events.js';
import { collect, recordedRequests, resetMocks, shadow, untilComplete, uploader, type RecordedRequest } from '../helpers/element.js';
import { decodePixels, exifOf, photoFile, sha256 } from '../helpers/photos.js';

const MB = 1024 * 1024;
const PHONES = Array.from({ length: 10 }, (_, i) => `phone-${String(i + 1).padStart(2, '0')}.jpg`);

/** The parts the mock received, with their bytes read back. */
async function received(): Promise<{ part: RecordedRequest['files'][number]; bytes: Blob }[]> {
  const parts = (await recordedRequests()).flatMap((request) => request.files ?? []);
  return Promise.all(parts.map(async (part) => ({ part, bytes: await (await fetch(`/mock/file/${part.index}`)).blob() })));
}

describe('<mms-media-upload>: photos fitted to the message', function () {
  this.timeout(240_000);
  const photos = new Map<string, File>();
  const photo = (name: string) => photos.get(name)!;

  before(async () => {
    for (const name of ['phone-gps.jpg', 'small-gps.jpg', 'screenshot.png', 'logo-transparent.png', 'animated.gif', 'photo.heic', ...PHONES]) {
      photos.set(name, await photoFile(name));
    }
  });
  beforeEach(resetMocks);

  it('uploads a 4032×3024 phone photo with Orientation 6 and GPS as a JPEG within 2 MB, upright, without EXIF', async () => {
    const element = await uploader('endpoint="/mock/upload/acrobits-json"');
    const fitted = collect<CustomEvent<FileFittedDetail>>(element, 'file-fitted');
    const original = photo('phone-gps.jpg');
    expect(original.size).to.be.above(4 * MB);
    const detail = await untilComplete(element, () => element.addFiles([original]));
    expect(detail.failed).to.equal(0);

    const [{ part, bytes }] = await received();
    expect(part).to.deep.include({ type: 'image/jpeg', filename: 'phone-gps.jpg' });
    expect(part.size).to.be.at.most(2_097_152);
    expect(await exifOf(bytes)).to.deep.equal({ exif: false, gps: false });
    const pixels = await decodePixels(bytes);
    expect(pixels.width).to.be.below(pixels.height, 'portrait, as the phone held it');
    expect(Math.max(pixels.width, pixels.height)).to.be.at.most(2048);

    expect(fitted).to.have.length(1);
    expect(fitted[0].detail).to.deep.include({ originalSize: original.size, size: part.size, width: pixels.width, height: pixels.height });
    expect(element.files[0]).to.deep.include({ originalSize: original.size, fitted: true, size: part.size, status: 'uploaded' });
    await element.updateComplete;
    expect(shadow(element).querySelector('[part=file-size]')!.textContent).to.match(/^resized from 5\.\d\d MB to [\d.]+ (MB|KB)$/);
  });

  it('turns a 3 MB PNG screenshot into a JPEG within the budget, and keeps a transparent PNG that fits as it is', async () => {
    const element = await uploader('endpoint="/mock/upload/acrobits-json"');
    const screenshot = photo('screenshot.png');
    expect(screenshot.size).to.be.above(2 * MB);
    await untilComplete(element, () => element.addFiles([screenshot, photo('logo-transparent.png')]));
    const parts = await received();
    const jpeg = parts.find(({ part }) => part.filename === 'screenshot.jpg')!;
    expect(jpeg.part.type).to.equal('image/jpeg');
    expect(jpeg.part.size).to.be.at.most(2_097_152);
    const logo = parts.find(({ part }) => part.filename === 'logo-transparent.png')!;
    expect(await sha256(logo.bytes)).to.equal(await sha256(photo('logo-transparent.png')));
  });

  it('fits ten phone photos into a 5 MB message, and into 600 KB with the carrier-safe preset', async () => {
    const phones = PHONES.map(photo);
    for (const [attributes, total] of [['max-total-size="5242880"', 5 * MB], ['provider="carrier-safe"', 600 * 1024]] as const) {
      await resetMocks();
      const element = await uploader(`endpoint="/mock/upload/acrobits-json" ${attributes}`);
      const rejected = collect<CustomEvent<FileRejectedDetail>>(element, 'file-rejected');
      const detail = await untilComplete(element, () => element.addFiles(phones));
      expect(rejected.map((event) => event.detail.message)).to.deep.equal([]);
      expect(detail.mediaUrls).to.have.length(10);
      const parts = await received();
      expect(parts).to.have.length(10);
      expect(parts.reduce((sum, { part }) => sum + part.size, 0)).to.be.at.most(total);
      expect(parts.every(({ part }) => part.type === 'image/jpeg')).to.equal(true);
    }
  });

  it('uploads a photo that fits byte for byte, and re-encodes it without its metadata with fit="always"', async () => {
    const small = photo('small-gps.jpg');
    expect(await exifOf(small)).to.deep.equal({ exif: true, gps: true });
    const auto = await uploader('endpoint="/mock/upload/acrobits-json"');
    await untilComplete(auto, () => auto.addFiles([small]));
    expect(await sha256((await received())[0]!.bytes)).to.equal(await sha256(small));

    await resetMocks();
    const always = await uploader('endpoint="/mock/upload/acrobits-json" fit="always"');
    await untilComplete(always, () => always.addFiles([small]));
    const [{ part, bytes }] = await received();
    expect(await exifOf(bytes)).to.deep.equal({ exif: false, gps: false });
    expect(part.size).to.be.below(small.size);
  });

  it('refuses as before with fit="off", and refuses an animated GIF over the budget in words that say why', async () => {
    const off = await uploader('manual fit="off"');
    const refusedOff = collect<CustomEvent<FileRejectedDetail>>(off, 'file-rejected');
    await off.addFiles([photo('phone-gps.jpg')]);
    expect(refusedOff[0].detail.reason).to.equal('file-too-large');
    expect(refusedOff[0].detail.message).to.match(/^phone-gps\.jpg is 5\.\d\d MB; the limit is 2 MB$/);

    const animated = photo('animated.gif');
    const element = await uploader(`manual max-file-size="${Math.floor(animated.size / 2)}"`);
    const refused = collect<CustomEvent<FileRejectedDetail>>(element, 'file-rejected');
    await element.addFiles([animated]);
    expect(element.files).to.have.length(0);
    expect(refused[0].detail.reason).to.equal('file-too-large');
    expect(refused[0].detail.message).to.match(/^animated\.gif is .+; animations can't be shrunk here, the limit is .+$/);
  });

  it('refuses a HEIC photo that Chromium cannot decode, and uploads it as a JPEG with a heic-decoder', async () => {
    const heic = new File([photo('photo.heic')], 'IMG_0001.HEIC', { type: 'image/heic', lastModified: 1 });
    const without = await uploader('manual');
    const refused = collect<CustomEvent<FileRejectedDetail>>(without, 'file-rejected');
    await without.addFiles([heic]);
    expect(refused[0].detail).to.deep.include({
      reason: 'type-not-allowed',
      message: "IMG_0001.HEIC is a HEIC photo, which this browser can't convert: export it as JPEG",
    });

    const element = await uploader('endpoint="/mock/upload/acrobits-json" heic-decoder="/test/fixtures/heic-decoder.js"');
    await untilComplete(element, () => element.addFiles([heic]));
    const [{ part }] = await received();
    expect(part).to.deep.include({ filename: 'IMG_0001.jpg', type: 'image/jpeg' });
  });

  it('lists JPEG first and never HEIC in the picker, so that iOS hands over a JPEG', async () => {
    const element = await uploader('manual accept="image/png,image/heic,image/jpeg,video/mp4"');
    expect(shadow(element).querySelector<HTMLInputElement>('input[type=file]:not([capture])')!.accept).to.equal('image/jpeg,image/png,video/mp4');
  });
});
