import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../../../src/domain/coverage/coverage-engine';
import { coverageStats } from '../../../../src/domain/coverage/report';
import type { CoverageMode } from '../../../../src/domain/coverage/settings';
import type { SiteFeature } from '../../../../src/domain/types';
import { city, islandZone, site } from '../../support/coverage/synthetic-city';

const lon = fc.double({ min: 121.38, max: 121.63, noNaN: true });
const lat = fc.double({ min: 31.18, max: 31.33, noNaN: true });
const radio = fc.record(
  {
    kind: fc.constantFrom('macro' as const, 'micro' as const, 'indoor' as const),
    band: fc.constantFrom('n28' as const, 'n41' as const, 'n78' as const),
    azimuthDeg: fc.integer({ min: 0, max: 359 }),
    radiusM: fc.integer({ min: 100, max: 2500 }),
  },
  { requiredKeys: ['kind', 'band'] },
);
const newSite = fc.record({ lon, lat, radio });
const edit = fc.oneof(
  fc.record({ type: fc.constant('add' as const), site: newSite }),
  fc.record({ type: fc.constant('move' as const), pick: fc.nat(), lon, lat }),
  fc.record({ type: fc.constant('nudge' as const), pick: fc.nat(), dx: fc.integer({ min: -3, max: 3 }) }),
  fc.record({ type: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ type: fc.constant('retune' as const), pick: fc.nat(), radio }),
);

/** Everything a user can see, keyed by site id rather than slot, land cells only. */
function snapshot(engine: CoverageEngine) {
  const { district } = engine.city;
  const { best, server, cellState } = engine.arrays;
  const cells: string[] = [];
  for (let cell = 0; cell < district.length; cell++) {
    if (district[cell] === 0) continue;
    const slot = server[cell]!;
    cells.push(`${cell}:${slot < 0 ? '-' : `${engine.slots[slot]!.id}@${best[cell]}`}:${cellState[cell]}`);
  }
  const gaps = [...engine.gaps.components.values()]
    .map(
      (gap) =>
        `${gap.cellCount}|${gap.column0},${gap.row0},${gap.column1},${gap.row1}|${gap.areaKm2.toFixed(9)}`,
    )
    .sort();
  const stats = coverageStats(engine);
  const footprints = engine.sites().map((feature) => {
    const footprint = engine.siteFootprint(feature.properties.id)!;
    // Float sums of ± areas can end at −1e−17 instead of 0; compare to 1e−9 km².
    return `${feature.properties.id}:${footprint.servedCells}:${(Math.round(footprint.servedKm2 * 1e9) / 1e9 + 0).toFixed(9)}`;
  });
  return { cells, gaps, footprints, stats };
}

function expectSame(incremental: CoverageEngine, mode: CoverageMode) {
  const fresh = new CoverageEngine({ ...city, zones: islandZone }, incremental.settings);
  // The other way of sweeping than the incremental engine's first compute took (see engine.test.ts).
  fresh.fullComputeSweep = 'land';
  fresh.computeAll(incremental.sites());
  const a = snapshot(incremental);
  const b = snapshot(fresh);
  expect(a.cells).toEqual(b.cells);
  expect(a.gaps).toEqual(b.gaps);
  expect(a.footprints).toEqual(b.footprints);
  expect(a.stats.coveredKm2).toBeCloseTo(b.stats.coveredKm2, 9);
  a.stats.districts.forEach((district, index) => {
    expect(district.coveredKm2).toBeCloseTo(b.stats.districts[index]!.coveredKm2, 9);
  });
  expect(a.stats.zones[0]!.coveredKm2).toBeCloseTo(b.stats.zones[0]!.coveredKm2, 9);
  expect(a.stats.gaps.count).toBe(b.stats.gaps.count);
  expect(a.stats.gaps.areaKm2).toBeCloseTo(b.stats.gaps.areaKm2, 9);
  expect(a.stats.sites).toEqual(b.stats.sites);
  if (mode === 'pathloss') {
    for (const [name, km2] of Object.entries(a.stats.rsrpClassesKm2!)) {
      expect(km2).toBeCloseTo(b.stats.rsrpClassesKm2![name as keyof typeof b.stats.rsrpClassesKm2]!, 9);
    }
  }
}

for (const mode of ['radius', 'pathloss'] as const) {
  describe(`incremental edits in ${mode} mode`, () => {
    it('equal a full recompute after every edit of a random sequence', () => {
      let counter = 0;
      fc.assert(
        fc.property(
          fc.array(newSite, { maxLength: 6 }),
          fc.array(edit, { minLength: 1, maxLength: 8 }),
          (initial, edits) => {
            const engine = new CoverageEngine(
              { ...city, zones: islandZone },
              { mode, cellM: 100, minGapAreaKm2: 0 },
            );
            const make = (spec: { lon: number; lat: number; radio: object }): SiteFeature =>
              site(`s${counter++}`, spec.lon, spec.lat, spec.radio);
            engine.computeAll(initial.map(make));
            for (const step of edits) {
              const ids = engine.sites().map((feature) => feature.properties.id);
              if (step.type === 'add') engine.upsertSite(make(step.site));
              else if (ids.length === 0) continue;
              else {
                const id = ids[step.pick % ids.length]!;
                const current = engine.site(id)!.feature;
                const [x, y] = current.geometry.coordinates as [number, number];
                if (step.type === 'move') engine.moveSite(id, step.lon, step.lat);
                if (step.type === 'nudge') engine.moveSite(id, x + step.dx * 0.0005, y);
                if (step.type === 'remove') engine.removeSite(id);
                if (step.type === 'retune') engine.upsertSite(site(id, x, y, step.radio));
              }
              expectSame(engine, mode);
            }
          },
        ),
        { numRuns: mode === 'radius' ? 40 : 15, seed: 20_251_124 },
      );
    });
  });
}

/** Labels as a partition: uncovered land cells carry a label, covered ones none, equal labels agree. */
function labelPartition(engine: CoverageEngine): string[] {
  const { district } = engine.city;
  const { cellState } = engine.arrays;
  const { labels } = engine.gaps;
  const renumber = new Map<number, number>();
  const result: string[] = [];
  for (let cell = 0; cell < district.length; cell++) {
    if (district[cell] === 0) continue;
    const label = labels[cell]!;
    if (label !== 0 && !renumber.has(label)) renumber.set(label, renumber.size + 1);
    result.push(`${cellState[cell]}:${label === 0 ? 0 : renumber.get(label)}`);
  }
  return result;
}

describe('full computes on an engine that has computed before', () => {
  it('equal a fresh engine: other sites, edits in between, threshold and mode switches', () => {
    let counter = 0;
    fc.assert(
      fc.property(
        fc.array(fc.array(newSite, { maxLength: 6 }), { minLength: 2, maxLength: 4 }),
        fc.array(edit, { maxLength: 3 }),
        fc.array(fc.constantFrom('radius' as const, 'pathloss' as const), { minLength: 4, maxLength: 4 }),
        fc.array(fc.constantFrom(-110, -105, -95), { minLength: 4, maxLength: 4 }),
        (plans, edits, modes, thresholds) => {
          const make = (spec: { lon: number; lat: number; radio: object }): SiteFeature =>
            site(`f${counter++}`, spec.lon, spec.lat, spec.radio);
          const settings = (index: number) => ({
            mode: modes[index % modes.length]!,
            thresholdDbm: thresholds[index % thresholds.length]!,
            cellM: 100,
            minGapAreaKm2: 0,
          });
          const used = new CoverageEngine({ ...city, zones: islandZone }, settings(0));
          plans.forEach((plan, index) => {
            used.setSettings(settings(index), false);
            // Touched and land sweeps in turn: each must leave the cells the other one expects.
            used.fullComputeSweep = (['touched', 'land', 'auto'] as const)[index % 3]!;
            used.computeAll(plan.map(make));
            for (const step of edits) {
              const current = used.sites();
              const picked =
                'pick' in step && current.length > 0 ? current[step.pick % current.length]! : undefined;
              if (step.type === 'add') used.upsertSite(make(step.site));
              // Removing and moving uncover cells, which the edit's flood fills then label.
              if (step.type === 'remove' && picked) used.removeSite(picked.properties.id);
              if (step.type === 'move' && picked) used.moveSite(picked.properties.id, step.lon, step.lat);
            }
            // Drop one site and add the next plan's: cells labelled by the edits' flood fills may now be covered.
            used.computeAll([...used.sites().slice(1), ...plans[(index + 1) % plans.length]!.map(make)]);
            const fresh = new CoverageEngine({ ...city, zones: islandZone }, settings(index));
            fresh.computeAll(used.sites());
            expect(labelPartition(used)).toEqual(labelPartition(fresh));
            expectSame(used, settings(index).mode);
          });
        },
      ),
      { numRuns: 25, seed: 20_261_201 },
    );
  });
});
