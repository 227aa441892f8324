/**
 * One pooled-engine scenario in its own process, under tsx (the CLI's pool loads its workers through
 * tsx, so the process's peak RSS includes tsx's loader, ~60 MB: an upper bound on the engine's):
 * `tsx bench/pool-scenario.ts <count> <pathloss|sinr> <workers> <warm runs>` prints one JSON line.
 * Cold = building the city's engine (and the helpers', in parallel) plus the first full compute, as the
 * CLI does it; warm = median of the following full computes (kernels cached in every thread).
 */
import { CoveragePool } from '../src/cli/coverage-pool';
import { readShippedCity } from '../src/cli/shipped-city';
import { CoverageEngine } from '../src/domain/coverage/coverage-engine';
import { pooledCompute } from '../src/domain/coverage/pooled-compute';
import { coverageStats } from '../src/domain/coverage/report';
import { median } from './bench-data';
import { benchSites } from './sample-sites';

const count = Number(process.argv[2] ?? 70_000);
const sinr = process.argv[3] === 'sinr';
const workers = Number(process.argv[4] ?? 1);
const runs = Number(process.argv[5] ?? 3);
const sites = benchSites(count, 20_250_101).sites.features;
const settings = { mode: 'pathloss' as const, cellM: 50, sinr };

const started = performance.now();
const pool = new CoveragePool(workers, settings);
const engine = new CoverageEngine(readShippedCity(), settings, pool.engineOptions);
const compute = async (): Promise<void> => {
  if (pool.bandCount > 1) await pooledCompute(engine, sites, pool.bandCount, pool.runBand);
  else engine.computeAll(sites);
  coverageStats(engine);
};
await compute();
const coldMs = performance.now() - started;
const warm: number[] = [];
for (let run = 0; run < runs; run++) {
  const start = performance.now();
  await compute();
  warm.push(performance.now() - start);
}
const stats = coverageStats(engine);
await pool.close();
console.log(
  JSON.stringify({
    count,
    mode: sinr ? 'sinr' : 'pathloss',
    workers,
    coldMs,
    warmMs: median(warm),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    coveredFraction: stats.coveredFraction,
    sinrGoodFraction: stats.sinrGoodFraction,
  }),
);
