import { describe, expect, it } from 'vitest';
import { buildCalibrationReport } from '../../../../src/domain/calibration/calibration-report';
import { compareMeasurements } from '../../../../src/domain/calibration/compare-measurements';
import { ENVIRONMENT_CLASSES } from '../../../../src/domain/calibration/corrections';
import type { MeasurementColumns } from '../../../../src/domain/calibration/measurement-set';
import { SiteSearch } from '../../../../src/domain/calibration/site-search';
import { CoverageEngine } from '../../../../src/domain/coverage/coverage-engine';
import { prepareProbeSites, probePoint, siteAtPoint } from '../../../../src/domain/coverage/probe';
import { createSeededRandom } from '../../../../src/domain/geo/seeded-random';
import type { SiteFeature } from '../../../../src/domain/types';
import {
  city,
  HUANGPU_BOX,
  ISLAND_BOX,
  PUDONG_BOX,
  SEA_BOX,
  site,
} from '../../support/coverage/synthetic-city';

const engine = new CoverageEngine(city, { cellM: 50, mode: 'pathloss' });
const settings = engine.settings;
const random = createSeededRandom(2024);

const inSea = (lon: number, lat: number) =>
  lon >= SEA_BOX[0] && lon <= SEA_BOX[2] && lat >= SEA_BOX[1] && lat <= SEA_BOX[3];

/** Three-sector macros every ~700 m on Huangpu's and Pudong's land, a micro and a macro on the island. */
function layout(): SiteFeature[] {
  const sites: SiteFeature[] = [];
  for (let lon = 121.405; lon < 121.52; lon += 0.0075) {
    for (let lat = 31.205; lat < 31.26; lat += 0.0065) {
      if (inSea(lon, lat)) continue;
      const turn = random.between(0, 120);
      for (let sector = 0; sector < 3; sector++)
        sites.push(
          site(`m${sites.length}`, lon + random.between(-0.001, 0.001), lat, {
            azimuthDeg: Math.round(turn + sector * 120) % 360,
          }),
        );
    }
  }
  sites.push(site('island-a', 121.605, 31.305, { kind: 'micro' }), site('island-b', 121.615, 31.315));
  return sites;
}

const sites = layout();
const probeSites = prepareProbeSites(sites, engine.city, { ...settings, corrections: [] });

interface Truth {
  offsetDb: number;
  slopeDbPerDecade: number;
}
/** Per class (dense urban, urban, suburban, rural): the error the "real network" shows. */
const TRUTH: Truth[] = [
  { offsetDb: 6, slopeDbPerDecade: -5 },
  { offsetDb: -4, slopeDbPerDecade: 7 },
  { offsetDb: 0, slopeDbPerDecade: 0 },
  { offsetDb: 12, slopeDbPerDecade: 0 },
];
const SIGMA_DB = 6;

/**
 * Measurements made from the exhaustive probe: the best server's median RSRP minus the class's error
 * a + b·log10(d/1 km) and Gaussian noise, so predicted − measured = a + b·log10(d) + σ·N.
 */
function synthesise(count: number, box: readonly number[], withCellIds = false) {
  const lon = new Float64Array(count);
  const lat = new Float64Array(count);
  const rsrpDbm = new Float32Array(count);
  const expectedError: number[] = [];
  const cellIndex = new Int32Array(count);
  const cellIds: string[] = [];
  for (let index = 0; index < count; index++) {
    do {
      lon[index] = random.between(box[0]!, box[2]!);
      lat[index] = random.between(box[1]!, box[3]!);
    } while (inSea(lon[index]!, lat[index]!));
    const probe = probePoint(probeSites, { ...settings, corrections: [] }, lon[index]!, lat[index]!);
    // The file names the server when asked: the second strongest, to see the id win over the best server.
    if (!probe.servers[0]) throw new Error(`no server at ${lon[index]} ${lat[index]}`);
    const server = withCellIds ? (probe.servers[1] ?? probe.servers[0]!) : probe.servers[0]!;
    const served = probeSites.find((candidate) => candidate.feature.properties.id === server.id)!;
    const link = siteAtPoint(served, settings.losses.userHeightM, lon[index]!, lat[index]!)!;
    const truth = TRUTH[ENVIRONMENT_CLASSES.indexOf(served.environment)]!;
    const error = truth.offsetDb + truth.slopeDbPerDecade * Math.log10(Math.max(10, link.distanceM) / 1000);
    expectedError.push(error);
    rsrpDbm[index] = server.rsrpDbm + settings.losses.shadowMarginDb - error - SIGMA_DB * random.normal();
    cellIds.push(server.id);
    cellIndex[index] = index;
  }
  const set: MeasurementColumns = {
    count,
    rowNumbers: Uint32Array.from({ length: count }, (_, index) => index + 2),
    lon,
    lat,
    rsrpDbm,
  };
  if (withCellIds) Object.assign(set, { cellIndex, cellIds });
  return { set, expectedError };
}

describe('SiteSearch', () => {
  it('finds the same best server as probing every site', () => {
    const search = new SiteSearch(probeSites, settings.losses.userHeightM);
    for (let trial = 0; trial < 400; trial++) {
      const lon = random.between(121.4, 121.52);
      const lat = random.between(31.2, 31.26);
      let bestSite = -1;
      let bestDbm = Number.NEGATIVE_INFINITY;
      probeSites.forEach((candidate, index) => {
        const link = siteAtPoint(candidate, settings.losses.userHeightM, lon, lat);
        if (link && link.rsrpDbm > bestDbm) {
          bestDbm = link.rsrpDbm;
          bestSite = index;
        }
      });
      const hit = search.strongest(lon, lat)!;
      expect(hit.site).toBe(bestSite);
      expect(hit.link.rsrpDbm).toBe(bestDbm);
    }
  });
});

describe('calibration on measurements synthesised from the model', () => {
  const dense = synthesise(1500, HUANGPU_BOX);
  const urban = synthesise(1500, PUDONG_BOX);
  const island = synthesise(40, ISLAND_BOX);
  const sets = [dense.set, urban.set, island.set];
  const comparison = compareMeasurements(sites, sets, engine.city, settings);
  const expectedErrors = [...dense.expectedError, ...urban.expectedError, ...island.expectedError];

  it('reports every sample in file order, set by set, whatever order it was searched in', () => {
    // The search runs tile by tile across the map (spatial-order.ts); the columns keep file order.
    const search = new SiteSearch(probeSites, settings.losses.userHeightM);
    let index = 0;
    sets.forEach((set, setIndex) => {
      for (let sample = 0; sample < set.count; sample++, index++) {
        expect(comparison.setIndex[index]).toBe(setIndex);
        expect(comparison.sampleIndex[index]).toBe(sample);
        const hit = search.strongest(set.lon[sample]!, set.lat[sample]!)!;
        expect(comparison.siteIndex[index]).toBe(hit.site);
        expect(comparison.predictedDbm[index]).toBe(
          Math.fround(hit.link.rsrpDbm + settings.losses.shadowMarginDb),
        );
      }
    });
  });

  it('matches every sample and computes predicted − measured', () => {
    expect(comparison.count).toBe(3040);
    expect(comparison.rejected).toEqual([]);
    let residual = 0;
    for (let index = 0; index < comparison.count; index++)
      residual += (comparison.errorDb[index]! - expectedErrors[index]!) ** 2;
    // What is left after taking the known error out is the noise: RMSE ≈ σ.
    expect(Math.sqrt(residual / comparison.count)).toBeGreaterThan(SIGMA_DB * 0.9);
    expect(Math.sqrt(residual / comparison.count)).toBeLessThan(SIGMA_DB * 1.1);
  });

  const report = buildCalibrationReport(comparison, [], engine.city.districts);
  const fit = report.fit;

  it('recovers each class offset and slope within two standard errors', () => {
    for (const environment of ['dense_urban', 'urban'] as const) {
      const correction = fit.corrections.find((candidate) => candidate.environment === environment)!;
      const truth = TRUTH[ENVIRONMENT_CLASSES.indexOf(environment)]!;
      expect(Math.abs(correction.offsetDb - truth.offsetDb)).toBeLessThan(2 * correction.standardErrorDb);
      expect(Math.abs(correction.slopeDbPerDecade - truth.slopeDbPerDecade)).toBeLessThan(
        2 * correction.slopeStandardErrorDb!,
      );
    }
  });

  it('leaves the island class with too few samples uncorrected, reported and flagged', () => {
    expect(fit.uncorrected).toEqual([
      { environment: 'rural', samples: 40, reason: 'tooFewSamples', minimum: 100 },
    ]);
    expect(report.byEnvironment.find((group) => group.environment === 'rural')).toMatchObject({
      samples: 40,
      tooFew: true,
    });
  });

  it('RMSE before ≈ √(mean error² + σ²) per class and after the fit ≈ σ', () => {
    const corrected = buildCalibrationReport(comparison, fit.corrections, engine.city.districts);
    for (const environment of ['dense_urban', 'urban'] as const) {
      const group = corrected.byEnvironment.find((candidate) => candidate.environment === environment)!;
      const truth = TRUTH[ENVIRONMENT_CLASSES.indexOf(environment)]!;
      let meanSquare = 0;
      let count = 0;
      for (let index = 0; index < comparison.count; index++) {
        if (ENVIRONMENT_CLASSES[comparison.environment[index]!] !== environment) continue;
        const x = Math.log10(Math.max(10, comparison.distanceM[index]!) / 1000);
        meanSquare += (truth.offsetDb + truth.slopeDbPerDecade * x) ** 2;
        count++;
      }
      const expectedBefore = Math.sqrt(meanSquare / count + SIGMA_DB ** 2);
      expect(group.before.rmseDb).toBeGreaterThan(expectedBefore * 0.93);
      expect(group.before.rmseDb).toBeLessThan(expectedBefore * 1.07);
      expect(group.after.rmseDb).toBeGreaterThan(SIGMA_DB * 0.93);
      expect(group.after.rmseDb).toBeLessThan(SIGMA_DB * 1.07);
      expect(Math.abs(group.after.meanErrorDb)).toBeLessThan(0.5);
    }
    // Rural stays uncorrected: its after equals its before.
    const rural = corrected.byEnvironment.find((candidate) => candidate.environment === 'rural')!;
    expect(rural.after.rmseDb).toBeCloseTo(rural.before.rmseDb, 5);
    expect(corrected.after.rmseDb).toBeLessThan(corrected.before.rmseDb);
    expect(corrected.byDistrict.map((district) => district.adcode)).toEqual(['310101', '310115', '310151']);
  });

  it('prefers the cell the file names over the predicted best server', () => {
    const named = synthesise(50, HUANGPU_BOX, true);
    const result = compareMeasurements(sites, [named.set], engine.city, settings);
    expect([...result.matchedBy].every((method) => method === 0)).toBe(true);
    for (let index = 0; index < result.count; index++)
      expect(sites[result.siteIndex[index]!]!.properties.id).toBe(named.set.cellIds![index]);
  });

  it('reports a sample far from every site with its row', () => {
    const far: MeasurementColumns = {
      count: 1,
      rowNumbers: Uint32Array.of(7),
      lon: Float64Array.of(121.9),
      lat: Float64Array.of(31.6),
      rsrpDbm: Float32Array.of(-100),
    };
    const result = compareMeasurements(sites, [far], engine.city, settings);
    expect(result.count).toBe(0);
    expect(result.rejected).toEqual([
      { setIndex: 0, rejection: { row: 7, reason: 'farFromSites', params: { lon: 121.9, lat: 31.6 } } },
    ]);
  });
});
