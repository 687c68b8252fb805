// The framework demos as `npm start` serves them (demo/react/, demo/vue/, demo/cdn.html): in each,
// a real JPEG picked in Chromium goes through the signed proxy, the framework renders the media
// URL it got from the `media-url` event, that URL serves the same bytes, and the form's
// FormData carries it under the element's name.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { demoInChromium } from '../helpers/demo-server.js';
import { jpegBytes } from '../helpers/sample-files.js';
import { photoPath } from '../helpers/photo-fixtures.js';
import type { MmsMediaUpload } from '../../src/mms-media-upload.js';

const session = demoInChromium();

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Demo {
  name: string;
  path: string;
  body: string;
  /** The `strings.dropLabel` the page hands the element as a property (frameworks only). */
  dropLabel?: string;
}

const demos: Demo[] = [
  { name: 'React 19', path: '/demo/react/', body: 'Hello from React', dropLabel: 'Drop photos, videos or PDFs for your message' },
  { name: 'Vue 3', path: '/demo/vue/', body: 'Hello from Vue', dropLabel: 'Drop photos, videos or PDFs for your message' },
  { name: 'CDN', path: '/demo/cdn.html', body: 'Hello from the CDN build' },
];

for (const demo of demos) {
  test(`the ${demo.name} demo shows the media URL of an uploaded photo and posts it with the form`, async () => {
    if (demo.name === 'CDN') assert.ok(existsSync('dist/cdn/mms-media-upload.min.js'), 'dist/cdn/ is built (npm test builds it first)');
    const page = await session.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
    });
    await page.goto(`${session.origin}${demo.path}`);

    const element = page.locator('mms-media-upload');
    if (demo.dropLabel) {
      // The framework set the object-valued `strings` as a property, and the attributes too.
      await element.locator('[part=dropzone]').getByText(demo.dropLabel).waitFor({ timeout: 5000 });
    }
    assert.deepEqual(
      await element.evaluate((node: MmsMediaUpload) => [node.name, node.endpoint, node.signatureEndpoint, node.required]),
      ['media', '/api/media-upload/upload', '/api/media-upload/sign', true],
    );

    const photo = Buffer.from(jpegBytes(40_000));
    await element.locator('input[type=file]').setInputFiles({ name: `${demo.name} photo.jpg`, mimeType: 'image/jpeg', buffer: photo });

    // Rendered by the framework from the media-url event: exactly one link for one file.
    const links = page.locator('#urls a');
    await links.first().waitFor({ timeout: 10_000 });
    assert.equal(await links.count(), 1);
    const mediaUrl = await links.first().getAttribute('href');
    assert.ok(mediaUrl, 'the page shows a media URL');
    assert.equal(await links.first().textContent(), mediaUrl);
    const response = await fetch(new URL(mediaUrl, session.origin));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/jpeg');
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), photo);

    // The form's FormData holds the media URL under the element's name, beside the message.
    await page.click('button[type=submit]');
    const posted = page.locator('#posted', { hasText: 'media=' });
    await posted.waitFor({ timeout: 5000 });
    const lines = (await posted.textContent())!.split('\n');
    assert.deepEqual(lines, [`body=${demo.body}`, `media=${mediaUrl}`]);
    assert.match(mediaUrl, new RegExp(`^${escape(session.origin)}/api/media-upload/media/`));
    assert.equal(await page.locator('#log li').count(), 0, 'no server message');
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('the plain demo fits a 4032×3024 phone photo to the message and says "resized from … to …"', async () => {
  const phonePhoto = await photoPath('phone-gps.jpg');
  const page = await session.browser.newPage();
  await page.goto(`${session.origin}/demo/`);
  const element = page.locator('mms-media-upload');
  await element.locator('input[type=file]:not([capture])').setInputFiles(phonePhoto);
  const links = page.locator('#urls a');
  await links.first().waitFor({ timeout: 60_000 });
  const size = await element.locator('[part=file-size]').textContent();
  assert.match(size!, /^resized from 5\.\d\d MB to [\d.]+ (MB|KB)$/);
  const response = await fetch(new URL((await links.first().getAttribute('href'))!, session.origin));
  assert.equal(response.headers.get('content-type'), 'image/jpeg');
  assert.ok(Number(response.headers.get('content-length')) <= 2_097_152, 'the stored photo fits the 2 MB limit');
  await page.close();
});

test('every demo page links to the others', async () => {
  const paths = ['/demo/', '/demo/react/', '/demo/vue/', '/demo/cdn.html'];
  const page = await session.browser.newPage();
  for (const path of paths) {
    await page.goto(`${session.origin}${path}`);
    const nav = page.getByRole('navigation', { name: 'Demos' });
    await nav.waitFor({ timeout: 5000 });
    const links = await nav.locator('a').evaluateAll((anchors) =>
      anchors.map((anchor) => [anchor.getAttribute('href'), anchor.getAttribute('aria-current')]),
    );
    assert.deepEqual(links, paths.map((target) => [target, target === path ? 'page' : null]), path);
  }
  await page.close();
});
