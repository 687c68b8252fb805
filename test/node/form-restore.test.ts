// Back/forward navigation: the browser restores the element's form state (the uploaded media
// URLs) through formStateRestoreCallback. The back/forward cache is turned off so that the
// page is really loaded again rather than kept alive.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoInChromium } from '../helpers/demo-server.js';
import { jpegBytes } from '../helpers/sample-files.js';

const session = demoInChromium(['--disable-features=BackForwardCache']);

test('going back to the form restores the uploaded media URLs', async () => {
  const page = await session.browser.newPage();
  await page.goto(`${session.origin}/demo/`);
  await page.locator('mms-media-upload').locator('input[type=file]').setInputFiles({
    name: 'kept.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from(jpegBytes(20_000)),
  });
  await page.locator('#urls a').first().waitFor({ timeout: 15_000 });
  const before = await page.evaluate('document.querySelector("mms-media-upload").value');
  assert.equal((before as string[]).length, 1);

  await page.goto(`${session.origin}/demo/react/`);
  await page.goBack();
  await page.waitForFunction('customElements.get("mms-media-upload")');
  await page.waitForFunction('document.querySelector("mms-media-upload").value.length === 1', undefined, { timeout: 5000 });
  const restored = await page.evaluate(`(() => {
    const element = document.querySelector('mms-media-upload');
    return { value: element.value, files: element.files.map((file) => [file.name, file.status]), form: [...new FormData(element.form).getAll('media')] };
  })()`);
  assert.deepEqual(restored, { value: before, files: [['kept.jpg', 'uploaded']], form: before });
  await page.close();
});
