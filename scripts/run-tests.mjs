#!/usr/bin/env node
// `npm test`: type check, lint and format check, unit tests, then end-to-end tests in real Chromium.
// Prints one closing line "tests: N passed, N failed" summing Vitest and Playwright.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { failedPlaywrightTests, failedVitestTests } from './failed-tests.mjs';
import { findChromium } from './find-chromium.mjs';

const isCi = process.env.CI === 'true' || process.env.CI === '1';
const skipE2e = process.env.SKIP_E2E === '1' && !isCi;
mkdirSync('test-results', { recursive: true });

function step(title, command, args) {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

let passed = 0;
let failed = 0;
let ok = true;

ok = step('type check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']) && ok;
ok = step('lint and format', 'npx', ['biome', 'check', '.']) && ok;

const unitOk = step('unit tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile=test-results/vitest.json',
]);
ok = unitOk && ok;
const unitReport = readJson('test-results/vitest.json');
if (unitReport) {
  passed += unitReport.numPassedTests ?? 0;
  failed += unitReport.numFailedTests ?? 0;
} else if (!unitOk) failed += 1;

const chromium = findChromium();
if (skipE2e) {
  console.log('\n⚠ SKIP_E2E=1: end-to-end tests skipped on request.');
} else if (!chromium) {
  const banner = '='.repeat(78);
  console.error(
    `\n${banner}\n  NO CHROMIUM FOUND — the end-to-end tests did NOT run.\n  Install it (Debian/Ubuntu):  sudo apt-get install -y chromium fonts-noto-cjk\n  or point CHROMIUM_PATH at a Chromium/Chrome executable.\n${banner}`,
  );
  if (isCi) {
    console.error('CI=true: a missing browser is a failure.');
    ok = false;
    failed += 1;
  }
} else {
  process.env.CHROMIUM_PATH = chromium;
  const built = step('build', 'npx', ['vite', 'build', '--logLevel', 'warn']);
  ok = built && ok;
  if (built) {
    const withinBudget = step('first-load JavaScript budget', 'node', ['scripts/check-bundle-size.mjs']);
    ok = withinBudget && ok;
    if (!withinBudget) failed += 1;
    // The licence notices the bundler strips are shipped in a file of their own, linked from the map.
    const licencesShipped = step('third-party licences shipped', 'node', [
      'scripts/check-licences.mjs',
      'dist',
    ]);
    ok = licencesShipped && ok;
    if (!licencesShipped) failed += 1;
    // Test hooks only in the end-to-end build: none in what users run, all in what the specs drive.
    const noHooks = step('no test hooks in the production build', 'node', [
      'scripts/check-test-hooks.mjs',
      'dist',
      'absent',
    ]);
    ok = noHooks && ok;
    if (!noHooks) failed += 1;
    const builtE2e = step('end-to-end build', 'npx', [
      'vite',
      'build',
      '--mode',
      'e2e',
      '--outDir',
      'dist-e2e',
      '--logLevel',
      'warn',
    ]);
    const hooksThere =
      builtE2e &&
      step('test hooks in the end-to-end build', 'node', [
        'scripts/check-test-hooks.mjs',
        'dist-e2e',
        'present',
      ]);
    ok = builtE2e && hooksThere && ok;
    if (!builtE2e || !hooksThere) failed += 1;
    const e2eOk = hooksThere && step('end-to-end tests (Chromium)', 'npx', ['playwright', 'test']);
    ok = e2eOk && ok;
    const e2eReport = readJson('test-results/playwright.json');
    if (e2eReport?.stats) {
      passed += e2eReport.stats.expected ?? 0;
      failed += (e2eReport.stats.unexpected ?? 0) + (e2eReport.stats.flaky ?? 0);
    } else if (!e2eOk) failed += 1;
  } else failed += 1;
}

if (!ok && failed === 0) failed = 1;
const failures = [
  ...failedVitestTests(unitReport),
  ...failedPlaywrightTests(readJson('test-results/playwright.json')),
];
if (failures.length > 0) console.log(`\nfailed:\n${failures.map((name) => `  ✗ ${name}`).join('\n')}`);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
if (!existsSync('test-results')) mkdirSync('test-results');
process.exit(ok ? 0 : 1);
