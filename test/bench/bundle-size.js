// Measures the CDN build against its floor: lit + @uppy/core + @uppy/xhr-upload bundled the
// same way (the CDN build's own Vite config, only the entry differs), in the same run.
// The CDN build is an entry and chunks: what a page loads before the element renders (the entry
// and the chunks it imports statically), and everything (with the upload engine, loaded once
// the element has rendered, before the first file is added).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const CDN_DIR = 'dist/cdn';
const ENTRY = 'mms-media-upload.min.js';

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

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
  const contents = files.map((file) => readFileSync(join(CDN_DIR, file)));
  return { files, raw: contents.reduce((sum, bytes) => sum + bytes.length, 0), gzip: contents.reduce((sum, bytes) => sum + gzip(bytes), 0) };
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
    const floor = readFileSync(join(outDir, 'floor.js'));
    return {
      floor: { raw: floor.length, gzip: gzip(floor) },
      startUp: measureFiles([...staticGraph(ENTRY)]),
      total: measureFiles(readdirSync(CDN_DIR).filter((file) => file.endsWith('.js'))),
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { floor, startUp, total } = await measureBundles();
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const row = (label, size) => console.log(`${label.padEnd(58)} ${kb(size.raw).padStart(9)} raw ${kb(size.gzip).padStart(8)} gzip   ${(size.gzip / floor.gzip).toFixed(2)}× floor`);
  row('floor (lit + @uppy/core + @uppy/xhr-upload, one file)', floor);
  row(`CDN start-up (${startUp.files.join(' + ')})`, startUp);
  row(`CDN total (${total.files.length} files, the upload engine included)`, total);
}
