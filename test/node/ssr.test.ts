// Importing the package on a server (Node, no DOM) must not throw: frameworks that render on the
// server import it there. Each import runs in a fresh Node process, so no DOM globals leak in
// from other tests.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';

/** Imports `specifier` in a clean Node process (with tsx) and reports the DOM globals and the exports. */
function importIsolated(specifier: string) {
  const script = `
    const dom = [typeof window, typeof document, typeof HTMLElement];
    const pkg = await import(${JSON.stringify(specifier)});
    console.log(JSON.stringify({ dom, exports: Object.keys(pkg).sort() }));
  `;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(result.status, 0, `importing ${specifier} threw:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as { dom: string[]; exports: string[] };
}

const EXPORTS = ['ENGLISH', 'MmsMediaUpload', 'PROVIDER_PRESETS', 'signatureEndpointSigner'];

test('the source entry imports in Node without a DOM', () => {
  const { dom, exports } = importIsolated('./src/index.ts');
  assert.deepEqual(dom, ['undefined', 'undefined', 'undefined']);
  for (const name of EXPORTS) assert.ok(exports.includes(name), `${name} is exported`);
  assert.deepEqual(importIsolated('./src/locales/fr.ts').exports, ['FRENCH']);
});

test('the built entry imports in Node without a DOM', () => {
  assert.ok(existsSync('dist/index.js'), 'dist/ is built (npm test builds it first)');
  const { exports } = importIsolated('./dist/index.js');
  assert.ok(exports.includes('MmsMediaUpload'));
});
