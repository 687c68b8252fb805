// Browser tests: real headless Chromium (Debian's, or CHROME_PATH), TypeScript through esbuild,
// and the loopback upload endpoints that the tests talk to (test/helpers/endpoints.js).
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { commonJsPlugin } from './test/helpers/commonjs-plugin.js';
import { mockEndpoints } from './test/helpers/endpoints.js';
import { summaryReporter } from './test/helpers/summary-reporter.js';
import { defaultReporter } from '@web/test-runner';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 180000,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--no-first-run',
          '--disable-sync',
        ],
      },
    }),
  ],
  plugins: [
    commonJsPlugin(),
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'chrome123' }),
  ],
  middleware: mockEndpoints(),
  reporters: [defaultReporter(), summaryReporter()],
};
