// Types for the test runner's plain-JavaScript helper (run by node without a compiler).
export function failedVitestTests(report: unknown): string[];
export function failedPlaywrightTests(report: unknown): string[];
