/**
 * The proxy in a process of its own, so that its memory is its own: the memory guard
 * (server-memory.test.ts) and the provider bench (test/bench/proxy-providers.js) start it with
 * `startProxyProcess`. Each route is `/{route}/upload` on one loopback server: a proxy per
 * provider given (to the mocks' origins), the local provider, and `pipe`, a plain Node pipe of
 * the request body to a file (the baseline). Over IPC it answers 'memory' (heap and buffers after
 * forced GCs), 'baseline' (RSS after a forced GC, and a new peak from now: the first starts the
 * sampling), 'report' (peak RSS, temporary files left) and 'stop'.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { bandwidthProvider, createMediaProxy, genericProvider, localProvider, openMarketProvider, plivoProvider, toNodeHandler, type MediaProvider } from '../../../src/server/index.js';
import { BANDWIDTH, OPENMARKET, PLIVO } from './mock-providers.js';
import { basicCredentials } from '../../../src/server/providers/http.js';
import { watchRssPeak, type RssPeak } from './rss-peak.js';

/** The mocks' origins, by route; `local` and `pipe` need none. */
export interface ProcessRoutes {
  plivo?: string;
  bandwidth?: string;
  openmarket?: string;
  /** An Acrobits-style mock: its `/upload_media` takes the field `from`. */
  generic?: string;
  local?: boolean;
  pipe?: boolean;
  /** A Bandwidth mock's origin: `forward` pipes each body, as it is, to it (see `pipeToProvider`). */
  forward?: string;
  /** The proxies' file limit (narrowed by each provider's own); default the element's 2 MB. */
  maxFileSize?: number;
}

export interface ProcessMemory {
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  rss: number;
}

const config = JSON.parse(process.env.PROXY_PROCESS ?? 'null') as { secret: string; routes: ProcessRoutes } | null;
if (config && process.send) await serve(config.secret, config.routes);

async function serve(secret: string, routes: ProcessRoutes): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'mms-proxy-process-'));
  const spool = join(root, 'spool');
  await mkdir(spool);
  const providers: Record<string, MediaProvider> = {};
  if (routes.plivo) providers.plivo = plivoProvider({ ...PLIVO, baseUrl: routes.plivo });
  if (routes.bandwidth) providers.bandwidth = bandwidthProvider({ ...BANDWIDTH, baseUrl: routes.bandwidth });
  if (routes.openmarket) providers.openmarket = openMarketProvider({ ...OPENMARKET, baseUrl: routes.openmarket });
  // The mock takes any size: the generic service's limit is the proxy's.
  if (routes.generic) providers.generic = genericProvider({ url: `${routes.generic}/upload_media`, fields: { from: 'bench' }, limits: { maxFileSize: Number.MAX_SAFE_INTEGER } });
  if (routes.local) providers.local = localProvider({ dir: join(root, 'media') });
  const limits = routes.maxFileSize ? { maxFileSize: routes.maxFileSize } : {};
  const handlers = new Map<string, (req: IncomingMessage, res: ServerResponse) => void>();
  for (const [route, provider] of Object.entries(providers)) handlers.set(route, toNodeHandler(createMediaProxy({ secret, provider, tmpDir: spool, limits })));
  if (routes.pipe) handlers.set('pipe', (req, res) => void pipeToDisk(req, res, spool));
  if (routes.forward) handlers.set('forward', (req, res) => void pipeToProvider(req, res, routes.forward!));

  const server = createServer((req, res) => {
    const handler = handlers.get(req.url?.split('/')[1] ?? '');
    if (handler) handler(req, res);
    else res.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  // Sampled only in the processes that measure it: the throughput rounds pay nothing for it.
  let rssPeak: RssPeak | undefined;

  process.on('message', (command: { type: string }) => {
    void (async () => {
      if (command.type === 'memory') process.send!({ type: 'memory', ...(await settledMemory()) });
      else if (command.type === 'baseline') process.send!({ type: 'baseline', rss: await (rssPeak ??= watchRssPeak()).reset() });
      else if (command.type === 'report') process.send!({ type: 'report', ...(await rssPeak?.read()), spooled: (await readdir(spool)).length });
      else if (command.type === 'stop') {
        rssPeak?.stop();
        server.closeAllConnections();
        server.close();
        await rm(root, { recursive: true, force: true });
        process.disconnect();
      }
    })();
  });
  process.send!({ type: 'ready', port: (server.address() as AddressInfo).port });
}

/** The baseline: the body straight to a file, as any Node server would take it, then removed. */
async function pipeToDisk(req: IncomingMessage, res: ServerResponse, dir: string): Promise<void> {
  const path = join(dir, `pipe-${randomUUID()}`);
  try {
    await pipeline(req, createWriteStream(path));
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
  } catch {
    res.writeHead(500).end();
  } finally {
    await rm(path, { force: true });
  }
}

/**
 * The floor of any proxy that forwards: the body, as it is, piped to the Bandwidth mock (raw bytes,
 * as its media upload takes them), with nothing parsed, checked, spooled or hashed.
 */
async function pipeToProvider(req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
  const url = `${origin}/api/v2/users/${BANDWIDTH.accountId}/media/pipe-${randomUUID()}`;
  const { authorization } = basicCredentials(BANDWIDTH.username, BANDWIDTH.password);
  const length = req.headers['content-length'];
  const headers = { Authorization: authorization, 'Content-Type': 'application/octet-stream', ...(length ? { 'Content-Length': length } : {}) };
  try {
    const forwarded = request(url, { method: 'PUT', headers });
    const answered = once(forwarded, 'response') as Promise<[IncomingMessage]>;
    answered.catch(() => undefined); // a failed request fails the pipeline below, which answers
    await pipeline(req, forwarded);
    const [answer] = await answered;
    answer.resume();
    res.writeHead(answer.statusCode === 204 ? 200 : 502, { 'Content-Type': 'application/json' }).end('{}');
  } catch {
    res.writeHead(502).end();
  }
}

/**
 * What the process holds, garbage collected: a few collections with pauses (for finalizers), then
 * one more and the reading in the same tick, so that the work still flowing adds no garbage.
 */
async function settledMemory(): Promise<ProcessMemory> {
  for (let i = 0; i < 3; i += 1) {
    globalThis.gc?.();
    await sleep(20);
  }
  globalThis.gc?.();
  const { heapUsed, external, arrayBuffers, rss } = process.memoryUsage();
  return { heapUsed, external, arrayBuffers, rss };
}
