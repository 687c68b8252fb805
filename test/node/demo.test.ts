// The demo end to end, as `npm start` serves it: Vite dev server + the signed proxy on the
// local provider; a photo picked in Chromium is stored and its media URL serves the same bytes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NODE_TIMEOUTS } from '../../demo/server.js';
import { demoInChromium } from '../helpers/demo-server.js';
import { jpegBytes, pngBytes } from '../helpers/sample-files.js';

const session = demoInChromium();

test('the demo\'s Node server has the timeouts the README advises for slow clients', () => {
  const { headersTimeout, requestTimeout, keepAliveTimeout } = session.demo.httpServer;
  assert.deepEqual({ headersTimeout, requestTimeout, keepAliveTimeout }, NODE_TIMEOUTS);
  assert.deepEqual(NODE_TIMEOUTS, { headersTimeout: 20_000, requestTimeout: 2_400_000, keepAliveTimeout: 5_000 });
});

test('a photo picked on the demo page is stored and its media URL serves the same bytes', async () => {
  const page = await session.browser.newPage();
  await page.goto(`${session.origin}/demo/`);
  const photo = Buffer.from(jpegBytes(50_000));
  await page.locator('mms-media-upload').locator('input[type=file]').setInputFiles({
    name: 'holiday photo.jpg',
    mimeType: 'image/jpeg',
    buffer: photo,
  });
  const link = page.locator('#urls a').first();
  await link.waitFor({ timeout: 15_000 });
  const mediaUrl = await link.getAttribute('href');
  assert.ok(mediaUrl, 'the page shows a media URL');
  const response = await fetch(new URL(mediaUrl, session.origin));
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'image/jpeg');
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  assert.deepEqual(Buffer.from(await response.arrayBuffer()), photo);

  // The form posts the media URL under the element's name.
  await page.click('button[type=submit]');
  assert.match(await page.locator('#posted').textContent() ?? '', new RegExp(`media=${mediaUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  await page.close();
});

test('a PNG named .jpg is stored as image/png', async () => {
  const page = await session.browser.newPage();
  await page.goto(`${session.origin}/demo/`);
  await page.locator('mms-media-upload').locator('input[type=file]').setInputFiles({
    name: 'screenshot.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from(pngBytes(4000)),
  });
  const link = page.locator('#urls a').first();
  await link.waitFor({ timeout: 15_000 });
  const response = await fetch(new URL((await link.getAttribute('href'))!, session.origin));
  assert.equal(response.headers.get('content-type'), 'image/png');
  await page.close();
});
