import { describe, expect, it } from 'vitest';
import { failedPlaywrightTests, failedVitestTests } from '../../../scripts/failed-tests.mjs';

describe('the failed tests named at the end of a run', () => {
  it('names each failed Vitest test with its first message line, and a file that failed to load', () => {
    const report = {
      testResults: [
        {
          name: '/repo/tests/unit/a.test.ts',
          status: 'failed',
          assertionResults: [
            { fullName: 'a passes', status: 'passed', failureMessages: [] },
            {
              fullName: 'a counts gaps',
              status: 'failed',
              failureMessages: ['\u001b[31mAssertionError: expected 3 to be 4\u001b[39m\n    at x.ts:1'],
            },
          ],
        },
        {
          name: '/repo/tests/unit/b.test.ts',
          status: 'failed',
          message: 'Error: no database',
          assertionResults: [],
        },
        { name: '/repo/tests/unit/c.test.ts', status: 'passed', assertionResults: [] },
      ],
    };
    expect(failedVitestTests(report)).toEqual([
      '/repo/tests/unit/a.test.ts › a counts gaps: AssertionError: expected 3 to be 4',
      '/repo/tests/unit/b.test.ts: Error: no database',
    ]);
    expect(failedVitestTests(undefined)).toEqual([]);
  });

  it('names failed and flaky Playwright tests by file and title, nested suites included', () => {
    const report = {
      suites: [
        {
          title: 'coverage.spec.ts',
          specs: [
            { title: 'fine', tests: [{ status: 'expected', results: [{ status: 'passed' }] }] },
            {
              title: 'keeps the map responsive',
              tests: [
                { status: 'unexpected', results: [{ status: 'failed', error: { message: 'gap 1,500 ms' } }] },
              ],
            },
          ],
          suites: [
            {
              title: 'story (en)',
              specs: [
                {
                  title: 'every chapter',
                  tests: [
                    {
                      status: 'flaky',
                      results: [
                        { status: 'timedOut', error: { message: 'Timeout 30000ms' } },
                        { status: 'passed' },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    expect(failedPlaywrightTests(report)).toEqual([
      'coverage.spec.ts › keeps the map responsive (unexpected): gap 1,500 ms',
      'coverage.spec.ts › story (en) › every chapter (flaky): Timeout 30000ms',
    ]);
  });
});
