// The browser test run prints each file's browser logs; Lit's dev-mode notice, the same block for
// every file, is left out (test/helpers/browser-logs.js), and nothing else is.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { withoutLitDevModeNotice } from '../helpers/browser-logs.js';

const DEV_MODE = 'Lit is in dev mode. Not recommended for production! See https://lit.dev/msg/dev-mode for more information.';

test("the test runner's log filter drops Lit's dev-mode notice and keeps every other log", () => {
  assert.equal(withoutLitDevModeNotice({ type: 'warn', args: [DEV_MODE] }), false);
  const kept = [
    { type: 'warn', args: ['Element mms-media-upload scheduled an update after an update completed'] },
    { type: 'warn', args: ['<mms-media-upload>: unknown provider "plivoo"'] },
    { type: 'error', args: [DEV_MODE] },
    { type: 'log', args: ['Lit is in dev mode.', 'quoted by a test'] },
    { type: 'warn', args: [{ message: DEV_MODE }] },
  ];
  for (const log of kept) assert.equal(withoutLitDevModeNotice(log), true, JSON.stringify(log));
});

test('the browser test run uses it', () => {
  const config = readFileSync('test/web-test-runner.config.js', 'utf8');
  assert.match(config, /filterBrowserLogs: withoutLitDevModeNotice,/);
});
