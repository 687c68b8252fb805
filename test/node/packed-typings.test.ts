// The typings of the packed tarball, as a consumer's compiler reads them: TypeScript 5.9, 6 and 7
// (typescript59, typescript, typescript7), `skipLibCheck: false` so that every shipped .d.ts is
// checked, strict. test/types/ holds the usages (each `@ts-expect-error` a misuse that must stay an
// error): the element in React, Vue and Svelte templates (DOM lib, bundler resolution), and the server
// entry in a Node project without the DOM lib, and with it, from ES modules and from CommonJS.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { installPacked, packPackage, type Consumer, type PackedPackage } from './helpers/packed.js';

const COMPILERS = { 'TypeScript 5.9': 'typescript59', 'TypeScript 6': 'typescript', 'TypeScript 7': 'typescript7' };

const strict = { strict: true, skipLibCheck: false, noEmit: true, target: 'ES2022', noUnusedLocals: true };
const PROJECTS = {
  'the element in React, Vue and Svelte (DOM)': {
    compilerOptions: { ...strict, module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2023', 'DOM', 'DOM.Iterable'], jsx: 'react-jsx', types: [] },
    files: ['react.tsx', 'vue.ts', 'svelte.ts'],
  },
  'the server without the DOM lib': {
    compilerOptions: { ...strict, module: 'NodeNext', lib: ['ES2023'], types: ['node'] },
    files: ['server.ts', 'server-commonjs.cts'],
  },
  'the server with the DOM lib': {
    compilerOptions: { ...strict, module: 'NodeNext', lib: ['ES2023', 'DOM'], types: ['node'] },
    files: ['server.ts', 'server-commonjs.cts'],
  },
};

let packed: PackedPackage;
let app: Consumer;

before(() => {
  packed = packPackage();
  app = installPacked(packed.tarball, ['@types/node', '@types/react', 'react', 'vue', 'svelte']);
  cpSync('test/types', app.dir, { recursive: true, filter: (path) => !path.endsWith('tsconfig.json') });
  for (const [name, project] of Object.entries(PROJECTS)) app.write(`${slug(name)}.json`, JSON.stringify(project));
});

after(() => {
  app?.remove();
  packed?.remove();
});

function slug(name: string): string {
  return `tsconfig.${name.replace(/\W+/g, '-')}`;
}

const run = promisify(execFile);

async function typecheck(compiler: string, project: string): Promise<string> {
  const tsc = resolve('node_modules', compiler, 'bin', 'tsc');
  try {
    await run(process.execPath, [tsc, '-p', join(app.dir, `${slug(project)}.json`)], { cwd: app.dir, encoding: 'utf8', timeout: 180_000 });
    return '';
  } catch (error) {
    const { stdout = '', stderr = '', message } = error as { stdout?: string; stderr?: string; message: string };
    return `${stdout}${stderr}`.trim() || message;
  }
}

for (const [version, compiler] of Object.entries(COMPILERS)) {
  test(`${version} accepts the packed typings with skipLibCheck: false, and every misuse is an error`, async () => {
    const versionLine = (await run(process.execPath, [resolve('node_modules', compiler, 'bin', 'tsc'), '--version'], { encoding: 'utf8' })).stdout;
    assert.match(versionLine, new RegExp(`Version ${version.split(' ')[1]!.replace('.', '\\.')}`));
    // Two projects at a time: the machine has two cores.
    const names = Object.keys(PROJECTS);
    const failures: string[] = [];
    for (let i = 0; i < names.length; i += 2) {
      const batch = names.slice(i, i + 2);
      const outputs = await Promise.all(batch.map((name) => typecheck(compiler, name)));
      outputs.forEach((output, index) => output && failures.push(`${batch[index]}:\n${output}`));
    }
    assert.deepEqual(failures, []);
  });
}
