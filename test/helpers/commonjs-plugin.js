// A few packages that Uppy imports are still CommonJS. The test server would serve them raw
// and the browser would refuse them; this plugin serves each one bundled as an ES module.
import { build } from 'esbuild';
import { resolve } from 'node:path';

const COMMONJS_PACKAGES = /\/node_modules\/(mime-match|wildcard|lodash|namespace-emitter|classnames|axe-core)\//;

export function commonJsPlugin() {
  const cache = new Map();
  let rootDir = process.cwd();
  return {
    name: 'commonjs-as-esm',
    serverStart({ config }) {
      rootDir = config.rootDir;
    },
    async transform(context) {
      const path = context.path;
      if (!COMMONJS_PACKAGES.test(path) || !path.endsWith('.js')) return undefined;
      if (!cache.has(path)) {
        const result = await build({
          entryPoints: [filePath(rootDir, path)],
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

/**
 * The file behind a served path. Files outside the root (a `node_modules` that is a symlink to
 * another checkout, as in a git worktree) are served as `/__wds-outside-root__/<levels up>/…`.
 */
function filePath(rootDir, path) {
  const outside = /^\/__wds-outside-root__\/(\d+)\/(.*)$/.exec(path);
  return outside ? resolve(rootDir, '../'.repeat(Number(outside[1])), outside[2]) : resolve(rootDir, `.${path}`);
}
