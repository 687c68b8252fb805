// Ends the browser run with the one plain line that CI reads: "N passed, N failed".
export function summaryReporter() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const count = (suite) => {
    for (const test of suite.tests) {
      if (test.skipped) skipped += 1;
      else if (test.passed) passed += 1;
      else failed += 1;
    }
    for (const child of suite.suites) count(child);
  };
  return {
    onTestRunFinished({ sessions }) {
      for (const session of sessions) {
        if (session.testResults) count(session.testResults);
        else if (!session.passed) failed += 1;
        if (session.errors?.length && session.testResults && session.testResults.tests.length === 0) failed += 1;
      }
    },
    async stop() {
      const tail = skipped ? `, ${skipped} skipped` : '';
      process.stdout.write(`browser: ${passed} passed, ${failed} failed${tail}\n`);
    },
  };
}
