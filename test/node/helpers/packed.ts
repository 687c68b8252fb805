// The package as a user gets it: `npm pack` (of the dist/ that `npm test` has just built), unpacked
// into node_modules/mms-media-upload of a fresh folder outside the project. That folder's other
// node_modules entries are links to the project's own copies of the packages the package depends on
// and of the tools an app uses (vite, express…), so that nothing is downloaded, and a package the
// tarball needs but does not declare fails to resolve, as it would for a user.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const projectModules = resolve('node_modules');

export interface PackedPackage {
  /** The .tgz file. */
  tarball: string;
  /** The files in it, relative to the package root. */
  files: string[];
  remove(): void;
}

/**
 * `npm pack` without its prepack build (npm test has built dist/ already; CI builds from a fresh clone).
 * The tarball goes to a folder of its own.
 */
export function packPackage(): PackedPackage {
  assert.ok(existsSync('dist/index.js') && existsSync('dist/server/index.cjs'), 'dist/ is built (npm test builds it first)');
  const folder = mkdtempSync(join(tmpdir(), 'mms-pack-'));
  const output = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', folder], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [packed] = JSON.parse(output) as [{ filename: string; files: { path: string }[] }];
  return {
    tarball: join(folder, packed.filename),
    files: packed.files.map((file) => file.path).sort(),
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}

export interface Consumer {
  /** The app's folder: its node_modules holds the unpacked package and the links. */
  dir: string;
  /** Writes a file of the app (folders made as needed); returns its path. */
  write(path: string, text: string): string;
  /** Links one more of the project's packages into the app's node_modules. */
  link(name: string): void;
  remove(): void;
}

/** A fresh app folder with the packed package installed, its dependencies linked, and `tools` linked too. */
export function installPacked(tarball: string, tools: readonly string[] = []): Consumer {
  const dir = mkdtempSync(join(tmpdir(), 'mms-consumer-'));
  const target = join(dir, 'node_modules', 'mms-media-upload');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
  const manifest = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };

  const link = (name: string) => {
    const path = join(dir, 'node_modules', name);
    if (existsSync(path)) return;
    mkdirSync(dirname(path), { recursive: true });
    symlinkSync(join(projectModules, name), path, 'dir');
  };
  for (const name of [...Object.keys(manifest.dependencies ?? {}), ...tools]) link(name);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer-app', private: true, type: 'module' }));

  return {
    dir,
    write(path, text) {
      const file = join(dir, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      return file;
    },
    link,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
