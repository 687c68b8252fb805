// The custom elements manifest (dist/custom-elements.json, `cem analyze` in `npm run build`) must
// describe every attribute, property, event, CSS part, CSS custom property and slot that the
// element really has, and name the files the package ships. The manifest is built here in memory,
// with the build script's own options and plugins, and compared with what the sources use.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type * as TypeScript from 'typescript';
import * as analyzer from '@custom-elements-manifest/analyzer';
// @ts-expect-error the analyzer ships no types for its plugins
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';
import config from '../../custom-elements-manifest.config.mjs';
import { DEFAULT_FIT_MAX_DIMENSION, DEFAULT_STALL_TIMEOUT_MS } from '../../src/upload-settings.js';

interface Named {
  name: string;
  type?: { text: string };
  kind?: string;
  privacy?: string;
  static?: boolean;
}
interface Attribute extends Named {
  default?: string;
  fieldName?: string;
}
interface ElementDeclaration {
  tagName?: string;
  customElement?: boolean;
  attributes?: Attribute[];
  members?: Named[];
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
  slots?: Named[];
}

// The analyzer's JavaScript API (its own copy of TypeScript included), which its typings leave out.
const { create, ts } = analyzer as unknown as {
  ts: typeof TypeScript;
  create(options: { modules: TypeScript.SourceFile[]; plugins: unknown[]; context: object }): {
    modules: { path: string; declarations?: (ElementDeclaration & Named)[]; exports?: { declaration: { module?: string } }[] }[];
  };
};

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const command = /cem analyze ([^&]*)/.exec(pkg.scripts.build)?.[1]?.trim() ?? '';
const globs = /--globs ((?:[^-\s]\S*\s*)+)/.exec(command)?.[1]?.trim().split(/\s+/) ?? [];

const read = (path: string) => readFileSync(path, 'utf8');
const element = read('src/mms-media-upload.ts');
const styles = read('src/mms-media-upload.styles.ts');
const controller = read('src/controllers/upload-controller.ts');
// The element's template, and the parts of it that live in their own modules.
const templates = element + read('src/file-row.ts') + read('src/drop-zone.ts');

function buildManifest() {
  const modules = globs.map((path) => ts.createSourceFile(path, read(path), ts.ScriptTarget.ES2015, true));
  return create({ modules, plugins: [...litPlugin(), ...config.plugins], context: { dev: false } });
}

const manifest = buildManifest();
const declaration = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .find((item) => item.customElement && item.name === 'MmsMediaUpload');

const names = (items: Named[] | undefined) => (items ?? []).map((item) => item.name).sort();
const unique = (items: Iterable<string>) => [...new Set(items)].sort();
const matches = (source: string, pattern: RegExp) => [...source.matchAll(pattern)].map((match) => match[1]!);

// What the sources use.
const decorated = [...element.matchAll(/@property\((\{[^}]*\})?\)\s*(?:get\s+)?(\w+)/g)].map(([, options = '', name]) => ({
  name: name!,
  attribute: /attribute:\s*false/.test(options) ? undefined : (/attribute:\s*'([^']+)'/.exec(options)?.[1] ?? name!.toLowerCase()),
}));
const sourceAttributes = unique(decorated.flatMap((property) => (property.attribute ? [property.attribute] : [])));
const sourceProperties = unique([...decorated.map((property) => property.name), 'value', 'files']);
const sourceEvents = unique([
  ...matches(controller + element, /createEvent\('([\w-]+)'/g),
  ...matches(controller + element, /new Event\('([\w-]+)'/g),
]);
const sourceParts = unique(matches(templates, /\spart="([^"$]+)"/g).flatMap((value) => value.split(/\s+/)));
const sourceSlots = unique(matches(templates, /<slot name="([\w-]+)"/g));
const sourceCssProperties = unique(matches(styles, /(--mms-media-upload-[\w-]+)/g));

describe('custom-elements.json', () => {
  it('is built from the element and its entry, by the build script', () => {
    assert.match(command, /--litelement/);
    assert.match(command, /--outdir dist\b/);
    assert.equal(pkg.customElements, 'dist/custom-elements.json');
    assert.ok(globs.includes('src/mms-media-upload.ts') && globs.includes('src/index.ts'), `globs: ${globs.join(' ')}`);
    assert.ok(!globs.some((glob) => glob.startsWith('src/server')), 'the server code stays out');
  });

  it('declares <mms-media-upload>', () => {
    for (const found of [sourceAttributes, sourceEvents, sourceParts, sourceSlots, sourceCssProperties]) {
      assert.ok(found.length > 0, 'the sources were read');
    }
    assert.ok(declaration, 'the MmsMediaUpload class is in the manifest');
    assert.equal(declaration.tagName, 'mms-media-upload');
  });

  it('lists every attribute, with its property', () => {
    assert.deepEqual(names(declaration?.attributes), sourceAttributes);
  });

  it('lists every public property', () => {
    const publicFields = (declaration?.members ?? []).filter((member) => member.kind === 'field' && !member.privacy && !member.static);
    for (const name of sourceProperties) assert.ok(names(publicFields).includes(name), `property ${name}`);
  });

  it('lists the public methods', () => {
    const methods = names((declaration?.members ?? []).filter((member) => member.kind === 'method' && !member.privacy));
    for (const name of ['upload', 'retry', 'removeFile', 'reset', 'addFiles', 'checkValidity', 'reportValidity']) {
      assert.ok(methods.includes(name), `method ${name}`);
    }
  });

  it('lists every event it fires, and no other', () => {
    assert.deepEqual(names(declaration?.events), sourceEvents);
  });

  it('lists every CSS part, slot and CSS custom property, and no other', () => {
    assert.deepEqual(names(declaration?.cssParts), sourceParts);
    assert.deepEqual(names(declaration?.slots), sourceSlots);
    assert.deepEqual(names(declaration?.cssProperties), sourceCssProperties);
  });

  it('gives every event and attribute a type', () => {
    const untyped = [...(declaration?.events ?? []), ...(declaration?.attributes ?? [])].filter((item) => !item.type?.text);
    assert.deepEqual(names(untyped), []);
  });

  it('names the files the package ships (dist/*.js), not the sources', () => {
    const paths = [
      ...manifest.modules.map((module) => module.path),
      ...manifest.modules.flatMap((module) => (module.exports ?? []).map((entry) => entry.declaration.module ?? '')),
    ];
    assert.deepEqual(paths.filter((path) => !/^dist\/[\w/-]+\.js$/.test(path)), []);
    // npm test builds first: each named module is a built file (or, for types only, its .d.ts).
    const missing = paths.filter((path) => !existsSync(path) && !existsSync(path.replace(/\.js$/, '.d.ts')));
    assert.deepEqual([...new Set(missing)], []);
  });

  it('writes defaults as values, not as the names of constants', () => {
    const defaults = Object.fromEntries((declaration?.attributes ?? []).map((attribute) => [attribute.name, attribute.default]));
    assert.equal(defaults['upload-timeout'], String(DEFAULT_STALL_TIMEOUT_MS));
    assert.equal(defaults['fit-max-dimension'], String(DEFAULT_FIT_MAX_DIMENSION));
    assert.equal(defaults['max-files'], '10');
    assert.equal(defaults['max-file-size'], '2097152');
    const named = (declaration?.attributes ?? []).filter((attribute) => /^[A-Z_]+$|_\d/.test(attribute.default ?? ''));
    assert.deepEqual(names(named), []);
  });
});
