import { readFileSync } from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import pointOnFeature from '@turf/point-on-feature';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { readEnvironmentInput } from '../../../../scripts/sample-inputs';
import { buildCityRaster } from '../../../../src/domain/coverage/city-raster';
import { DENSITY_CLASSES, defaultCoverageSettings } from '../../../../src/domain/coverage/settings';
import {
  classifyEnvironment,
  type EnvironmentProperties,
  type EnvironmentRaster,
  POPULATION_EDGES,
  rankOfPopulation,
  rankOfScore,
  SCORE_EDGES,
} from '../../../../src/domain/derive/environment';
import type { DistrictCollection } from '../../../../src/domain/types';

const read = <T>(fileName: string): T => JSON.parse(readFileSync(`data/geo/${fileName}`, 'utf8')) as T;
const environment = read<FeatureCollection<MultiPolygon, EnvironmentProperties>>('environment.geojson');
const CENTRAL = ['310101', '310104', '310105', '310106', '310107', '310109', '310110'];

describe('environment classes', () => {
  it('classes population at the documented edges (15,000 / 5,000 / 1,000 people per km²)', () => {
    expect(POPULATION_EDGES).toEqual({ dense_urban: 15_000, urban: 5_000, suburban: 1_000 });
    expect([20_000, 15_000, 14_999, 5_000, 4_999, 1_000, 999, 0].map(rankOfPopulation)).toEqual([
      0, 0, 1, 1, 2, 2, 3, 3,
    ]);
    expect(SCORE_EDGES).toEqual({ dense_urban: 7.5, urban: 3, suburban: 1 });
    expect([8, 7.5, 7.4, 3, 2.9, 1, 0.9].map(rankOfScore)).toEqual([0, 0, 1, 1, 2, 2, 3]);
  });

  it('uses population where samples reach and the road-and-station score elsewhere', () => {
    const square: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [121, 31],
          [121.2, 31],
          [121.2, 31.1],
          [121, 31.1],
          [121, 31],
        ],
      ],
    };
    const raster = classifyEnvironment({
      land: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: square }] },
      roads: { type: 'FeatureCollection', features: [] },
      population: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { popPerKm2: 20_000 },
            geometry: { type: 'Point', coordinates: [121.05, 31.05] },
          },
        ],
      },
      // Six stations within 1.5 km of (121.15, 31.05): score 6 × 1.5 = 9 ≥ 7.5, dense by the score.
      metroStations: {
        type: 'FeatureCollection',
        features: [0, 1, 2, 3, 4, 5].map(
          (index): Feature<Point> => ({
            type: 'Feature',
            properties: {},
            geometry: { type: 'Point', coordinates: [121.15 + index * 0.001, 31.05] },
          }),
        ),
      },
    });
    const rankAt = (lon: number, lat: number) =>
      raster.rank[
        Math.floor((raster.grid.north - lat) / raster.grid.latStepDeg) * raster.grid.columns +
          Math.floor((lon - raster.grid.west) / raster.grid.lonStepDeg)
      ];
    expect(rankAt(121.05, 31.05)).toBe(0);
    expect(rankAt(121.152, 31.05)).toBe(0);
    // Between them: no sample within 1 km, stations out of reach, no roads: rural.
    expect(rankAt(121.1, 31.02)).toBe(3);
  });
});

describe('data/geo/environment.geojson', () => {
  it('nests the classes: every dense-urban place is urban and suburban too', () => {
    const byClass = new Map(environment.features.map((feature) => [feature.properties.environment, feature]));
    expect([...byClass.keys()]).toEqual(['suburban', 'urban', 'dense_urban']);
    for (const [inner, outer] of [
      ['dense_urban', 'urban'],
      ['urban', 'suburban'],
    ] as const) {
      for (const polygon of byClass.get(inner)!.geometry.coordinates.slice(0, 40)) {
        const point = pointOnFeature({ type: 'Polygon', coordinates: polygon });
        expect(booleanPointInPolygon(point, byClass.get(outer)!), inner).toBe(true);
      }
    }
  });

  it('makes the central districts mostly dense urban (长宁 least: Hongqiao airport), and 崇明 suburban or rural', () => {
    const city = buildCityRaster(
      {
        districts: read<DistrictCollection>('districts.geojson'),
        metroStations: read('metro-stations.geojson'),
        land: read('land-mask.geojson'),
        environment,
      },
      defaultCoverageSettings(),
    );
    const shares = new Map<string, number[]>();
    for (let cell = 0; cell < city.grid.cellCount; cell++) {
      const district = city.district[cell]!;
      if (district === 0) continue;
      const adcode = city.districts[district - 1]!.adcode;
      const counts = shares.get(adcode) ?? [0, 0, 0, 0];
      counts[city.environment[cell]!]! += 1;
      shares.set(adcode, counts);
    }
    const share = (adcode: string, classes: number[]) => {
      const counts = shares.get(adcode)!;
      return classes.reduce((sum, index) => sum + counts[index]!, 0) / counts.reduce((a, b) => a + b, 0);
    };
    expect(DENSITY_CLASSES).toEqual(['dense_urban', 'urban', 'suburban', 'rural']);
    const central = CENTRAL.map((adcode) => share(adcode, [0]));
    expect(Math.min(...central)).toBeGreaterThan(0.5);
    expect(central.reduce((a, b) => a + b, 0) / central.length).toBeGreaterThan(0.8);
    expect(share('310105', [2])).toBeGreaterThan(0.2);
    expect(share('310151', [2, 3])).toBeGreaterThan(0.98);
    expect(share('310151', [0])).toBe(0);
  });
});

describe('road-and-station score against WorldPop where both exist', () => {
  let raster: EnvironmentRaster;
  let samples: FeatureCollection<Point, { popPerKm2: number }>;
  beforeAll(() => {
    const input = readEnvironmentInput();
    raster = classifyEnvironment(input);
    samples = input.population;
  });

  it('reproduces the population classes with a balanced accuracy of at least 60 % (documented 60.7 %)', () => {
    const confusion = [0, 1, 2, 3].map(() => [0, 0, 0, 0]);
    const { grid } = raster;
    for (const sample of samples.features) {
      const [lon, lat] = sample.geometry.coordinates as [number, number];
      const cell =
        Math.floor((grid.north - lat) / grid.latStepDeg) * grid.columns +
        Math.floor((lon - grid.west) / grid.lonStepDeg);
      confusion[rankOfPopulation(sample.properties.popPerKm2)]![rankOfScore(raster.score[cell]!)]! += 1;
    }
    const recalls = confusion.map((row, index) => row[index]! / row.reduce((a, b) => a + b, 0));
    const balanced = recalls.reduce((a, b) => a + b, 0) / 4;
    expect(balanced).toBeGreaterThan(0.6);
    // Misses are mostly by one class: two or more classes off stays rare.
    const total = confusion.flat().reduce((a, b) => a + b, 0);
    const farOff = confusion.reduce(
      (sum, row, truth) =>
        sum + row.reduce((inner, count, guess) => inner + (Math.abs(truth - guess) >= 2 ? count : 0), 0),
      0,
    );
    expect(farOff / total).toBeLessThan(0.1);
  });
});
