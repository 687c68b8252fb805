// GET /ssr/mms-media-upload?lang=…&provider=…&manual: the element as a server renders it
// (test/helpers/server-render.ts, run in a Node process of its own so that Lit SSR's DOM shim stays
// out of the test runner), for the hydration tests in the browser.
import { execFile } from 'node:child_process';

const RENDER_SCRIPT = 'test/helpers/server-render.ts';

function renderOnServer(options) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', RENDER_SCRIPT, JSON.stringify(options)], { encoding: 'utf8' }, (error, stdout, stderr) =>
      error ? reject(new Error(`${RENDER_SCRIPT} failed: ${stderr}`)) : resolve(stdout),
    );
  });
}

export function serverRenderEndpoint() {
  return async (context, next) => {
    if (context.path !== '/ssr/mms-media-upload') return next();
    const query = new URLSearchParams(context.querystring);
    const options = { lang: query.get('lang') ?? undefined, provider: query.get('provider') ?? undefined, manual: query.has('manual') };
    context.type = 'text/html';
    context.body = await renderOnServer(options);
  };
}
