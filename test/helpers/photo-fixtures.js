// The photos of the fitting tests and benchmark, made with Debian's tools (ImageMagick, exiftool,
// heif-enc) the first time something asks for one, into test/fixtures/photos/ (git-ignored): the
// repository keeps the recipes, not megabytes of pictures. Each recipe is seeded: the same bytes
// every time on the same tools.
//   browser tests: the test runner's middleware `photoFixtures()` serves /test/fixtures/photos/<name>
//   scripts:       `await photoPath('phone-01.jpg')`, or `node test/helpers/photo-fixtures.js` for all
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const PHOTOS_DIR = fileURLToPath(new URL('../fixtures/photos/', import.meta.url));
const INSTALL = 'apt-get install -y imagemagick libimage-exiftool-perl libheif-examples';

/** ImageMagick's own convert, by its path: /usr/local/bin may hold a stand-in that only converts for viewing. */
const CONVERT = ['/usr/bin/magick', '/usr/bin/convert'].find((path) => existsSync(path)) ?? '/usr/bin/convert';

/** Smooth colour fields with a film grain: compresses like a photo (4–6 MB at 12 MP, JPEG quality 90). */
const photoPixels = (width, height, seed, grain = 0.9) => [
  '-size', '16x12', 'xc:gray50', '-type', 'TrueColor', '-seed', String(seed), '+noise', 'Random', '-modulate', '100,60',
  '-filter', 'Gaussian', '-resize', `${width}x${height}!`, '-seed', String(seed + 1), '-attenuate', String(grain), '+noise', 'Gaussian',
];

/** EXIF of a phone photo taken at the Eiffel Tower, turned 90° (Orientation 6: rotate 90° clockwise to show). */
const PHONE_EXIF = ['-n', '-Make=Phone', '-Model=Test', '-GPSLatitude=48.8584', '-GPSLatitudeRef=N', '-GPSLongitude=2.2945', '-GPSLongitudeRef=E'];

const jpeg = (quality) => ['-quality', String(quality), '-sampling-factor', '2x2'];

/** name → how to make it (into `out`). */
const RECIPES = {
  // 4032×3024 stored landscape, a red square in its top-left corner; Orientation 6 and GPS.
  'phone-gps.jpg': async (out) => {
    await convert([...photoPixels(4032, 3024, 11), '-fill', 'red', '-draw', 'rectangle 0,0 400,400', ...jpeg(90), out]);
    await exiftool([...PHONE_EXIF, '-Orientation=6', out]);
  },
  // A photo that already fits 2 MB, with GPS (what `always` strips).
  'small-gps.jpg': async (out) => {
    await convert([...photoPixels(1024, 768, 21, 0.5), ...jpeg(85), out]);
    await exiftool([...PHONE_EXIF, '-Orientation=1', out]);
  },
  // A 2880×1800 screenshot, RGBA though every pixel is opaque (as macOS saves them), about 3 MB.
  'screenshot.png': (out) =>
    convert([
      '-size', '2880x1800', 'xc:#f4f5f7', '-fill', '#2b5797', '-draw', 'rectangle 0,0 2880,96', '-fill', '#ffffff',
      '-draw', 'rectangle 80,200 1500,1700', '-fill', '#dde3ea', '-draw', 'rectangle 120,260 1460,330', '-draw', 'rectangle 120,380 1300,440',
      '(', ...photoPixels(1200, 1000, 31, 0.5), ')', '-geometry', '+1600+300', '-composite',
      '-depth', '8', '-alpha', 'set', '-define', 'png:color-type=6', out,
    ]),
  // A logo on a transparent background, a few hundred KB.
  'logo-transparent.png': (out) =>
    convert([
      '-size', '1200x900', 'xc:none',
      '(', ...photoPixels(700, 700, 41, 0.3), '(', '-size', '700x700', 'xc:black', '-fill', 'white', '-draw', 'circle 350,350 350,10', ')',
      '-alpha', 'off', '-compose', 'CopyOpacity', '-composite', ')',
      '-geometry', '+250+100', '-compose', 'Over', '-composite', '-depth', '8', out,
    ]),
  // Three frames of 320×240 grain, looping: over a budget of 100 KB.
  'animated.gif': (out) =>
    convert(['-delay', '20', '-loop', '0', ...[51, 53, 55].flatMap((seed) => ['(', ...photoPixels(320, 240, seed, 0.6), ')']), out]),
  // A lossy WebP, 3000×2000, over 2 MB (a type the shared sniffer does not report).
  'photo.webp': (out) => convert([...photoPixels(3000, 2000, 71, 0.6), '-quality', '90', out]),
  // A real HEIC (x265 through libheif), 1600×1200.
  'photo.heic': async (out) => {
    const png = `${out}.png`;
    await convert([...photoPixels(1600, 1200, 61, 0.4), '-fill', 'red', '-draw', 'rectangle 0,0 200,200', png]);
    await tool('heif-enc', ['-q', '60', '-o', out, png]);
    rmSync(png);
  },
};
// Ten phone photos, 4032×3024 (12 MP), each of its own grain.
for (let i = 1; i <= 10; i++) {
  RECIPES[`phone-${String(i).padStart(2, '0')}.jpg`] = (out) => convert([...photoPixels(4032, 3024, 100 + 2 * i), ...jpeg(90), out]);
}

export const PHOTO_NAMES = Object.keys(RECIPES);

async function tool(command, args) {
  try {
    await run(command, args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    if (error.code === 'ENOENT') throw new Error(`photo fixtures: ${command} is missing (${INSTALL})`);
    throw error;
  }
}
const convert = (args) => tool(CONVERT, args);
const exiftool = (args) => tool('exiftool', ['-q', '-overwrite_original', ...args]);

// One picture at a time: the machine has two cores, and other tests may be running.
let queue = Promise.resolve();
const making = new Map();

/** The path of a fixture, made first if it is not there yet. */
export function photoPath(name) {
  if (!Object.hasOwn(RECIPES, name)) return Promise.reject(new Error(`photo fixtures: no recipe for ${name}`));
  const path = join(PHOTOS_DIR, name);
  if (existsSync(path)) return Promise.resolve(path);
  if (!making.has(name)) {
    const made = queue.then(async () => {
      mkdirSync(PHOTOS_DIR, { recursive: true });
      const partial = join(PHOTOS_DIR, `.partial-${name}`); // renamed once whole: never a half-made fixture
      await RECIPES[name](partial);
      renameSync(partial, path);
      return path;
    });
    queue = made.catch(() => {});
    making.set(name, made);
    made.catch(() => making.delete(name));
  }
  return making.get(name);
}

const TYPES = { jpg: 'image/jpeg', png: 'image/png', gif: 'image/gif', heic: 'image/heic', webp: 'image/webp' };

/** Test-runner middleware: GET /test/fixtures/photos/<name>, made on first request. */
export function photoFixtures() {
  return async (ctx, next) => {
    const match = /^\/test\/fixtures\/photos\/([\w.-]+)$/.exec(ctx.path);
    if (!match) return next();
    const path = await photoPath(match[1]);
    ctx.type = TYPES[match[1].split('.').pop()] ?? 'application/octet-stream';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = readFileSync(path);
    return undefined;
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const name of PHOTO_NAMES) console.log(await photoPath(name));
}
