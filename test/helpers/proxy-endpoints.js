// The real signed proxy (mms-media-upload/server) mounted in the browser test server at
// /proxy/…, forwarding to a mock Plivo on 127.0.0.1 written from the seed. The browser tests
// run the whole path: element → /proxy/sign → /proxy/upload → mock Plivo → media-url.
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

  const middleware = async (ctx, next) => {
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
    ctx.respond = false;
    await new Promise((resolve) => {
      ctx.res.on('close', resolve);
      handler(ctx.req, ctx.res, () => {
        ctx.res.writeHead(404).end();
      });
    });
    return undefined;
  };
  return { middleware, close: () => plivo.close() };
}
