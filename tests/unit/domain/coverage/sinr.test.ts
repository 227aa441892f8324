import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../../../src/domain/coverage/coverage-engine';
import { columnCentreLon, rowCentreLat } from '../../../../src/domain/coverage/grid';
import { prepareProbeSites, probePoint } from '../../../../src/domain/coverage/probe';
import { coverageStats } from '../../../../src/domain/coverage/report';
import { CELL_COVERED, CELL_COVERED_POOR } from '../../../../src/domain/coverage/statistics';
import type { SiteFeature } from '../../../../src/domain/types';
import { city, site } from '../../support/coverage/synthetic-city';

// −174 dBm/Hz + 10·log10(30 kHz) + 7 dB = −122.2288 dBm per resource element (n78, 30 kHz SCS).
const NOISE_N78_DBM = -174 + 10 * Math.log10(30_000) + 7;

function engineWith(settings: { loadFraction?: number; minGapAreaKm2?: number } = {}) {
  return new CoverageEngine(city, { cellM: 50, mode: 'pathloss', sinr: true, ...settings });
}

/** The grid's cell (row, column) in Huangpu, 2.3 km from the synthetic metro station. */
function anchor(engine: CoverageEngine) {
  const { grid } = engine.city;
  const row = Math.floor((grid.north - 31.21) / grid.latStepDeg);
  const column = Math.floor((121.44 - grid.west) / grid.lonStepDeg);
  const at = (dRow: number, dColumn: number): [number, number] => [
    columnCentreLon(grid, column + dColumn),
    rowCentreLat(grid, row + dRow),
  ];
  const cell = (dRow: number, dColumn: number) => (row + dRow) * grid.columns + column + dColumn;
  return { at, cell };
}

const gridSinrDb = (engine: CoverageEngine, cell: number) => engine.radio!.sinrCentiDb[cell]! / 100;

describe('SINR = S / (η·ΣI + N) on the grid and at exact points', () => {
  for (const load of [0.25, 0.5, 1]) {
    it(`two identical co-channel sites, at the midpoint: −10·log10(η) = ${(-10 * Math.log10(load)).toFixed(2)} dB at η = ${load}`, () => {
      const engine = engineWith({ loadFraction: load });
      const { at, cell } = anchor(engine);
      // 200 m either side: S ≈ −84 dBm, 38 dB above the noise, which then moves SINR by < 0.001 dB.
      const sites = [site('a', ...at(0, -4)), site('b', ...at(0, 4))];
      engine.computeAll(sites);
      const expected = -10 * Math.log10(load);
      expect(Math.abs(gridSinrDb(engine, cell(0, 0)) - expected)).toBeLessThan(0.1);
      const probe = probePoint(
        prepareProbeSites(sites, engine.city, engine.settings),
        engine.settings,
        ...at(0, 0),
      );
      expect(Math.abs(probe.sinrDb! - expected)).toBeLessThan(0.1);
    });
  }

  it('three identical sites, at the centroid: −10·log10(2η)', () => {
    const engine = engineWith();
    const { at, cell } = anchor(engine);
    // A 3-4-5 triangle of offsets: all three sites 5 cells (250 m) from the centre cell.
    const sites = [site('a', ...at(0, 5)), site('b', ...at(-4, -3)), site('c', ...at(4, -3))];
    engine.computeAll(sites);
    const expected = -10 * Math.log10(2 * 0.5);
    expect(Math.abs(gridSinrDb(engine, cell(0, 0)) - expected)).toBeLessThan(0.1);
    // Exact points: an equilateral triangle around a point, 300 m out.
    const [lon, lat] = at(0, 0);
    const metresPerDegreeLat = 111_195;
    const metresPerDegreeLon = metresPerDegreeLat * Math.cos((lat * Math.PI) / 180);
    const triangle = [0, 120, 240].map((bearing, index) => {
      const radians = (bearing * Math.PI) / 180;
      return site(
        `t${index}`,
        lon + (300 * Math.sin(radians)) / metresPerDegreeLon,
        lat + (300 * Math.cos(radians)) / metresPerDegreeLat,
      );
    });
    const probe = probePoint(
      prepareProbeSites(triangle, engine.city, engine.settings),
      engine.settings,
      lon,
      lat,
    );
    expect(Math.abs(probe.sinrDb! - expected)).toBeLessThan(0.1);
  });

  it('one isolated site: SINR = RSRP − N wherever it serves', () => {
    const engine = engineWith();
    const { at, cell } = anchor(engine);
    const sites = [site('alone', ...at(0, 0))];
    engine.computeAll(sites);
    const probeSites = prepareProbeSites(sites, engine.city, engine.settings);
    for (const [dRow, dColumn] of [
      [0, 3],
      [5, -2],
      [-8, 5],
      [9, 0],
    ] as const) {
      const target = cell(dRow, dColumn);
      const rsrp = engine.arrays.best[target]!;
      expect(engine.arrays.cellState[target]).toBeGreaterThanOrEqual(CELL_COVERED);
      expect(gridSinrDb(engine, target)).toBeCloseTo(rsrp - NOISE_N78_DBM, 1);
      const probe = probePoint(probeSites, engine.settings, ...at(dRow, dColumn));
      expect(probe.noiseDbm).toBeCloseTo(NOISE_N78_DBM, 9);
      expect(probe.sinrDb!).toBeCloseTo(probe.rsrpDbm! - probe.noiseDbm!, 9);
    }
  });

  it('sites on different bands do not interfere', () => {
    const engine = engineWith();
    const { at, cell } = anchor(engine);
    const sites = [site('a', ...at(0, -4), { band: 'n78' }), site('b', ...at(0, 4), { band: 'n41' })];
    engine.computeAll(sites);
    const probeSites = prepareProbeSites(sites, engine.city, engine.settings);
    for (const dColumn of [-6, -1, 0, 2, 7]) {
      const target = cell(0, dColumn);
      const band = engine.slots[engine.arrays.server[target]!]!.band;
      const noise = -174 + 10 * Math.log10(30_000) + 7; // both bands use 30 kHz here
      expect(gridSinrDb(engine, target), `${band} at ${dColumn}`).toBeCloseTo(
        engine.arrays.best[target]! - noise,
        1,
      );
      const probe = probePoint(probeSites, engine.settings, ...at(0, dColumn));
      expect(probe.servers).toHaveLength(2);
      expect(probe.sinrDb!).toBeCloseTo(probe.rsrpDbm! - probe.noiseDbm!, 9);
    }
    // The same two sites on one band: now they do.
    const coChannel = engineWith();
    coChannel.computeAll([site('a', ...at(0, -4)), site('b', ...at(0, 4))]);
    expect(gridSinrDb(coChannel, cell(0, 0))).toBeLessThan(5);
  });

  it('a covered cell below the SINR threshold is a quality gap, ranked like a weak spot', () => {
    // Four equal sites around a cell at full load: SINR = 1/3 → −4.8 dB, below the 3 dB default.
    const engine = engineWith({ loadFraction: 1, minGapAreaKm2: 0 });
    const { at, cell } = anchor(engine);
    const sites: SiteFeature[] = [
      site('n', ...at(-5, 0)),
      site('s', ...at(5, 0)),
      site('e', ...at(0, 5)),
      site('w', ...at(0, -5)),
    ];
    engine.computeAll(sites);
    expect(engine.arrays.cellState[cell(0, 0)]).toBe(CELL_COVERED_POOR);
    const stats = coverageStats(engine);
    expect(stats.sinr!.qualityGaps.count).toBeGreaterThan(0);
    expect(stats.sinrGoodFraction!).toBeLessThan(stats.coveredFraction);
    const quality = engine.qualityGaps.features(0);
    expect(quality[0]!.properties.kind).toBe('quality');
    expect(quality[0]!.properties.priorityScore).toBeGreaterThan(0);
    // The quality gap holds the centre cell: its centroid is within 100 m of it.
    const [lon, lat] = at(0, 0);
    const holding = quality.find(
      (gap) =>
        Math.abs(gap.properties.centroid[0] - lon) < 0.001 &&
        Math.abs(gap.properties.centroid[1] - lat) < 0.001,
    );
    expect(holding).toBeDefined();
  });
});
