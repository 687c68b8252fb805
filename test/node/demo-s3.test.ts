// The demo on S3 and Redis, as the README's demo settings describe: MMS_PROVIDER=s3 with the S3_*
// variables (here a real S3 API on loopback) and MMS_REDIS_URL (a redis-server on loopback). A photo
// picked in Chromium lands in S3, and its media URL serves the same bytes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.js';
import { startDemoServer, type DemoServer } from '../helpers/demo-server.js';
import { jpegBytes } from '../helpers/sample-files.js';
import { startRedisServer, type RedisServer } from './helpers/redis-server.js';
import { S3_CREDENTIALS, startS3Server, type S3Server } from './helpers/s3-server.js';

let redis: RedisServer;
let s3: S3Server;
let demo: DemoServer;
let browser: Browser;

before(async () => {
  [redis, s3] = await Promise.all([startRedisServer(), startS3Server('demo-media')]);
  Object.assign(process.env, {
    MMS_PROVIDER: 's3',
    S3_BUCKET: s3.bucket,
    S3_ENDPOINT: s3.endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    S3_ACCESS_KEY_ID: S3_CREDENTIALS.accessKeyId,
    S3_SECRET_ACCESS_KEY: S3_CREDENTIALS.secretAccessKey,
    S3_PUBLIC_BASE_URL: s3.publicBaseUrl,
    S3_KEY_PREFIX: 'demo/',
    MMS_REDIS_URL: redis.url,
  });
  demo = await startDemoServer();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await demo?.close();
  await Promise.all([s3?.close(), redis?.stop()]);
});

test('the demo stores into S3 with a Redis store when its variables say so', async () => {
  const page = await browser.newPage();
  await page.goto(`${demo.origin}/demo/`);
  const photo = Buffer.from(jpegBytes(60_000));
  await page.locator('mms-media-upload').locator('input[type=file]').setInputFiles({ name: 'holiday photo.jpg', mimeType: 'image/jpeg', buffer: photo });
  const link = page.locator('#urls a').first();
  await link.waitFor({ timeout: 15_000 });
  const mediaUrl = (await link.getAttribute('href'))!;
  assert.match(mediaUrl, new RegExp(`^${s3.publicBaseUrl}/demo/[A-Za-z0-9_-]{22}\\.jpg$`));
  const response = await fetch(mediaUrl);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'image/jpeg');
  assert.equal(response.headers.get('content-disposition'), 'inline; filename="holiday_photo.jpg"');
  assert.deepEqual(Buffer.from(await response.arrayBuffer()), photo);
  assert.equal(s3.requests.filter((request) => request.method === 'PUT' && !request.refused).length, 1);
  await page.close();
});
