// `npm run bench`: 50 concurrent 2 MB signed uploads through 2 proxy instances (child processes,
// test/bench/proxy-server.ts) sharing one redis-server, all on 127.0.0.1: once into S3 (s3rver
// behind its signature gate, in a process of its own: test/bench/s3-server.ts), once with localProvider, in the same
// run and the same set-up, so that the only difference is where the files go. Prints each
// instance's peak RSS against its idle RSS, and the S3 throughput against the local one (goal ≥ 0.8×).
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { tsImport } from 'tsx/esm/api';
import { mb, ratio, report } from './report.js';

const UPLOADS = 50;
const INSTANCES = 2;
const FILE_SIZE = 2 * 1024 * 1024;
const FILES_PER_SIGNATURE = 10;
const DEADLINE_MS = 300_000;

const { jpegBytes } = await tsImport('../helpers/sample-files.ts', import.meta.url);
const { startRedisServer } = await tsImport('../node/helpers/redis-server.ts', import.meta.url);
const { S3_CREDENTIALS, S3_REGION } = await tsImport('../node/helpers/s3-server.ts', import.meta.url);
const file = new Blob([jpegBytes(FILE_SIZE)], { type: 'image/jpeg' });

const watchdog = setTimeout(() => {
  console.error(`bench: no result after ${DEADLINE_MS / 1000} s, stopping`);
  process.exit(1);
}, DEADLINE_MS);

/** A child process; `ask(type)` sends a command and waits for its answer. */
async function startChild(script, env) {
  const child = fork(new URL(script, import.meta.url), [], {
    execArgv: ['--import', 'tsx', '--expose-gc', '--no-warnings'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [ready] = await once(child, 'message');
  const ask = async (type) => {
    child.send({ type });
    for (;;) {
      const [message] = await once(child, 'message');
      if (message.type === type) return message;
    }
  };
  const stop = async () => {
    const exited = once(child, 'exit');
    child.send({ type: 'stop' });
    await exited;
  };
  return { child, ready, origin: `http://127.0.0.1:${ready.port}`, ask, stop };
}

const startInstance = (env) => startChild('./proxy-server.ts', env);

async function sign(origin, count) {
  const files = Array.from({ length: count }, (_, i) => ({ name: `photo-${i}.jpg`, size: FILE_SIZE, type: 'image/jpeg' }));
  const response = await fetch(`${origin}/api/sign`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ files }) });
  if (!response.ok) throw new Error(`sign: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()).headers.Authorization;
}

async function upload(origin, authorization, index) {
  const form = new FormData();
  form.append('file', file, `photo-${index}.jpg`);
  const response = await fetch(`${origin}/api/upload`, { method: 'POST', headers: { Authorization: authorization, 'Idempotency-Key': `bench-${index}` }, body: form });
  const body = await response.json();
  if (response.status !== 200) throw new Error(`upload ${index}: HTTP ${response.status} ${body.message}`);
  return body;
}

/** Starts the instances, warms each up, then sends the uploads round-robin and measures. */
async function measure(label, env) {
  const instances = await Promise.all(Array.from({ length: INSTANCES }, () => startInstance(env)));
  try {
    for (const [i, instance] of instances.entries()) await upload(instance.origin, await sign(instance.origin, 1), `warm-${label}-${i}`);
    const baselines = await Promise.all(instances.map((instance) => instance.ask('baseline')));
    // Signatures come from any instance: they share the secret.
    const signatures = await Promise.all(Array.from({ length: UPLOADS / FILES_PER_SIGNATURE }, () => sign(instances[0].origin, FILES_PER_SIGNATURE)));
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: UPLOADS }, (_, i) => upload(instances[i % INSTANCES].origin, signatures[Math.floor(i / FILES_PER_SIGNATURE)], `${label}-${i}`)),
    );
    const seconds = (performance.now() - started) / 1000;
    const reports = await Promise.all(instances.map((instance) => instance.ask('report')));
    const ok = results.every((result) => result.size === FILE_SIZE) && reports.every((report) => report.spooled === 0);
    return { label, seconds, throughput: (UPLOADS * FILE_SIZE) / seconds, baselines, reports, ok, sample: results[0] };
  } finally {
    await Promise.all(instances.map((instance) => instance.stop()));
  }
}

const redis = await startRedisServer();
const s3 = await startChild('./s3-server.ts', {});
const secret = randomBytes(32).toString('base64url');
let puts = 0;
let s3CpuMs = 0;
try {
  const common = { BENCH_SECRET: secret, BENCH_REDIS_URL: redis.url };
  const local = await measure('local', common);
  const { endpoint, bucket, publicBaseUrl } = s3.ready;
  const s3Env = { ...common, BENCH_S3: JSON.stringify({ endpoint, bucket, region: S3_REGION, credentials: S3_CREDENTIALS, publicBaseUrl }) };
  const before = await s3.ask('puts');
  const remote = await measure('s3', s3Env);
  const after = await s3.ask('puts');
  puts = after.count - before.count;
  s3CpuMs = after.cpuMs - before.cpuMs;

  const rows = [
    { measure: `${UPLOADS} × 2 MB through ${INSTANCES} instances into S3 (s3rver): throughput`, ours: `${mb(remote.throughput)}/s`, against: 'the same into local disk', baseline: `${mb(local.throughput)}/s`, ratio: ratio(remote.throughput, local.throughput), goal: '≥ 0.80×' },
  ];
  for (const run of [local, remote]) {
    for (const [i, instance] of run.reports.entries()) {
      const idle = run.baselines[i].rss;
      rows.push({ measure: `${run.label === 's3' ? 'S3' : 'local disk'}: instance ${i + 1}, peak RSS`, ours: mb(instance.peak), against: 'its idle RSS', baseline: mb(idle), ratio: ratio(instance.peak, idle), goal: '' });
    }
  }
  rows.push({ measure: 'PUTs that reached S3', ours: String(puts), against: 'uploads (+ warm-ups)', baseline: String(UPLOADS + INSTANCES), ratio: '', goal: 'equal' });
  report(`Scale-out: ${INSTANCES} proxy instances sharing one redis-server, S3 against local disk (the S3 server's own CPU: ${(s3CpuMs / 1000).toFixed(2)} s)`, rows);
  process.exitCode = local.ok && remote.ok && puts === UPLOADS + INSTANCES ? 0 : 1;
} finally {
  clearTimeout(watchdog);
  await s3.stop();
  await redis.stop();
}
