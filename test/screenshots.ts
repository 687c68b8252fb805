// `npm run screenshots`: pictures of the element's states in headless Chromium, written to
// test/screenshots/: idle, dragover, files with thumbnails uploading, error, dark mode, forced
// colours (Windows high contrast), a photo fitted to the message, and a 320 px phone with a long
// name and a failure.
// Uses the demo's dev server (signed proxy, local provider); uploads are held or answered
// by Playwright routes so each state stays put for its picture.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchChromium } from './helpers/chromium.js';
import { startDemoServer } from './helpers/demo-server.js';

const outDir = 'test/screenshots';
mkdirSync(outDir, { recursive: true });
const demo = await startDemoServer();
const origin = demo.origin;
const browser = await launchChromium();

/** Adds sample files through test/fixtures/state-files.js (strings: tsx's helpers don't exist in the page). */
async function addFiles(page: Page, kinds: string[]): Promise<void> {
  await page.evaluate(`window.addSampleFiles(${JSON.stringify(kinds)})`);
  await page.waitForTimeout(300);
}

async function shoot(
  name: string,
  setup: (page: Page) => Promise<void>,
  colorScheme: 'light' | 'dark' = 'light',
  forcedColors: 'active' | 'none' = 'none',
  width = 620,
) {
  const page = await browser.newPage({ viewport: { width, height: 700 }, deviceScaleFactor: 1, colorScheme, forcedColors });
  await page.goto(`${origin}/test/fixtures/states.html`);
  if (width < 620) await page.addStyleTag({ content: '#stage { width: auto; padding: 12px; }' });
  await page.waitForFunction('window.addSampleFiles && customElements.get("mms-media-upload")');
  await setup(page);
  await page.locator('#stage').screenshot({ path: `${outDir}/${name}.png` });
  await page.close();
  console.log(`${outDir}/${name}.png`);
}

const holdUploads = (page: Page) => page.route('**/api/media-upload/upload', () => {}); // never answered
const creditError = (page: Page) =>
  page.route('**/api/media-upload/upload', (route) =>
    route.fulfill({ status: 402, contentType: 'text/xml', body: '<response><message>Not enough credit</message></response>' }),
  );

try {
  await shoot('idle', async () => {});
  await shoot('dragover', async (page) => {
    await page.evaluate('window.dragFilesOver()');
    await page.waitForTimeout(100);
  });
  await shoot('uploading', async (page) => {
    await holdUploads(page);
    await addFiles(page, ['beach', 'sunset', 'pdf', 'video']);
  });
  await shoot('error', async (page) => {
    await creditError(page);
    await addFiles(page, ['beach', 'exe', 'big']);
    await page.waitForTimeout(500);
  });
  await shoot('fitted', async (page) => {
    await holdUploads(page);
    await addFiles(page, ['big', 'beach']);
    await page.waitForTimeout(1500); // the photo is fitted in a worker first
  });
  await shoot('dark', async (page) => {
    await holdUploads(page);
    await addFiles(page, ['beach', 'sunset', 'pdf', 'exe']);
  }, 'dark');
  await shoot('forced-colors', async (page) => {
    await creditError(page);
    await addFiles(page, ['beach', 'pdf', 'exe']);
    await page.evaluate('window.dragFilesOver()');
    await page.waitForTimeout(300);
  }, 'dark', 'active');
  await shoot('phone', async (page) => {
    await creditError(page);
    await addFiles(page, ['longName', 'beach', 'exe']);
    await page.waitForTimeout(500);
  }, 'light', 'none', 320);
} finally {
  await browser.close();
  await demo.close();
}
