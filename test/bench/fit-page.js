// The page side of `test/bench/fit.js`, in headless Chromium: this engine (the npm build's
// dist/fit/index.js and its worker, as an app's bundler would load them) next to browser-image-compression 2.0.2, on the same files in
// the same page. browser-image-compression loads its worker's library from `libURL`: a local copy,
// so that no request leaves loopback.
import { fitPhoto } from '/dist/fit/index.js';
import imageCompression from '/node_modules/browser-image-compression/dist/browser-image-compression.mjs';

const LIB_URL = `${location.origin}/node_modules/browser-image-compression/dist/browser-image-compression.js`;
const MAX_DIMENSION = 2048;

async function photo(name) {
  const response = await fetch(`/test/fixtures/photos/${name}`);
  return new File([await response.blob()], name, { type: 'image/jpeg' });
}

/** One fitting by each contender: its output File. Both get the same budget and the same longest edge. */
const CONTENDERS = {
  ours: async (file, maxBytes) => {
    const outcome = await fitPhoto(file, 'image/jpeg', { maxBytes, maxDimension: MAX_DIMENSION });
    if (outcome.kind === 'refused') throw new Error(`refused: ${outcome.reason}`);
    return outcome.file;
  },
  bic: (file, maxBytes) =>
    imageCompression(file, { maxSizeMB: maxBytes / 1024 / 1024, maxWidthOrHeight: MAX_DIMENSION, useWebWorker: true, libURL: LIB_URL }),
};

async function timed(contender, file, maxBytes) {
  const start = performance.now();
  const output = await CONTENDERS[contender](file, maxBytes);
  return { ms: performance.now() - start, bytes: output.size };
}

/** Paired, interleaved rounds on one file: A then B, then B then A, … after one warm-up each. */
async function pairedRounds(name, maxBytes, rounds) {
  const file = await photo(name);
  await timed('ours', file, maxBytes);
  await timed('bic', file, maxBytes);
  const pairs = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? ['bic', 'ours'] : ['ours', 'bic'];
    const pair = {};
    for (const contender of order) pair[contender] = await timed(contender, file, maxBytes);
    pairs.push(pair);
  }
  return pairs;
}

/** The longest main-thread task (PerformanceObserver 'longtask', 50 ms and up; 0 when none) while `work` runs. */
async function longestTask(work) {
  const durations = [];
  const observer = new PerformanceObserver((list) => durations.push(...list.getEntries().map((entry) => entry.duration)));
  observer.observe({ type: 'longtask' });
  await work();
  await new Promise((resolve) => setTimeout(resolve, 200));
  observer.disconnect();
  return Math.max(0, ...durations);
}

/** Ten 12 MP photos, one after another, each to a tenth of a 5 MB message. */
async function tenPhotos(contender, names) {
  const files = await Promise.all(names.map(photo));
  let bytes = 0;
  const longest = await longestTask(async () => {
    for (const file of files) bytes += (await CONTENDERS[contender](file, 5 * 1024 * 1024 / 10)).size;
  });
  return { longest, bytes };
}

window.runBench = async ({ single, ten, budgets, rounds }) => {
  const results = { budgets: [] };
  for (const maxBytes of budgets) results.budgets.push({ maxBytes, pairs: await pairedRounds(single, maxBytes, rounds) });
  results.ten = { ours: await tenPhotos('ours', ten), bic: await tenPhotos('bic', ten) };
  results.offLoopback = performance.getEntriesByType('resource').map((entry) => entry.name).filter((url) => new URL(url).origin !== location.origin);
  return results;
};
