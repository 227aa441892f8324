// The names of the tests that failed, read from Vitest's and Playwright's JSON reports, so that the
// last lines of a long CI log say which test to look at (the reporters print them thousands of lines up).

// biome-ignore lint/suspicious/noControlCharactersInRegex: the reporters colour their messages
const colourCodes = /\u001b\[[0-9;]*m/g;
const firstLine = (text) =>
  (
    String(text ?? '')
      .replace(colourCodes, '')
      .split('\n')
      .find((line) => line.trim() !== '') ?? ''
  ).slice(0, 300);

/** Failed Vitest tests, and files that failed before any test ran (an import or set-up error). */
export function failedVitestTests(report) {
  const failures = [];
  for (const file of report?.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((test) => test.status === 'failed');
    for (const test of failedTests) {
      failures.push(`${file.name} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
    }
    if (file.status === 'failed' && failedTests.length === 0) {
      failures.push(`${file.name}: ${firstLine(file.message)}`);
    }
  }
  return failures;
}

/** Failed or flaky Playwright tests (a flaky test passed on a retry, and CI counts it as failed). */
export function failedPlaywrightTests(report) {
  const failures = [];
  const visit = (suite, titles) => {
    const path = suite.title ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected' && test.status !== 'flaky') continue;
        const failedResult = (test.results ?? []).find((result) => result.status !== 'passed');
        const message = firstLine(failedResult?.error?.message ?? failedResult?.errors?.[0]?.message);
        failures.push(`${[...path, spec.title].join(' › ')} (${test.status}): ${message}`);
      }
    }
    for (const child of suite.suites ?? []) visit(child, path);
  };
  for (const suite of report?.suites ?? []) visit(suite, []);
  return failures;
}
