/**
 * One engine scenario in its own process (so its peak memory is its own):
 * `tsx bench/engine-scenario.ts <count> <radius|pathloss|sinr>` prints one JSON line ('sinr' is path loss
 * with interference, SINR, rate and quality gaps).
 * Full recompute = place sites, merge, statistics and gap components; gap polygons timed separately.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { CoverageEngine } from '../src/domain/coverage/coverage-engine';
import { coverageStats, gapCollection, qualityGapCollection } from '../src/domain/coverage/report';
import type { CoverageMode } from '../src/domain/coverage/settings';
import type { SiteFeature } from '../src/domain/types';
import { benchCity, median, percentile } from './bench-data';
import { benchSites } from './sample-sites';

// `--site-wire <count> <file>`: write the sites' serialised bytes and stop (run by the measured process
// below, so that generating the 2025 sample — ~200 MB of garbage and its cached features — is not
// charged to the engine's peak RSS: a worker receives the sites as bytes, it does not generate them).
if (process.argv[2] === '--site-wire') {
  writeFileSync(process.argv[4]!, serialize(benchSites(Number(process.argv[3]), 20_250_101).sites.features));
  process.exit(0);
}

const count = Number(process.argv[2] ?? 10_000);
const scenario = process.argv[3] ?? 'radius';
const mode: CoverageMode = scenario === 'radius' ? 'radius' : 'pathloss';
const sinr = scenario === 'sinr';
const runs = Number(process.argv[4] ?? 5);
const moves = Number(process.argv[5] ?? 60);

const city = benchCity();
// The sites as a worker receives them: postMessage's serialised bytes (made in a child process, above),
// deserialised (untimed) into fresh feature objects for each run.
const wire = (() => {
  const folder = mkdtempSync(join(tmpdir(), 'bench-sites-'));
  const file = join(folder, 'sites.bin');
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, process.argv[1]!, '--site-wire', String(count), file],
    { stdio: 'inherit' },
  );
  if (child.status !== 0) throw new Error(`site generation failed (${child.status})`);
  const bytes = readFileSync(file);
  rmSync(folder, { recursive: true });
  return bytes;
})();
const received = (): SiteFeature[] => deserialize(wire) as SiteFeature[];
const engine = new CoverageEngine(city, { mode, cellM: 50, sinr });
const polygons = (): void => {
  gapCollection(engine);
  qualityGapCollection(engine);
};

let started = performance.now();
engine.computeAll(received());
coverageStats(engine);
const coldMs = performance.now() - started;
polygons();

const fullMs: number[] = [];
const polygonsMs: number[] = [];
const phases: string[] = [];
const collect = (globalThis as { gc?: () => void }).gc ?? ((): void => {});
for (let run = 1; run <= runs; run++) {
  // The clone is the worker's postMessage copy; the previous run's sites are collected before the clock
  // starts so one run's garbage is not charged to the next (the worker is idle between computes too).
  let copy: SiteFeature[] | undefined = received();
  collect();
  started = performance.now();
  let mark = started;
  for (const progress of engine.computeSteps(copy!, Number.MAX_SAFE_INTEGER)) {
    const now = performance.now();
    if (process.env.BENCH_PHASES) phases.push(`${progress.toFixed(2)}:${(now - mark).toFixed(0)}`);
    mark = now;
  }
  copy = undefined;
  coverageStats(engine);
  const computed = performance.now();
  polygons();
  fullMs.push(computed - started);
  polygonsMs.push(performance.now() - computed);
}

// Moves: a seeded walk of sites by 50–300 m; engine update alone, and with the worker's reply (stats + gaps).
let state = 12_345;
const random = (): number => {
  state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
  return state / 2_147_483_648;
};
const siteIds = engine.sites().map((site) => site.properties.id);
const moveMs: number[] = [];
const replyMs: number[] = [];
for (let move = 0; move < moves; move++) {
  const id = siteIds[Math.floor(random() * siteIds.length)]!;
  const current = engine.site(id)!.feature.geometry.coordinates as [number, number];
  const distance = 50 + random() * 250;
  const angle = random() * 2 * Math.PI;
  const lon = current[0] + (distance * Math.sin(angle)) / (111_195 * Math.cos((current[1] * Math.PI) / 180));
  const lat = current[1] + (distance * Math.cos(angle)) / 111_195;
  started = performance.now();
  engine.moveSite(id, lon, lat);
  const moved = performance.now();
  coverageStats(engine);
  polygons();
  moveMs.push(moved - started);
  replyMs.push(performance.now() - started);
}

const stats = coverageStats(engine);
// Live memory after a full collection (run with --expose-gc): what the engine holds, without garbage.
(globalThis as { gc?: () => void }).gc?.();
const memory = process.memoryUsage();
const typedBytes =
  Object.values(engine.arrays).reduce((sum, array) => sum + array.byteLength, 0) +
  engine.gaps.labels.byteLength +
  (engine.radio?.sinrCentiDb.byteLength ?? 0) +
  (engine.radio?.sums.sums.reduce((sum, array) => sum + (array?.byteLength ?? 0), 0) ?? 0) +
  engine.city.district.byteLength +
  engine.city.environment.byteLength +
  engine.city.zoneWeightCode.byteLength;
console.log(
  JSON.stringify({
    count,
    mode: scenario,
    cells: engine.city.grid.cellCount,
    coldMs,
    fullMs: median(fullMs),
    polygonsMs: median(polygonsMs),
    moveMs: median(moveMs),
    moveP90Ms: percentile(moveMs, 90),
    replyMs: median(replyMs),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    liveMb: (memory.heapUsed + memory.arrayBuffers) / 2 ** 20,
    rssAfterGcMb: memory.rss / 2 ** 20,
    gridMb: typedBytes / 2 ** 20,
    coveredFraction: stats.coveredFraction,
    gaps: stats.gaps.count,
    qualityGaps: stats.sinr?.qualityGaps.count,
    sinrGoodFraction: stats.sinrGoodFraction,
    meanRateMbps: stats.meanRateMbps,
    ...(process.env.BENCH_PHASES ? { phases: phases.join(' ') } : {}),
  }),
);
