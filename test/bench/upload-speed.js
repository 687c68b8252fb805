// Upload wall time in headless Chromium on loopback: 10 files of 2,097,152 bytes to a sink that
// reads and discards each body, sent by raw XHR, raw fetch, Uppy alone (same concurrency as the
// element) and the element (npm build bundled as an app would, and the CDN build), in paired,
// interleaved rounds: each ratio is taken within a round, then the median of those is reported.
// Timed from the files handed over (the element's addFiles: sniffing, checks, thumbnails and
// renders included) to every answer in; the uploaders are created beforehand, as a page does.
// The sink also records when each request starts and ends, to show idle gaps between requests.
// Each variant's setup, and the previous one's removal, are painted before it is timed.
import { bundle, openBenchPage } from './bench-page.js';
import { median, ms, report } from './report.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const FILES = 10;
const FILE_SIZE = 2 * 1024 * 1024;
/** The element uploads this many files at once; Uppy alone gets the same. */
const CONCURRENCY = 3;

const timeline = [];
const bench = await openBenchPage({
  scripts: { '/variants.js': await bundle('test/bench/upload-variants.js'), '/npm-build.js': await bundle('dist/index.js') },
  async handle(request, response) {
    if (request.method !== 'POST' || request.url !== '/sink') return false;
    const start = performance.now();
    for await (const _chunk of request); // read and discard
    timeline.push({ start, end: performance.now() });
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ media_url: 'https://media.example.test/file.jpg' }));
    return true;
  },
});
const { page } = bench;
// Two builds of the element on one page: the CDN build defines <mms-media-upload>; the npm build,
// bundled here, is defined under another tag so that both can be measured side by side.
await page.evaluate(async ({ files, size }) => {
  window.variants = await import('/variants.js');
  await import('/dist/cdn/mms-media-upload.min.js');
  const npm = await import('/npm-build.js');
  customElements.define('mms-media-upload-npm', class extends npm.MmsMediaUpload {});
  window.benchFiles = Array.from({ length: files }, (_, i) => {
    const bytes = new Uint8Array(size);
    bytes.set([0xff, 0xd8, 0xff, 0xe0]); // a JPEG head, for the element's sniffing
    return new File([bytes], `photo-${i}.jpg`, { type: 'image/jpeg', lastModified: i + 1 });
  });
}, { files: FILES, size: FILE_SIZE });

const XHR = 'raw XMLHttpRequest, 10 at once';
const UPPY = `Uppy core + xhr-upload, ${CONCURRENCY} at once`;
const NPM = '<mms-media-upload>, npm build';
const CDN = '<mms-media-upload>, CDN build';
/** The same element hidden: the difference is what drawing its list costs (a software raster here). */
const UNDRAWN = '<mms-media-upload>, CDN build, not displayed (all but drawing)';
const ELEMENTS = [NPM, CDN, UNDRAWN];
const VARIANTS = {
  [XHR]: 'variants.rawXhr(benchFiles)',
  'raw fetch, 10 at once': 'variants.rawFetch(benchFiles)',
  [UPPY]: `variants.uppyAlone(benchFiles, ${CONCURRENCY})`,
  [NPM]: "variants.element(benchFiles, 'mms-media-upload-npm')",
  [CDN]: "variants.element(benchFiles, 'mms-media-upload')",
  [UNDRAWN]: "variants.element(benchFiles, 'mms-media-upload', { displayed: false })",
};
const names = Object.keys(VARIANTS);

async function measure(name) {
  timeline.length = 0;
  const wall = await page.evaluate(`(async () => {
    const variant = await ${VARIANTS[name]};
    const start = performance.now();
    await variant.send();
    const wall = performance.now() - start;
    variant.end();
    await variants.painted();
    return wall;
  })()`);
  const sorted = [...timeline].sort((a, b) => a.start - b.start);
  // The longest time with no request open: waiting between one answer and the next request.
  let idle = 0;
  let openUntil = sorted[0]?.end ?? 0;
  for (const request of sorted.slice(1)) {
    idle = Math.max(idle, request.start - openUntil);
    openUntil = Math.max(openUntil, request.end);
  }
  return { wall, idle };
}

for (const name of names) await measure(name); // warm-up
const results = Object.fromEntries(names.map((name) => [name, []]));
for (let round = 0; round < ROUNDS; round += 1) {
  const order = [...names].sort(() => Math.random() - 0.5);
  for (const name of order) results[name].push(await measure(name));
}
const offLoopback = await bench.offLoopback();
await bench.close();
if (offLoopback.length > 0) throw new Error(`requests left loopback: ${offLoopback.join(', ')}`);

const wall = (name) => median(results[name].map((result) => result.wall));
const idle = (name) => median(results[name].map((result) => result.idle));
/** The median of the ratios taken within each round. */
const paired = (name, against) => `${median(results[name].map((result, round) => result.wall / results[against][round].wall)).toFixed(2)}×`;
const GOALS = { [XHR]: { [NPM]: '≤ 1.30×', [CDN]: '≤ 1.30×' }, [UPPY]: { [NPM]: '≤ 1.10×', [CDN]: '≤ 1.10×' } };

const rows = [];
for (const against of [XHR, UPPY]) {
  for (const name of names.filter((other) => other !== against && (against === XHR || ELEMENTS.includes(other)))) {
    rows.push({ measure: `${name}: wall time`, ours: ms(wall(name)), against, baseline: ms(wall(against)), ratio: paired(name, against), goal: GOALS[against][name] ?? '' });
  }
}
for (const name of [NPM, CDN]) {
  rows.push({ measure: `${name}: longest gap with no request open`, ours: ms(idle(name)), against: UPPY, baseline: ms(idle(UPPY)), ratio: '', goal: 'a few ms' });
}
report(`Upload: ${FILES} × ${FILE_SIZE.toLocaleString('en')} bytes on loopback, headless Chromium, ${ROUNDS} paired rounds (medians)`, rows);
