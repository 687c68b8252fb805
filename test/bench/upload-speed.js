// Upload wall time in headless Chromium on loopback: 10 files of 2,097,152 bytes to a sink that
// reads and discards each body, sent by raw XHR, raw fetch, Uppy alone (same concurrency as the
// element) and the element (npm build bundled as an app would, and the CDN build), in paired,
// interleaved rounds: each ratio is taken within a round, then the median of those is reported.
// The sink also records when each request starts and ends, to show idle gaps between requests.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { once } from 'node:events';
import { join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../helpers/chromium-args.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const FILES = 10;
const FILE_SIZE = 2 * 1024 * 1024;
/** The element uploads this many files at once; Uppy alone gets the same. */
const CONCURRENCY = 3;

/** The variants and the npm build, bundled the way an app would bundle them. */
async function bundle(entry) {
  const result = await build({ entryPoints: [entry], bundle: true, format: 'esm', write: false, minify: true, logLevel: 'silent' });
  return result.outputFiles[0].text;
}

const scripts = {
  '/variants.js': await bundle('test/bench/upload-page/variants.js'),
  '/npm-build.js': await bundle('dist/index.js'),
};

const timeline = [];
const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (req.method === 'POST' && url.pathname === '/sink') {
    const start = performance.now();
    for await (const _chunk of req); // read and discard
    timeline.push({ start, end: performance.now() });
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ media_url: 'https://media.example.test/file.jpg' }));
    return;
  }
  if (url.pathname === '/') {
    res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><meta charset="utf-8"><title>upload speed</title>');
    return;
  }
  if (scripts[url.pathname]) {
    res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(scripts[url.pathname]);
    return;
  }
  if (url.pathname.startsWith('/dist/cdn/')) {
    const path = normalize(join('dist/cdn', url.pathname.slice('/dist/cdn/'.length)));
    if (path.startsWith('dist/cdn/')) {
      try {
        res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(await readFile(path));
        return;
      } catch {
        // 404 below
      }
    }
  }
  res.writeHead(404).end();
});
server.listen(0, '127.0.0.1');
await once(server, 'listening');
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
const page = await browser.newPage();
await page.goto(origin);
// Two builds of the element on one page: the CDN build defines <mms-media-upload>; the npm build,
// bundled here, is defined under another tag so that both can be measured side by side.
await page.evaluate(async () => {
  window.variants = await import('/variants.js');
  await import('/dist/cdn/mms-media-upload.min.js');
  const npm = await import('/npm-build.js');
  customElements.define('mms-media-upload-npm', class extends npm.MmsMediaUpload {});
  window.benchFiles = Array.from({ length: 10 }, (_, i) => {
    const bytes = new Uint8Array(2 * 1024 * 1024);
    bytes.set([0xff, 0xd8, 0xff, 0xe0]); // a JPEG head, for the element's sniffing
    return new File([bytes], `photo-${i}.jpg`, { type: 'image/jpeg', lastModified: i + 1 });
  });
});

const VARIANTS = {
  'raw XMLHttpRequest, 10 at once': 'variants.rawXhr(benchFiles)',
  'raw fetch, 10 at once': 'variants.rawFetch(benchFiles)',
  [`Uppy core + xhr-upload, ${CONCURRENCY} at once`]: `variants.uppyAlone(benchFiles, ${CONCURRENCY})`,
  '<mms-media-upload>, npm build': "variants.element(benchFiles, 'mms-media-upload-npm')",
  '<mms-media-upload>, CDN build': "variants.element(benchFiles, 'mms-media-upload')",
};
const names = Object.keys(VARIANTS);

async function measure(name) {
  timeline.length = 0;
  const ms = await page.evaluate(`(async () => { const t = performance.now(); await ${VARIANTS[name]}; return performance.now() - t; })()`);
  const sorted = [...timeline].sort((a, b) => a.start - b.start);
  // The longest time with no request open: the element's waiting between one answer and the next request.
  let idle = 0;
  let openUntil = sorted[0]?.end ?? 0;
  for (const request of sorted.slice(1)) {
    idle = Math.max(idle, request.start - openUntil);
    openUntil = Math.max(openUntil, request.end);
  }
  return { ms, idle };
}

for (const name of names) await measure(name); // warm-up
const results = Object.fromEntries(names.map((name) => [name, []]));
for (let round = 0; round < ROUNDS; round += 1) {
  const order = [...names].sort(() => Math.random() - 0.5);
  for (const name of order) results[name].push(await measure(name));
}
await browser.close();
server.close();

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const base = names[0];
const uppy = names[2];
const pairedRatio = (name, against) => median(results[name].map((result, round) => result.ms / results[against][round].ms));

export const uploadRows = names.map((name) => ({
  name,
  medianMs: median(results[name].map((result) => result.ms)),
  vsXhr: pairedRatio(name, base),
  vsUppy: pairedRatio(name, uppy),
  idleMs: median(results[name].map((result) => result.idle)),
}));

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`${FILES} × ${FILE_SIZE.toLocaleString('en')} bytes on loopback, ${ROUNDS} paired rounds (medians)`);
  console.log(`${'variant'.padEnd(42)} ${'wall'.padStart(8)} ${'× raw XHR'.padStart(10)} ${'× Uppy'.padStart(8)} ${'longest gap'.padStart(12)}`);
  for (const row of uploadRows) {
    console.log(`${row.name.padEnd(42)} ${`${row.medianMs.toFixed(0)} ms`.padStart(8)} ${row.vsXhr.toFixed(2).padStart(10)} ${row.vsUppy.toFixed(2).padStart(8)} ${`${row.idleMs.toFixed(1)} ms`.padStart(12)}`);
  }
}
