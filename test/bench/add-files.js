// Adding ten phone photos (4032×3024 JPEG, 4–6 MB each) in headless Chromium: the element (CDN
// build; sniffing, checks, the list's first render, then every thumbnail shown) against Uppy's own
// `addFiles` of the same files, alone and with Uppy's thumbnail generator, in paired, interleaved
// rounds. Also the longest main-thread task, and memory: the resident memory of every Chromium
// process, sampled while the files are added, its peak against the same measure just before.
// Reading 50 MB of photos raises the peak by itself (the bytes read wait for the collector): the
// floor of the peak is reading them and nothing else. (What is held afterwards is too small for
// RSS to tell from what the allocator gives back meanwhile: the thumbnails' bytes are counted.)
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bundle, openBenchPage } from './bench-page.js';
import { PHOTOS_DIR, photoPath } from '../helpers/photo-fixtures.js';
import { kb, mb, median, ms, report } from './report.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PHOTOS = Array.from({ length: 10 }, (_, i) => `phone-${String(i + 1).padStart(2, '0')}.jpg`);
const VARIANTS = ['element', 'uppy', 'uppyThumbnails', 'readOnly'];

for (const name of PHOTOS) await photoPath(name); // made once, before any clock runs
const bench = await openBenchPage({ scripts: { '/add-files-page.js': await bundle('test/bench/add-files-page.js') } });
const { page, browser } = bench;
await page.addScriptTag({ url: '/add-files-page.js', type: 'module' });
await page.waitForFunction(() => typeof window.loadPhotos === 'function');
await page.evaluate((names) => window.loadPhotos(names), PHOTOS);

const pageSession = await page.context().newCDPSession(page);
const browserSession = await browser.newBrowserCDPSession();

async function chromiumProcesses() {
  const { processInfo } = await browserSession.send('SystemInfo.getProcessInfo');
  return processInfo.map((process) => process.id);
}

/** Resident memory of Chromium's processes (browser, renderers, GPU, utilities), in bytes. */
function chromiumRss(ids) {
  let total = 0;
  for (const id of ids) {
    try {
      total += Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))[1]) * 1024;
    } catch {
      // a process that has just ended holds nothing
    }
  }
  return total;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** After two collections and a second's rest: what the last variant let go is given back first. */
async function settledRss(ids) {
  for (let i = 0; i < 2; i++) {
    await pageSession.send('HeapProfiler.collectGarbage');
    await sleep(500);
  }
  return chromiumRss(ids);
}

async function measure(variant) {
  const ids = await chromiumProcesses();
  const before = await settledRss(ids);
  let peak = before;
  let adding = true;
  const sampling = (async () => {
    for (; adding; await sleep(5)) peak = Math.max(peak, chromiumRss(ids));
  })();
  const result = await page.evaluate((name) => window.addPhotos(name), variant);
  adding = false;
  await sampling;
  await page.evaluate(() => window.release());
  return { ...result, peak: peak - before };
}

for (const variant of VARIANTS) await measure(variant); // warm-up
const results = Object.fromEntries(VARIANTS.map((variant) => [variant, []]));
for (let round = 0; round < ROUNDS; round += 1) {
  for (const variant of round % 2 ? [...VARIANTS].reverse() : VARIANTS) results[variant].push(await measure(variant));
}
/**
 * The most CPU time one main-thread task took while `variant` added the files, from a trace: on
 * a busy machine a task's wall time also counts the time its thread waited for a core.
 */
async function longestTaskCpu(variant) {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await page.evaluate((name) => window.addPhotos(name), variant);
  const { traceEvents } = JSON.parse(await browser.stopTracing());
  await page.evaluate(() => window.release());
  const main = traceEvents.find((event) => event.name === 'thread_name' && event.args.name === 'CrRendererMain');
  const tasks = traceEvents.filter((event) => event.tid === main.tid && event.pid === main.pid && event.name === 'RunTask');
  return Math.max(...tasks.map((task) => (task.tdur ?? 0) / 1000));
}
const taskCpu = { element: await longestTaskCpu('element'), uppyThumbnails: await longestTaskCpu('uppyThumbnails') };
const offLoopback = await bench.offLoopback();
await bench.close();
if (offLoopback.length > 0) throw new Error(`requests left loopback: ${offLoopback.join(', ')}`);

const of = (variant, key) => median(results[variant].map((result) => result[key]));
/** The element's figure over the baseline's, within each round; the median of those. */
const paired = (key, against, againstKey = key) => `${median(results.element.map((result, round) => result[key] / results[against][round][againstKey])).toFixed(2)}×`;
const task = (value) => (value > 0 ? ms(value) : 'none ≥ 50 ms');
const UPPY = "Uppy's addFiles (its state only: nothing read, nothing drawn)";
const THUMBNAILS = "Uppy's addFiles + @uppy/thumbnail-generator (96 px)";
const READ = "reading the files' bytes, nothing else";
report(`Adding 10 phone photos (4032×3024 JPEG, ${mb(PHOTOS.reduce((sum, name) => sum + statSync(join(PHOTOS_DIR, name)).size, 0))}), headless Chromium, ${ROUNDS} paired rounds (medians)`, [
  { measure: 'add: sniffed, checked, listed (drawn at the next frame)', ours: ms(of('element', 'listed')), against: UPPY, baseline: ms(of('uppy', 'listed')), ratio: paired('listed', 'uppy'), goal: '' },
  { measure: 'add: every thumbnail shown', ours: ms(of('element', 'shown')), against: THUMBNAILS, baseline: ms(of('uppyThumbnails', 'shown')), ratio: paired('shown', 'uppyThumbnails'), goal: '' },
  { measure: 'add: longest main-thread task (wall)', ours: task(of('element', 'longest')), against: THUMBNAILS, baseline: task(of('uppyThumbnails', 'longest')), ratio: '', goal: '< 50 ms' },
  { measure: 'add: longest main-thread task (CPU, traced)', ours: ms(taskCpu.element), against: THUMBNAILS, baseline: ms(taskCpu.uppyThumbnails), ratio: '', goal: '< 50 ms' },
  { measure: 'add: peak memory growth (Chromium RSS)', ours: mb(of('element', 'peak')), against: THUMBNAILS, baseline: mb(of('uppyThumbnails', 'peak')), ratio: paired('peak', 'uppyThumbnails'), goal: '' },
  { measure: 'add: peak memory growth (Chromium RSS)', ours: mb(of('element', 'peak')), against: READ, baseline: mb(of('readOnly', 'peak')), ratio: paired('peak', 'readOnly'), goal: 'thumbnails < +10 MB' },
  { measure: 'add: the 10 thumbnails’ bytes', ours: kb(of('element', 'thumbnailBytes')), against: THUMBNAILS, baseline: kb(of('uppyThumbnails', 'thumbnailBytes')), ratio: paired('thumbnailBytes', 'uppyThumbnails'), goal: '' },
]);
