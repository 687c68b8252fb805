// Which browser logs the test runner prints after each test file: all but Lit's dev-mode notice, which
// every file would repeat word for word (the tests load Lit's development build on purpose, for its
// warnings). Every other log, warning and error still shows, Lit's other warnings included.
const LIT_DEV_MODE_NOTICE = 'Lit is in dev mode.';

/** The test runner's `filterBrowserLogs`: false drops the log. */
export function withoutLitDevModeNotice({ type, args }) {
  return !(type === 'warn' && typeof args[0] === 'string' && args[0].startsWith(LIT_DEV_MODE_NOTICE));
}
