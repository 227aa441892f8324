import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { type Browser, chromium } from '@playwright/test';
import { writeBetweenMarkers } from '../../bench/doc-markers';
import { expect, test } from './driver';
import { BASE_COMMIT, buildBoth, serve, stop } from './drivers/first-screen-builds';

// A browser benchmark, not a test: run it with `npm run bench:browser` (MEASURE=1).
test.skip(!process.env.MEASURE, 'browser benchmark: run with npm run bench:browser');

const RUNS = Number(process.env.FIRST_SCREEN_RUNS ?? 3);
const PORT = Number(process.env.E2E_PORT ?? 4173);

/** What one page load reports: the figure's time, the start-up marks and the data files' timings. */
interface LoadTiming {
  figureMs: number;
  allDrawnMs: number;
  readyMs: number | null;
  marks: Record<string, number>;
  sampleWorker: { generationMs: number; decodeMs: number } | null;
  files: { name: string; kb: number; endMs: number }[];
}

/**
 * In the page from its first script: polls for the coverage panel's city figure (opening the coverage
 * tab when it is not open), and for `data-coverage-ready`. Works on both builds: the base has no
 * attribute and no marks, only the figure.
 */
function probe(): void {
  const found: { figureMs?: number; readyMs?: number; allDrawnMs?: number } = {};
  (window as unknown as { __firstScreen: typeof found }).__firstScreen = found;
  const tick = () => {
    window.setTimeout(tick, 25);
    // An init script runs before the document has its root element.
    if (!document.documentElement || !document.body) return;
    const figure = document.querySelector('[data-testid="coverage-city-fraction"]');
    if (figure && /\d/.test(figure.textContent ?? '')) found.figureMs ??= performance.now();
    else {
      const tab = [...document.querySelectorAll('[role="tab"]')].find((element) =>
        /覆盖|Coverage/.test(element.textContent ?? ''),
      );
      if (tab && tab.getAttribute('aria-selected') !== 'true') (tab as HTMLElement).click();
    }
    if (document.documentElement.dataset.coverageReady === 'true') found.readyMs ??= performance.now();
    // The status line's "ready": every visible layer's data drawn and the map idle (both builds).
    if (/地图已就绪|Map ready/.test(document.querySelector('.status-line__state')?.textContent ?? ''))
      found.allDrawnMs ??= performance.now();
  };
  tick();
}

async function loadOnce(browser: Browser, port: number, withReady: boolean): Promise<LoadTiming> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(probe);
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(
    (ready) => {
      const found = (
        window as unknown as { __firstScreen: { figureMs?: number; readyMs?: number; allDrawnMs?: number } }
      ).__firstScreen;
      return (
        found.figureMs !== undefined &&
        found.allDrawnMs !== undefined &&
        (!ready || found.readyMs !== undefined)
      );
    },
    withReady,
    { timeout: 180_000, polling: 100 },
  );
  const timing = await page.evaluate(() => {
    const found = (
      window as unknown as { __firstScreen: { figureMs: number; readyMs?: number; allDrawnMs: number } }
    ).__firstScreen;
    const marks: Record<string, number> = {};
    let sampleWorker = null;
    for (const mark of performance.getEntriesByType('mark') as PerformanceMark[]) {
      if (!mark.name.startsWith('start-up:')) continue;
      marks[mark.name.slice('start-up:'.length)] = Math.round(mark.startTime);
      if (mark.name === 'start-up:sample-decoded') sampleWorker = mark.detail;
    }
    const files = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => /\.(geojson|bin|js|mjs)(\?|$)/.test(entry.name))
      .map((entry) => ({
        name: entry.name.replace(/^.*\/assets\//, '').replace(/-[\w-]{8}\./, '.'),
        kb: Math.round(entry.encodedBodySize / 1024),
        endMs: Math.round(entry.responseEnd),
      }));
    return {
      figureMs: Math.round(found.figureMs),
      allDrawnMs: Math.round(found.allDrawnMs),
      readyMs: found.readyMs === undefined ? null : Math.round(found.readyMs),
      marks,
      sampleWorker,
      files,
    };
  });
  await context.close();
  return timing;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
};

/** Median of a mark over the runs that have it ('' when none did). */
function markMedian(runs: LoadTiming[], name: string): string {
  const values = runs.map((run) => run.marks[name]).filter((value) => value !== undefined);
  return values.length ? `${median(values)} ms` : '—';
}

test('benchmark: navigation → first coverage figure, this build against the base commit', async () => {
  test.setTimeout(1_800_000);
  const { head, base } = buildBoth();
  const headServer = await serve(head, PORT + 1);
  const baseServer = await serve(base, PORT + 2);
  const browser = await chromium.launch(test.info().project.use.launchOptions);
  const loads: number[] = [];
  const headRuns: LoadTiming[] = [];
  const baseRuns: LoadTiming[] = [];
  try {
    // Alternating, so a burst of load on the shared machine hits both builds alike.
    for (let run = 0; run < RUNS; run++) {
      loads.push(loadavg()[0]!);
      baseRuns.push(await loadOnce(browser, PORT + 2, false));
      headRuns.push(await loadOnce(browser, PORT + 1, true));
    }
  } finally {
    await browser.close();
    stop(headServer);
    stop(baseServer);
  }
  const headFigure = median(headRuns.map((run) => run.figureMs));
  const baseFigure = median(baseRuns.map((run) => run.figureMs));
  const headReady = median(headRuns.map((run) => run.readyMs ?? Number.NaN));
  const stages: [string, string][] = [
    ['start-up script running', 'begin'],
    ['basemap and plan layers drawn (map first idle)', 'map-first-idle'],
    ['features chunk loaded', 'features-loaded'],
    ['sample generation asked of the worker', 'sample-requested'],
    ['sample generated and decoded (worker fetch + generation, main-thread decode)', 'sample-decoded'],
    ['baseline set in the store', 'baseline-set'],
    ['coverage worker holds the city grid', 'coverage-grid-built'],
    ['first scenario opened', 'scenario-opened'],
    ['first compute started', 'coverage-computing'],
    ['first figure delivered to the store', 'coverage-delivered'],
    ['first figure drawn (`data-coverage-ready`)', 'coverage-ready'],
    ['poles loaded (after first idle, drawn when visible)', 'poles-loaded'],
  ];
  const generation = median(headRuns.map((run) => run.sampleWorker?.generationMs ?? 0));
  const decode = median(headRuns.map((run) => run.sampleWorker?.decodeMs ?? 0));
  const heavyFiles = headRuns[0]!.files.filter((file) => file.kb > 200);
  const text = [
    `Measured ${new Date().toISOString().slice(0, 16)}Z by \`npm run bench:browser\` (first-screen-benchmark.spec.ts), Chromium with SwiftShader (software WebGL), production builds, a fresh browser context (cold HTTP cache) per load, ${RUNS} loads of each build alternating; load average ${loads.map((load) => load.toFixed(1)).join(', ')} at the start of each pair (2 cores, shared).`,
    '',
    '| build | navigation → first figure in the panel (median) | runs |',
    '| --- | --- | --- |',
    `| base ${BASE_COMMIT} | ${baseFigure} ms | ${baseRuns.map((run) => run.figureMs).join(', ')} |`,
    `| this build | ${headFigure} ms | ${headRuns.map((run) => run.figureMs).join(', ')} |`,
    '',
    `Navigation → the status line's "map ready" (every visible layer drawn, coverage raster and sites included, map idle), medians: base ${median(baseRuns.map((run) => run.allDrawnMs))} ms, this build ${median(headRuns.map((run) => run.allDrawnMs))} ms (ratio **${(median(baseRuns.map((run) => run.allDrawnMs)) / median(headRuns.map((run) => run.allDrawnMs))).toFixed(2)}×**).`,
    '',
    `Ratio base / this build: **${(baseFigure / headFigure).toFixed(2)}×**. This build's \`data-coverage-ready\` (figure delivered and the map idle after it): median ${headReady} ms.`,
    '',
    'Where this build spends it (median time since navigation at which each stage was reached):',
    '',
    '| stage | at |',
    '| --- | --- |',
    ...stages.map(([label, name]) => `| ${label} | ${markMedian(headRuns, name)} |`),
    '',
    `In the sample worker: generation ${Math.round(generation)} ms (the rest of its time is fetching and parsing its inputs); decoding the columns on the main thread ${Math.round(decode)} ms. Files over 200 KB (first load): ${heavyFiles.map((file) => `${file.name} ${file.kb} KB (done at ${file.endMs} ms)`).join(', ') || 'none'}.`,
  ].join('\n');
  console.log(`[first-screen benchmark]\n${text}`);
  expect(headRuns.every((run) => run.readyMs !== null)).toBe(true);
  writeBetweenMarkers('docs/first-screen.md', 'first-screen-bench', text);
  // Biome formats Markdown (aligned tables): keep `npm test`'s lint clean after a run.
  spawnSync('npx', ['biome', 'format', '--write', 'docs/first-screen.md'], { stdio: 'ignore' });
});
