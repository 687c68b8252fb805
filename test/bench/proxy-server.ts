/**
 * The measured process of the scale-out bench: the proxy on 127.0.0.1, run as a child of
 * test/bench/scale-out.js. By default it stores with the local provider
 * and a memory store; BENCH_S3 (JSON: endpoint, bucket, region, credentials, publicBaseUrl) switches
 * it to s3Provider, BENCH_REDIS_URL to redisStore. It samples its own RSS and answers the parent over
 * IPC: 'baseline' (idle RSS, and starts a new peak), 'report' (peak RSS, CPU time since the baseline, files stored locally), 'stop'.
 */
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMediaProxy, localProvider, memoryStore, redisStore, s3Provider, toNodeHandler, type MediaProvider } from '../../src/server/index.js';
import { watchRssPeak } from '../node/helpers/rss-peak.js';

type Command = { type: 'baseline' | 'report' | 'stop' };

const send = (message: object) => process.send?.(message);
const secret = process.env.BENCH_SECRET;
if (!secret || !process.send) throw new Error('test/bench/proxy-server.ts is started by test/bench/scale-out.js');

const root = await mkdtemp(join(tmpdir(), 'mms-bench-'));
const media = join(root, 'media');
const spool = join(root, 'spool');
await mkdir(spool);

function provider(): MediaProvider {
  if (!process.env.BENCH_S3) return localProvider({ dir: media });
  const s3 = JSON.parse(process.env.BENCH_S3) as { endpoint: string; bucket: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string }; publicBaseUrl: string };
  return s3Provider({ ...s3, forcePathStyle: true, keyPrefix: 'bench/', urls: { publicBaseUrl: s3.publicBaseUrl } });
}
await mkdir(media);
const redisUrl = process.env.BENCH_REDIS_URL;
const store = redisUrl ? redisStore({ url: redisUrl }) : memoryStore();
const proxy = createMediaProxy({ secret, provider: provider(), store, tmpDir: spool, authorize: () => 'bench' });
const server = createServer(toNodeHandler(proxy));
server.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));

const rssPeak = watchRssPeak();
let cpuAtBaseline = process.cpuUsage();
process.on('message', (command: Command) => {
  void (async () => {
    if (command.type === 'baseline') {
      const rss = await rssPeak.reset();
      cpuAtBaseline = process.cpuUsage();
      send({ type: 'baseline', rss });
    } else if (command.type === 'report') {
      const { peak, sampledPeak, vmHwm } = await rssPeak.read();
      const files = (await readdir(media)).filter((name) => !name.endsWith('.json'));
      const sizes = await Promise.all(files.map(async (name) => (await stat(join(media, name))).size));
      const stored = files.length;
      const storedBytes = sizes.reduce((sum, size) => sum + size, 0);
      const spooled = (await readdir(spool)).length;
      const cpu = process.cpuUsage(cpuAtBaseline);
      send({ type: 'report', cpuMs: (cpu.user + cpu.system) / 1000, peak, sampledPeak, vmHwm, rss: process.memoryUsage.rss(), stored, storedBytes, spooled });
    } else {
      rssPeak.stop();
      server.closeAllConnections();
      server.close();
      if ('close' in store) await store.close();
      await rm(root, { recursive: true, force: true });
      process.disconnect();
    }
  })();
});

send({ type: 'ready', port: (server.address() as AddressInfo).port });
