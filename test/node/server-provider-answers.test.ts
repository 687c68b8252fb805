// Hostile or careless provider answers, from mocks on loopback: what of them may reach the
// browser (error texts without stack traces or paths).
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { createMediaProxy, genericProvider, type FetchHandler, type MediaProvider } from '../../src/server/index.js';
import { jpegBytes } from '../helpers/sample-files.js';
import { tempDir, type TempDir } from './helpers/http.js';
import { startAcrobitsMock, type Mock } from './helpers/mock-providers.js';
import { bearer, expectError, SECRET, uploadRequest } from './helpers/proxy.js';

let spool: TempDir;
let acrobits: Mock;
before(async () => {
  spool = await tempDir('answers-spool');
  acrobits = await startAcrobitsMock({ method: 'POST', format: 'json', fields: {} });
});
after(async () => {
  await acrobits.close();
  await spool.remove();
});
afterEach(async () => {
  assert.deepEqual(await spool.list(), [], 'temporary files are removed');
});

function proxyFor(provider: MediaProvider): FetchHandler {
  return createMediaProxy({ secret: SECRET, provider, tmpDir: spool.path });
}

const generic = () => proxyFor(genericProvider({ url: `${acrobits.origin}/upload_media`, fields: { from: 'johndow' } }));

describe('provider error texts', () => {
  it('keep the provider\'s words and drop stack frames, file paths and what follows them', async () => {
    const cases: [body: string, json: boolean, expected: string][] = [
      ['Upload failed: disk full\n    at Handler.upload (/srv/provider/app/handler.js:42:13)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)', true, ': Upload failed: disk full'],
      ['Internal error at Handler.upload (/srv/provider/app/handler.js:42:13) while storing', true, ': Internal error'],
      ["Error: ENOENT: no such file or directory, open '/srv/provider/uploads/tmp/x.jpg'", true, ': Error: ENOENT: no such file or directory, open'],
      ['Could not write C:\\inetpub\\media\\x.jpg (disk full)', true, ': Could not write'],
      ['java.lang.IllegalStateException: quota exceeded\n\tat com.acme.media.Upload.store(Upload.java:42)\n\tat com.acme.Main.main(Main.java:7)', true, ': java.lang.IllegalStateException: quota exceeded'],
      ['Traceback (most recent call last):\n  File "/srv/app/views.py", line 12, in upload\nValueError: bad frame', true, '.'],
      ["TypeError: Cannot read properties of undefined (reading 'size')\n    at upload (file:///srv/app/index.mjs:10:5)", false, ": TypeError: Cannot read properties of undefined (reading 'size')"],
      // Words that only look like a trace are kept: a URL, a time, a MIME type.
      ['Storage is down at 5:30 UTC, see https://status.example.com/incidents/42 (image/jpeg only)', true, ': Storage is down at 5:30 UTC, see https://status.example.com/incidents/42 (image/jpeg only)'],
    ];
    for (const [text, json, expected] of cases) {
      acrobits.replyOnce(
        json
          ? { status: 500, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ message: text }) }
          : { status: 500, headers: { 'Content-Type': 'text/plain' }, body: text },
      );
      const message = await expectError(await generic()(uploadRequest(bearer(), jpegBytes(), 'a.jpg')), 502, 'provider-failed', /^The media service failed to store the file \(HTTP 500\)/);
      assert.equal(message, `The media service failed to store the file (HTTP 500)${expected}`, text);
    }
  });
});
