/**
 * Site suggestion on the coverage engine (issue 7): demand = the uncovered land of an area weighted
 * like the weak-spot ranking, footprints from the engine (either mode), lazy greedy / greedy / HiGHS,
 * then each pick replayed on the engine's grid for its gain in km², percentage points and gaps closed.
 */
import type { CoverageEngine } from '../coverage/coverage-engine';
import {
  type AreaMask,
  areaMask,
  buildAreaDemand,
  cellAt,
  type DemandWeighting,
  EngineFootprintProvider,
} from '../coverage/engine-footprints';
import { CELL_UNCOVERED } from '../coverage/statistics';
import { validatePosition, validateSiteProperties } from '../validation/site-attributes';
import { describeSiteIssues } from '../validation/site-feature';
import { selectSitesExact } from './exact';
import { selectSites } from './greedy';
import type { SiteTemplate } from './instance-from-footprints';
import type { LonLat, SelectionBudget, SelectionInstance, SelectionResult } from './types';

export type { SuggestArea } from '../coverage/engine-footprints';
export type {
  CandidateSource,
  SuggestBudget,
  SuggestCandidate,
  SuggestCurvePoint,
  SuggestedSite,
  SuggestOptions,
  SuggestProgress,
  SuggestRequest,
  SuggestResult,
} from './suggest-types';

import type {
  SuggestCandidate,
  SuggestCurvePoint,
  SuggestedSite,
  SuggestOptions,
  SuggestRequest,
  SuggestResult,
} from './suggest-types';

const yieldNow = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Suggests sites for a request on the engine's current coverage (the engine is left as it was). */
export async function suggest(
  engine: CoverageEngine,
  request: SuggestRequest,
  options: SuggestOptions = {},
): Promise<SuggestResult> {
  const excluded = (request.excludeSiteIds ?? []).flatMap((id) => {
    const site = engine.site(id);
    return site ? [site.feature] : [];
  });
  for (const site of excluded) engine.removeSite(site.properties.id);
  try {
    return await suggestOnCurrentCoverage(engine, request, options);
  } finally {
    for (const site of excluded) engine.upsertSite(site);
  }
}

async function suggestOnCurrentCoverage(
  engine: CoverageEngine,
  request: SuggestRequest,
  options: SuggestOptions,
): Promise<SuggestResult> {
  const started = performance.now();
  const { signal, onProgress } = options;
  validateRequest(request);
  signal?.throwIfAborted();
  onProgress?.({ phase: 'demand', fraction: 0 });
  const weighting: DemandWeighting = request.budget.kind === 'target' ? 'area' : 'priority';
  const area = areaMask(engine, request.area);
  const { demand, areaKm2: slotAreaKm2 } = buildAreaDemand(engine, area.mask, weighting);
  const demandMs = performance.now() - started;
  await yieldNow();

  const provider = new EngineFootprintProvider(engine);
  const footprintsStarted = performance.now();
  const inArea =
    request.area.kind === 'gaps'
      ? () => true
      : (candidate: SuggestCandidate) => area.mask[cellAt(engine, candidate.lon, candidate.lat)] === 1;
  const slotOfCell = new Int32Array(provider.gridCellCount).fill(-1);
  demand.cellIndex.forEach((cell, slot) => {
    slotOfCell[cell] = slot;
  });
  const kept: SuggestCandidate[] = [];
  const offsets: number[] = [0];
  let consideredCount = 0;
  const slots: number[] = [];
  for (let index = 0; index < request.candidates.length; index++) {
    const candidate = request.candidates[index]!;
    if ((index & 511) === 511) {
      onProgress?.({ phase: 'footprints', fraction: 0.1 + (0.5 * index) / request.candidates.length });
      await yieldNow();
      signal?.throwIfAborted();
    }
    if (!inArea(candidate)) continue;
    consideredCount++;
    const before = slots.length;
    for (const cell of provider.cellsCoveredBy(
      candidate.lon,
      candidate.lat,
      builtTemplate(candidate, request.template),
    )) {
      const slot = slotOfCell[cell]!;
      if (slot >= 0) slots.push(slot);
    }
    // A candidate whose footprint holds no uncovered demand can never be picked: leave it out.
    if (slots.length === before) continue;
    kept.push(candidate);
    offsets.push(slots.length);
  }
  const instance: SelectionInstance = {
    demand,
    candidates: {
      id: kept.map((candidate) => candidate.id),
      lon: Float64Array.from(kept, (candidate) => candidate.lon),
      lat: Float64Array.from(kept, (candidate) => candidate.lat),
      coverOffsets: Int32Array.from(offsets),
      coverSlots: Int32Array.from(slots),
    },
  };
  const footprintsMs = performance.now() - footprintsStarted;
  // Uncovered land some candidate can reach at all: when it is a small share of the uncovered land, the
  // candidates lie away from the gaps, and the panel says so rather than letting a tiny gain puzzle.
  const reached = new Uint8Array(slotAreaKm2.length);
  for (const slot of slots) reached[slot] = 1;
  let reachableUncoveredKm2 = 0;
  for (let slot = 0; slot < reached.length; slot++)
    if (reached[slot]) reachableUncoveredKm2 += slotAreaKm2[slot]!;

  const selectionStarted = performance.now();
  onProgress?.({ phase: 'selecting', fraction: 0.6 });
  const selection = await runSelection(engine, instance, request, area, options);
  const selectionMs = performance.now() - selectionStarted;

  const byId = new Map(kept.map((candidate) => [candidate.id, candidate]));
  const replay = replayPicks(
    engine,
    provider,
    area,
    request.template,
    selection.picks.map((pick) => byId.get(pick.id)!),
  );
  const picks = selection.picks.map((pick, index) => {
    const candidate = byId.get(pick.id)!;
    const gain = replay[index]!;
    return {
      rank: index + 1,
      id: candidate.id,
      lon: candidate.lon,
      lat: candidate.lat,
      source: candidate.source,
      ...(candidate.poleId !== undefined ? { poleId: candidate.poleId } : {}),
      template: builtTemplate(candidate, request.template),
      gainKm2: gain.areaKm2,
      gainPercentagePoints: area.landKm2 > 0 ? (gain.areaKm2 / area.landKm2) * 100 : 0,
      cumulativeKm2: gain.cumulativeKm2,
      gapsClosed: gain.gapsClosed,
      gainWeight: pick.gainWeight,
      cityGainKm2: gain.cityKm2,
    } satisfies SuggestedSite;
  });
  const coveredKm2After = picks.at(-1)?.cumulativeKm2 ?? area.coveredKm2;
  const cityBefore = cityCoveredKm2(engine);
  const curve: SuggestCurvePoint[] = [area.coveredKm2, ...picks.map((pick) => pick.cumulativeKm2)].map(
    (coveredKm2, siteCount) => ({
      siteCount,
      coveredKm2,
      coveredFraction: area.landKm2 > 0 ? coveredKm2 / area.landKm2 : 0,
    }),
  );
  return {
    method: selection.method,
    weighting,
    picks,
    curve,
    areaLandKm2: area.landKm2,
    coveredKm2Before: area.coveredKm2,
    coveredKm2After,
    cityCoveredKm2Before: cityBefore,
    cityCoveredKm2After: cityBefore + picks.reduce((sum, pick) => sum + pick.cityGainKm2, 0),
    candidateCount: request.candidates.length,
    consideredCandidateCount: consideredCount,
    usefulCandidateCount: kept.length,
    reachableUncoveredKm2,
    demandCellCount: demand.weight.length,
    evaluationCount: selection.evaluationCount,
    stopReason: selection.stopReason,
    targetReached: selection.targetReached,
    timings: { demandMs, footprintsMs, selectionMs },
    elapsedMs: performance.now() - started,
  };
}

/**
 * The site a candidate would become: its own attributes where it has them (a planner's candidate, a
 * row of a candidate file), the request's template for the rest. Footprints, gains and the accepted
 * site all use this one template, so the gains reported are those of the site as it would be built.
 */
export function builtTemplate(
  candidate: Pick<SuggestCandidate, 'template'>,
  template: SiteTemplate,
): SiteTemplate {
  return candidate.template ? { ...template, ...candidate.template } : template;
}

function validateRequest(request: SuggestRequest): void {
  const { budget } = request;
  const templateIssues = validateSiteProperties(request.template, { requireId: false });
  if (templateIssues.length > 0) throw new RangeError(`site template: ${describeSiteIssues(templateIssues)}`);
  for (const candidate of request.candidates) {
    if (validatePosition([candidate.lon, candidate.lat]).length > 0) {
      throw new RangeError(`candidate "${candidate.id}": not a WGS84 position`);
    }
    if (!candidate.template) continue;
    const issues = validateSiteProperties(candidate.template, { requireId: false });
    if (issues.length > 0) throw new RangeError(`candidate "${candidate.id}": ${describeSiteIssues(issues)}`);
  }
  if (budget.kind === 'count' && !(Number.isInteger(budget.count) && budget.count >= 0)) {
    throw new RangeError(`site count must be a whole number ≥ 0, got ${budget.count}`);
  }
  if (budget.kind === 'target' && !(budget.coveredFraction >= 0 && budget.coveredFraction <= 1)) {
    throw new RangeError(`coverage target must be between 0 and 1, got ${budget.coveredFraction}`);
  }
  const spacing = request.minSpacingM ?? 0;
  if (!(spacing >= 0 && Number.isFinite(spacing))) throw new RangeError(`minimum spacing must be ≥ 0 m`);
}

/** Largest number of sites a coverage target may use when the request sets no cap. */
const DEFAULT_TARGET_MAX_SITES = 1000;

async function runSelection(
  engine: CoverageEngine,
  instance: SelectionInstance,
  request: SuggestRequest,
  area: AreaMask,
  options: SuggestOptions,
): Promise<SelectionResult> {
  const budget: SelectionBudget =
    request.budget.kind === 'count'
      ? { kind: 'count', count: request.budget.count }
      : {
          kind: 'target-weight',
          // Area weighting: the weight unit is km², so the target is the land still to cover.
          targetWeight: Math.max(0, request.budget.coveredFraction * area.landKm2 - area.coveredKm2),
          maxCount: request.budget.maxCount ?? DEFAULT_TARGET_MAX_SITES,
        };
  const minSpacingM = request.minSpacingM ?? 0;
  const avoidPositions: LonLat[] =
    minSpacingM > 0 && request.spacingFromExistingSites
      ? engine.sites().map((site) => ({
          lon: site.geometry.coordinates[0]!,
          lat: site.geometry.coordinates[1]!,
        }))
      : [];
  const common = { budget, minSpacingM, avoidPositions, signal: options.signal };
  if (request.method === 'exact') {
    if (!options.loadSolver) throw new Error('exact selection needs a HiGHS loader');
    const solver = await options.loadSolver();
    return selectSitesExact(instance, { ...common, solver });
  }
  return selectSites(
    instance,
    {
      ...common,
      onProgress: (progress) =>
        options.onProgress?.({ phase: 'selecting', fraction: 0.6 + 0.4 * progress.fractionDone }),
    },
    request.method === 'greedy' ? 'greedy' : 'lazy-greedy',
  );
}

interface PickGain {
  areaKm2: number;
  cumulativeKm2: number;
  cityKm2: number;
  gapsClosed: number[];
}

/** Adds the picks one by one on the engine's grid (without changing it): km² gained, gaps closed. */
function replayPicks(
  engine: CoverageEngine,
  provider: EngineFootprintProvider,
  area: AreaMask,
  defaultTemplate: SiteTemplate,
  picks: readonly SuggestCandidate[],
): PickGain[] {
  const { grid } = engine.city;
  const state = engine.arrays.cellState;
  const labels = engine.gaps.labels;
  const newlyCovered = new Set<number>();
  const remainingInGap = new Map<number, number>();
  let cumulativeKm2 = area.coveredKm2;
  return picks.map((pick) => {
    let areaKm2 = 0;
    let cityKm2 = 0;
    const gapsClosed: number[] = [];
    for (const cell of provider.cellsCoveredBy(pick.lon, pick.lat, builtTemplate(pick, defaultTemplate))) {
      if (state[cell] !== CELL_UNCOVERED || newlyCovered.has(cell)) continue;
      newlyCovered.add(cell);
      const cellKm2 = grid.rowCellAreaKm2[Math.floor(cell / grid.columns)]!;
      cityKm2 += cellKm2;
      if (area.mask[cell] === 1) areaKm2 += cellKm2;
      const label = labels[cell]!;
      const component = label > 0 ? engine.gaps.components.get(label) : undefined;
      if (!component) continue;
      const remaining = (remainingInGap.get(label) ?? component.cellCount) - 1;
      remainingInGap.set(label, remaining);
      if (remaining === 0 && component.areaKm2 >= engine.settings.minGapAreaKm2) gapsClosed.push(label);
    }
    cumulativeKm2 += areaKm2;
    return { areaKm2, cumulativeKm2, cityKm2, gapsClosed };
  });
}

function cityCoveredKm2(engine: CoverageEngine): number {
  let sum = 0;
  for (const value of engine.accumulators.districtCoveredKm2) sum += value;
  return sum;
}
