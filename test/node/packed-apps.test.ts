// The packed tarball in fresh front-end apps (test/fixtures/apps/): a Vite app in plain TypeScript and
// a Svelte 5 app are built with `vite build`, served by a fresh Express app mounting the packed
// proxy, and in Chromium each uploads a photo and shows its media URL. svelte-check type-checks the
// Svelte app with the package's Svelte typings, and reports each misuse in Misuse.svelte.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.js';
import { jpegBytes } from '../helpers/sample-files.js';
import { startApp, type AppServer } from './helpers/app-server.js';
import { installPacked, packPackage, type Consumer, type PackedPackage } from './helpers/packed.js';

let packed: PackedPackage;
let app: Consumer;
let server: AppServer;
let browser: Browser;

before(async () => {
  packed = packPackage();
  app = installPacked(packed.tarball, ['express', 'vite', 'svelte']);
  cpSync('test/fixtures/apps', app.dir, { recursive: true });
  server = await startApp(app, 'express/server.js', { STATIC_DIR: join(app.dir, 'public') });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  app?.remove();
  packed?.remove();
});

/** `vite build` of one app folder into public/<name>/, with Vite's own API (the project's Vite, run from the app). */
async function viteBuild(name: string, plugins: unknown[] = []): Promise<void> {
  const { build } = await import('vite');
  await build({
    root: join(app.dir, name),
    base: './',
    configFile: false,
    logLevel: 'error',
    plugins: plugins as never,
    build: { outDir: join(app.dir, 'public', name), emptyOutDir: true },
  });
}

/** Opens the built app, picks a photo in the element, and returns the media URL the app shows. */
async function uploadInBrowser(name: string): Promise<{ mediaUrl: string; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(`${server.origin}/${name}/`);
  await page.locator('mms-media-upload input[type=file]').first().setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpegBytes(30_000)) });
  const link = page.locator('#urls a');
  await link.waitFor({ timeout: 15_000 });
  const mediaUrl = (await link.getAttribute('href')) ?? '';
  await page.close();
  return { mediaUrl, errors };
}

async function expectServed(mediaUrl: string): Promise<void> {
  assert.match(mediaUrl, new RegExp(`^${server.origin.replaceAll('.', '\\.')}/api/media-upload/media/[\\w-]+$`));
  const served = await fetch(mediaUrl);
  assert.equal(served.status, 200);
  assert.deepEqual(new Uint8Array(await served.arrayBuffer()), jpegBytes(30_000));
}

test('a fresh Vite app builds with the package and uploads a photo through the packed proxy', async () => {
  await viteBuild('vite');
  const { mediaUrl, errors } = await uploadInBrowser('vite');
  await expectServed(mediaUrl);
  assert.deepEqual(errors, []);
});

test('a fresh Svelte 5 app builds with the package and uploads a photo through the packed proxy', async () => {
  const { svelte } = await import('@sveltejs/vite-plugin-svelte');
  await viteBuild('svelte', [svelte()]);
  const { mediaUrl, errors } = await uploadInBrowser('svelte');
  await expectServed(mediaUrl);
  assert.deepEqual(errors, []);
});

test('svelte-check accepts the Svelte app with the package typings and reports each misuse', async () => {
  const checker = resolve('node_modules/svelte-check/bin/svelte-check');
  const workspace = join(app.dir, 'svelte');
  const result = await promisify(execFile)(process.execPath, [checker, '--workspace', workspace, '--output', 'machine'], { encoding: 'utf8', timeout: 180_000 }).catch(
    (error: { stdout: string }) => error,
  );
  // Machine output: "<time> ERROR "<file>" <line>:<column> "<message>"".
  const errors = [...result.stdout.matchAll(/^\d+ ERROR "([^"]+)" (\d+):\d+ "(.*)"$/gm)].map(([, file, line, message]) => `${file}:${line} ${message}`);
  assert.equal(errors.filter((error) => !error.startsWith('src/Misuse.svelte:')).length, 0, errors.join('\n'));
  assert.deepEqual(
    errors.map((error) => error.split(' ')[0]),
    ['src/Misuse.svelte:6', 'src/Misuse.svelte:7', 'src/Misuse.svelte:8'],
    errors.join('\n'),
  );
  assert.match(errors[0]!, /plivoo.*not assignable to type 'ProviderName \| undefined'/);
  assert.match(errors[1]!, /string.*not assignable to type 'number/);
  assert.match(errors[2]!, /Property 'url' does not exist/);
  assert.match(result.stdout, /COMPLETED \d+ FILES 3 ERRORS 0 WARNINGS/);
});
