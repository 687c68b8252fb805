// `npm test`: the Node tests (server side) and the browser tests (headless Chromium), then one
// closing line "N passed, N failed" over both. Exits non-zero when anything failed.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';

function run(command, args) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function count(output, pattern) {
  const match = [...output.matchAll(pattern)].at(-1);
  return match ? Number(match[1]) : 0;
}

// The CDN tests load the built file: build first, so they never test a stale one.
execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });

const nodeTests = readdirSync('test/node').filter((name) => name.endsWith('.test.ts')).map((name) => `test/node/${name}`);
const results = [];

if (nodeTests.length > 0) {
  const node = await run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...nodeTests]);
  results.push({ name: 'node', code: node.code, passed: count(node.output, /ℹ pass (\d+)/g), failed: count(node.output, /ℹ fail (\d+)/g) + count(node.output, /ℹ cancelled (\d+)/g) });
}

const browser = await run(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', '--config', 'test/web-test-runner.config.js']);
results.push({
  name: 'browser',
  code: browser.code,
  passed: count(browser.output, /browser: (\d+) passed/g),
  failed: count(browser.output, /browser: \d+ passed, (\d+) failed/g),
});

const passed = results.reduce((sum, r) => sum + r.passed, 0);
let failed = results.reduce((sum, r) => sum + r.failed, 0);
for (const r of results) {
  process.stdout.write(`${r.name}: ${r.passed} passed, ${r.failed} failed (exit ${r.code})\n`);
  if (r.code !== 0 && r.failed === 0) failed += 1; // a runner that crashed counts as a failure
}
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
