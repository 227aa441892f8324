/**
 * Engine (radius mode) against the Turf baseline, same sites and same radius, in one process:
 * `tsx bench/turf-comparison.ts <count>` prints one JSON line. The grid radius is matched to the area of
 * Turf's 32-step circle so both model the same disc.
 */
import { CoverageEngine } from '../src/domain/coverage/coverage-engine';
import { coverageStats, gapCollection } from '../src/domain/coverage/report';
import { benchCity, median } from './bench-data';
import { benchSites } from './sample-sites';
import { landFeature, turfBaseline, turfCircleAreaKm2 } from './turf-baseline';

const count = Number(process.argv[2] ?? 500);
const radiusM = 400;
const city = benchCity();
const { sites } = benchSites(count, 7);
const positions = sites.features.map((feature) => feature.geometry.coordinates as [number, number]);
const matchedRadiusM = Math.sqrt((turfCircleAreaKm2([121.47, 31.23], radiusM) * 1e6) / Math.PI);
const features = sites.features.map((feature) => ({
  ...feature,
  properties: { ...feature.properties, radiusM: matchedRadiusM },
}));

const engine = new CoverageEngine(city, { mode: 'radius', cellM: 50 });
engine.computeAll(features);
const engineMs: number[] = [];
const withPolygonsMs: number[] = [];
const collect = (globalThis as { gc?: () => void }).gc ?? ((): void => {});
// Steady state: the first runs include the JIT compiling the engine's loops (the cold compute is in the
// engine table); 5 untimed runs, then the median of 11.
const WARM_UP_RUNS = 5;
const TIMED_RUNS = 11;
for (let run = 0; run < WARM_UP_RUNS + TIMED_RUNS; run++) {
  // The worker's postMessage copy, made untimed; earlier garbage collected before the clock starts.
  const copy = structuredClone(features);
  collect();
  const started = performance.now();
  engine.computeAll(copy);
  coverageStats(engine);
  const computed = performance.now();
  gapCollection(engine);
  if (run < WARM_UP_RUNS) continue;
  engineMs.push(computed - started);
  withPolygonsMs.push(performance.now() - started);
}
// Covered area of the union itself (all cells, land or not), as Turf measures it.
const { grid } = engine.city;
let unionKm2 = 0;
for (let row = 0; row < grid.rows; row++) {
  for (let cell = row * grid.columns, end = cell + grid.columns; cell < end; cell++) {
    if (engine.arrays.server[cell]! >= 0) unionKm2 += grid.rowCellAreaKm2[row]!;
  }
}
// Turf's time varies by ~20 % from run to run on this machine: the median of three.
const turfRuns = [0, 1, 2].map(() => turfBaseline(positions, radiusM, landFeature(city.land!)));
const turf = turfRuns.sort((a, b) => a.totalMs - b.totalMs)[1]!;
const stats = coverageStats(engine);
console.log(
  JSON.stringify({
    count,
    turfMs: turf.totalMs,
    turfRunsMs: turfRuns.map((run) => Math.round(run.totalMs)).join(' / '),
    turfUnionMs: turf.unionMs,
    engineMs: median(engineMs),
    engineWithPolygonsMs: median(withPolygonsMs),
    turfCoveredKm2: turf.coveredKm2,
    engineCoveredKm2: unionKm2,
    turfGapKm2: turf.gapKm2,
    engineGapKm2: stats.landKm2 - stats.coveredKm2,
    turfGapPolygons: turf.gapCount,
    engineGaps: gapCollection(engine).features.length,
  }),
);
