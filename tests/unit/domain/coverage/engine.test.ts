import area from '@turf/area';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../../../src/domain/coverage/coverage-engine';
import { columnCentreLon, rowCentreLat } from '../../../../src/domain/coverage/grid';
import { coverageStats, gapCollection, siteBuffer } from '../../../../src/domain/coverage/report';
import { CELL_COVERED } from '../../../../src/domain/coverage/statistics';
import { pathLoss } from '../../../../src/domain/propagation/path-loss';
import { city, islandZone, SEA_BOX, sea, site } from '../../support/coverage/synthetic-city';

const coveredKm2 = (engine: CoverageEngine): number => coverageStats(engine).coveredKm2;

describe('coverage grid', () => {
  it("covers πr² for a single site, within the grid's discretisation bound", () => {
    const engine = new CoverageEngine(city, { cellM: 50 });
    const radiusM = 1000;
    engine.computeAll([site('a', 121.43, 31.23, { radiusM })]);
    const covered = coveredKm2(engine);
    // Cells whose centres are inside the disc lie within r ± half a cell diagonal.
    const slack = (50 * Math.SQRT2) / 2;
    expect(covered).toBeGreaterThan((Math.PI * (radiusM - slack) ** 2) / 1e6);
    expect(covered).toBeLessThan((Math.PI * (radiusM + slack) ** 2) / 1e6);
    expect(Math.abs(covered / (Math.PI * 1) - 1)).toBeLessThan(0.01);
    expect(engine.siteFootprint('a')?.servedKm2).toBeCloseTo(covered, 9);
  });

  it('adds the areas of two disjoint sites', () => {
    const a = site('a', 121.42, 31.23, { radiusM: 800 });
    const b = site('b', 121.49, 31.235, { radiusM: 600 });
    const engine = new CoverageEngine(city, { cellM: 50 });
    engine.computeAll([a]);
    const alone = coveredKm2(engine);
    engine.computeAll([b]);
    const other = coveredKm2(engine);
    engine.computeAll([a, b]);
    expect(coveredKm2(engine)).toBeCloseTo(alone + other, 9);
  });

  it('never loses a covered cell when a site is added', () => {
    const engine = new CoverageEngine(city, { cellM: 100, mode: 'pathloss' });
    const sites = [site('a', 121.41, 31.21), site('b', 121.47, 31.25, { kind: 'micro' })];
    engine.computeAll(sites);
    const before = Uint8Array.from(engine.arrays.cellState);
    const areaBefore = coveredKm2(engine);
    engine.upsertSite(site('c', 121.445, 31.235, { band: 'n28' }));
    expect(coveredKm2(engine)).toBeGreaterThan(areaBefore);
    for (let cell = 0; cell < before.length; cell++) {
      if (before[cell] === CELL_COVERED) expect(engine.arrays.cellState[cell]).toBe(CELL_COVERED);
    }
  });

  it('recomputing the same ids with new positions equals a fresh engine, and edits still find them by id', () => {
    const first = [site('a', 121.42, 31.22, { radiusM: 700 }), site('b', 121.47, 31.24, { radiusM: 500 })];
    const moved = [site('a', 121.44, 31.23, { radiusM: 700 }), site('b', 121.5, 31.25, { radiusM: 500 })];
    const engine = new CoverageEngine(city, { cellM: 100 });
    engine.computeAll(first);
    engine.computeAll(moved);
    const fresh = new CoverageEngine(city, { cellM: 100 });
    fresh.computeAll(moved);
    expect(coveredKm2(engine)).toBeCloseTo(coveredKm2(fresh), 9);
    expect(engine.site('b')?.feature.geometry.coordinates).toEqual([121.5, 31.25]);
    engine.removeSite('a');
    fresh.removeSite('a');
    expect(coveredKm2(engine)).toBeCloseTo(coveredKm2(fresh), 9);
    expect(Array.from(engine.arrays.server)).toEqual(Array.from(fresh.arrays.server));
  });

  it('district figures sum to the city figures; sea cells are not land', () => {
    const engine = new CoverageEngine(city, { cellM: 50, mode: 'pathloss' });
    engine.computeAll([
      site('a', 121.43, 31.23),
      site('b', 121.5, 31.24),
      site('c', 121.61, 31.31, { kind: 'micro' }),
    ]);
    const stats = coverageStats(engine);
    const districtLand = stats.districts.reduce((sum, district) => sum + district.landKm2, 0);
    const districtCovered = stats.districts.reduce((sum, district) => sum + district.coveredKm2, 0);
    expect(districtLand).toBeCloseTo(stats.landKm2, 9);
    expect(districtCovered).toBeCloseTo(stats.coveredKm2, 9);
    // The sea box bites 0.02° × 0.02° out of Pudong's south-east corner.
    const pudong = stats.districts.find((district) => district.adcode === '310115')!;
    const fullBoxKm2 =
      area({
        type: 'Polygon',
        coordinates: [
          [
            [121.46, 31.2],
            [121.52, 31.2],
            [121.52, 31.26],
            [121.46, 31.26],
            [121.46, 31.2],
          ],
        ],
      }) / 1e6;
    const biteKm2 =
      area({
        type: 'Polygon',
        coordinates: [
          [
            [121.5, 31.2],
            [121.52, 31.2],
            [121.52, 31.22],
            [121.5, 31.22],
            [121.5, 31.2],
          ],
        ],
      }) / 1e6;
    expect(pudong.landKm2).toBeGreaterThan((fullBoxKm2 - biteKm2) * 0.98);
    expect(pudong.landKm2).toBeLessThan((fullBoxKm2 - biteKm2) * 1.02);
  });

  it('in path-loss mode, covers the disc where RSRP from the link budget meets the threshold', () => {
    const engine = new CoverageEngine(
      { ...city, metroStations: { type: 'FeatureCollection', features: [] } },
      {
        cellM: 25,
        mode: 'pathloss',
        thresholdDbm: -100,
      },
    );
    engine.computeAll([site('a', 121.49, 31.245)]); // Pudong: urban → UMa NLOS
    // 200 W n78 macro: 17.857 dBm/RE + 24 dBi − 3 dB body − 8 dB shadow margin = 30.857 dBm before path
    // loss, and the default vertical pattern (6° tilt, 10° beamwidth) toward a user at the edge.
    const verticalDb = (d: number) =>
      -Math.min(12 * (((Math.atan(23.5 / d) * 180) / Math.PI - 6) / 10) ** 2, 30);
    let low = 10;
    let high = 5000;
    for (let step = 0; step < 60; step++) {
      const middle = (low + high) / 2;
      const rsrp =
        30.857 +
        verticalDb(middle) -
        pathLoss({ model: 'uma', condition: 'nlos', fcGhz: 3.5, d2dM: middle, hBsM: 25, hUtM: 1.5 })
          .pathLossDb;
      if (rsrp >= -100) low = middle;
      else high = middle;
    }
    const expectedKm2 = (Math.PI * low * low) / 1e6;
    const slack = (25 * Math.SQRT2) / 2;
    const covered = coveredKm2(engine);
    expect(low).toBeGreaterThan(450);
    expect(covered).toBeGreaterThan((Math.PI * (low - slack) ** 2) / 1e6);
    expect(covered).toBeLessThan((Math.PI * (low + slack) ** 2) / 1e6);
    expect(Math.abs(covered / expectedKm2 - 1)).toBeLessThan(0.02);
    const buffer = siteBuffer(engine, 'a')!;
    expect(area(buffer) / 1e6 / expectedKm2).toBeGreaterThan(0.97);
    expect(area(buffer) / 1e6 / expectedKm2).toBeLessThan(1.03);
  });

  it('a sector’s back lobe sits at the pattern floor, 30 dB below its peak (A_m)', () => {
    const engine = new CoverageEngine(city, { cellM: 50, mode: 'pathloss' });
    engine.computeAll([site('s', 121.43, 31.23, { azimuthDeg: 90, beamwidthDeg: 65 })]);
    const { grid } = engine.city;
    const placed = engine.site('s')!;
    // 200 m either side. In front A_H = 0 and A_V(θ) = −12 ((6.7015 − 6)/10)² = −0.0591 dB (θ =
    // atan(23.5/200)); behind, max(A_H + A_V, −30) = −30. Front − back = 30 − 0.0591.
    const east = placed.row * grid.columns + placed.column + 4;
    const west = placed.row * grid.columns + placed.column - 4;
    const widthRatio = grid.rowCellWidthM[placed.row]! / 50;
    const theta = (Math.atan2(23.5, 200 * widthRatio) * 180) / Math.PI;
    expect(engine.arrays.best[east]! - engine.arrays.best[west]!).toBeCloseTo(
      30 - 12 * ((theta - 6) / 10) ** 2,
      3,
    );
  });
});

describe('weak-spot gaps', () => {
  it('with no sites, each connected piece of land is one gap and their area is the land', () => {
    const engine = new CoverageEngine(city, { cellM: 100, minGapAreaKm2: 0 });
    engine.computeAll([]);
    const gaps = gapCollection(engine);
    expect(gaps.features).toHaveLength(2); // the two adjoining districts, and the island
    const total = gaps.features.reduce((sum, gap) => sum + gap.properties.areaKm2, 0);
    expect(total).toBeCloseTo(coverageStats(engine).landKm2, 9);
  });

  it('a site covering the mainland leaves only the island, with area, district, centroid and zone-weighted priority', () => {
    const engine = new CoverageEngine({ ...city, zones: islandZone }, { cellM: 100, minGapAreaKm2: 0 });
    engine.computeAll([site('big', 121.46, 31.23, { radiusM: 8000 })]);
    const gaps = gapCollection(engine);
    expect(gaps.features).toHaveLength(1);
    const gap = gaps.features[0]!;
    const islandKm2 =
      area({
        type: 'Polygon',
        coordinates: [
          [
            [121.6, 31.3],
            [121.62, 31.3],
            [121.62, 31.32],
            [121.6, 31.32],
            [121.6, 31.3],
          ],
        ],
      }) / 1e6;
    expect(gap.properties.areaKm2 / islandKm2).toBeGreaterThan(0.97);
    expect(gap.properties.areaKm2 / islandKm2).toBeLessThan(1.03);
    expect(gap.properties.adcode).toBe('310151');
    expect(gap.properties.centroid[0]).toBeCloseTo(121.61, 2);
    expect(gap.properties.centroid[1]).toBeCloseTo(31.31, 2);
    expect(gap.properties.weight).toBe(2);
    // Chongming: 63.8 × 10⁴ people over the fixture's official 100 km².
    expect(gap.properties.priorityScore).toBeCloseTo(gap.properties.areaKm2 * 6380 * 2, 6);
    // The outline follows the cell edges, so it holds the cells' area (spherical vs per-row areas).
    const outlineKm2 = area(gap) / 1e6;
    expect(outlineKm2 / gap.properties.areaKm2).toBeGreaterThan(0.999);
    expect(outlineKm2 / gap.properties.areaKm2).toBeLessThanOrEqual(1.0001);
    expect(coverageStats(engine).zones[0]!.coveredFraction).toBe(0);
  });

  it('a hole ringed by four discs is one gap, and a site filling it removes it', () => {
    const engine = new CoverageEngine(city, { cellM: 50, minGapAreaKm2: 0 });
    // Four discs around (121.43, 31.23) leave a small uncovered hole between them plus the outer land.
    const dx = 0.0125; // ≈ 1.19 km
    const dy = 0.0108; // ≈ 1.2 km
    engine.computeAll([
      site('n', 121.43, 31.23 + dy, { radiusM: 1000 }),
      site('s', 121.43, 31.23 - dy, { radiusM: 1000 }),
      site('e', 121.43 + dx, 31.23, { radiusM: 1000 }),
      site('w', 121.43 - dx, 31.23, { radiusM: 1000 }),
    ]);
    // (Single cells cut off diagonally in the notches where two discs meet are gaps too; ignore them.)
    const holes = gapCollection(engine).features.filter(
      (gap) => gap.properties.areaKm2 > 0.05 && gap.properties.areaKm2 < 1,
    );
    expect(holes).toHaveLength(1);
    expect(holes[0]!.properties.centroid[0]).toBeCloseTo(121.43, 3);
    expect(holes[0]!.properties.centroid[1]).toBeCloseTo(31.23, 3);
    // Filling the hole removes exactly that gap.
    engine.upsertSite(site('fill', 121.43, 31.23, { radiusM: 500 }));
    const after = gapCollection(engine).features.filter(
      (gap) => gap.properties.areaKm2 > 0.05 && gap.properties.areaKm2 < 1,
    );
    expect(after).toHaveLength(0);
  });

  it('gaps never lie in the sea', () => {
    const engine = new CoverageEngine(city, { cellM: 50, minGapAreaKm2: 0 });
    engine.computeAll([site('a', 121.49, 31.24, { radiusM: 1500 })]);
    const { grid } = engine.city;
    const seaPolygon = sea.features[0]!;
    let checked = 0;
    for (let row = 0; row < grid.rows; row++) {
      for (let column = 0; column < grid.columns; column++) {
        if (engine.gaps.labels[row * grid.columns + column] === 0) continue;
        const lon = columnCentreLon(grid, column);
        const lat = rowCentreLat(grid, row);
        if (lon < SEA_BOX[0] - 0.01 || lat > SEA_BOX[3] + 0.01) continue;
        checked++;
        expect(booleanPointInPolygon([lon, lat], seaPolygon)).toBe(false);
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
