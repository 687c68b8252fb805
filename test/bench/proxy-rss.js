// `npm run bench`: peak memory of the proxy while 50 concurrent 2 MB signed uploads stream through
// it (local provider, loopback only). The proxy runs in a child process (test/bench/proxy-server.ts)
// that reports its own RSS; the figures are printed next to a baseline from the same run: the
// child's idle RSS after start-up and one warm-up upload, and the 100 MB the uploads add up to.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { tsImport } from 'tsx/esm/api';
import { mb, report as publish } from './report.js';

const UPLOADS = 50;
const FILE_SIZE = 2 * 1024 * 1024; // "2 MB" = 2,097,152 bytes
const FILES_PER_SIGNATURE = 10; // the default maxFiles a signature allows
const DEADLINE_MS = 120_000;

const { jpegBytes } = await tsImport('../helpers/sample-files.ts', import.meta.url);
const file = new Blob([jpegBytes(FILE_SIZE)], { type: 'image/jpeg' });

const child = fork(new URL('./proxy-server.ts', import.meta.url), [], {
  execArgv: ['--import', 'tsx', '--expose-gc'],
  env: { ...process.env, BENCH_SECRET: randomBytes(32).toString('base64url') },
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const watchdog = setTimeout(() => {
  console.error(`bench: no result after ${DEADLINE_MS / 1000} s, stopping`);
  child.kill();
  process.exit(1);
}, DEADLINE_MS);
child.on('exit', (code) => {
  if (code) {
    console.error(`bench: the proxy process exited with code ${code}`);
    process.exit(1);
  }
});

/** Sends a command to the child and waits for its answer of the same type. */
async function ask(type) {
  child.send({ type });
  for (;;) {
    const [message] = await once(child, 'message');
    if (message.type === type) return message;
  }
}

const [ready] = await once(child, 'message');
const origin = `http://127.0.0.1:${ready.port}`;

async function sign(count) {
  const files = Array.from({ length: count }, (_, i) => ({ name: `photo-${i}.jpg`, size: FILE_SIZE, type: 'image/jpeg' }));
  const response = await fetch(`${origin}/api/sign`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ files }) });
  if (!response.ok) throw new Error(`sign: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()).headers.Authorization;
}

async function upload(authorization, index) {
  const form = new FormData();
  form.append('file', file, `photo-${index}.jpg`);
  const response = await fetch(`${origin}/api/upload`, { method: 'POST', headers: { Authorization: authorization }, body: form });
  const body = await response.json();
  if (response.status !== 200) throw new Error(`upload ${index}: HTTP ${response.status} ${body.message}`);
  return body;
}

// Warm-up: load every code path once, so the baseline is the idle proxy and not a cold start.
await upload(await sign(1), -1);
const baseline = await ask('baseline');

const signatures = await Promise.all(Array.from({ length: UPLOADS / FILES_PER_SIGNATURE }, () => sign(FILES_PER_SIGNATURE)));
const started = performance.now();
const results = await Promise.all(Array.from({ length: UPLOADS }, (_, i) => upload(signatures[Math.floor(i / FILES_PER_SIGNATURE)], i)));
const seconds = (performance.now() - started) / 1000;
const report = await ask('report');
const exited = once(child, 'exit');
child.send({ type: 'stop' });
await exited;
clearTimeout(watchdog);

const total = UPLOADS * FILE_SIZE;
const growth = report.peak - baseline.rss;
// The warm-up file is stored too.
const allStored = results.every((r) => r.size === FILE_SIZE) && report.stored === UPLOADS + 1 && report.storedBytes === (UPLOADS + 1) * FILE_SIZE && report.spooled === 0;
publish(`Proxy memory: ${UPLOADS} concurrent signed uploads of ${FILE_SIZE.toLocaleString('en')} bytes (${mb(total)}), local provider, answered in ${seconds.toFixed(2)} s`, [
  { measure: `proxy, local disk: peak RSS growth, ${UPLOADS} × 2 MB at once`, ours: mb(growth), against: 'the idle proxy (RSS after a warm-up)', baseline: mb(baseline.rss), ratio: '', goal: '≤ 30 MB' },
  { measure: 'proxy, local disk: files stored, temporary files left', ours: `${report.stored - 1}, ${report.spooled}`, against: 'uploads', baseline: String(UPLOADS), ratio: '', goal: `${UPLOADS}, 0` },
]);
process.exitCode = allStored ? 0 : 1;
