// `npm run bench` (after `npm run build`): the photo-fitting engine of the CDN build against
// browser-image-compression 2.0.2, in one headless Chromium page on loopback, in the same run:
//   - time and bytes to fit one 12 MP JPEG to 2 MB and to 600 KB (paired, interleaved rounds; ratios
//     are ours / theirs, from the medians: goal ≤ 1.0 for both);
//   - the longest main-thread task while ten 12 MP photos are fitted (goal < 50 ms);
//   - the CDN entry's gzip size with and without the fitting engine in the build (it must not grow).
// Figures only: nothing here asserts a timing.
import { createServer } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../helpers/chromium-args.js';
import { photoPath } from '../helpers/photo-fixtures.js';

const ROUNDS = 5;
const BUDGETS = [2 * 1024 * 1024, 600 * 1024];
const SINGLE = 'phone-01.jpg';
const TEN = Array.from({ length: 10 }, (_, i) => `phone-${String(i + 1).padStart(2, '0')}.jpg`);
const DEADLINE_MS = 600_000;

const root = resolve(import.meta.dirname, '../..');
/** What the bench page may load: nothing else is served. */
const SERVED = [/^\/dist\/cdn\/[\w.-]+\.js$/, /^\/node_modules\/browser-image-compression\/dist\/[\w.-]+\.m?js$/, /^\/test\/bench\/fit-page\.js$/];
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html', '.jpg': 'image/jpeg' };
const PAGE = '<!doctype html><meta charset="utf-8"><title>fit bench</title><script type="module" src="/test/bench/fit-page.js"></script>';

async function serve(request, response) {
  const path = new URL(request.url, 'http://127.0.0.1').pathname;
  const photo = /^\/test\/fixtures\/photos\/([\w.-]+)$/.exec(path);
  const file = photo ? await photoPath(photo[1]) : SERVED.some((pattern) => pattern.test(path)) ? join(root, path) : undefined;
  if (path === '/') return response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
  if (!file) return response.writeHead(404).end();
  response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The CDN entry's gzip size from a build of the CDN config with `entries` only (the bench of bundle-size.js does the same). */
async function entryGzip(entries) {
  const outDir = mkdtempSync(join(tmpdir(), 'mms-fit-entry-'));
  try {
    await build({
      configFile: 'vite.config.ts',
      mode: 'cdn',
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, lib: { entry: entries, formats: ['es'], fileName: (_format, name) => `${name}.min.js` } },
    });
    const size = (name) => gzipSync(readFileSync(join(outDir, name)), { level: 9 }).length;
    return { entry: size('mms-media-upload.min.js'), fit: entries['mms-media-fit'] ? size('mms-media-fit.min.js') : 0 };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const watchdog = setTimeout(() => {
  console.error(`bench: no result after ${DEADLINE_MS / 1000} s, stopping`);
  process.exit(1);
}, DEADLINE_MS);

for (const name of [SINGLE, ...TEN]) await photoPath(name); // made once, before any clock runs

const server = createServer((request, response) => serve(request, response).catch(() => response.writeHead(500).end()));
await new Promise((listening) => server.listen(0, '127.0.0.1', listening));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
let results;
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => typeof window.runBench === 'function');
  results = await page.evaluate((options) => window.runBench(options), { single: SINGLE, ten: TEN, budgets: BUDGETS, rounds: ROUNDS });
} finally {
  await browser.close();
  server.close();
}

const src = (path) => resolve(root, path);
const without = await entryGzip({ 'mms-media-upload': src('src/index.ts') });
const withFit = await entryGzip({ 'mms-media-upload': src('src/index.ts'), 'mms-media-fit': src('src/fit/index.ts') });
const workerFile = readdirSync(join(root, 'dist/cdn')).find((name) => name.startsWith('fit-worker-'));
const workerGzip = gzipSync(readFileSync(join(root, 'dist/cdn', workerFile)), { level: 9 }).length;
clearTimeout(watchdog);

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const budget = (bytes) => (bytes % (1024 * 1024) === 0 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KB`);
const rows = [];
for (const { maxBytes, pairs } of results.budgets) {
  const ours = { ms: median(pairs.map((pair) => pair.ours.ms)), bytes: median(pairs.map((pair) => pair.ours.bytes)) };
  const bic = { ms: median(pairs.map((pair) => pair.bic.ms)), bytes: median(pairs.map((pair) => pair.bic.bytes)) };
  const overBudget = pairs.filter((pair) => pair.bic.bytes > maxBytes).length;
  rows.push([`fit ${SINGLE} (4032×3024) to ${budget(maxBytes)}: time`, `${ours.ms.toFixed(0)} ms`, `${bic.ms.toFixed(0)} ms`, (ours.ms / bic.ms).toFixed(2), '≤ 1.00']);
  rows.push([`  … bytes${overBudget ? ` (theirs over budget ${overBudget}/${pairs.length})` : ''}`, kb(ours.bytes), kb(bic.bytes), (ours.bytes / bic.bytes).toFixed(2), '≤ 1.00']);
}
const { ours: tenOurs, bic: tenBic } = results.ten;
/** The Long Tasks API reports tasks of 50 ms and more only. */
const task = (ms) => (ms > 0 ? `${ms.toFixed(0)} ms` : 'none ≥ 50 ms');
rows.push(['longest main-thread task, ten 12 MP photos (512 KB each)', task(tenOurs.longest), task(tenBic.longest), '', '< 50 ms']);
rows.push(['  … bytes of the ten together', kb(tenOurs.bytes), kb(tenBic.bytes), (tenOurs.bytes / tenBic.bytes).toFixed(2), '']);
rows.push(['CDN entry gzip, built without → with the fitting engine', `${kb(without.entry)} → ${kb(withFit.entry)}`, '', (withFit.entry / without.entry).toFixed(2), '1.00']);
rows.push(['fitting chunk + its worker, gzip (loaded when a photo is fitted)', `${kb(withFit.fit)} + ${kb(workerGzip)}`, '', '', '']);
rows.push(['requests that left loopback', String(results.offLoopback.length), '', '', '0']);

const header = ['', 'ours', 'browser-image-compression', 'ratio', 'goal'];
const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column].length)));
const line = (row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
console.log(`(${ROUNDS} paired rounds per budget after a warm-up, medians; both limited to 2048 px; headless ${CHROMIUM_PATH})`);
console.log(line(header));
for (const row of rows) console.log(line(row));
