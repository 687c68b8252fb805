// The package's own typings, checked the way a consumer's compiler sees them: test/types/ uses
// <mms-media-upload> in React 19 JSX, through Vue's GlobalComponents and Svelte's SvelteHTMLElements,
// correctly and (marked `@ts-expect-error`) wrongly, and `tsc` must accept all of it. The main entry
// must not pull in React, Vue or Svelte types. (Here the package names map to the sources;
// test/node/packed-typings.test.ts checks the packed tarball with TypeScript 5.9, 6 and 7.)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const tsc = resolve('node_modules/typescript/bin/tsc');

function runTsc(args: string[], cwd = process.cwd()) {
  const result = spawnSync(process.execPath, [tsc, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
}

test('React, Vue and Svelte usages type-check, and every misuse is an error', () => {
  const { status, output } = runTsc(['-p', 'test/types/tsconfig.json']);
  assert.equal(status, 0, `tsc -p test/types/tsconfig.json failed:\n${output}`);
});

test('the main entry needs no React, Vue or Svelte types', () => {
  // Run from an empty folder (no tsconfig.json, no @types), so that only what the entry imports is listed.
  const empty = mkdtempSync(join(tmpdir(), 'mms-typings-'));
  const args = ['--listFilesOnly', '--module', 'esnext', '--moduleResolution', 'bundler', '--target', 'es2022'];
  const { status, output } = runTsc([...args, resolve('src/index.ts')], empty);
  rmSync(empty, { recursive: true, force: true });
  assert.equal(status, 0, output);
  const files = output.split('\n');
  assert.ok(files.some((file) => file.endsWith('/src/mms-media-upload.ts')), output);
  const frameworkTypes = files.filter((file) => /node_modules\/(@types\/react|react|vue|@vue|svelte)\//.test(file));
  assert.deepEqual(frameworkTypes, []);
});
