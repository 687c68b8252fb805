// The browser side of the benchmarks: one loopback server and one headless Chromium page. The
// server answers with `scripts` (path → JavaScript source, bundled by the bench), the builds
// under /dist/ (the CDN build under /dist/cdn/), the photo fixtures under /test/fixtures/photos/, `files` (path → file on
// disk), and anything `handle` takes first (a sink for uploads). Nothing leaves 127.0.0.1.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { once } from 'node:events';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'esbuild';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../helpers/chromium-args.js';
import { photoPath } from '../helpers/photo-fixtures.js';

const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.jpg': 'image/jpeg', '.png': 'image/png' };
const PAGE = '<!doctype html><meta charset="utf-8"><title>bench</title>';

/** An entry bundled the way an app's bundler would (minified ES module, everything inlined). */
export async function bundle(entry) {
  const result = await build({ entryPoints: [entry], bundle: true, format: 'esm', write: false, minify: true, logLevel: 'silent' });
  return result.outputFiles[0].text;
}

/** The file on disk that `path` names, or undefined: only the builds (dist/), the photos and `files`. */
async function fileOf(path, files) {
  if (files[path]) return files[path];
  const photo = /^\/test\/fixtures\/photos\/([\w.-]+)$/.exec(path);
  if (photo) return photoPath(photo[1]);
  const built = normalize(join('dist', path.slice('/dist/'.length)));
  return path.startsWith('/dist/') && built.startsWith('dist/') ? built : undefined;
}

export async function openBenchPage({ scripts = {}, files = {}, handle = () => false } = {}) {
  const server = createServer(async (request, response) => {
    try {
      if (await handle(request, response)) return;
      const path = new URL(request.url, 'http://127.0.0.1').pathname;
      if (path === '/') return void response.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE);
      if (scripts[path]) return void response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(scripts[path]);
      const file = await fileOf(path, files);
      if (!file) return void response.writeHead(404).end();
      const body = await readFile(file);
      response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch (error) {
      console.error(`bench page: ${request.url}: ${error}`);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  await page.goto(origin);
  return {
    browser,
    page,
    origin,
    /** Requests the page made to anywhere but this server (there must be none). */
    offLoopback: () => page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name).filter((url) => new URL(url).origin !== location.origin)),
    async close() {
      await browser.close();
      server.close();
    },
  };
}
