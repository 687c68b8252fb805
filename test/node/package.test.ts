// What `npm pack` ships: the built files, the LICENSE and the README, metadata a registry shows,
// a custom-elements.json whose modules are in the tarball, and no sources or tests; `publint
// --strict` and `attw --pack . --profile esm-only` find nothing wrong. (The tarball's apps:
// packed-apps, packed-server and packed-typings tests.)
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { installPacked, packPackage, type Consumer, type PackedPackage } from './helpers/packed.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
let packed: PackedPackage;
let unpacked: Consumer;

before(() => {
  packed = packPackage();
  unpacked = installPacked(packed.tarball);
});

after(() => {
  unpacked?.remove();
  packed?.remove();
});

test('npm pack builds first (prepack), and npm ci does not (no prepare)', () => {
  assert.equal(pkg.scripts.prepack, 'npm run build');
  assert.equal(pkg.scripts.prepare, undefined);
  assert.match(pkg.scripts.build, /^vite build && vite build --mode cdn && .*tsc .*build-server-cjs\.js && cem analyze /);
});

test('the tarball holds the built package, its LICENSE and README, and nothing else', () => {
  for (const file of [
    'LICENSE',
    'README.md',
    'package.json',
    'dist/index.js',
    'dist/index.d.ts',
    'dist/locales/fr.js',
    'dist/react.d.ts',
    'dist/vue.d.ts',
    'dist/svelte.d.ts',
    'dist/server/index.js',
    'dist/server/index.d.ts',
    'dist/server/index.cjs',
    'dist/server/index.d.cts',
    'dist/custom-elements.json',
    'dist/cdn/mms-media-upload.min.js',
  ]) {
    assert.ok(packed.files.includes(file), `${file} is packed`);
  }
  assert.deepEqual(packed.files.filter((file) => !/^(dist\/|LICENSE$|README\.md$|package\.json$)/.test(file)), []);
});

test('the package says what it is and where it lives (MIT, repository, homepage, bugs, keywords)', () => {
  const license = readFileSync(join(unpacked.dir, 'node_modules/mms-media-upload/LICENSE'), 'utf8');
  assert.match(license, /^MIT License\n\nCopyright \(c\) \d{4} mms-media-upload contributors\n/);
  assert.equal(pkg.license, 'MIT');
  assert.match(pkg.repository.url, /^git\+https:\/\/github\.com\/[\w-]+\/mms-media-upload\.git$/);
  assert.match(pkg.homepage, /^https:\/\/github\.com\/[\w-]+\/mms-media-upload#readme$/);
  assert.match(pkg.bugs.url, /^https:\/\/github\.com\/[\w-]+\/mms-media-upload\/issues$/);
  assert.ok(pkg.keywords.includes('web-component') && pkg.keywords.includes('mms'));
});

test('custom-elements.json names modules that are in the tarball', () => {
  const root = join(unpacked.dir, 'node_modules/mms-media-upload');
  const manifest = JSON.parse(readFileSync(join(root, pkg.customElements), 'utf8')) as { modules: { path: string }[] };
  const named = [...JSON.stringify(manifest).matchAll(/"(?:path|module)":"([^"]+)"/g)].map((match) => match[1]!);
  assert.ok(named.length > 10, 'the manifest was read');
  const missing = [...new Set(named)].filter((path) => !packed.files.includes(path) && !packed.files.includes(path.replace(/\.js$/, '.d.ts')));
  assert.deepEqual(missing, []);
});

const run = promisify(execFile);
// Both tools run `npm pack` themselves; its prepack would build again (npm test has just built).
const withoutPrepack = { ...process.env, npm_config_ignore_scripts: 'true' };

test('publint --strict finds nothing', async () => {
  const { stdout } = await run(process.execPath, ['node_modules/publint/src/cli.js', '--strict'], { env: withoutPrepack, encoding: 'utf8' });
  assert.match(stdout, /All good!/);
});

test('attw --pack . --profile esm-only finds no problem (and require() of the server entry resolves to CommonJS)', async () => {
  const attw = 'node_modules/@arethetypeswrong/cli/dist/index.js';
  await run(process.execPath, [attw, '--pack', '.', '--profile', 'esm-only'], { env: withoutPrepack, encoding: 'utf8' });
  const { stdout } = await run(process.execPath, [attw, '--pack', '.', '--profile', 'esm-only', '--format', 'json'], { env: withoutPrepack, encoding: 'utf8' });
  type Resolved = { fileName: string } | undefined;
  const report = JSON.parse(stdout) as { analysis: { entrypoints: Record<string, { resolutions: Record<string, { resolution?: Resolved; implementationResolution?: Resolved }> }> } };
  const required = report.analysis.entrypoints['./server']!.resolutions['node16-cjs']!;
  assert.match(required.resolution?.fileName ?? '', /\/dist\/server\/index\.d\.cts$/);
  assert.match(required.implementationResolution?.fileName ?? '', /\/dist\/server\/index\.cjs$/);
});
