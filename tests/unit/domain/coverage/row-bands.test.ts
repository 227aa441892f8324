import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../../../src/domain/coverage/coverage-engine';
import { pooledCompute } from '../../../../src/domain/coverage/pooled-compute';
import { coverageStats, gapCollection } from '../../../../src/domain/coverage/report';
import { computeBand, splitRows } from '../../../../src/domain/coverage/row-bands';
import { type CoverageSettings, defaultRadiusTable } from '../../../../src/domain/coverage/settings';
import { CELL_COVERED } from '../../../../src/domain/coverage/statistics';
import type { SiteFeature } from '../../../../src/domain/types';
import { city, islandZone, site } from '../../support/coverage/synthetic-city';

const input = { ...city, zones: islandZone };

/** Seeded sites over both districts and the island: macros (sectors and omni), micros, two bands. */
function sites(count: number): SiteFeature[] {
  let state = 7;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const list: SiteFeature[] = [];
  for (let index = 0; index < count; index++) {
    const onIsland = index % 9 === 0;
    const lon = onIsland ? 121.6 + random() * 0.02 : 121.4 + random() * 0.12;
    const lat = onIsland ? 31.3 + random() * 0.02 : 31.2 + random() * 0.06;
    const sector = index % 3 !== 0;
    list.push(
      site(`s${index}`, lon, lat, {
        kind: index % 5 === 0 ? 'micro' : 'macro',
        band: index % 4 === 0 ? 'n28' : 'n78',
        ...(sector ? { azimuthDeg: Math.floor(random() * 360) } : {}),
      }),
    );
  }
  // A duplicate id: the later site replaces the earlier in its slot, in both computes.
  list.push(site('s3', 121.45, 31.23, { kind: 'macro', band: 'n78' }));
  return list;
}

// Radius mode with small discs, so each band's halo is a few rows and the other bands' sites are left out.
const smallRadii = (() => {
  const table = defaultRadiusTable();
  for (const byBand of Object.values(table))
    for (const byClass of Object.values(byBand))
      for (const environment of Object.keys(byClass) as (keyof typeof byClass)[]) byClass[environment] = 150;
  return table;
})();

const scenarios: [string, Partial<CoverageSettings>][] = [
  ['radius', { mode: 'radius', cellM: 50, radiusTable: smallRadii }],
  ['path loss', { mode: 'pathloss', cellM: 50, thresholdDbm: -95 }],
  ['path loss with SINR', { mode: 'pathloss', cellM: 50, thresholdDbm: -95, sinr: true }],
];

describe('a full compute split into row bands (the worker pool) equals the whole compute', () => {
  for (const [name, settings] of scenarios) {
    for (const [bandCount, shared] of [
      [2, false],
      [3, false],
      [3, true],
    ] as const) {
      // Shared: the bands are computed into the coordinator's own arrays (the CLI's SharedArrayBuffers),
      // the helpers' after the coordinator's, so a helper's write outside its rows (its own slot numbers)
      // would spoil the coordinator's cells.
      it(`${name}, ${bandCount} bands${shared ? ', one set of arrays' : ''}: every land cell, the figures and the gaps`, async () => {
        const list = sites(90);
        const whole = new CoverageEngine(input, settings);
        whole.fullComputeSweep = 'land';
        whole.computeAll(list);
        const pooled = new CoverageEngine(input, settings);
        let otherSites = 0;
        await pooledCompute(pooled, list, bandCount, async (band, bandSites, globalSlots) => {
          otherSites += bandSites.length;
          const helper = new CoverageEngine(input, settings);
          if (shared) {
            helper.shareArrays(pooled.arrays);
            await new Promise((resolve) => setTimeout(resolve, 0));
          }
          return computeBand(helper, bandSites, globalSlots, band, shared);
        });
        expect(splitRows(whole.city, bandCount)).toHaveLength(bandCount);
        if (name === 'radius') expect(otherSites).toBeLessThan((bandCount - 1) * list.length);
        const { district } = whole.city;
        let covered = 0;
        let mismatches = 0;
        for (let cell = 0; cell < district.length; cell++) {
          if (district[cell] === 0) continue;
          const a = whole.arrays;
          const b = pooled.arrays;
          const same =
            Object.is(a.best[cell], b.best[cell]) &&
            a.server[cell] === b.server[cell] &&
            a.cellState[cell] === b.cellState[cell] &&
            (a.cellState[cell]! < CELL_COVERED ||
              whole.radio?.sinrCentiDb[cell] === pooled.radio?.sinrCentiDb[cell]);
          if (!same) mismatches++;
          if (a.cellState[cell]! >= CELL_COVERED) covered++;
        }
        expect(mismatches).toBe(0);
        expect(covered).toBeGreaterThan(1000);
        const wholeStats = coverageStats(whole);
        const pooledStats = coverageStats(pooled);
        // Figures are sums of per-band partial sums: equal within rounding (docs/engine.md).
        expect(pooledStats.coveredKm2).toBeCloseTo(wholeStats.coveredKm2, 9);
        pooledStats.districts.forEach((entry, index) => {
          expect(entry.coveredKm2).toBeCloseTo(wholeStats.districts[index]!.coveredKm2, 9);
        });
        expect(pooledStats.zones[0]!.coveredKm2).toBeCloseTo(wholeStats.zones[0]!.coveredKm2, 9);
        if (settings.sinr) {
          expect(wholeStats.sinrGoodFraction).toBeGreaterThan(0);
          expect(pooledStats.sinrGoodFraction).toBeCloseTo(wholeStats.sinrGoodFraction!, 9);
          expect(pooledStats.meanRateMbps).toBeCloseTo(wholeStats.meanRateMbps!, 6);
        }
        expect(Array.from(pooled.accumulators.servedCells)).toEqual(
          Array.from(whole.accumulators.servedCells),
        );
        expect(JSON.stringify(gapCollection(pooled))).toBe(JSON.stringify(gapCollection(whole)));
        expect(pooledStats.sites).toEqual(wholeStats.sites);
      });
    }
  }
});
