// `mms-media-upload/server` from the packed tarball, in fresh Express 5 apps: one written as ES
// modules (`import`), one as CommonJS (`require`, which needs the CommonJS build on Node before
// 20.19). Each takes a signature and one upload, and serves the file back; from CommonJS the optional
// clients still load on first use.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { jpegBytes } from '../helpers/sample-files.js';
import { startApp } from './helpers/app-server.js';
import { installPacked, packPackage, type Consumer, type PackedPackage } from './helpers/packed.js';

let packed: PackedPackage;
let app: Consumer;

before(() => {
  packed = packPackage();
  app = installPacked(packed.tarball, ['express']);
  cpSync('test/fixtures/apps/express', app.dir, { recursive: true });
});

after(() => {
  app?.remove();
  packed?.remove();
});

/** What the element does: a signature, then one multipart upload with it; returns the upload's answer. */
async function uploadOnce(origin: string, bytes: Uint8Array<ArrayBuffer>): Promise<{ media_url: string; content_type: string }> {
  const signing = await fetch(`${origin}/api/media-upload/sign`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ files: [{ name: 'photo.jpg', size: bytes.length, type: 'image/jpeg' }] }),
  });
  assert.equal(signing.status, 200, await signing.clone().text());
  const { headers } = (await signing.json()) as { headers: Record<string, string> };
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: 'image/jpeg' }), 'photo.jpg');
  const upload = await fetch(`${origin}/api/media-upload/upload`, { method: 'POST', headers, body: form });
  assert.equal(upload.status, 200, await upload.clone().text());
  return (await upload.json()) as { media_url: string; content_type: string };
}

for (const [kind, script] of [
  ['ES modules', 'server.js'],
  ['CommonJS', 'server.cjs'],
] as const) {
  test(`a fresh Express app (${kind}) signs, takes one upload and serves it back`, async () => {
    const server = await startApp(app, script);
    try {
      const photo = jpegBytes(20_000);
      const answer = await uploadOnce(server.origin, photo);
      assert.equal(answer.content_type, 'image/jpeg');
      const served = await fetch(new URL(answer.media_url, server.origin));
      assert.equal(served.status, 200);
      assert.deepEqual(new Uint8Array(await served.arrayBuffer()), photo);
    } finally {
      await server.stop();
    }
  });
}

test('from CommonJS, an optional client is loaded on first use, and named when it is missing', () => {
  const run = () => spawnSync(process.execPath, ['optional-client.cjs'], { cwd: app.dir, encoding: 'utf8', timeout: 30_000 });
  const missing = run();
  assert.equal(missing.status, 0, missing.stderr);
  assert.match(missing.stdout, /redisStore needs the package ioredis \(npm install ioredis\)/);
  app.link('ioredis');
  const installed = run();
  assert.equal(installed.status, 0, installed.stderr);
  assert.equal(installed.stdout.trim(), 'loaded');
});
