// The small server modules on their own: file names, streaming base64, limits and refusals,
// provider messages, and spooling at the size limit.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import xxhash from 'xxhash-wasm';
import { DEFAULT_LIMITS, MEGABYTE, PROVIDER_PRESETS } from '../../src/limits.js';
import { base64Encoder, base64Length } from '../../src/server/base64.js';
import { HttpError } from '../../src/server/errors.js';
import { cleanFileName, extensionFor, shortAsciiName } from '../../src/server/filename.js';
import { removeSpool, spoolUpload } from '../../src/server/multipart.js';
import { providerFailure } from '../../src/server/providers/http.js';
import { providerMessage, xmlValue } from '../../src/server/providers/response.js';
import { intersectLimits } from '../../src/server/intersect-limits.js';
import { importOptional } from '../../src/server/optional-import.js';
import { refusal } from '../../src/server/refusals.js';
import { jpegBytes } from '../helpers/sample-files.js';
import { multipartBody, MULTIPART_TYPE, tempDir } from './helpers/http.js';

async function* chunked(bytes: Buffer, sizes: number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  let i = 0;
  while (at < bytes.length) {
    const size = sizes[i++ % sizes.length]!;
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

describe('cleanFileName', () => {
  it('keeps only the last path segment and never leaves ".."', () => {
    assert.equal(cleanFileName('../../etc/passwd'), 'passwd');
    assert.equal(cleanFileName('..\\..\\windows\\win.ini'), 'win.ini');
    assert.equal(cleanFileName('C:\\Users\\me\\photo.jpg'), 'photo.jpg');
    assert.equal(cleanFileName('..'), 'file');
    assert.equal(cleanFileName('a..b...jpg'), 'a.b.jpg');
    assert.equal(cleanFileName('.hidden.png'), 'hidden.png');
  });

  it('removes CR/LF, control characters, quotes and bidi controls', () => {
    assert.equal(cleanFileName('evil\r\nX-Injected: 1.jpg'), 'evilX-Injected 1.jpg');
    assert.equal(cleanFileName('a\r\nb\u0000c.jpg'), 'abc.jpg');
    assert.equal(cleanFileName('say "cheese" \'now\'.png'), 'say cheese now.png');
    // U+202E (RIGHT-TO-LEFT OVERRIDE) makes "photo\u202Egpj.exe" display as "photoexe.jpg".
    assert.equal(cleanFileName('photo\u202Egpj.exe'), 'photogpj.exe');
    assert.equal(cleanFileName('\u2066x\u2069\u200F.gif'), 'x.gif');
    assert.equal(cleanFileName('<script>.txt'), 'script.txt');
  });

  it('keeps Unicode letters, normalised to NFC, and caps the length keeping the extension', () => {
    assert.equal(cleanFileName('fe\u0301te\u0301 фото.jpg'), 'f\u00e9t\u00e9 фото.jpg');
    const long = cleanFileName(`${'ä'.repeat(300)}.jpeg`);
    assert.equal([...long].length, 100);
    assert.ok(long.endsWith('.jpeg'));
  });

  it('falls back when nothing is left', () => {
    assert.equal(cleanFileName('\r\n', 'file.jpg'), 'file.jpg');
    assert.equal(cleanFileName('///', 'file.png'), 'file.png');
  });

  it('knows the extension of each sniffed type', () => {
    assert.equal(extensionFor('image/png'), '.png');
    assert.equal(extensionFor('video/quicktime'), '.mov');
    assert.equal(extensionFor('application/x-unknown'), '');
  });
});

describe('shortAsciiName (the media URL\'s Content-Disposition name, by Twilio\'s rule)', () => {
  it('keeps at most 20 ASCII characters without spaces, ending with the real type\'s extension', () => {
    assert.equal(shortAsciiName('Été à Paris.JPG', 'image/png'), 'Ete_a_Paris.png');
    assert.equal(shortAsciiName('A very long holiday photo name.jpeg', 'image/jpeg'), 'A_very_long_holi.jpg');
    assert.equal(shortAsciiName('report.final.v2.pdf', 'application/pdf'), 'report_final_v2.pdf');
    assert.equal(shortAsciiName('фото.jpg', 'image/jpeg'), 'file.jpg', 'nothing ASCII left');
    assert.equal(shortAsciiName('clip', 'video/3gpp'), 'clip.3gp');
    for (const name of ['a b (1) [x] {y} ~!@#$%^&*.gif', '…', '--__--.mp4']) {
      assert.match(shortAsciiName(name, 'image/gif'), /^[A-Za-z0-9][A-Za-z0-9_-]{0,15}\.gif$|^file\.gif$/);
    }
  });
});

describe('optional peer dependencies', () => {
  it('name the package to install when it is missing', async () => {
    // @ts-expect-error a package that does not exist
    const missing = () => import('mms-no-such-optional-client');
    await assert.rejects(importOptional(missing, 'mms-no-such-optional-client', 'redisStore'), {
      message: 'mms-media-upload/server: redisStore needs the package mms-no-such-optional-client (npm install mms-no-such-optional-client).',
    });
  });
});

describe('streaming base64', () => {
  it('matches Buffer base64 for every chunking, carrying 0–2 bytes between chunks', async () => {
    for (const length of [0, 1, 2, 3, 4, 5, 100, 65_537]) {
      const bytes = randomBytes(length);
      for (const sizes of [[1], [2], [3], [1, 2], [5, 7, 1], [65_536]]) {
        const encoder = base64Encoder();
        const parts: Buffer[] = [];
        for await (const chunk of chunked(bytes, sizes)) parts.push(encoder.encode(chunk));
        parts.push(encoder.end());
        assert.equal(Buffer.concat(parts).toString('latin1'), bytes.toString('base64'), `length ${length}, chunks ${sizes}`);
      }
      assert.equal(base64Length(length), bytes.toString('base64').length);
    }
  });
});

describe('limits', () => {
  it('intersects counts, sizes and types, wildcards included', () => {
    const merged = intersectLimits({ maxFiles: 20, maxFileSize: 5 * MEGABYTE, accept: ['image/*', 'application/pdf'] }, PROVIDER_PRESETS.acrobits);
    assert.deepEqual(merged, { maxFiles: 10, maxFileSize: 2 * MEGABYTE, accept: ['image/jpeg'] });
    assert.deepEqual(intersectLimits(DEFAULT_LIMITS, PROVIDER_PRESETS.openmarket).accept.sort(), ['application/pdf', 'image/gif', 'image/jpeg', 'image/png', 'video/mp4']);
  });

  it('takes the smaller total size, or the one set', () => {
    assert.equal(intersectLimits({ ...DEFAULT_LIMITS, maxTotalSize: 5 * MEGABYTE }, { ...DEFAULT_LIMITS, maxTotalSize: 3 * MEGABYTE }).maxTotalSize, 3 * MEGABYTE);
    assert.equal(intersectLimits(DEFAULT_LIMITS, { ...DEFAULT_LIMITS, maxTotalSize: 4 * MEGABYTE }).maxTotalSize, 4 * MEGABYTE);
    assert.equal(intersectLimits({ ...DEFAULT_LIMITS, maxTotalSize: 4 * MEGABYTE }, DEFAULT_LIMITS).maxTotalSize, 4 * MEGABYTE);
    assert.ok(!('maxTotalSize' in intersectLimits(DEFAULT_LIMITS, PROVIDER_PRESETS.plivo)), 'no total limit when neither has one');
  });
});

describe('refusals', () => {
  it('word the shared codes in English with the limit in binary megabytes, and name the limit that refused', () => {
    const body = (error: { status: number; body: unknown }) => [error.status, error.body];
    assert.deepEqual(body(refusal('file-too-large', { name: 'photo.jpg', size: 2 * MEGABYTE + 1 }, DEFAULT_LIMITS)), [
      413,
      { code: 'file-too-large', message: 'photo.jpg is 2.01 MB; the limit is 2 MB', maxFileSize: 2 * MEGABYTE },
    ]);
    assert.deepEqual(body(refusal('file-too-large', { name: 'The file' }, PROVIDER_PRESETS.bandwidth)), [
      413,
      { code: 'file-too-large', message: 'The file is larger than 3.5 MB', maxFileSize: 3.5 * MEGABYTE },
    ]);
    assert.deepEqual(body(refusal('type-not-allowed', { name: 'x.bin' }, { ...PROVIDER_PRESETS.acrobits, accept: ['.jpg', 'video/mp4'] })), [
      415,
      { code: 'type-not-allowed', message: 'x.bin: its contents are not of a type that can be attached; allowed: JPEG, MP4', accept: ['image/jpeg', 'video/mp4'] },
    ]);
    assert.match(refusal('type-not-allowed', { name: 'x.svg', type: 'image/svg+xml' }, DEFAULT_LIMITS).message, /web page or drawing/);
    assert.deepEqual(body(refusal('too-many-files', { name: 'a.png' }, DEFAULT_LIMITS, 400)), [
      400,
      { code: 'too-many-files', message: 'a.png: only 10 files can be attached', maxFiles: 10 },
    ]);
    assert.deepEqual(body(refusal('total-too-large', { name: 'a.png', size: 10 }, { ...DEFAULT_LIMITS, maxTotalSize: 5 * MEGABYTE })), [
      413,
      { code: 'total-too-large', message: 'a.png: all files together may be at most 5 MB', maxTotalSize: 5 * MEGABYTE },
    ]);
    assert.deepEqual(body(refusal('empty-file', { name: 'e.txt', size: 0 }, DEFAULT_LIMITS)), [400, { code: 'empty-file', message: 'e.txt is empty' }]);
  });
});

describe('provider answers', () => {
  it('finds the message of each provider', () => {
    assert.equal(providerMessage('<response><message>Not enough credit</message></response>'), 'Not enough credit');
    assert.equal(providerMessage('{"message":"Quota &amp; more"}'), 'Quota &amp; more');
    assert.equal(providerMessage('<response><message>Quota &amp; more</message></response>'), 'Quota & more');
    assert.equal(providerMessage('{"api_id":"x","error":"Authentication credentials invalid"}'), 'Authentication credentials invalid');
    assert.equal(
      providerMessage('{"invalidReasons":["Missing IDS account ID","Supplied file size does not match content"],"valid":false}'),
      'Missing IDS account ID; Supplied file size does not match content',
    );
    assert.equal(providerMessage('<html><body>502</body></html>'), undefined);
    assert.equal(xmlValue('<response><media_url><![CDATA[http://a/b?x=1&y=2]]></media_url></response>', 'media_url'), 'http://a/b?x=1&y=2');
  });

  it('never repeats a secret, and keeps messages short and on one line', () => {
    const message = providerMessage('{"message":"bad password hunter22\\r\\nfor user"}', ['hunter22']);
    assert.equal(message, 'bad password *** for user');
    assert.ok(providerMessage(JSON.stringify({ message: 'x'.repeat(1000) }))!.length <= 300);
  });

  it('passes 413, 415 and 429 through with their codes and answers other refusals 502 provider-failed', () => {
    const answer = (status: number) => {
      const { status: given, code } = providerFailure('Plivo', status);
      return [given, code];
    };
    assert.deepEqual(answer(413), [413, 'file-too-large']);
    assert.deepEqual(answer(415), [415, 'type-not-allowed']);
    assert.deepEqual(answer(429), [429, 'rate-limited']);
    for (const status of [400, 401, 402, 403, 404, 500, 503]) assert.deepEqual(answer(status), [502, 'provider-failed'], String(status));
    assert.equal(providerFailure('Plivo', 400, 'nope').message, 'Plivo refused the upload (HTTP 400): nope');
  });
});

describe('spoolUpload', () => {
  const request = (data: Uint8Array) =>
    new Request('http://app.test/upload', {
      method: 'POST',
      headers: { 'Content-Type': MULTIPART_TYPE },
      body: multipartBody([{ name: 'note', data: 'hi' }, { name: 'file', filename: 'a.jpg', type: 'image/jpeg', data }]),
    });

  it('passes a file of exactly the limit, spooled whole with its head, and refuses limit + 1 byte with 413', async () => {
    const dir = await tempDir('spool-unit');
    try {
      const exact = await spoolUpload(request(jpegBytes(1000)), { limits: { ...DEFAULT_LIMITS, maxFileSize: 1000 }, tmpDir: dir.path });
      assert.equal(exact.size, 1000);
      assert.deepEqual(await readFile(exact.path), Buffer.from(jpegBytes(1000)));
      assert.deepEqual(exact.head, jpegBytes(1000));
      assert.equal(exact.contentHash, (await xxhash()).h64Raw(jpegBytes(1000)).toString(16).padStart(16, '0'), 'hashed while spooled');
      assert.equal(exact.fileName, 'a.jpg');
      assert.deepEqual({ ...exact.fields }, { note: 'hi' });
      await removeSpool(exact.path);
      await assert.rejects(spoolUpload(request(jpegBytes(1001)), { limits: { ...DEFAULT_LIMITS, maxFileSize: 1000 }, tmpDir: dir.path }), (error) => {
        assert.ok(error instanceof HttpError);
        assert.deepEqual([error.status, error.body], [413, { code: 'file-too-large', message: 'a.jpg is larger than 1,000 B', maxFileSize: 1000 }]);
        return true;
      });
      assert.deepEqual(await dir.list(), [], 'the cut file is removed');
    } finally {
      await dir.remove();
    }
  });
});
