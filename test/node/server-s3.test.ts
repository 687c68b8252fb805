// s3Provider through the proxy, against a real S3 API on loopback (s3rver behind a gate that checks
// every SigV4 signature): one plain PUT per upload, media URLs that providers can fetch (public or
// presigned), and S3's failures mapped to { code, message } without credentials.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, afterEach, before, describe, it } from 'node:test';
import { createMediaProxy, MAX_PRESIGN_SECONDS, s3Provider, type FetchHandler, type S3ProviderOptions } from '../../src/server/index.js';
import { jpegBytes, pdfBytes, pngBytes } from '../helpers/sample-files.js';
import { closedOrigin, tempDir, type TempDir } from './helpers/http.js';
import { startHangingServer } from './helpers/mock-providers.js';
import { bearer, expectError, json, SECRET, uploadRequest } from './helpers/proxy.js';
import { S3_CREDENTIALS, S3_REGION, startS3Server, type S3Server } from './helpers/s3-server.js';

let s3: S3Server;
let spool: TempDir;
before(async () => {
  s3 = await startS3Server();
  spool = await tempDir('s3-spool');
});
after(async () => {
  await s3.close();
  await spool.remove();
});
afterEach(async () => {
  assert.deepEqual(await spool.list(), [], 'temporary files are removed, on errors too');
});

function proxyFor(options: Partial<S3ProviderOptions> = {}): FetchHandler {
  const provider = s3Provider({
    bucket: s3.bucket,
    region: S3_REGION,
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: S3_CREDENTIALS,
    urls: { publicBaseUrl: s3.publicBaseUrl },
    ...options,
  });
  return createMediaProxy({ secret: SECRET, provider, tmpDir: spool.path });
}

/** The gate's record of the requests sent while `run` ran. */
async function sentWhile(run: () => Promise<void>) {
  const before = s3.requests.length;
  await run();
  return s3.requests.slice(before);
}

describe('s3Provider: storing', () => {
  it('PUTs each file once, streamed with its Content-Length, its sniffed type and a short name, under a generated key', async () => {
    const proxy = proxyFor({ keyPrefix: 'mms/uploads/' });
    const bytes = pngBytes(300_000);
    let answer: Record<string, unknown> = {};
    const sent = await sentWhile(async () => {
      const response = await proxy(uploadRequest(bearer(), bytes, 'Été à Paris, la tour Eiffel.jpg', 'image/jpeg'));
      answer = await json(response);
      assert.equal(response.status, 200, JSON.stringify(answer));
    });
    assert.equal(sent.length, 1, 'one request: no multipart upload, no retry');
    const [put] = sent;
    assert.equal(put!.method, 'PUT');
    assert.equal(put!.refused, undefined, 'signed with the configured credentials');
    assert.equal(put!.headers['content-length'], String(bytes.length));
    assert.equal(put!.headers['transfer-encoding'], undefined, 'not chunked');
    assert.equal(put!.headers['content-encoding'], undefined, 'not aws-chunked');
    assert.doesNotMatch(String(put!.headers['x-amz-content-sha256']), /STREAMING/);
    assert.equal(put!.headers['content-type'], 'image/png', 'the type the bytes say, not the name');
    assert.equal(put!.headers['content-disposition'], 'inline; filename="Ete_a_Paris_la_t.png"');

    const key = String(answer.media_id);
    assert.match(key, /^mms\/uploads\/[A-Za-z0-9_-]{22}\.png$/, 'prefix + generated id + extension of the real type');
    assert.ok(!/paris|eiffel|tour/i.test(key), 'nothing of the uploaded name in the key');
    assert.equal(new URL(put!.url, s3.endpoint).pathname, `/${s3.bucket}/${key}`);
    assert.deepEqual(answer, {
      media_url: `${s3.publicBaseUrl}/${key}`,
      media_id: key,
      file_name: 'Été à Paris, la tour Eiffel.png',
      content_type: 'image/png',
      size: bytes.length,
      s3_uri: `s3://${s3.bucket}/${key}`,
    });
  });

  it('serves the public media URL to GET and HEAD with the type, the length and the name; never chunked', async () => {
    const bytes = pdfBytes(80_000);
    const { media_url: url } = await json(await proxyFor()(uploadRequest(bearer(), bytes, 'Quarterly report 2026 (final).pdf')));
    for (const method of ['GET', 'HEAD']) {
      const response = await fetch(String(url), { method, redirect: 'manual' });
      assert.equal(response.status, 200, method);
      assert.equal(response.headers.get('content-type'), 'application/pdf');
      assert.equal(response.headers.get('content-length'), String(bytes.length));
      assert.equal(response.headers.get('content-disposition'), 'inline; filename="Quarterly_report.pdf"');
      assert.equal(response.headers.get('transfer-encoding'), null, `${method}: a known length, not chunked`);
      const body = new Uint8Array(await response.arrayBuffer());
      assert.deepEqual(body, method === 'GET' ? bytes : new Uint8Array());
    }
  });
});

describe('s3Provider: presigned media URLs', () => {
  it('signs a GET URL that serves the bytes, and refuses HEAD (use publicBaseUrl for Twilio)', async () => {
    const bytes = jpegBytes(50_000);
    const answer = await json(await proxyFor({ urls: { presign: { expiresInSeconds: 600 } } })(uploadRequest(bearer(), bytes, 'photo.jpg')));
    const url = new URL(String(answer.media_url));
    assert.equal(url.origin, s3.endpoint, 'absolute, on the S3 endpoint itself: no redirect');
    assert.equal(url.pathname, `/${s3.bucket}/${String(answer.media_id)}`);
    assert.equal(url.searchParams.get('X-Amz-Expires'), '600');
    assert.equal(answer.s3_uri, `s3://${s3.bucket}/${String(answer.media_id)}`);
    const get = await fetch(url, { redirect: 'manual' });
    assert.equal(get.status, 200);
    assert.equal(get.headers.get('content-type'), 'image/jpeg');
    assert.equal(get.headers.get('content-length'), String(bytes.length));
    assert.equal(get.headers.get('content-disposition'), 'inline; filename="photo.jpg"');
    assert.deepEqual(new Uint8Array(await get.arrayBuffer()), bytes);
    const head = await fetch(url, { method: 'HEAD' });
    assert.equal(head.status, 403, 'signed for GET only, as on AWS');
  });

  it('presigns for 3 days by default', async () => {
    const answer = await json(await proxyFor({ urls: { presign: {} } })(uploadRequest(bearer(), pngBytes(), 'a.png')));
    assert.equal(new URL(String(answer.media_url)).searchParams.get('X-Amz-Expires'), String(3 * 24 * 3600));
  });

  it('makes URLs that are refused once expiresInSeconds has passed', async () => {
    const answer = await json(await proxyFor({ urls: { presign: { expiresInSeconds: 1 } } })(uploadRequest(bearer(), pngBytes(), 'a.png')));
    const url = new URL(String(answer.media_url));
    assert.equal((await fetch(url)).status, 200, 'valid at first');
    const signedAt = Date.parse(url.searchParams.get('X-Amz-Date')!.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
    await sleep(Math.max(0, signedAt + 2_100 - Date.now()));
    const expired = await fetch(url);
    assert.equal(expired.status, 403);
    assert.match(await expired.text(), /Request has expired/);
  });
});

describe('s3Provider: options checked at creation', () => {
  const base = { bucket: 'media', region: S3_REGION, credentials: S3_CREDENTIALS };
  it('refuses presigned URLs longer than 7 days, and durations that are not whole seconds', () => {
    for (const expiresInSeconds of [MAX_PRESIGN_SECONDS + 1, 0, 1.5]) {
      assert.throws(() => s3Provider({ ...base, urls: { presign: { expiresInSeconds } } }), /expiresInSeconds must be a whole number of seconds from 1 to 604800 \(7 days\)/);
    }
    assert.doesNotThrow(() => s3Provider({ ...base, urls: { presign: { expiresInSeconds: MAX_PRESIGN_SECONDS } } }));
  });

  it('refuses media URLs that providers could not fetch, and a missing choice', () => {
    assert.throws(() => s3Provider({ ...base, urls: { publicBaseUrl: 'http://media.example.com/bucket' } }), /publicBaseUrl must be https \(http only on loopback\)/);
    assert.throws(() => s3Provider({ ...base, urls: { publicBaseUrl: '/media' } }), /publicBaseUrl must be an absolute URL/);
    assert.throws(() => s3Provider({ ...base, endpoint: 'http://minio.internal:9000', urls: { presign: {} } }), /endpoint must be https/);
    assert.throws(() => s3Provider({ ...base } as unknown as S3ProviderOptions), /urls must be \{ publicBaseUrl \} or \{ presign/);
    assert.doesNotThrow(() => s3Provider({ ...base, urls: { publicBaseUrl: 'https://cdn.example.com/mms/' } }));
  });
});

describe('s3Provider: failures', () => {
  const secrets = [S3_CREDENTIALS.accessKeyId, 'wrong-secret-value-123'];

  it('answers 502 for credentials S3 refuses, naming S3\'s code but no key, secret or signature', async () => {
    const proxy = proxyFor({ credentials: { accessKeyId: S3_CREDENTIALS.accessKeyId, secretAccessKey: 'wrong-secret-value-123' } });
    const sent = await sentWhile(async () => {
      const message = await expectError(await proxy(uploadRequest(bearer(), pngBytes(), 'a.png')), 502, 'provider-failed', /^S3 refused the server's credentials \(HTTP 403\): SignatureDoesNotMatch\. Tell the site's administrator\.$/);
      for (const secret of secrets) assert.ok(!message.includes(secret));
      assert.doesNotMatch(message, /[0-9a-f]{64}/, 'no signature');
    });
    assert.equal(sent[0]?.refused, 'the signature does not match');
  });

  it('answers 502 for a bucket that does not exist, without S3\'s message', async () => {
    await expectError(await proxyFor({ bucket: 'no-such-bucket' })(uploadRequest(bearer(), pngBytes(), 'a.png')), 502, 'provider-failed', /^S3 refused the upload \(HTTP 404\): NoSuchBucket$/);
  });

  it('answers 502 when S3 cannot be reached, and 504 when it does not answer within timeoutMs', async () => {
    await expectError(await proxyFor({ endpoint: await closedOrigin() })(uploadRequest(bearer(), pngBytes(), 'a.png')), 502, 'provider-failed', /^S3 could not be reached \(ECONNREFUSED\)\. Try again later\.$/);
    const hanging = await startHangingServer();
    try {
      await expectError(await proxyFor({ endpoint: hanging.origin, timeoutMs: 200 })(uploadRequest(bearer(), pngBytes(), 'a.png')), 504, 'provider-timeout', /^S3 did not answer within 0\.2 s\. Try again later\.$/);
    } finally {
      await hanging.close();
    }
  });
});
