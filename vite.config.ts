// One Vite config for the demo dev server (`npm start`) and the two library builds:
//   vite build              → dist/: the npm build, ES modules, dependencies left external
//   vite build --mode cdn   → dist/cdn/: minified ES modules for a <script type="module"> tag: the
//                             entry, and the chunks it loads itself (from next to it)
// (`npm run build` runs both, in that order, then emits the .d.ts files with tsc, and the CommonJS
// server with scripts/build-server-cjs.js.)
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { minifyHTMLLiterals } from 'minify-literals';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const root = import.meta.dirname;

/** Uppy imports its whole package.json for a version string; keep only name and version. */
function slimPackageJson(): Plugin {
  return {
    name: 'slim-package-json',
    enforce: 'pre',
    load(id) {
      if (!/node_modules[\\/]@uppy[\\/][^\\/]+[\\/]package\.json$/.test(id)) return null;
      const { name, version } = JSON.parse(readFileSync(id, 'utf8'));
      return JSON.stringify({ name, version });
    },
  };
}

/** Lit's html`` and css`` templates keep their white space through a minifier; squeeze them. */
function minifyTemplates(): Plugin {
  return {
    name: 'minify-lit-templates',
    async transform(code, id) {
      if (!id.startsWith(resolve(root, 'src')) || !/\.ts$/.test(id)) return null;
      // Keep the `/>` of SVG elements: without it an svg`` template's shapes nest in one another.
      const result = await minifyHTMLLiterals(code, { fileName: id, html: { keepClosingSlash: true } });
      return result ? { code: result.code, map: result.map } : null;
    },
  };
}

/** Dependencies stay imports in the npm build; the compiler's own helpers (decorators) are bundled. */
const isExternal = (id: string) =>
  !id.startsWith('@oxc-project/runtime/') && !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !/^[A-Za-z]:/.test(id);

export default defineConfig(async ({ command, mode }): Promise<UserConfig> => {
  if (command === 'serve') {
    // Only the dev server needs the demo's back end (and with it the server code).
    const { demoServer } = await import('./demo/server.js');
    // demo/vue/: Vue's template compiler must leave <mms-media-upload> to the browser.
    // (demo/react/ needs no plugin: Vite's own transform compiles its JSX for the automatic runtime.)
    const { default: vue } = await import('@vitejs/plugin-vue');
    return {
      root,
      plugins: [demoServer(), vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'mms-media-upload' } } })],
      server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173) },
    };
  }
  if (mode === 'cdn') {
    return {
      plugins: [slimPackageJson(), minifyTemplates()],
      // The CDN file runs only in browsers, where DOMParser always exists: this drops response.ts's
      // regex XML reader, which is there for Node.
      define: { 'typeof DOMParser': JSON.stringify('function') },
      build: {
        outDir: 'dist/cdn',
        emptyOutDir: false,
        target: 'es2022',
        lib: { entry: resolve(root, 'src/index.ts'), formats: ['es'], fileName: () => 'mms-media-upload.min.js' },
        // The upload engine (Uppy and the transport) is its own chunk, loaded after the first render; the
        // fitting engine another, loaded with the first photo to fit, its worker a file next to it.
        rolldownOptions: { output: { minify: true, chunkFileNames: '[name]-[hash].min.js' } },
      },
      // The fitting worker: one minified ES module next to the chunks (not in assets/), so that a page
      // serving this folder under `worker-src 'self'` needs nothing else.
      // base './': the worker's URL is resolved from the chunk's own (import.meta.url), not from the site's root.
      base: './',
      worker: { format: 'es', rolldownOptions: { output: { minify: true, entryFileNames: '[name]-[hash].min.js' } } },
    };
  }
  return {
    // The fitting worker: one self-contained ES module, dist/fit/fit-worker.js, found from the module that
    // starts it (base './'), and seen by an app's bundler as `new URL('fit-worker.js', import.meta.url)`.
    base: './',
    worker: { format: 'es', rolldownOptions: { output: { entryFileNames: 'fit/[name].js' } } },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      lib: {
        entry: {
          index: resolve(root, 'src/index.ts'),
          'locales/fr': resolve(root, 'src/locales/fr.ts'),
          'server/index': resolve(root, 'src/server/index.ts'),
          'fit/index': resolve(root, 'src/fit/index.ts'),
        },
        formats: ['es'],
      },
      rolldownOptions: {
        external: isExternal,
        output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
      },
    },
  };
});
