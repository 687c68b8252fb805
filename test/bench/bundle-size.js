// Measures the CDN bundle against its floor: lit + @uppy/core + @uppy/xhr-upload bundled the
// same way (minified ES module, Uppy's package.json slimmed), in the same run.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const slimPackageJson = {
  name: 'slim-package-json',
  enforce: 'pre',
  load(id) {
    if (!/node_modules[\\/]@uppy[\\/][^\\/]+[\\/]package\.json$/.test(id)) return null;
    const { name, version } = JSON.parse(readFileSync(id, 'utf8'));
    return JSON.stringify({ name, version });
  },
};

export async function measureBundles() {
  const outDir = mkdtempSync(join(tmpdir(), 'mms-floor-'));
  try {
    await build({
      configFile: false,
      logLevel: 'silent',
      plugins: [slimPackageJson],
      build: {
        outDir,
        target: 'es2022',
        lib: { entry: 'test/bench/floor-entry.js', formats: ['es'], fileName: () => 'floor.js' },
        rolldownOptions: { output: { minify: true } },
      },
    });
    const floor = readFileSync(join(outDir, 'floor.js'));
    const cdn = readFileSync('dist/cdn/mms-media-upload.min.js');
    return {
      floorRaw: floor.length,
      floorGzip: gzipSync(floor, { level: 9 }).length,
      cdnRaw: cdn.length,
      cdnGzip: gzipSync(cdn, { level: 9 }).length,
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = await measureBundles();
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`floor (lit + @uppy/core + @uppy/xhr-upload): ${kb(sizes.floorRaw)} raw, ${kb(sizes.floorGzip)} gzip`);
  console.log(`CDN build dist/cdn/mms-media-upload.min.js:   ${kb(sizes.cdnRaw)} raw, ${kb(sizes.cdnGzip)} gzip`);
  console.log(`ratio CDN / floor (gzip): ${(sizes.cdnGzip / sizes.floorGzip).toFixed(3)}`);
}
