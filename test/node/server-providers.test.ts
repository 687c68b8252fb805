// Each provider adapter against a mock written from its seed document: a valid upload, and the
// provider's refusals, failures, absence and silence mapped to a status and a clear message.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { MEGABYTE } from '../../src/limits.js';
import type { ErrorCode } from '../../src/protocol.js';
import {
  bandwidthProvider,
  createMediaProxy,
  genericProvider,
  openMarketProvider,
  plivoProvider,
  type FetchHandler,
  type MediaProvider,
} from '../../src/server/index.js';
import { jpegBytes, mp4Bytes, pdfBytes, pngBytes, quicktimeBytes } from '../helpers/sample-files.js';
import { closedOrigin, tempDir, type TempDir } from './helpers/http.js';
import {
  BANDWIDTH,
  OPENMARKET,
  openMarketContent,
  PLIVO,
  startAcrobitsMock,
  startBandwidthMock,
  startHangingServer,
  startOpenMarketMock,
  startPlivoMock,
  type Mock,
} from './helpers/mock-providers.js';
import { bearer, expectError, json, SECRET, uploadRequest } from './helpers/proxy.js';

let spool: TempDir;
before(async () => {
  spool = await tempDir('provider-spool');
});
after(() => spool.remove());
afterEach(async () => {
  assert.deepEqual(await spool.list(), [], 'temporary files are removed, on errors too');
});

function proxyFor(provider: MediaProvider, limits = {}): FetchHandler {
  return createMediaProxy({ secret: SECRET, provider, limits, tmpDir: spool.path });
}

async function expectFailure(response: Response, status: number, code: ErrorCode, pattern: RegExp, secrets: string[] = []): Promise<string> {
  const message = await expectError(response, status, code, pattern);
  for (const secret of secrets) assert.ok(!message.includes(secret), `"${message}" leaks a secret`);
  return message;
}

describe('Plivo', () => {
  let mock: Mock;
  let proxy: FetchHandler;
  before(async () => {
    mock = await startPlivoMock(PLIVO.authId, PLIVO.authToken);
    proxy = proxyFor(plivoProvider({ ...PLIVO, baseUrl: mock.origin }));
  });
  after(() => mock.close());

  it('uploads the file as multipart `file` with Basic auth, and answers objects[0]', async () => {
    const bytes = jpegBytes(40_000);
    const response = await proxy(uploadRequest(bearer(), bytes, 'sample.jpg', 'image/jpeg'));
    const body = await json(response);
    assert.equal(response.status, 200, JSON.stringify(body));
    const sent = mock.requests.at(-1)!;
    assert.equal(sent.files.length, 1);
    assert.equal(sent.files[0]!.filename, 'sample.jpg');
    assert.equal(sent.files[0]!.type, 'image/jpeg');
    assert.deepEqual(new Uint8Array(sent.files[0]!.bytes), bytes);
    assert.match(String(body.media_url), new RegExp(`^https://media\\.plivo\\.com/Account/${PLIVO.authId}/Media/[0-9a-f-]{36}$`));
    assert.equal(body.media_url, `https://media.plivo.com/Account/${PLIVO.authId}/Media/${String(body.media_id)}`);
    assert.deepEqual({ ...body, media_url: undefined, media_id: undefined }, { media_url: undefined, media_id: undefined, file_name: 'sample.jpg', content_type: 'image/jpeg', size: 40_000 });
  });

  it('maps a 4xx with `error` to 502 with its message, and masks credentials it echoes', async () => {
    mock.replyOnce({ status: 400, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ api_id: 'x', error: `media rejected for token ${PLIVO.authToken}` }) });
    const authorization = bearer();
    await expectFailure(await proxy(uploadRequest(authorization, pngBytes(), 'a.png')), 502, 'provider-failed', /^Plivo refused the upload \(HTTP 400\): media rejected for token \*\*\*$/, [
      PLIVO.authToken,
      authorization.slice(7),
    ]);
  });

  it('maps a 5xx to 502 and does not retry it', async () => {
    const before = mock.requests.length;
    mock.replyOnce({ status: 500, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ api_id: 'x', error: 'internal error' }) });
    await expectFailure(await proxy(uploadRequest(bearer(), pngBytes(), 'a.png')), 502, 'provider-failed', /^Plivo failed to store the file \(HTTP 500\): internal error$/);
    assert.equal(mock.requests.length, before + 1, 'one request only');
  });

  it('passes 413, 415 and 429 through with their status and code, and a 429\'s Retry-After', async () => {
    for (const [status, code] of [[413, 'file-too-large'], [415, 'type-not-allowed'], [429, 'rate-limited']] as const) {
      mock.replyOnce({ status, headers: { 'Content-Type': 'application/json', 'Retry-After': '7' }, body: JSON.stringify({ api_id: 'x', error: 'slow down' }) });
      const response = await proxy(uploadRequest(bearer(), pngBytes(), 'a.png'));
      assert.equal(response.headers.get('retry-after'), status === 429 ? '7' : null);
      await expectError(response, status, code, new RegExp(`^Plivo refused the file \\(HTTP ${status}\\): slow down$`));
    }
    mock.replyOnce({ status: 429, headers: { 'Retry-After': 'in a moment' } });
    const odd = await proxy(uploadRequest(bearer(), pngBytes(), 'a.png'));
    assert.equal(odd.headers.get('retry-after'), null, 'only seconds or an HTTP date are repeated');
    await expectError(odd, 429, 'rate-limited', /^Plivo refused the file \(HTTP 429\)\.$/);
  });

  it('answers its own 401 (our credentials) as 502, without the credentials', async () => {
    const wrong = proxyFor(plivoProvider({ ...PLIVO, authToken: 'wrong-token-value', baseUrl: mock.origin }));
    await expectFailure(await wrong(uploadRequest(bearer(), pngBytes(), 'a.png')), 502, 'provider-failed', /credentials \(HTTP 401\)/, ['wrong-token-value', PLIVO.authToken]);
  });

  it('refuses a 200 without a media URL with 502', async () => {
    mock.replyOnce({ status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ api_id: 'x', objects: [] }) });
    await expectFailure(await proxy(uploadRequest(bearer(), pngBytes(), 'a.png')), 502, 'provider-failed', /did not return a media URL/);
  });

  it('checks the file before Plivo sees it: over 2 MB is 413 and nothing is sent', async () => {
    const count = mock.requests.length;
    const wide = bearer({ limits: { maxFileSize: 10 * MEGABYTE } });
    await expectError(await proxy(uploadRequest(wide, jpegBytes(2 * MEGABYTE + 1), 'big.jpg')), 413, 'file-too-large', /larger than 2 MB/, { maxFileSize: 2 * MEGABYTE });
    assert.equal(mock.requests.length, count);
  });
});

describe('Bandwidth', () => {
  let mock: Mock;
  let proxy: FetchHandler;
  before(async () => {
    mock = await startBandwidthMock(BANDWIDTH.accountId, BANDWIDTH.username, BANDWIDTH.password);
    proxy = proxyFor(bandwidthProvider({ ...BANDWIDTH, baseUrl: mock.origin }), { maxFileSize: 3.5 * MEGABYTE });
  });
  after(() => mock.close());

  it('PUTs the raw bytes with their type and length under a generated name; media URL = that URL', async () => {
    const bytes = pngBytes(3 * MEGABYTE);
    const authorization = bearer({ limits: { maxFileSize: 3.5 * MEGABYTE } });
    const first = await json(await proxy(uploadRequest(authorization, bytes, 'photo.jpg', 'image/jpeg')));
    const second = await json(await proxy(uploadRequest(authorization, bytes, 'photo.jpg', 'image/jpeg')));
    const [a, b] = mock.requests.slice(-2) as [Mock['requests'][0], Mock['requests'][0]];
    assert.match(a.path, new RegExp(`^/api/v2/users/${BANDWIDTH.accountId}/media/[0-9a-f-]{36}\\.png$`), 'random id, extension of the real type');
    assert.notEqual(a.path, b.path, 'no two files share a name (Bandwidth would overwrite)');
    assert.equal(a.headers['content-type'], 'image/png');
    assert.equal(a.headers['content-length'], String(bytes.length));
    assert.deepEqual(new Uint8Array(a.body), bytes);
    assert.equal(first.media_url, `${mock.origin}${a.path}`);
    assert.equal(second.media_url, `${mock.origin}${b.path}`);
    assert.equal(first.content_type, 'image/png');
    assert.equal(first.size, 3 * MEGABYTE);
  });

  it('maps a 5xx with a description to 502, and wrong credentials to 502', async () => {
    mock.replyOnce({ status: 503, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ type: 'service-unavailable', description: 'Try again later' }) });
    await expectFailure(await proxy(uploadRequest(bearer(), pdfBytes(), 'a.pdf')), 502, 'provider-failed', /^Bandwidth failed to store the file \(HTTP 503\): Try again later$/);
    const wrong = proxyFor(bandwidthProvider({ ...BANDWIDTH, password: 'not-the-password', baseUrl: mock.origin }));
    await expectFailure(await wrong(uploadRequest(bearer(), pdfBytes(), 'a.pdf')), 502, 'provider-failed', /credentials/, ['not-the-password']);
  });
});

describe('OpenMarket', () => {
  let mock: Mock;
  let proxy: FetchHandler;
  const limits = { maxFileSize: 8 * MEGABYTE, accept: ['image/jpeg', 'video/mp4', 'video/quicktime'] };
  before(async () => {
    mock = await startOpenMarketMock(OPENMARKET.username, OPENMARKET.password, OPENMARKET.idsAccountId);
    proxy = proxyFor(openMarketProvider({ ...OPENMARKET, baseUrl: mock.origin }), limits);
  });
  after(() => mock.close());

  it('streams the base64 JSON with an exact Content-Length; media URL = Location', async () => {
    // Sizes of each remainder mod 3, so the streaming encoder's carry is exercised.
    for (const bytes of [jpegBytes(5 * MEGABYTE + 1), quicktimeBytes(100_001), mp4Bytes(65_537)]) {
      const response = await proxy(uploadRequest(bearer({ limits }), bytes, 'clip'));
      const body = await json(response);
      assert.equal(response.status, 200, JSON.stringify(body));
      const sent = mock.requests.at(-1)!;
      const fields = JSON.parse(sent.body.toString('utf8')) as Record<string, unknown>;
      assert.deepEqual(Object.keys(fields), ['mimeType', 'idsAccountId', 'fileSize', 'content']);
      assert.equal(fields.mimeType, body.content_type);
      assert.equal(fields.fileSize, bytes.length);
      assert.deepEqual(new Uint8Array(openMarketContent(sent)), bytes);
      assert.match(String(body.media_url), /^https:\/\/s3-us-west-1\.amazonaws\.com\/openmarket-us-west-1-rcs-cms-uploads-test\/f6ee3cb\/[0-9a-f-]{36}$/);
      assert.equal(body.media_id, String(body.media_url).split('/').pop());
    }
  });

  it('maps a 400 with invalidReasons to 502 with the reasons', async () => {
    const misconfigured = proxyFor(openMarketProvider({ ...OPENMARKET, idsAccountId: 'nope', baseUrl: mock.origin }), limits);
    await expectFailure(await misconfigured(uploadRequest(bearer({ limits }), jpegBytes(), 'a.jpg')), 502, 'provider-failed', /^OpenMarket refused the upload \(HTTP 400\): Missing IDS account ID$/);
  });

  it('maps its 401 to 502 without the credentials', async () => {
    const wrong = proxyFor(openMarketProvider({ ...OPENMARKET, password: 'guessed-password', baseUrl: mock.origin }), limits);
    await expectFailure(await wrong(uploadRequest(bearer({ limits }), jpegBytes(), 'a.jpg')), 502, 'provider-failed', /OpenMarket refused the server's credentials \(HTTP 401\)/, ['guessed-password', OPENMARKET.username]);
  });

  it('maps a 201 without Location to 502', async () => {
    mock.replyOnce({ status: 201 });
    await expectFailure(await proxy(uploadRequest(bearer({ limits }), jpegBytes(), 'a.jpg')), 502, 'provider-failed', /did not return a media URL/);
  });
});

describe('generic (Acrobits) web service', () => {
  let jsonMock: Mock;
  let xmlMock: Mock;
  const fields = { from: 'johndow', password: '12345678', description: '%file_name% (%media_size% bytes, %content_type%)' };
  before(async () => {
    jsonMock = await startAcrobitsMock({ method: 'PUT', format: 'json', fields: { password: '12345678' } });
    xmlMock = await startAcrobitsMock({ method: 'POST', format: 'xml', fields: { password: '12345678' } });
  });
  after(async () => {
    await jsonMock.close();
    await xmlMock.close();
  });

  it('POSTs multipart with the fields and headers filled in, and reads media_url from XML', async () => {
    const proxy = proxyFor(
      genericProvider({ url: `${xmlMock.origin}/upload_media?to=%2B15551234567`, fields, headers: { 'X-File-Name': '%file_name%', 'X-Media-Size': '%media_size%' } }),
    );
    const bytes = jpegBytes(12_345);
    const body = await json(await proxy(uploadRequest(bearer(), bytes, 'été.jpg', 'image/jpeg')));
    assert.match(String(body.media_url), /^http:\/\/media\.server\.com\/video_\d+\.jpg$/);
    const sent = xmlMock.requests.at(-1)!;
    assert.equal(sent.method, 'POST');
    assert.equal(sent.path, '/upload_media?to=%2B15551234567');
    assert.deepEqual(sent.fields, { from: 'johndow', password: '12345678', description: 'été.jpg (12345 bytes, image/jpeg)' });
    assert.equal(sent.headers['x-file-name'], encodeURIComponent('été.jpg'));
    assert.equal(sent.headers['x-media-size'], '12345');
    assert.equal(sent.files[0]!.filename, 'été.jpg');
    assert.deepEqual(new Uint8Array(sent.files[0]!.bytes), bytes);
  });

  it('PUTs and reads media_url from JSON, with a custom file field name', async () => {
    const proxy = proxyFor(genericProvider({ url: `${jsonMock.origin}/upload_media`, method: 'PUT', fields }));
    const body = await json(await proxy(uploadRequest(bearer(), mp4Bytes(), 'clip.mp4', 'video/mp4')));
    assert.match(String(body.media_url), /^http:\/\/media\.server\.com\/video_\d+\.mp4$/);
    assert.equal(jsonMock.requests.at(-1)!.method, 'PUT');
  });

  it('maps the XML 402 "Not enough credit" to 502 with that message', async () => {
    const proxy = proxyFor(genericProvider({ url: `${xmlMock.origin}/upload_media`, fields: { ...fields, from: 'broke' } }));
    await expectFailure(await proxy(uploadRequest(bearer(), jpegBytes(), 'a.jpg')), 502, 'provider-failed', /^The media service refused the upload \(HTTP 402\): Not enough credit$/);
  });

  it('maps a JSON message, and masks configured credentials in it', async () => {
    const proxy = proxyFor(genericProvider({ url: `${jsonMock.origin}/upload_media`, method: 'PUT', fields: { ...fields, password: 'wrong-password' }, name: 'Acme media' }));
    await expectFailure(await proxy(uploadRequest(bearer(), jpegBytes(), 'a.jpg')), 502, 'provider-failed', /^Acme media refused the server's credentials \(HTTP 403\): Bad field password\. Tell the site's administrator\.$/, ['wrong-password']);
    jsonMock.replyOnce({ status: 400, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ message: 'password wrong-password is wrong' }) });
    await expectFailure(await proxy(uploadRequest(bearer(), jpegBytes(), 'a.jpg')), 502, 'provider-failed', /password \*\*\* is wrong/, ['wrong-password']);
  });

  it('narrows the types to the service\'s (JPEG and MP4): a PNG is 415 and not sent', async () => {
    const count = xmlMock.requests.length;
    const proxy = proxyFor(genericProvider({ url: `${xmlMock.origin}/upload_media`, fields }));
    await expectError(await proxy(uploadRequest(bearer(), pngBytes(), 'a.png')), 415, 'type-not-allowed', /^a\.png is not an allowed type; allowed: JPEG\W{1,6}MP4$/, { accept: ['image/jpeg', 'video/mp4'] });
    assert.equal(xmlMock.requests.length, count);
  });
});

describe('a provider that is down or hangs', () => {
  it('answers 502 when the provider cannot be reached', async () => {
    const proxy = proxyFor(plivoProvider({ ...PLIVO, baseUrl: await closedOrigin() }));
    await expectFailure(await proxy(uploadRequest(bearer(), jpegBytes(), 'a.jpg')), 502, 'provider-failed', /^Plivo could not be reached \(ECONNREFUSED\)\. Try again later\.$/, [PLIVO.authId]);
  });

  it('answers 504 when the provider does not answer within timeoutMs', async () => {
    const hanging = await startHangingServer();
    try {
      for (const provider of [
        plivoProvider({ ...PLIVO, baseUrl: hanging.origin, timeoutMs: 200 }),
        bandwidthProvider({ ...BANDWIDTH, baseUrl: hanging.origin, timeoutMs: 200 }),
        openMarketProvider({ ...OPENMARKET, baseUrl: hanging.origin, timeoutMs: 200 }),
        genericProvider({ url: `${hanging.origin}/upload_media`, timeoutMs: 200 }),
      ]) {
        const started = Date.now();
        await expectFailure(await proxyFor(provider)(uploadRequest(bearer(), jpegBytes(), 'a.jpg')), 504, 'provider-timeout', new RegExp(`^${provider.name} did not answer within 0\\.2 s\\. Try again later\\.$`));
        assert.ok(Date.now() - started < 2000);
      }
    } finally {
      await hanging.close();
    }
  });
});
