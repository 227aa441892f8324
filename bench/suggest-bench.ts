/**
 * Site suggestion on the real engine (issue 7 target): 50 sites from 20,000 candidate poles city-wide
 * with 70,000 existing sites, radius mode, 50 m grid. Times the whole suggestion (demand, engine
 * footprints, lazy greedy, replay) as a median, and compares lazy-greedy gain evaluations with plain
 * greedy's. Standalone: `npx tsx bench/suggest-bench.ts [--runs N]`; run-all.ts calls
 * runSuggestBenchmark().
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CoverageEngine } from '../src/domain/coverage/coverage-engine';
import { coverageStats } from '../src/domain/coverage/report';
import type { SiteTemplate } from '../src/domain/suggest/instance-from-footprints';
import {
  type SuggestCandidate,
  type SuggestRequest,
  type SuggestResult,
  suggest,
} from '../src/domain/suggest/suggest';
import { poleCandidates } from '../src/domain/suggest/suggest-candidates';
import type { PoleCollection, SiteFeature } from '../src/domain/types';
import { benchCity, median } from './bench-data';
import { benchSites } from './sample-sites';

const CANDIDATE_COUNT = 20_000;
const EXISTING_SITES = 70_000;
const PICKS = 50;

/** Runs the benchmark and returns a markdown table (also what the standalone run prints). */
export async function runSuggestBenchmark(runs = 3): Promise<string> {
  const city = benchCity();
  const { sites } = benchSites(EXISTING_SITES, 2025);
  const poles = JSON.parse(readFileSync(resolve('data/geo/sample-poles.geojson'), 'utf8')) as PoleCollection;
  // Evenly spread over the shipped poles (39,557), so every district keeps its share.
  const stride = poles.features.length / CANDIDATE_COUNT;
  const chosen = Array.from(
    { length: Math.min(CANDIDATE_COUNT, poles.features.length) },
    (_, index) => poles.features[Math.floor(index * stride)]!,
  );
  const candidates = poleCandidates(chosen);

  const template = { kind: 'micro', band: 'n78', heightM: 10 } as const;
  const shipped = await measure(
    'sample radii (macro 300–1,200 m by district class)',
    sites.features,
    candidates,
    template,
    runs,
    city,
  );
  // The same sites as 200 m discs (the selection benchmark's layout): a quarter of the land stays open,
  // so every pole competes — the heavy case for footprints and greedy.
  const small = sites.features.map((site) => ({ ...site, properties: { ...site.properties, radiusM: 200 } }));
  const dense = await measure('every existing site a 200 m disc', small, candidates, template, runs, city);
  const rows = [
    `Suggest ${PICKS} sites from ${candidates.length.toLocaleString('en')} candidate poles (evenly spread over data/geo/sample-poles.geojson) city-wide, ${EXISTING_SITES.toLocaleString('en')} existing sites (generateSampleSites, seed 2025), radius mode, 50 m grid, template micro n78 10 m; median of ${runs} after the engine's full compute:`,
    '',
    '| existing sites | covered before | engine compute (not timed below) | demand | footprints (useful candidates) | lazy greedy | **whole suggestion** | picks, km² added | evaluations lazy / plain greedy | plain greedy step | 300 m spacing, whole |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    shipped,
    dense,
  ];
  return rows.join('\n');
}

async function measure(
  label: string,
  sites: SiteFeature[],
  candidates: SuggestCandidate[],
  template: SiteTemplate,
  runs: number,
  city: ReturnType<typeof benchCity>,
): Promise<string> {
  const engineStarted = performance.now();
  const engine = new CoverageEngine(city, { mode: 'radius', cellM: 50 });
  engine.computeAll(sites);
  const engineMs = performance.now() - engineStarted;
  const before = coverageStats(engine);
  const request: SuggestRequest = {
    area: { kind: 'city' },
    candidates,
    template,
    budget: { kind: 'count', count: PICKS },
  };
  const lazyRuns: SuggestResult[] = [];
  for (let run = 0; run < runs; run++) lazyRuns.push(await suggest(engine, request));
  const plain = await suggest(engine, { ...request, method: 'greedy' });
  const spaced = await suggest(engine, { ...request, minSpacingM: 300, spacingFromExistingSites: true });
  const lazy = lazyRuns[0]!;
  const samePicks = plain.picks.map((pick) => pick.id).join() === lazy.picks.map((pick) => pick.id).join();
  const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;
  const medianOf = (pick: (result: SuggestResult) => number) => ms(median(lazyRuns.map(pick)));
  const added = lazy.coveredKm2After - lazy.coveredKm2Before;
  return `| ${label} | ${(before.coveredFraction * 100).toFixed(1)} % | ${ms(engineMs)} | ${medianOf((result) => result.timings.demandMs)} | ${medianOf((result) => result.timings.footprintsMs)} (${lazy.usefulCandidateCount.toLocaleString('en')}) | ${medianOf((result) => result.timings.selectionMs)} | **${medianOf((result) => result.elapsedMs)}** | ${lazy.picks.length}, ${added.toFixed(2)} km² | ${lazy.evaluationCount.toLocaleString('en')} / ${plain.evaluationCount.toLocaleString('en')} (${(plain.evaluationCount / Math.max(1, lazy.evaluationCount)).toFixed(1)}×${samePicks ? ', same picks' : ', DIFFERENT picks'}) | ${ms(plain.timings.selectionMs)} | ${ms(spaced.elapsedMs)} |`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const runsIndex = process.argv.indexOf('--runs');
  const runs = runsIndex > 0 ? Number(process.argv[runsIndex + 1]) : 3;
  runSuggestBenchmark(runs).then((table) => console.log(table));
}
