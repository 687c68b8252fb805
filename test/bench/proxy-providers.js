// `npm run bench`: the proxy on every provider, each against a mock written from its seed document
// (test/node/helpers/mock-providers.ts, run in a process of its own: mock-process.ts), next to the
// local provider and to a plain Node pipe of the same multipart bodies to disk, in one run, loopback only:
//   - peak RSS growth of the proxy's process while 50, then 200, concurrent signed uploads of
//     2,097,152 bytes go through it to a provider that reads slowly (16 KiB every 10 ms per
//     connection, so the proxy's writes wait on it), each concurrency in a fresh process, twice:
//     the first batch (after one warm-up upload, as a server just started: the growth includes
//     its one-time costs, compiled code and heap sizing) and the next batch of the same size (a
//     server in service); each against the idle RSS after a forced GC just before it; and what
//     the process still holds after the uploads (heap and buffers after forced GCs, against the
//     same before the first batch); each the median of MEMORY_REPEATS fresh processes;
//   - throughput of 50 concurrent uploads with the mocks reading at full speed, in interleaved rounds
//     in one process (every variant once a round, the order rotated), as MB/s and as medians of the
//     per-round ratios to the plain pipe and to the local provider (goal ≥ 0.8× the pipe); next to
//     them `forward`, a plain Node pipe of each body to the Bandwidth mock (the floor of any proxy
//     that forwards), and the CPU time each variant costs the proxy's process and the mocks' per
//     100 MB (from /proc, where there is one): on two cores, wall time follows the CPU of all.
// Figures only: nothing here asserts. `proxyProviders()` prints the table and returns its rows.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import { tsImport } from 'tsx/esm/api';
import { median, report } from './report.js';

const FILE_SIZE = 2 * 1024 * 1024;
const MEMORY_CONCURRENCY = [50, 200];
/** Fresh processes per variant and concurrency: a peak varies by ±20 MB from one to the next, so the median of these is reported. */
const MEMORY_REPEATS = Number(process.env.BENCH_MEMORY_REPEATS ?? 3);
const THROUGHPUT_UPLOADS = 50;
const ROUNDS = 11;
const SLOW_READING = { chunkBytes: 16 * 1024, everyMs: 10 };
const VARIANTS = ['pipe', 'local', 'plivo', 'bandwidth', 'openmarket', 'generic'];
/** Throughput only: the body piped as it is to the Bandwidth mock. */
const THROUGHPUT_VARIANTS = [...VARIANTS, 'forward'];
const MB = 1024 * 1024;

const load = (path) => tsImport(path, import.meta.url);

export async function proxyProviders() {
  const [{ jpegBytes }, { startProxyProcess }, { createUploadSigner }] = await Promise.all([
    load('../helpers/sample-files.ts'),
    load('../node/helpers/child-process.ts'),
    load('../../src/server/index.ts'),
  ]);
  const secret = randomBytes(32).toString('base64url');
  const signer = createUploadSigner({ secret });
  const file = new Blob([jpegBytes(FILE_SIZE)], { type: 'image/jpeg' });

  /** The seed mocks in a process of their own (mock-process.ts), reading at `pace` (or at full speed), keeping no request. */
  async function startMocks(pace) {
    const child = fork(new URL('./mock-process.ts', import.meta.url), [], {
      execArgv: ['--import', 'tsx', '--no-warnings'],
      env: { ...process.env, ...(pace ? { MOCK_PACE: JSON.stringify(pace) } : {}) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const [{ origins }] = await once(child, 'message');
    return {
      origins,
      pid: child.pid,
      async close() {
        const exited = once(child, 'exit');
        child.send('stop');
        await exited;
      },
    };
  }

  async function upload(origin, variant, index) {
    const name = `photo-${index}.jpg`;
    const form = new FormData();
    form.append('file', file, name);
    const { headers } = signer.sign({ subject: 'bench', files: [{ name, size: FILE_SIZE, type: 'image/jpeg' }] });
    const response = await fetch(`${origin}/${variant}/upload`, { method: 'POST', headers, body: form });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`${variant} upload ${index}: HTTP ${response.status} ${text}`);
  }

  const uploadAll = (origin, variant, count) => Promise.all(Array.from({ length: count }, (_, i) => upload(origin, variant, i)));
  const routesFor = (variant, mocks) => {
    if (variant === 'pipe' || variant === 'local') return { [variant]: true };
    return { [variant]: mocks.origins[variant === 'forward' ? 'bandwidth' : variant] };
  };

  /** Peak RSS growth over the idle RSS (after a forced GC) while `count` uploads run at once. */
  async function batchGrowth(proxy, variant, count) {
    const { rss } = await proxy.ask('baseline');
    await uploadAll(proxy.origin, variant, count);
    const { peak } = await proxy.ask('report');
    return peak - rss;
  }

  /** One fresh proxy process, one variant: two batches of `count` concurrent uploads to the slow mocks. */
  async function peakRss(variant, count, slowMocks) {
    const proxy = await startProxyProcess(secret, routesFor(variant, slowMocks));
    try {
      await upload(proxy.origin, variant, -1); // warm-up: every code path once
      const before = await proxy.memory();
      const first = await batchGrowth(proxy, variant, count);
      const next = await batchGrowth(proxy, variant, count);
      const { spooled } = await proxy.ask('report');
      const after = await proxy.memory();
      const held = after.heapUsed + after.external - (before.heapUsed + before.external);
      return { first, next, held, spooled };
    } finally {
      await proxy.stop();
    }
  }

  const rows = Object.fromEntries(THROUGHPUT_VARIANTS.map((variant) => [variant, { variant, first: {}, next: {}, heldAfter: {}, throughputs: [], vsPipe: [], vsLocal: [], cpu: { proxy: 0, mocks: 0 } }]));
  const slowMocks = await startMocks(SLOW_READING);
  try {
    for (const count of MEMORY_CONCURRENCY) {
      const runs = Object.fromEntries(VARIANTS.map((variant) => [variant, []]));
      for (let repeat = 0; repeat < MEMORY_REPEATS; repeat += 1) {
        for (const variant of VARIANTS) {
          const run = await peakRss(variant, count, slowMocks);
          if (run.spooled !== 0) throw new Error(`${variant}: ${run.spooled} temporary files left`);
          runs[variant].push(run);
        }
      }
      for (const variant of VARIANTS) {
        rows[variant].first[count] = median(runs[variant].map((run) => run.first));
        rows[variant].next[count] = median(runs[variant].map((run) => run.next));
        rows[variant].heldAfter[count] = median(runs[variant].map((run) => run.held));
      }
    }
  } finally {
    await slowMocks.close();
  }

  const fastMocks = await startMocks(undefined);
  const allRoutes = Object.assign({}, ...THROUGHPUT_VARIANTS.map((variant) => routesFor(variant, fastMocks)));
  const proxy = await startProxyProcess(secret, allRoutes);
  try {
    for (const variant of THROUGHPUT_VARIANTS) await upload(proxy.origin, variant, -1);
    for (let round = 0; round < ROUNDS; round += 1) {
      const seconds = {};
      for (let i = 0; i < THROUGHPUT_VARIANTS.length; i += 1) {
        const variant = THROUGHPUT_VARIANTS[(i + round) % THROUGHPUT_VARIANTS.length];
        const cpuBefore = { proxy: cpuMs(proxy.child.pid), mocks: cpuMs(fastMocks.pid) };
        const started = performance.now();
        await uploadAll(proxy.origin, variant, THROUGHPUT_UPLOADS);
        seconds[variant] = (performance.now() - started) / 1000;
        rows[variant].cpu.proxy += cpuMs(proxy.child.pid) - cpuBefore.proxy;
        rows[variant].cpu.mocks += cpuMs(fastMocks.pid) - cpuBefore.mocks;
      }
      for (const variant of THROUGHPUT_VARIANTS) {
        rows[variant].throughputs.push((THROUGHPUT_UPLOADS * FILE_SIZE) / seconds[variant]);
        rows[variant].vsPipe.push(seconds.pipe / seconds[variant]);
        rows[variant].vsLocal.push(seconds.local / seconds[variant]);
      }
    }
  } finally {
    await proxy.stop();
    await fastMocks.close();
  }

  const megabytesSent = (ROUNDS * THROUGHPUT_UPLOADS * FILE_SIZE) / MB;
  const result = THROUGHPUT_VARIANTS.map((variant) => {
    const row = rows[variant];
    const per100MB = (ms) => (Number.isNaN(ms) ? undefined : (ms * 100) / megabytesSent);
    return {
      cpuPer100MB: { proxy: per100MB(row.cpu.proxy), mocks: per100MB(row.cpu.mocks) },
      variant,
      peakRssGrowth50: { first: row.first[50], next: row.next[50] },
      peakRssGrowth200: { first: row.first[200], next: row.next[200] },
      heldAfter50: row.heldAfter[50],
      heldAfter200: row.heldAfter[200],
      throughput: median(row.throughputs),
      vsPipe: median(row.vsPipe),
      vsLocal: median(row.vsLocal),
    };
  });
  report(heading(), rowsOf(result));
  return result;
}

/** CPU time (user + system) a process has used so far, in ms; NaN where there is no /proc. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}
/** Linux's USER_HZ: /proc counts CPU time in these. */
const CLOCK_TICKS = 100;

const LABELS = {
  pipe: 'plain Node pipe to disk',
  forward: 'plain Node pipe to the Bandwidth mock (the floor of forwarding)',
  local: 'localProvider',
  plivo: 'plivoProvider → Plivo mock',
  bandwidth: 'bandwidthProvider → Bandwidth mock',
  openmarket: 'openMarketProvider → OpenMarket mock',
  generic: 'genericProvider → Acrobits mock',
};

function heading() {
  return [
    `Proxy per provider: signed uploads of ${FILE_SIZE.toLocaleString('en')} bytes, 127.0.0.1.`,
    `Memory: a fresh process per concurrency, first batch / next batch of the same size, mocks reading ${SLOW_READING.chunkBytes / 1024} KiB every ${SLOW_READING.everyMs} ms per connection, medians of ${MEMORY_REPEATS} processes.`,
    `Throughput: ${THROUGHPUT_UPLOADS} concurrent, mocks at full speed, ${ROUNDS} interleaved rounds, medians of the per-round ratios.`,
  ].join(' ');
}

/**
 * Each provider's rows, against the plain pipe (and the HTTP providers' throughput against
 * localProvider too); the forward pipe's throughput; and every variant's CPU per 100 MB.
 */
function rowsOf(result) {
  const megabytes = (bytes) => (bytes / MB).toFixed(1);
  const pair = (a, b) => `${megabytes(a)} / ${megabytes(b)} MB`;
  const cpu = ({ cpuPer100MB }) => (cpuPer100MB.proxy === undefined ? 'n/a' : `${Math.round(cpuPer100MB.proxy)} / ${Math.round(cpuPer100MB.mocks)} ms`);
  const pipe = result.find((row) => row.variant === 'pipe');
  const local = result.find((row) => row.variant === 'local');
  const forward = result.find((row) => row.variant === 'forward');
  const against = LABELS.pipe;
  const throughput = (row, name) => ({ measure: `${name}: throughput, ${THROUGHPUT_UPLOADS} at once`, ours: `${megabytes(row.throughput)} MB/s`, against, baseline: `${megabytes(pipe.throughput)} MB/s`, ratio: `${row.vsPipe.toFixed(2)}×`, goal: row === forward ? '' : '≥ 0.80×' });
  const cpuRow = (row, name) => ({ measure: `${name}: CPU per 100 MB, proxy / mocks process`, ours: cpu(row), against, baseline: cpu(pipe), ratio: '', goal: '' });
  return result
    .filter((row) => row !== pipe)
    .flatMap((row) => {
      const name = `proxy, ${LABELS[row.variant]}`;
      if (row === forward) return [throughput(row, LABELS.forward), cpuRow(row, LABELS.forward)];
      const rows = [
        { measure: `${name}: peak RSS growth, 50 at once, first / next batch`, ours: pair(row.peakRssGrowth50.first, row.peakRssGrowth50.next), against, baseline: pair(pipe.peakRssGrowth50.first, pipe.peakRssGrowth50.next), ratio: '', goal: '≤ 30 MB' },
        { measure: `${name}: peak RSS growth, 200 at once, first / next batch`, ours: pair(row.peakRssGrowth200.first, row.peakRssGrowth200.next), against, baseline: pair(pipe.peakRssGrowth200.first, pipe.peakRssGrowth200.next), ratio: '', goal: '≤ 60 MB' },
        { measure: `${name}: held after the uploads, 50 / 200`, ours: pair(row.heldAfter50, row.heldAfter200), against, baseline: pair(pipe.heldAfter50, pipe.heldAfter200), ratio: '', goal: 'nothing' },
        throughput(row, name),
        cpuRow(row, name),
      ];
      if (row !== local) {
        rows.push({ measure: `${name}: throughput, ${THROUGHPUT_UPLOADS} at once`, ours: `${megabytes(row.throughput)} MB/s`, against: LABELS.local, baseline: `${megabytes(local.throughput)} MB/s`, ratio: `${row.vsLocal.toFixed(2)}×`, goal: '' });
      }
      return rows;
    });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await proxyProviders();
}
