// The real signed proxy (mms-media-upload/server) mounted in the browser test server at
// /proxy/…, forwarding to a mock Plivo on 127.0.0.1 written from the seed. The browser tests
// run the whole path: element → /proxy/sign → /proxy/upload → mock Plivo → media-url.
// A second proxy at /proxy-s3/… stores into a real S3 API on 127.0.0.1 (test/node/helpers/s3-server.ts):
// element → /proxy-s3/sign → /proxy-s3/upload → S3 → media-url, which Node then fetches
// (/proxy-s3/fetch-media?url=…, for the S3 server only).
import { createHash } from 'node:crypto';
import { tsImport } from 'tsx/esm/api';

const AUTH_ID = 'MAODUMMYAUTHID0000';
const AUTH_TOKEN = 'plivo-secret-token-never-in-the-browser';

export async function proxyEndpoints() {
  const server = await tsImport('../../src/server/index.ts', import.meta.url);
  const mocks = await tsImport('../node/helpers/mock-providers.ts', import.meta.url);
  const plivo = await mocks.startPlivoMock(AUTH_ID, AUTH_TOKEN);
  const handler = server.toNodeHandler(
    server.createMediaProxy({
      secret: 'browser-test-secret-0123456789abcdefghijklmnop',
      provider: server.plivoProvider({ authId: AUTH_ID, authToken: AUTH_TOKEN, baseUrl: plivo.origin }),
      authorize: () => 'browser-test-user',
    }),
  );

  const s3 = await (await tsImport('../node/helpers/s3-server.ts', import.meta.url)).startS3Server();
  const s3Handler = server.toNodeHandler(
    server.createMediaProxy({
      secret: 'browser-test-secret-s3-0123456789abcdefghijklmn',
      provider: server.s3Provider({
        bucket: s3.bucket,
        region: 'us-east-1',
        endpoint: s3.endpoint,
        forcePathStyle: true,
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
        keyPrefix: 'e2e/',
        urls: { publicBaseUrl: s3.publicBaseUrl },
      }),
      authorize: () => 'browser-test-user',
    }),
  );

  /** GET of a media URL on the S3 server, from Node: what a provider fetching it would get. */
  const fetchMedia = async (ctx) => {
    const url = new URL(ctx.query.url ?? '', 'http://invalid');
    if (url.origin !== s3.endpoint) {
      ctx.status = 400;
      return;
    }
    const response = await fetch(url, { redirect: 'manual' });
    const bytes = Buffer.from(await response.arrayBuffer());
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({
      status: response.status,
      contentType: response.headers.get('content-type'),
      contentLength: response.headers.get('content-length'),
      contentDisposition: response.headers.get('content-disposition'),
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  };

  const mount = async (ctx, handler) => {
    ctx.respond = false;
    await new Promise((resolve) => {
      ctx.res.on('close', resolve);
      handler(ctx.req, ctx.res, () => {
        ctx.res.writeHead(404).end();
      });
    });
  };

  const middleware = async (ctx, next) => {
    if (ctx.path === '/proxy-s3/fetch-media') return fetchMedia(ctx);
    if (ctx.path.startsWith('/proxy-s3/')) return mount(ctx, s3Handler);
    if (ctx.path === '/proxy/plivo-requests') {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(
        plivo.requests.map((request) => ({
          path: request.path,
          authorization: request.headers.authorization,
          files: request.files.map((file) => ({ field: file.field, filename: file.filename, type: file.type, size: file.bytes.length, head: file.bytes.subarray(0, 8).toString('hex') })),
        })),
      );
      return undefined;
    }
    if (!ctx.path.startsWith('/proxy/')) return next();
    return mount(ctx, handler);
  };
  return { middleware, close: () => Promise.all([plivo.close(), s3.close()]) };
}
