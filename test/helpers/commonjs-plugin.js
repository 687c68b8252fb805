// A few packages that Uppy imports are still CommonJS. The test server would serve them raw
// and the browser would refuse them; this plugin serves each one bundled as an ES module.
import { build } from 'esbuild';

const COMMONJS_PACKAGES = /\/node_modules\/(mime-match|wildcard|lodash|namespace-emitter|classnames|axe-core)\//;

export function commonJsPlugin() {
  const cache = new Map();
  return {
    name: 'commonjs-as-esm',
    async transform(context) {
      const path = context.path;
      if (!COMMONJS_PACKAGES.test(path) || !path.endsWith('.js')) return undefined;
      if (!cache.has(path)) {
        const result = await build({
          entryPoints: [`.${path}`],
          bundle: true,
          format: 'esm',
          write: false,
          logLevel: 'silent',
        });
        cache.set(path, result.outputFiles[0].text);
      }
      return { body: cache.get(path), headers: { 'content-type': 'application/javascript' } };
    },
  };
}
