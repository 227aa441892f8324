import { defineConfig } from '@playwright/test';

// End-to-end tests drive Debian's Chromium (no browser download: the machine is offline).
// WebGL renders headless through SwiftShader. The flags keep Chromium from calling any outside host.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// E2E_PORT lets two checkouts run their end-to-end tests side by side.
// The specs run against the end-to-end build in dist-e2e (`vite build --mode e2e --outDir dist-e2e`),
// the only build with the window.__e2e test hook; scripts/run-e2e.mjs and run-tests.mjs build it.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  // One browser at a time by default: SwiftShader renders on the CPU, and on a 2-core machine two
  // Chromiums starved each other into timeouts. Each test has its own browser context (own IndexedDB),
  // so E2E_WORKERS=N runs them N at a time on a machine with the cores for it.
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 1),
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        '--disable-dev-shm-usage',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --outDir dist-e2e --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
