// Hostile or careless provider answers, from mocks on loopback: what of them may reach the
// browser (media URLs that are safe to show, error texts without stack traces or paths, a 429's
// Retry-After, capped).
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { bandwidthProvider, createMediaProxy, genericProvider, openMarketProvider, plivoProvider, type FetchHandler, type MediaProvider } from '../../src/server/index.js';
import { jpegBytes } from '../helpers/sample-files.js';
import { tempDir, type TempDir } from './helpers/http.js';
import { BANDWIDTH, OPENMARKET, PLIVO, startAcrobitsMock, startBandwidthMock, startOpenMarketMock, startPlivoMock, type Mock } from './helpers/mock-providers.js';
import { bearer, expectError, json, SECRET, uploadRequest } from './helpers/proxy.js';

let spool: TempDir;
let acrobits: Mock;
let plivo: Mock;
let bandwidth: Mock;
let openMarket: Mock;
before(async () => {
  spool = await tempDir('answers-spool');
  acrobits = await startAcrobitsMock({ method: 'POST', format: 'json', fields: {} });
  plivo = await startPlivoMock(PLIVO.authId, PLIVO.authToken);
  bandwidth = await startBandwidthMock(BANDWIDTH.accountId, BANDWIDTH.username, BANDWIDTH.password);
  openMarket = await startOpenMarketMock(OPENMARKET.username, OPENMARKET.password, OPENMARKET.idsAccountId);
});
after(async () => {
  await Promise.all([acrobits, plivo, bandwidth, openMarket].map((mock) => mock.close()));
  await spool.remove();
});
afterEach(async () => {
  assert.deepEqual(await spool.list(), [], 'temporary files are removed');
});

function proxyFor(provider: MediaProvider): FetchHandler {
  return createMediaProxy({ secret: SECRET, provider, tmpDir: spool.path });
}

const generic = (options: { allowHttpMediaUrls?: boolean } = {}) =>
  proxyFor(genericProvider({ url: `${acrobits.origin}/upload_media`, fields: { from: 'johndow' }, ...options }));

/** Media URLs no browser may be given: script, inline documents, credentials, relative or other schemes. */
const HOSTILE_URLS = [
  'javascript:alert(document.cookie)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'https://user:pass@media.example/cat.jpg',
  'https://token@media.example/cat.jpg',
  '//media.example/cat.jpg',
  '/media/cat.jpg',
  'ftp://media.example/cat.jpg',
  'not a url',
];

describe('media URLs from providers', () => {
  it('refuses script, data, credentials, relative and other schemes: 502, and the URL is not repeated', async () => {
    const plivoProxy = proxyFor(plivoProvider({ ...PLIVO, baseUrl: plivo.origin }));
    const openMarketProxy = proxyFor(openMarketProvider({ ...OPENMARKET, baseUrl: openMarket.origin }));
    for (const url of HOSTILE_URLS) {
      const json = (body: unknown) => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      plivo.replyOnce(json({ api_id: 'x', objects: [{ status: 'success', media_id: 'm1', media_url: url }] }));
      acrobits.replyOnce(json({ media_url: url }));
      const answers: [string, Response][] = [
        ['Plivo', await plivoProxy(uploadRequest(bearer(), jpegBytes(), 'a.jpg'))],
        ['The media service', await generic()(uploadRequest(bearer(), jpegBytes(), 'a.jpg'))],
      ];
      if (/^\s*[a-z][a-z\t]*:/i.test(url)) {
        // OpenMarket's Location is resolved against its own URL: only absolute ones are hostile.
        openMarket.replyOnce({ status: 201, headers: { Location: url.replace(/\t/g, '') } });
        answers.push(['OpenMarket', await openMarketProxy(uploadRequest(bearer(), jpegBytes(), 'a.jpg'))]);
      }
      for (const [name, response] of answers) {
        const message = await expectError(response, 502, 'provider-failed', new RegExp(`^${name} returned a media URL that cannot be passed on\\.$`));
        assert.ok(!message.includes('pass@'), message);
      }
    }
    acrobits.replyOnce({ status: 200, headers: { 'Content-Type': 'text/xml' }, body: '<response><media_url>javascript:alert(1)</media_url></response>' });
    await expectError(await generic()(uploadRequest(bearer(), jpegBytes(), 'a.jpg')), 502, 'provider-failed', /cannot be passed on/);
  });

  it('passes https URLs on; http ones only from a provider on loopback http, or when allowed', async () => {
    acrobits.replyOnce({ status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ media_url: 'https://media.example/a b.jpg' }) });
    assert.equal((await json(await generic()(uploadRequest(bearer(), jpegBytes(), 'a.jpg')))).media_url, 'https://media.example/a%20b.jpg');
    // The mock's own answer is http://media.server.com/…: passed by default, as the mock is on http://127.0.0.1.
    assert.match(String((await json(await generic()(uploadRequest(bearer(), jpegBytes(), 'a.jpg')))).media_url), /^http:\/\/media\.server\.com\//);
    await expectError(await generic({ allowHttpMediaUrls: false })(uploadRequest(bearer(), jpegBytes(), 'a.jpg')), 502, 'provider-failed', /cannot be passed on/);
    // The check is the shared frame's: Bandwidth's own URL is held to it too.
    const strictBandwidth = proxyFor(bandwidthProvider({ ...BANDWIDTH, baseUrl: bandwidth.origin, allowHttpMediaUrls: false }));
    await expectError(await strictBandwidth(uploadRequest(bearer(), jpegBytes(), 'a.jpg')), 502, 'provider-failed', /^Bandwidth returned a media URL/);
  });
});

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

describe('a provider\'s 429', () => {
  const providers = (): [Mock, MediaProvider][] => [
    [plivo, plivoProvider({ ...PLIVO, baseUrl: plivo.origin })],
    [bandwidth, bandwidthProvider({ ...BANDWIDTH, baseUrl: bandwidth.origin })],
    [openMarket, openMarketProvider({ ...OPENMARKET, baseUrl: openMarket.origin })],
    [acrobits, genericProvider({ url: `${acrobits.origin}/upload_media`, fields: { from: 'johndow' } })],
  ];

  it('reaches the browser with its Retry-After in seconds, capped at 60, for every provider', async () => {
    const inAnHour = new Date(Date.now() + 3_600_000).toUTCString();
    const past = new Date(Date.now() - 3_600_000).toUTCString();
    for (const [mock, provider] of providers()) {
      const proxy = proxyFor(provider);
      for (const [sent, passed] of [['7', '7'], ['86400', '60'], [inAnHour, '60'], [past, '0'], ['soon', null]] as const) {
        mock.replyOnce({ status: 429, headers: { 'Retry-After': sent } });
        const response = await proxy(uploadRequest(bearer(), jpegBytes(), 'a.jpg'));
        assert.equal(response.headers.get('retry-after'), passed, `${provider.name}, Retry-After: ${sent}`);
        await expectError(response, 429, 'rate-limited', new RegExp(`^${provider.name} refused the file \\(HTTP 429\\)`));
      }
    }
  });

  it('turns an HTTP date into the seconds left until it', async () => {
    const [mock, provider] = providers()[0]!;
    mock.replyOnce({ status: 429, headers: { 'Retry-After': new Date(Date.now() + 20_000).toUTCString() } });
    const seconds = Number((await proxyFor(provider)(uploadRequest(bearer(), jpegBytes(), 'a.jpg'))).headers.get('retry-after'));
    assert.ok(seconds >= 1 && seconds <= 20, `${seconds} s`);
  });
});
