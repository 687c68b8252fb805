// `npm run bench` (after `npm run build`): the photo-fitting engine (the npm build's dist/fit/ and its worker) against
// browser-image-compression 2.0.2, in one headless Chromium page on loopback, in the same run:
//   - time and bytes to fit one 12 MP JPEG to 2 MB and to 600 KB (paired, interleaved rounds; ratios
//     are ours / theirs, from the medians: goal ≤ 1.0 for both);
//   - the longest main-thread task while ten 12 MP photos are fitted (goal < 50 ms);
//   - the gzip size of the CDN build's fitting chunk and worker (loaded with the first photo to fit;
//     that the start-up does not carry them is bundle-size.js's measure).
// Figures only: nothing here asserts a timing.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openBenchPage } from './bench-page.js';
import { photoPath } from '../helpers/photo-fixtures.js';
import { kb, median, ms, ratio, report } from './report.js';

const ROUNDS = 5;
const BUDGETS = [2 * 1024 * 1024, 600 * 1024];
const SINGLE = 'phone-01.jpg';
const TEN = Array.from({ length: 10 }, (_, i) => `phone-${String(i + 1).padStart(2, '0')}.jpg`);
const DEADLINE_MS = 600_000;

const root = resolve(import.meta.dirname, '../..');
const BIC_DIST = '/node_modules/browser-image-compression/dist/';
/** What the page loads besides the CDN build and the photos: its script and browser-image-compression. */
const FILES = Object.fromEntries(
  ['/test/bench/fit-page.js', `${BIC_DIST}browser-image-compression.mjs`, `${BIC_DIST}browser-image-compression.js`].map((path) => [path, join(root, path)]),
);

const watchdog = setTimeout(() => {
  console.error(`bench: no result after ${DEADLINE_MS / 1000} s, stopping`);
  process.exit(1);
}, DEADLINE_MS);

for (const name of [SINGLE, ...TEN]) await photoPath(name); // made once, before any clock runs

const bench = await openBenchPage({ files: FILES });
let results;
try {
  await bench.page.addScriptTag({ url: '/test/bench/fit-page.js', type: 'module' });
  await bench.page.waitForFunction(() => typeof window.runBench === 'function');
  results = await bench.page.evaluate((options) => window.runBench(options), { single: SINGLE, ten: TEN, budgets: BUDGETS, rounds: ROUNDS });
} finally {
  await bench.close();
}

/** The gzip size of the CDN build's file whose name (a hash follows it) matches `pattern`. */
const cdnGzip = (pattern) => {
  const name = readdirSync(join(root, 'dist/cdn')).find((file) => pattern.test(file));
  return gzipSync(readFileSync(join(root, 'dist/cdn', name)), { level: 9 }).length;
};
const fitGzip = cdnGzip(/^fit-(?!worker-)/);
const workerGzip = cdnGzip(/^fit-worker-/);
clearTimeout(watchdog);

const budget = (bytes) => (bytes % (1024 * 1024) === 0 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KB`);
const BIC = 'browser-image-compression 2.0.2';
const rows = [];
for (const { maxBytes, pairs } of results.budgets) {
  const ours = { ms: median(pairs.map((pair) => pair.ours.ms)), bytes: median(pairs.map((pair) => pair.ours.bytes)) };
  const bic = { ms: median(pairs.map((pair) => pair.bic.ms)), bytes: median(pairs.map((pair) => pair.bic.bytes)) };
  const overBudget = pairs.filter((pair) => pair.bic.bytes > maxBytes).length;
  rows.push({ measure: `fit ${SINGLE} (4032×3024) to ${budget(maxBytes)}: time`, ours: ms(ours.ms), against: BIC, baseline: ms(bic.ms), ratio: ratio(ours.ms, bic.ms), goal: '≤ 1.00×' });
  rows.push({ measure: `fit ${SINGLE} to ${budget(maxBytes)}: bytes${overBudget ? ` (theirs over budget ${overBudget}/${pairs.length})` : ''}`, ours: kb(ours.bytes), against: BIC, baseline: kb(bic.bytes), ratio: ratio(ours.bytes, bic.bytes), goal: '≤ 1.00×' });
}
const { ours: tenOurs, bic: tenBic } = results.ten;
/** The Long Tasks API reports tasks of 50 ms and more only. */
const task = (value) => (value > 0 ? ms(value) : 'none ≥ 50 ms');
rows.push({ measure: 'fit ten 12 MP photos (512 KB each): longest main-thread task', ours: task(tenOurs.longest), against: BIC, baseline: task(tenBic.longest), ratio: '', goal: '< 50 ms' });
rows.push({ measure: 'fit ten 12 MP photos: bytes of the ten together', ours: kb(tenOurs.bytes), against: BIC, baseline: kb(tenBic.bytes), ratio: ratio(tenOurs.bytes, tenBic.bytes), goal: '' });
rows.push({ measure: 'CDN fitting chunk + its worker, gzip (loaded with the first photo to fit)', ours: `${kb(fitGzip)} + ${kb(workerGzip)}`, against: '', baseline: '', ratio: '', goal: '' });
if (results.offLoopback.length > 0) throw new Error(`requests left loopback: ${results.offLoopback.join(', ')}`);
report(`Photo fitting against ${BIC}, headless Chromium, ${ROUNDS} paired rounds per budget (medians; both limited to 2048 px)`, rows);
