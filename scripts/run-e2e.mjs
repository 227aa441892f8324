#!/usr/bin/env node
// `npm run test:e2e`: build the end-to-end bundle (with the test hook, into dist-e2e), then run the
// Playwright specs against `vite preview` of it in system Chromium.
import { spawnSync } from 'node:child_process';
import { findChromium } from './find-chromium.mjs';

const chromium = findChromium();
if (!chromium) {
  console.error(
    'No Chromium found. Install it: sudo apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH).',
  );
  process.exit(1);
}
process.env.CHROMIUM_PATH = chromium;
const run = (args) => spawnSync('npx', args, { stdio: 'inherit', env: process.env }).status === 0;
if (!run(['vite', 'build', '--mode', 'e2e', '--outDir', 'dist-e2e', '--logLevel', 'warn'])) process.exit(1);
process.exit(run(['playwright', 'test', ...process.argv.slice(2)]) ? 0 : 1);
