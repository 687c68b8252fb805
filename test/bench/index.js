// `npm run bench`: every measurement, each against a baseline taken in the same run, printed as
// one table and kept in test/bench/RESULTS.md (linked from the README). Each part runs in a process
// of its own, one after another, so that none measures another's leftovers.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_PATH } from '../helpers/chromium-args.js';
import { markdownTable } from './report.js';

const PARTS = [
  'test/bench/upload-speed.js',
  'test/bench/add-files.js',
  'test/bench/start-up.js',
  'test/bench/bundle-size.js',
  'test/bench/proxy-providers.js',
  'test/bench/scale-out.js',
  'test/bench/fit.js',
];
const RESULTS = 'test/bench/RESULTS.md';

const directory = mkdtempSync(join(tmpdir(), 'mms-bench-'));
const rowsFile = join(directory, 'rows.jsonl');
const load = loadavg()[0];
const started = new Date();
try {
  for (const part of PARTS) execFileSync(process.execPath, [part], { stdio: 'inherit', env: { ...process.env, BENCH_ROWS: rowsFile } });
  const parts = readFileSync(rowsFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  const table = markdownTable(parts.flatMap((part) => part.rows));
  const chromium = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).trim();
  const machine = `${cpus().length} × ${cpus()[0].model}, load average ${load.toFixed(2)} at the start; Node ${process.version}; ${chromium}`;
  console.log(`\nAll parts, each against its baseline from this run\n${table}`);
  writeFileSync(
    RESULTS,
    [
      '# Benchmark results',
      '',
      `The last run of \`npm run bench\`, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${Math.round((Date.now() - started) / 60000)} min.`,
      `Machine: ${machine}.`,
      'Each ratio is ours ÷ its baseline, measured in the same run (paired, interleaved rounds where it is timed).',
      '',
      table,
      '',
      '## Parts',
      '',
      ...parts.map((part) => `- ${part.part}`),
      '',
    ].join('\n'),
  );
  console.log(`\nwritten to ${RESULTS}`);
} finally {
  rmSync(directory, { recursive: true, force: true });
}
