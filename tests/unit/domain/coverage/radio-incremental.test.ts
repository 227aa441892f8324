import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../../../src/domain/coverage/coverage-engine';
import { landIndexAt } from '../../../../src/domain/coverage/land-index';
import { coverageStats } from '../../../../src/domain/coverage/report';
import { CELL_COVERED } from '../../../../src/domain/coverage/statistics';
import type { SiteFeature } from '../../../../src/domain/types';
import { city, islandZone, site } from '../../support/coverage/synthetic-city';

// Edits near one another in Huangpu and Pudong, so interference overlaps; tilts, beamwidths and sectors
// change with "retune", which is how the attribute panel edits a tilt.
const lon = fc.double({ min: 121.41, max: 121.51, noNaN: true });
const lat = fc.double({ min: 31.205, max: 31.255, noNaN: true });
const radio = fc.record(
  {
    kind: fc.constantFrom('macro' as const, 'micro' as const),
    band: fc.constantFrom('n28' as const, 'n78' as const),
    azimuthDeg: fc.integer({ min: 0, max: 359 }),
    mechanicalTiltDeg: fc.integer({ min: -2, max: 8 }),
    electricalTiltDeg: fc.double({ min: 0, max: 12, noNaN: true }),
    verticalBeamwidthDeg: fc.integer({ min: 5, max: 40 }),
    heightM: fc.integer({ min: 8, max: 45 }),
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
  fc.record({ type: fc.constant('tilt' as const), pick: fc.nat(), tiltDeg: fc.integer({ min: 0, max: 15 }) }),
);

/**
 * The stated tolerance (docs/radio.md): each add or subtract of a contribution rounds the Float64 sum by at
 * most 2^−53 of the sum at that moment, so after an edit sequence a cell's sum is within
 * 2^−52 × edits × the largest sum it held of a full recompute's. Against the noise (6 × 10^−13 mW) that
 * is far below 10^−6 dB of SINR; the per-cell SINR compared here in double precision must agree to that.
 */
const SINR_TOLERANCE_DB = 1e-6;

function expectSame(incremental: CoverageEngine) {
  const fresh = new CoverageEngine({ ...city, zones: islandZone }, incremental.settings);
  fresh.fullComputeSweep = 'land';
  fresh.computeAll(incremental.sites());
  const { district, grid } = fresh.city;
  const a = incremental.arrays;
  const b = fresh.arrays;
  for (let cell = 0; cell < district.length; cell++) {
    if (district[cell] === 0) continue;
    const slotA = a.server[cell]!;
    const slotB = b.server[cell]!;
    const idA = slotA < 0 ? '-' : incremental.slots[slotA]!.id;
    const idB = slotB < 0 ? '-' : fresh.slots[slotB]!.id;
    if (idA !== idB || a.best[cell] !== b.best[cell] || a.cellState[cell] !== b.cellState[cell]) {
      expect(`${cell}:${idA}@${a.best[cell]}:${a.cellState[cell]}`).toBe(
        `${cell}:${idB}@${b.best[cell]}:${b.cellState[cell]}`,
      );
    }
    if (a.cellState[cell]! < CELL_COVERED) continue;
    const row = Math.floor(cell / grid.columns);
    const column = cell % grid.columns;
    const land = landIndexAt(fresh.city, fresh.radio!.sums.land, row, column);
    const sinrA = 10 * Math.log10(incremental.radio!.sinrAt(incremental.slots[slotA]!, land, row, column));
    const sinrB = 10 * Math.log10(fresh.radio!.sinrAt(fresh.slots[slotB]!, land, row, column));
    if (Math.abs(sinrA - sinrB) > SINR_TOLERANCE_DB) expect(sinrA).toBeCloseTo(sinrB, 6);
    expect(incremental.radio!.sinrCentiDb[cell]).toBe(fresh.radio!.sinrCentiDb[cell]);
  }
  const quality = (engine: CoverageEngine) =>
    [...engine.qualityGaps.components.values()]
      .map((gap) => `${gap.cellCount}|${gap.column0},${gap.row0},${gap.column1},${gap.row1}`)
      .sort();
  expect(quality(incremental)).toEqual(quality(fresh));
  // Weak spots (uncovered land) must not depend on which covered cells are poor.
  const weak = (engine: CoverageEngine) =>
    [...engine.gaps.components.values()]
      .map((gap) => `${gap.cellCount}|${gap.column0},${gap.row0},${gap.column1},${gap.row1}`)
      .sort();
  expect(weak(incremental)).toEqual(weak(fresh));
  const statsA = coverageStats(incremental);
  const statsB = coverageStats(fresh);
  expect(statsA.sinrGoodKm2!).toBeCloseTo(statsB.sinrGoodKm2!, 9);
  expect(statsA.meanRateMbps!).toBeCloseTo(statsB.meanRateMbps!, 6);
  statsA.districts.forEach((district, index) => {
    expect(district.sinrGoodKm2!).toBeCloseTo(statsB.districts[index]!.sinrGoodKm2!, 9);
    expect(district.meanRateMbps!).toBeCloseTo(statsB.districts[index]!.meanRateMbps!, 6);
  });
  expect(statsA.zones[0]!.sinrGoodKm2!).toBeCloseTo(statsB.zones[0]!.sinrGoodKm2!, 9);
  const gradesB = statsB.sinr!.gradesKm2;
  for (const [grade, km2] of Object.entries(statsA.sinr!.gradesKm2)) {
    expect(km2).toBeCloseTo(gradesB[grade as keyof typeof gradesB], 9);
  }
  expect(statsA.sinr!.qualityGaps.count).toBe(statsB.sinr!.qualityGaps.count);
}

describe('incremental edits with SINR', () => {
  it('equal a full recompute after every edit of a random sequence, tilt edits included', () => {
    let counter = 0;
    fc.assert(
      fc.property(
        fc.array(newSite, { minLength: 1, maxLength: 6 }),
        fc.array(edit, { minLength: 1, maxLength: 8 }),
        fc.constantFrom(0.3, 0.5, 1),
        (initial, edits, loadFraction) => {
          const engine = new CoverageEngine(
            { ...city, zones: islandZone },
            { mode: 'pathloss', sinr: true, loadFraction, sinrThresholdDb: 3, cellM: 100, minGapAreaKm2: 0 },
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
              if (step.type === 'tilt') {
                engine.upsertSite({
                  ...current,
                  properties: { ...current.properties, electricalTiltDeg: step.tiltDeg },
                });
              }
            }
            expectSame(engine);
          }
        },
      ),
      { numRuns: 12, seed: 20_261_202 },
    );
  });
});
