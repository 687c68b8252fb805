// On a server (Node, no DOM): importing the package must not throw (frameworks that render on the
// server import it there), and Lit's server renderer (@lit-labs/ssr) renders the element into a
// declarative shadow root. Each import and render runs in a fresh Node process, so no DOM globals
// leak in from other tests. (test/browser/hydration.test.ts hydrates that markup in Chromium.)
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

/** The element rendered by Lit SSR (test/helpers/server-render.ts), in a fresh Node process. */
function renderIsolated(options: Record<string, unknown>): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'test/helpers/server-render.ts', JSON.stringify(options)], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(result.status, 0, `rendering threw:\n${result.stderr}`);
  return result.stdout;
}

/** The markup without Lit's part markers and the styles, to read. */
const readable = (markup: string) =>
  markup
    .replace(/<style>[^]*?<\/style>/, '<style></style>')
    .replace(/<!--[^]*?-->/g, '')
    .replace(/\s+/g, ' ');

for (const [name, entry] of [
  ['source', undefined],
  ['built', 'dist/index.js'],
] as const) {
  test(`Lit SSR renders the ${name} element into a declarative shadow root: drop zone, label, hint, browse button`, () => {
    if (entry) assert.ok(existsSync(entry), 'dist/ is built (npm test builds it first)');
    const markup = readable(renderIsolated({ entry, provider: 'bird', capture: 'user' }));
    assert.match(markup, /<mms-media-upload name="media" endpoint="\/upload" provider="bird" capture="user"><template shadowroot="open" shadowrootmode="open" shadowrootdelegatesfocus><style>/);
    assert.match(markup, /<div part="dropzone" role="group" aria-labelledby="label" aria-describedby="hint">/);
    assert.match(markup, /<span id="label"><slot name="label">Drop photos, videos or PDFs here<\/slot><\/span>/);
    // The attributes are read before the render: Bird's limits, in English (the element has no lang).
    assert.match(markup, /<span id="hint" class="hint"><slot name="hint">Up to 10 files, 600 KB each: JPEG, PNG, GIF<\/slot><\/span>/);
    assert.match(markup, /<button part="browse-button" type="button" >Browse files<\/button>/);
    assert.match(markup, /<input type="file" multiple tabindex="-1" aria-hidden="true" accept="image\/jpeg,image\/png,image\/gif" \/>/);
    // A server cannot know the screen: the camera button comes with hydration, on touch screens.
    assert.doesNotMatch(markup, /camera-button/);
    assert.match(markup, /<div part="error" role="alert"><\/div>/);
    assert.match(markup, /<\/template><\/mms-media-upload>$/);
  });
}

test('Lit SSR formats in the element’s own lang', () => {
  const markup = readable(renderIsolated({ lang: 'fr', provider: 'bandwidth' }));
  assert.match(markup, /Up to 10 files, 3,5 MB each/);
});
