// The real signed proxy (mms-media-upload/server) mounted in the browser test server at
// /proxy/…, forwarding to a mock Plivo on 127.0.0.1 written from the seed. The browser tests
// run the whole path: element → /proxy/sign → /proxy/upload → mock Plivo → media-url.
//
// Three more proxies, each with its own mock Plivo, for the tests of safe retries
// (test/browser/safe-retries.test.ts), which steer them through `…/control/…` routes:
// - /proxy-retries/…: a patient provider call (5 s), a repeat waits up to 5 s for its first attempt;
// - /proxy-timeout/…: a provider that gets 400 ms to answer (then 504 provider-timeout);
// - /proxy-narrow/…: narrow limits (JPEG only, 4 KB), no signature route of its own: a token
//   from /proxy-retries/sign (same secret, wider limits) is narrowed to them at upload.
// And /proxy-s3/…, a proxy that stores into a real S3 API (test/helpers/s3-proxy-endpoint.js).
import { tsImport } from 'tsx/esm/api';
import { s3ProxyEndpoint } from './s3-proxy-endpoint.js';

const AUTH_ID = 'MAODUMMYAUTHID0000';
const AUTH_TOKEN = 'plivo-secret-token-never-in-the-browser';
const SECRET = 'browser-test-secret-0123456789abcdefghijklmnop';
const authorize = () => 'browser-test-user';

export async function proxyEndpoints() {
  const server = await tsImport('../../src/server/index.ts', import.meta.url);
  const mocks = await tsImport('../node/helpers/mock-providers.ts', import.meta.url);
  const plivo = await mocks.startPlivoMock(AUTH_ID, AUTH_TOKEN);
  const handler = server.toNodeHandler(
    server.createMediaProxy({
      secret: SECRET,
      provider: server.plivoProvider({ authId: AUTH_ID, authToken: AUTH_TOKEN, baseUrl: plivo.origin }),
      authorize,
    }),
  );
  const benches = [
    await retryBench(server, mocks, '/proxy-retries', { timeoutMs: 5000, inProgressWaitMs: 5000, authorize }),
    await retryBench(server, mocks, '/proxy-timeout', { timeoutMs: 400, inProgressWaitMs: 5000, authorize }),
    await retryBench(server, mocks, '/proxy-narrow', { limits: { maxFileSize: 4096, accept: ['image/jpeg'] } }),
    await s3ProxyEndpoint(server, runNodeHandler),
  ];

  const middleware = async (ctx, next) => {
    const bench = benches.find((candidate) => ctx.path.startsWith(`${candidate.prefix}/`));
    if (bench) return bench.serve(ctx);
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
    await runNodeHandler(ctx, handler);
    return undefined;
  };
  const close = async () => {
    await Promise.all([plivo.close(), ...benches.map((bench) => bench.close())]);
  };
  return { middleware, close };
}

/** Hands the request to a Node handler and waits until its response is closed. */
function runNodeHandler(ctx, handler) {
  return new Promise((resolve) => {
    ctx.res.on('close', resolve);
    handler(ctx.req, ctx.res, () => {
      ctx.res.writeHead(404).end();
    });
  });
}

/**
 * A proxy under `prefix` with a mock Plivo of its own, and what the tests need to steer it:
 *
 * - `GET  {prefix}/control/state`: `{ uploads, providerPosts }`: every upload request that reached
 *   the proxy (`file` and `attempt` from the page's `X-Test-File` and `X-Test-Attempt` headers,
 *   the `Idempotency-Key`, the proxy's `status`, whether its answer was `replayed`, and whether the
 *   test server `cut` it), and the name of the file of every POST that reached the provider;
 * - `POST {prefix}/control/reset`: forget both, release a held provider, disarm everything;
 * - `POST {prefix}/control/cut?file=NAME`: for the first attempt of NAME (`X-Test-Attempt: 1`),
 *   let the proxy run to completion and, when it answers 200, destroy the browser's socket
 *   instead of writing the answer (also for a browser that sends the same attempt again);
 * - `POST {prefix}/control/hold` and `…/release`: the provider records the requests that arrive
 *   and answers none until released (mock `hold()`);
 * - `POST {prefix}/control/hang-once`: the provider never answers its next request (mock `hangOnce()`).
 */
async function retryBench(server, mocks, prefix, { timeoutMs, inProgressWaitMs, limits, authorize: authorizeSigning }) {
  const plivo = await mocks.startPlivoMock(AUTH_ID, AUTH_TOKEN);
  const handler = server.toNodeHandler(
    server.createMediaProxy({
      secret: SECRET,
      provider: server.plivoProvider({ authId: AUTH_ID, authToken: AUTH_TOKEN, baseUrl: plivo.origin, timeoutMs }),
      authorize: authorizeSigning,
      inProgressWaitMs,
      limits,
    }),
  );
  let uploads = [];
  let cuts = new Set();
  let release;

  const releaseHeld = () => {
    release?.();
    release = undefined;
  };

  const controls = {
    'GET state': () => ({
      uploads,
      providerPosts: plivo.requests.map((request) => request.files[0]?.filename ?? ''),
    }),
    'POST reset': () => {
      releaseHeld();
      uploads = [];
      cuts = new Set();
      plivo.requests.length = 0;
      return {};
    },
    'POST cut': (ctx) => {
      cuts.add(ctx.query.file);
      return {};
    },
    'POST hold': () => {
      releaseHeld();
      release = plivo.hold();
      return {};
    },
    'POST release': () => {
      releaseHeld();
      return {};
    },
    'POST hang-once': () => {
      plivo.hangOnce();
      return {};
    },
  };

  /** Notes an upload request, and arms the cut when the test asked for it. */
  function watch(ctx) {
    const { req, res } = ctx;
    const upload = {
      file: decodeURIComponent(req.headers['x-test-file'] ?? ''),
      attempt: Number(req.headers['x-test-attempt'] ?? 0),
      key: req.headers['idempotency-key'] ?? null,
      status: null,
      replayed: false,
      cut: false,
    };
    uploads.push(upload);
    res.on('finish', () => {
      upload.status = res.statusCode;
      upload.replayed = res.getHeader('idempotent-replayed') === 'true';
    });
    if (upload.attempt === 1 && cuts.has(upload.file)) cutTheAnswer(req, res, upload);
  }

  return {
    prefix,
    async serve(ctx) {
      const control = /^\/control\/([a-z-]+)$/.exec(ctx.path.slice(prefix.length));
      if (control) {
        const action = controls[`${ctx.method} ${control[1]}`];
        if (!action) ctx.throw(404);
        ctx.type = 'application/json';
        ctx.set('Cache-Control', 'no-store');
        ctx.body = JSON.stringify(action(ctx));
        return undefined;
      }
      if (ctx.path.endsWith('/upload')) watch(ctx);
      ctx.respond = false;
      await runNodeHandler(ctx, handler);
      return undefined;
    },
    close() {
      releaseHeld();
      return plivo.close();
    },
  };
}

/**
 * The connection is cut after the proxy has done everything but answer: the first time the
 * proxy's Node handler writes its answer (headers and body), the socket is destroyed instead,
 * when the answer is a 200. Nothing of it reaches the browser, which sees a lost connection.
 */
function cutTheAnswer(req, res, upload) {
  const { write, end } = res;
  let cutting;
  const decide = () => {
    if (cutting === undefined) {
      cutting = res.statusCode === 200;
      if (cutting) {
        upload.status = res.statusCode;
        upload.replayed = res.getHeader('idempotent-replayed') === 'true';
        upload.cut = true;
        req.socket.destroy();
      }
    }
    return cutting;
  };
  res.write = function (...args) {
    return decide() ? false : write.apply(this, args);
  };
  res.end = function (...args) {
    return decide() ? this : end.apply(this, args);
  };
}
