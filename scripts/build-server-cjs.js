// The CommonJS build of `mms-media-upload/server`, for apps that `require()` it (Node 20 before 20.19
// cannot require an ES module): dist/server/index.cjs, one file bundled from the sources by esbuild,
// and dist/server/index.d.cts, its declarations bundled from the .d.ts files that tsc emitted (run
// after tsc). Dependencies stay `require()`s; the optional clients (S3, Redis) stay `import()`s, which
// CommonJS can call too, so they still load only on first use and may be ES modules.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const nodeVersion = /\d+(\.\d+)*/.exec(pkg.engines.node)[0];

await build({
  entryPoints: ['src/server/index.ts'],
  outfile: 'dist/server/index.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: `node${nodeVersion}`,
  packages: 'external',
  logLevel: 'warning',
});

// A package name (or node: built-in) stays an import; the package's own files are inlined.
const isPackage = (id) => !id.startsWith('.') && !id.startsWith('/');
const types = await rollup({ input: 'dist/server/index.d.ts', plugins: [dts()], external: isPackage });
await types.write({ file: 'dist/server/index.d.cts', format: 'es' });
await types.close();
