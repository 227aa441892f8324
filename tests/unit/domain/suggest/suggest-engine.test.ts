/**
 * Suggestion on the engine (synthetic city): gains replayed on the grid equal a fresh engine compute
 * with the picks added, in both modes; the obvious candidate wins; zero-gain candidates are never
 * taken; spacing, area, gaps closed and targets behave as a planner expects.
 */
import distance from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../../../src/domain/coverage/coverage-engine';
import { EngineFootprintProvider } from '../../../../src/domain/coverage/engine-footprints';
import { coverageStats, gapCollection } from '../../../../src/domain/coverage/report';
import type { CoverageMode } from '../../../../src/domain/coverage/settings';
import { CELL_COVERED } from '../../../../src/domain/coverage/statistics';
import { type SuggestCandidate, type SuggestRequest, suggest } from '../../../../src/domain/suggest/suggest';
import type { SiteFeature } from '../../../../src/domain/types';
import { city, site } from '../../support/coverage/synthetic-city';

const MICRO = { kind: 'micro', band: 'n78', heightM: 10 } as const;

/** Candidates on a lattice over the two mainland districts, every stepDeg. */
function lattice(stepDeg: number): SuggestCandidate[] {
  const candidates: SuggestCandidate[] = [];
  for (let lon = 121.4025; lon < 121.52; lon += stepDeg) {
    for (let lat = 31.2025; lat < 31.26; lat += stepDeg) {
      candidates.push({
        id: `c-${candidates.length}`,
        lon,
        lat,
        source: 'pole',
        poleId: `P-${candidates.length}`,
      });
    }
  }
  return candidates;
}

const existing: SiteFeature[] = [
  site('e1', 121.42, 31.22, { kind: 'macro', band: 'n78' }),
  site('e2', 121.44, 31.245, { kind: 'macro', band: 'n78' }),
  site('e3', 121.49, 31.235, { kind: 'macro', band: 'n41' }),
];

const asSites = (result: Awaited<ReturnType<typeof suggest>>): SiteFeature[] =>
  result.picks.map((pick) => site(`new-${pick.rank}`, pick.lon, pick.lat, { ...MICRO }));

describe.each<CoverageMode>(['radius', 'pathloss'])('suggestion on the engine grid (%s mode)', (mode) => {
  const engine = new CoverageEngine(city, { cellM: 50, mode });
  engine.computeAll(existing);

  it('footprints are exactly the cells the engine covers with the site alone', () => {
    const provider = new EngineFootprintProvider(engine);
    const alone = new CoverageEngine(city, { cellM: 50, mode });
    for (const [lon, lat] of [
      [121.4317, 31.2261],
      [121.5105, 31.2205], // next to the sea bite: sea cells are never covered
    ] as const) {
      alone.computeAll([site('x', lon, lat, { ...MICRO })]);
      const expected: number[] = [];
      alone.arrays.cellState.forEach((state, cell) => {
        if (state === CELL_COVERED) expected.push(cell);
      });
      expect(expected.length).toBeGreaterThan(10);
      expect([...provider.cellsCoveredBy(lon, lat, MICRO)]).toEqual(expected);
    }
  });

  it('before + the gains = a fresh compute with the picks added, city and area alike', async () => {
    const request: SuggestRequest = {
      area: { kind: 'city' },
      candidates: lattice(0.004),
      template: MICRO,
      budget: { kind: 'count', count: 8 },
    };
    const result = await suggest(engine, request);
    expect(result.picks).toHaveLength(8);
    const gains = result.picks.reduce((sum, pick) => sum + pick.gainKm2, 0);
    expect(result.coveredKm2After - result.coveredKm2Before).toBeCloseTo(gains, 9);
    const fresh = new CoverageEngine(city, { cellM: 50, mode });
    fresh.computeAll([...existing, ...asSites(result)]);
    const freshKm2 = coverageStats(fresh).coveredKm2;
    expect(freshKm2).toBeCloseTo(result.coveredKm2After, 9);
    expect(freshKm2).toBeCloseTo(result.cityCoveredKm2After, 9);
    expect(coverageStats(engine).coveredKm2).toBeCloseTo(result.coveredKm2Before, 9);
    // Each pick's gain is what adding it (after the earlier ones) adds in the engine.
    const stepwise = new CoverageEngine(city, { cellM: 50, mode });
    stepwise.computeAll(existing);
    let previous = coverageStats(stepwise).coveredKm2;
    for (const [index, pick] of asSites(result).entries()) {
      stepwise.upsertSite(pick);
      const now = coverageStats(stepwise).coveredKm2;
      expect(now - previous).toBeCloseTo(result.picks[index]!.gainKm2, 9);
      expect(result.picks[index]!.gainKm2).toBeGreaterThan(0);
      previous = now;
    }
    // The engine the suggestion ran on is unchanged.
    expect(engine.sites()).toHaveLength(existing.length);
  });

  it('in a district: picks inside it, gains equal the district figure of a fresh compute', async () => {
    const result = await suggest(engine, {
      area: { kind: 'district', adcode: '310115' },
      candidates: lattice(0.004),
      template: MICRO,
      budget: { kind: 'count', count: 5 },
    });
    expect(result.picks).toHaveLength(5);
    for (const pick of result.picks) expect(pick.lon).toBeGreaterThanOrEqual(121.46);
    const fresh = new CoverageEngine(city, { cellM: 50, mode });
    fresh.computeAll([...existing, ...asSites(result)]);
    const pudong = coverageStats(fresh).districts.find((district) => district.adcode === '310115')!;
    expect(pudong.coveredKm2).toBeCloseTo(result.coveredKm2After, 9);
    const before = coverageStats(engine).districts.find((district) => district.adcode === '310115')!;
    expect(result.coveredKm2Before).toBeCloseTo(before.coveredKm2, 9);
    expect(result.areaLandKm2).toBeCloseTo(before.landKm2, 9);
    const points = result.picks.reduce((sum, pick) => sum + pick.gainPercentagePoints, 0);
    expect(points).toBeCloseTo(((pudong.coveredKm2 - before.coveredKm2) / before.landKm2) * 100, 9);
  });
});

describe('choosing the right sites', () => {
  const engine = new CoverageEngine(city, { cellM: 50, mode: 'radius' });
  engine.computeAll(existing);

  it('takes the candidate in the open over ones under existing coverage', async () => {
    const candidates: SuggestCandidate[] = [
      { id: 'under-e1', lon: 121.4201, lat: 31.2201, source: 'pole' },
      { id: 'open-ground', lon: 121.405, lat: 31.255, source: 'pole' },
      { id: 'under-e2', lon: 121.4401, lat: 31.2451, source: 'pole' },
    ];
    const result = await suggest(engine, {
      area: { kind: 'city' },
      candidates,
      template: { kind: 'macro', band: 'n78' },
      budget: { kind: 'count', count: 1 },
    });
    expect(result.picks.map((pick) => pick.id)).toEqual(['open-ground']);
  });

  it('counts only the land of the area as gain; what spills across the border is city gain', async () => {
    const border = { id: 'on-the-border', lon: 121.4605, lat: 31.205, source: 'pole' as const };
    const template = { ...MICRO, radiusM: 600 };
    const result = await suggest(engine, {
      area: { kind: 'district', adcode: '310115' },
      candidates: [border],
      template,
      budget: { kind: 'count', count: 1 },
    });
    const fresh = new CoverageEngine(city, { cellM: 50, mode: 'radius' });
    fresh.computeAll([...existing, site('n', border.lon, border.lat, template)]);
    const districtKm2 = (stats: ReturnType<typeof coverageStats>) =>
      stats.districts.find((district) => district.adcode === '310115')!.coveredKm2;
    const pick = result.picks[0]!;
    expect(pick.gainKm2).toBeCloseTo(
      districtKm2(coverageStats(fresh)) - districtKm2(coverageStats(engine)),
      9,
    );
    expect(pick.cityGainKm2).toBeCloseTo(
      coverageStats(fresh).coveredKm2 - coverageStats(engine).coveredKm2,
      9,
    );
    expect(pick.cityGainKm2).toBeGreaterThan(pick.gainKm2 * 1.5);
  });

  it('never takes a zero-gain candidate while a positive one remains, and stops when none gains', async () => {
    const covered = (index: number) => ({
      id: `covered-${index}`,
      lon: 121.42 + index * 0.0003,
      lat: 31.22,
      source: 'pole' as const,
    });
    const candidates = [
      covered(0),
      covered(1),
      { id: 'gap', lon: 121.455, lat: 31.205, source: 'pole' as const },
    ];
    const result = await suggest(engine, {
      area: { kind: 'city' },
      candidates,
      template: { ...MICRO, radiusM: 100 },
      budget: { kind: 'count', count: 3 },
    });
    expect(result.picks.map((pick) => pick.id)).toEqual(['gap']);
    expect(result.stopReason).toBe('no-positive-gain');
  });

  it('keeps the minimum spacing between picks and from existing sites (great-circle check)', async () => {
    const result = await suggest(engine, {
      area: { kind: 'city' },
      candidates: lattice(0.002),
      template: MICRO,
      budget: { kind: 'count', count: 12 },
      minSpacingM: 900,
      spacingFromExistingSites: true,
    });
    expect(result.picks).toHaveLength(12);
    const positions = [
      ...result.picks.map((pick) => [pick.lon, pick.lat]),
      ...existing.map((feature) => feature.geometry.coordinates),
    ];
    for (let a = 0; a < result.picks.length; a++) {
      for (let b = a + 1; b < positions.length; b++) {
        expect(distance(positions[a]!, positions[b]!, { units: 'meters' })).toBeGreaterThan(900 * 0.995);
      }
    }
  });

  it('exact equals greedy where the answer is obvious; both pick the two far corners', async () => {
    const candidates: SuggestCandidate[] = [
      { id: 'north-west', lon: 121.404, lat: 31.257, source: 'grid' },
      { id: 'north-west-2', lon: 121.4045, lat: 31.2565, source: 'grid' },
      { id: 'south-east', lon: 121.515, lat: 31.257, source: 'grid' },
      { id: 'under-e3', lon: 121.49, lat: 31.235, source: 'grid' },
    ];
    const request: SuggestRequest = {
      area: { kind: 'city' },
      candidates,
      template: { ...MICRO, radiusM: 200 },
      budget: { kind: 'count', count: 2 },
    };
    const greedy = await suggest(engine, request);
    const { loadHighsSolver } = await import('../../../../src/domain/suggest/highs-loader');
    const exact = await suggest(
      engine,
      { ...request, method: 'exact' },
      { loadSolver: () => loadHighsSolver() },
    );
    expect(new Set(greedy.picks.map((pick) => pick.id))).toEqual(new Set(['north-west', 'south-east']));
    expect(exact.picks.map((pick) => pick.id)).toEqual(greedy.picks.map((pick) => pick.id));
    expect(exact.coveredKm2After).toBeCloseTo(greedy.coveredKm2After, 12);
  });

  it('a coverage target uses as few sites as the curve says, and reaches it', async () => {
    const district = coverageStats(engine).districts.find((entry) => entry.adcode === '310101')!;
    const target = district.coveredFraction + 0.05;
    const result = await suggest(engine, {
      area: { kind: 'district', adcode: '310101' },
      candidates: lattice(0.003),
      template: MICRO,
      budget: { kind: 'target', coveredFraction: target },
    });
    expect(result.targetReached).toBe(true);
    const fractions = result.curve.map((point) => point.coveredFraction);
    expect(fractions.at(-1)!).toBeGreaterThanOrEqual(target - 1e-12);
    expect(fractions.at(-2)!).toBeLessThan(target);
    expect(result.curve[0]!.coveredFraction).toBeCloseTo(district.coveredFraction, 12);
  });

  it('lists a weak spot as closed by the pick that covers its last cell', async () => {
    // The island (121.60–121.62 E, 31.30–31.32 N) has no site: one weak spot of its own.
    const island = gapCollection(engine).features.find(
      (feature) => feature.properties.centroid[0] > 121.6 && feature.properties.centroid[1] > 31.3,
    )!.properties;
    const result = await suggest(engine, {
      area: { kind: 'gaps', gapIds: [island.id] },
      candidates: [
        { id: 'shore', lon: 121.6, lat: 31.3, source: 'grid' },
        { id: 'on-the-spot', lon: 121.61, lat: 31.31, source: 'grid' },
      ],
      template: { kind: 'macro', band: 'n28', radiusM: 1600 },
      budget: { kind: 'count', count: 2 },
    });
    const small = island;
    expect(result.picks[0]!.id).toBe('on-the-spot');
    expect(result.picks[0]!.gapsClosed).toContain(small!.id);
    expect(result.picks[0]!.gainKm2).toBeCloseTo(small!.areaKm2, 9);
    expect(result.coveredKm2After).toBeCloseTo(result.areaLandKm2, 9);
  });

  it('planner candidates compete as positions (taken out while suggesting, put back after)', async () => {
    const withCandidates = new CoverageEngine(city, { cellM: 50, mode: 'radius' });
    const proposal = site('plan-1', 121.405, 31.255, { ...MICRO, status: 'candidate' });
    withCandidates.computeAll([...existing, proposal]);
    const before = coverageStats(withCandidates).coveredKm2;
    const result = await suggest(withCandidates, {
      area: { kind: 'city' },
      candidates: [{ id: 'plan-1', lon: 121.405, lat: 31.255, source: 'planner', template: MICRO }],
      template: MICRO,
      budget: { kind: 'count', count: 1 },
      excludeSiteIds: ['plan-1'],
    });
    expect(result.picks.map((pick) => pick.id)).toEqual(['plan-1']);
    expect(result.coveredKm2After).toBeCloseTo(before, 9);
    expect(coverageStats(withCandidates).coveredKm2).toBeCloseTo(before, 9);
    expect(withCandidates.sites().map((feature) => feature.properties.id)).toContain('plan-1');
  });
});
