// Measures the CDN bundle against its floor: lit + @uppy/core + @uppy/xhr-upload bundled the
// same way (the CDN build's own Vite config, only the entry differs), in the same run.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export async function measureBundles() {
  const outDir = mkdtempSync(join(tmpdir(), 'mms-floor-'));
  try {
    // The CDN build's own config (plugins, minifier, target), only the entry and folder differ.
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
