/**
 * The measured process of `npm run bench`: the proxy on 127.0.0.1, run as a child of
 * test/bench/proxy-rss.js or test/bench/scale-out.js. By default it stores with the local provider
 * and a memory store; BENCH_S3 (JSON: endpoint, bucket, region, credentials, publicBaseUrl) switches
 * it to s3Provider, BENCH_REDIS_URL to redisStore. It samples its own RSS and answers the parent over
 * IPC: 'baseline' (idle RSS, and starts a new peak), 'report' (peak RSS, CPU time since the baseline, files stored locally), 'stop'.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMediaProxy, localProvider, memoryStore, redisStore, s3Provider, toNodeHandler, type MediaProvider } from '../../src/server/index.js';

type Command = { type: 'baseline' | 'report' | 'stop' };

const send = (message: object) => process.send?.(message);
const secret = process.env.BENCH_SECRET;
if (!secret || !process.send) throw new Error('test/bench/proxy-server.ts is started by test/bench/proxy-rss.js');

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

// Sampled peak; the kernel's own high-water mark (VmHWM) is read too when Linux lets us reset it.
let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 2);

async function vmHwm(): Promise<number | undefined> {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(await readFile('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function resetVmHwm(): Promise<boolean> {
  try {
    await writeFile('/proc/self/clear_refs', '5'); // "5" resets the peak RSS to the current RSS
    return true;
  } catch {
    return false;
  }
}

let hwmReset = false;
let cpuAtBaseline = process.cpuUsage();
process.on('message', (command: Command) => {
  void (async () => {
    if (command.type === 'baseline') {
      globalThis.gc?.();
      await new Promise((resolve) => setTimeout(resolve, 300));
      cpuAtBaseline = process.cpuUsage();
      const rss = process.memoryUsage.rss();
      peak = rss;
      hwmReset = await resetVmHwm();
      send({ type: 'baseline', rss });
    } else if (command.type === 'report') {
      const hwm = hwmReset ? await vmHwm() : undefined;
      const files = (await readdir(media)).filter((name) => !name.endsWith('.json'));
      const sizes = await Promise.all(files.map(async (name) => (await stat(join(media, name))).size));
      const stored = files.length;
      const storedBytes = sizes.reduce((sum, size) => sum + size, 0);
      const spooled = (await readdir(spool)).length;
      const cpu = process.cpuUsage(cpuAtBaseline);
      send({ type: 'report', cpuMs: (cpu.user + cpu.system) / 1000, peak: Math.max(peak, hwm ?? 0), sampledPeak: peak, vmHwm: hwm, rss: process.memoryUsage.rss(), stored, storedBytes, spooled });
    } else {
      clearInterval(sampler);
      server.closeAllConnections();
      server.close();
      if ('close' in store) await store.close();
      await rm(root, { recursive: true, force: true });
      process.disconnect();
    }
  })();
});

send({ type: 'ready', port: (server.address() as AddressInfo).port });
