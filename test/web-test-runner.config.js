// Browser tests: real headless Chromium (Debian's, or CHROME_PATH), TypeScript through esbuild,
// and the loopback upload endpoints that the tests talk to (test/helpers/endpoints.js).
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fileURLToPath } from 'node:url';
import { withoutLitDevModeNotice } from './helpers/browser-logs.js';
import { commonJsPlugin } from './helpers/commonjs-plugin.js';
import { devtoolsCommands } from './helpers/devtools-commands.js';
import { mainThreadTrace } from './helpers/main-thread-trace.js';
import { mockEndpoints } from './helpers/endpoints.js';
import { photoFixtures } from './helpers/photo-fixtures.js';
import { strictCspPages } from './helpers/strict-csp.js';
import { proxyEndpoints } from './helpers/proxy-endpoints.js';
import { serverRenderEndpoint } from './helpers/server-render-endpoint.js';
import { summaryReporter } from './helpers/summary-reporter.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './helpers/chromium-args.js';
import { defaultReporter } from '@web/test-runner';

const proxy = await proxyEndpoints();

export default {
  rootDir: fileURLToPath(new URL('..', import.meta.url)),
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 180000,
  filterBrowserLogs: withoutLitDevModeNotice,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  plugins: [
    commonJsPlugin(),
    devtoolsCommands(),
    mainThreadTrace(),
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)), target: 'chrome123' }),
  ],
  middleware: [strictCspPages(), ...mockEndpoints(), photoFixtures(), serverRenderEndpoint(), proxy.middleware],
  reporters: [defaultReporter(), summaryReporter(), { stop: () => proxy.close() }],
};
