// Every file a demo names, in its code or its comments (`./App.js`, `../../src/react.ts`, a typings
// file), exists: the demos are what people copy from.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';

const RELATIVE_PATH = /(?<![\w/])\.\.?\/[\w./-]+\.[a-z]+/g;

function demoFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith('.') ? [] : demoFiles(path);
    return /\.(ts|tsx|vue|html|js)$/.test(entry.name) ? [path] : [];
  });
}

/** A `.js` import names the TypeScript file it is compiled from. */
const candidates = (path: string) => (path.endsWith('.js') ? [path, path.replace(/\.js$/, '.ts'), path.replace(/\.js$/, '.tsx')] : [path]);

test('every path named in demo/ exists', () => {
  const missing: string[] = [];
  for (const file of demoFiles('demo')) {
    for (const [reference] of readFileSync(file, 'utf8').matchAll(RELATIVE_PATH)) {
      if (!candidates(join(dirname(file), reference)).some((path) => existsSync(path))) missing.push(`${file}: ${reference}`);
    }
  }
  assert.deepEqual(missing, []);
});
