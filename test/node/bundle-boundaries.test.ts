// The built package keeps the server's optional clients where they belong: nothing of the S3 SDK or
// the Redis client reaches the browser files (the CDN file, and every module dist/index.js loads),
// and the server entry imports them only when an adapter is used. Node never loads Uppy (whose own
// dependencies declare Node 22): not at import, not for server rendering, not on the server. Reads
// dist/: run `npm run build` first (`npm test` does).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';

const OPTIONAL_CLIENTS = /@aws-sdk\/|@smithy\/|ioredis|s3rver/;

/** The modules a file loads through relative static or dynamic imports, itself included. */
function moduleGraph(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const source = readFileSync(entry, 'utf8');
  for (const match of source.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
    moduleGraph(join(dirname(entry), match[1]!), seen);
  }
  return seen;
}

describe('bundle boundaries', () => {
  it('keeps the S3 and Redis clients out of the CDN file and of everything dist/index.js loads', () => {
    const browserFiles = [...readdirSync('dist/cdn').filter((name) => name.endsWith('.js')).map((name) => join('dist/cdn', name)), ...moduleGraph('dist/index.js')];
    assert.ok(browserFiles.length > 5, 'the build is there');
    for (const file of browserFiles) {
      const source = readFileSync(file, 'utf8');
      assert.doesNotMatch(source, OPTIONAL_CLIENTS, file);
      assert.doesNotMatch(source, /s3Provider|redisStore/, file);
      assert.ok(!file.includes('/server/'), `${file}: server code in the browser entry`);
    }
  });

  it('imports the optional clients lazily: the server entry loads without them', () => {
    const serverFiles = [...moduleGraph('dist/server/index.js')];
    const withClients = serverFiles.filter((file) => OPTIONAL_CLIENTS.test(readFileSync(file, 'utf8').replace(/^\s*\/?\*.*$/gm, '')));
    assert.ok(withClients.length > 0, 'the adapters are in the server entry');
    for (const file of withClients) {
      const source = readFileSync(file, 'utf8');
      assert.doesNotMatch(source, /^\s*import\s[^(]*["'](@aws-sdk|ioredis)/m, `${file}: a static import`);
      assert.match(source, /import\(["'](@aws-sdk\/client-s3|ioredis)["']\)/, `${file}: a dynamic import`);
    }
  });

  it('loads no Uppy in Node: importing the element statically, and the server entry, reach no @uppy package', () => {
    const staticImports = (entry: string, seen = new Set<string>(), packages = new Set<string>()): Set<string> => {
      if (seen.has(entry)) return packages;
      seen.add(entry);
      for (const [, specifier] of readFileSync(entry, 'utf8').matchAll(/^\s*(?:import|export)\b[^(;]*?["']([^"']+)["']/gm)) {
        if (specifier!.startsWith('.')) staticImports(join(dirname(entry), specifier!), seen, packages);
        else packages.add(specifier!);
      }
      return packages;
    };
    const element = [...staticImports('dist/index.js')];
    assert.ok(element.includes('lit'), element.join(' '));
    assert.deepEqual(element.filter((name) => name.startsWith('@uppy/')), [], 'Uppy is loaded only with the upload engine, in the browser');
    // The server's own dependencies: the multipart parser and the fingerprint's hash.
    const serverDependencies = ['busboy', 'xxhash-wasm'];
    assert.deepEqual([...staticImports('dist/server/index.js')].filter((name) => !name.startsWith('node:')).sort(), serverDependencies);
    const required = [...readFileSync('dist/server/index.cjs', 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]!);
    assert.deepEqual([...new Set(required.filter((name) => !name.startsWith('node:')))].sort(), serverDependencies);
  });
});
