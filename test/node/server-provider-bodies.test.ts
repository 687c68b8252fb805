// What the HTTP providers send, as a provider's server sees it: an exact Content-Length and no
// chunked encoding, for the multipart, raw and base64 JSON bodies alike; a provider that answers
// before it has read the body is heard; a spool file that cannot be read is the server's failure.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { bandwidthProvider, genericProvider, HttpError, openMarketProvider, plivoProvider, type MediaProvider, type MediaUpload } from '../../src/server/index.js';
import { jpegBytes } from '../helpers/sample-files.js';
import { listen, tempDir, type Listening, type TempDir } from './helpers/http.js';
import { BANDWIDTH, OPENMARKET, PLIVO, startAcrobitsMock, startBandwidthMock, startOpenMarketMock, startPlivoMock, type Mock } from './helpers/mock-providers.js';

let dir: TempDir;
let spooled: MediaUpload;
const bytes = jpegBytes(300_001);
before(async () => {
  dir = await tempDir('provider-bodies');
  const path = join(dir.path, 'spooled');
  await writeFile(path, bytes);
  spooled = { id: 'aaaaaaaaaaaaaaaaaaaaaa', path, size: bytes.length, contentType: 'image/jpeg', fileName: 'été "1".jpg', mediaRoute: '/api/media', signal: new AbortController().signal };
});
after(() => dir.remove());

describe('request bodies', () => {
  const mocks: Mock[] = [];
  after(() => Promise.all(mocks.map((mock) => mock.close())));

  it('go with their exact Content-Length, never chunked, and carry the file whole', async () => {
    const plivo = await startPlivoMock(PLIVO.authId, PLIVO.authToken);
    const bandwidth = await startBandwidthMock(BANDWIDTH.accountId, BANDWIDTH.username, BANDWIDTH.password);
    const openMarket = await startOpenMarketMock(OPENMARKET.username, OPENMARKET.password, OPENMARKET.idsAccountId);
    const acrobits = await startAcrobitsMock({ method: 'PUT', format: 'json', fields: { from: 'me' } });
    mocks.push(plivo, bandwidth, openMarket, acrobits);
    const cases: [Mock, MediaProvider][] = [
      [plivo, plivoProvider({ ...PLIVO, baseUrl: plivo.origin })],
      [bandwidth, bandwidthProvider({ ...BANDWIDTH, baseUrl: bandwidth.origin })],
      [openMarket, openMarketProvider({ ...OPENMARKET, baseUrl: openMarket.origin })],
      [acrobits, genericProvider({ url: `${acrobits.origin}/upload_media`, method: 'PUT', fields: { from: 'me', note: 'two\nlines' } })],
    ];
    for (const [mock, provider] of cases) {
      await provider.upload(spooled);
      const sent = mock.requests.at(-1)!;
      assert.equal(sent.headers['transfer-encoding'], undefined, provider.name);
      assert.equal(sent.headers['content-length'], String(sent.body.length), provider.name);
      const file = sent.files[0]?.bytes ?? (provider.name === 'OpenMarket' ? Buffer.from(JSON.parse(sent.body.toString()).content, 'base64') : sent.body);
      assert.deepEqual(new Uint8Array(file), bytes, provider.name);
      if (sent.files[0]) assert.equal(sent.files[0].filename, 'été %221%22.jpg', `${provider.name}: UTF-8, quotes escaped as browsers do`);
    }
    assert.equal(acrobits.requests.at(-1)!.fields.note, 'two\r\nlines', 'line breaks in fields as CRLF, as browsers send them');
  });
});

describe('a provider that answers before reading the body', () => {
  let early: Listening;
  before(async () => {
    early = await listen((req, res) => {
      res.writeHead(413, { 'Content-Type': 'application/json', Connection: 'close' });
      res.end(JSON.stringify({ error: 'too big for us' }), () => req.socket.destroy());
    });
  });
  after(() => early.close());

  it('is heard: its refusal passes through', async () => {
    await assert.rejects(plivoProvider({ ...PLIVO, baseUrl: early.origin }).upload(spooled), (error: unknown) => {
      assert.ok(error instanceof HttpError);
      assert.deepEqual([error.status, error.code, error.message], [413, 'file-too-large', 'Plivo refused the file (HTTP 413): too big for us']);
      return true;
    });
  });
});

describe('a spool file that cannot be read', () => {
  it('is the server\'s failure (500), not the provider\'s', async () => {
    const hanging = await listen((req) => req.resume());
    try {
      const gone = { ...spooled, path: join(dir.path, 'no-such-file') };
      await assert.rejects(bandwidthProvider({ ...BANDWIDTH, baseUrl: hanging.origin, timeoutMs: 5000 }).upload(gone), (error: unknown) => {
        assert.ok(error instanceof HttpError);
        assert.deepEqual([error.status, error.code], [500, 'server-error']);
        return true;
      });
    } finally {
      await hanging.close();
    }
  });
});
