// Measures the CDN build against its floor: lit + @uppy/core + @uppy/xhr-upload bundled the
// same way (the CDN build's own Vite config, only the entry differs), in the same run.
// The CDN build is an entry and chunks: what a page loads before the element renders (the entry
// and the chunks it imports statically), and everything (with the upload engine, loaded once
// the element has rendered, before the first file is added).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';
import { kb, ratio, report } from './report.js';

const CDN_DIR = 'dist/cdn';
const ENTRY = 'mms-media-upload.min.js';

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
/** Each file compressed on its own, as a server or CDN sends it. */
const sizes = (contents) => ({
  raw: contents.reduce((sum, bytes) => sum + bytes.length, 0),
  gzip: contents.reduce((sum, bytes) => sum + gzip(bytes), 0),
  brotli: contents.reduce((sum, bytes) => sum + brotli(bytes), 0),
});

/** The files of the CDN build that `file` imports statically, itself included. */
function staticGraph(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(CDN_DIR, file), 'utf8');
  // Static imports only: `import"./x.js"`, `from"./x.js"`, never `import("./x.js")`.
  for (const [, imported] of code.matchAll(/(?:\bfrom|\bimport)\s*["'`]\.\/([\w.-]+\.js)["'`]/g)) staticGraph(imported, seen);
  return seen;
}

function measureFiles(files) {
  return { files, ...sizes(files.map((file) => readFileSync(join(CDN_DIR, file)))) };
}

export async function measureBundles() {
  const outDir = mkdtempSync(join(tmpdir(), 'mms-floor-'));
  try {
    await build({
      configFile: 'vite.config.ts',
      mode: 'cdn',
      logLevel: 'silent',
      build: {
        outDir,
        emptyOutDir: true,
        lib: { entry: 'test/bench/floor-entry.js', formats: ['es'], fileName: () => 'floor.js' },
      },
    });
    return {
      floor: sizes([readFileSync(join(outDir, 'floor.js'))]),
      startUp: measureFiles([...staticGraph(ENTRY)]),
      total: measureFiles(readdirSync(CDN_DIR).filter((file) => file.endsWith('.js'))),
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { floor, startUp, total } = await measureBundles();
  const FLOOR = 'floor: lit + @uppy/core + @uppy/xhr-upload, built the same way';
  const rows = [];
  for (const [label, size, goal] of [
    [`CDN start-up (${startUp.files.join(' + ')})`, startUp, { gzip: '≤ 34.5 KB, aim 30 KB' }],
    [`CDN, every chunk (${total.files.length} files: upload engine, fitting, thumbnails…)`, total, {}],
  ]) {
    for (const compression of ['gzip', 'brotli']) {
      rows.push({ measure: `${label}, ${compression}`, ours: kb(size[compression]), against: FLOOR, baseline: kb(floor[compression]), ratio: ratio(size[compression], floor[compression]), goal: goal[compression] ?? '' });
    }
  }
  report('Bundle: the CDN build against its floor (minified; each file compressed on its own)', rows);
}
