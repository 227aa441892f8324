/**
 * Sites for the benchmark. Uses the shared generator (src/domain/sample/generate-sites.ts) when it is
 * present; until then a seeded stand-in spreads sites by district population, 60 % macro / 40 % micro,
 * mostly n78, a third of macros as 3-sector-like single sectors.
 */

import type { FeatureCollection, Point } from 'geojson';
import { buildCityRaster } from '../src/domain/coverage/city-raster';
import { columnCentreLon, rowCentreLat } from '../src/domain/coverage/grid';
import { defaultCoverageSettings } from '../src/domain/coverage/settings';
import { districtFacts } from '../src/domain/plan/district-facts';
import type { DistrictCollection, SiteCollection, SiteFeature } from '../src/domain/types';

/** Mulberry32: small, fast, seeded. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Seeded stand-in for the shared generator: land cells drawn in proportion to district population. */
export function fallbackSites(
  input: { districts: DistrictCollection; metroStations: FeatureCollection<Point> },
  count: number,
  seed: number,
): SiteCollection {
  const random = seededRandom(seed);
  const city = buildCityRaster(
    { districts: input.districts, metroStations: input.metroStations },
    {
      ...defaultCoverageSettings(),
      cellM: 200,
    },
  );
  const { grid } = city;
  const cells: number[] = [];
  const weights: number[] = [];
  let total = 0;
  for (let cell = 0; cell < grid.cellCount; cell++) {
    const index = city.district[cell]!;
    if (index === 0) continue;
    const info = city.districts[index - 1]!;
    const facts = districtFacts(info.adcode);
    const density = facts ? (facts.population10k * 1e4) / info.landKm2 : 100;
    total += density;
    cells.push(cell);
    weights.push(total);
  }
  const features: SiteFeature[] = [];
  for (let index = 0; index < count; index++) {
    const target = random() * total;
    let low = 0;
    let high = weights.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (weights[middle]! < target) low = middle + 1;
      else high = middle;
    }
    const cell = cells[low]!;
    const column = cell % grid.columns;
    const row = (cell - column) / grid.columns;
    const lon = columnCentreLon(grid, column) + (random() - 0.5) * grid.lonStepDeg;
    const lat = rowCentreLat(grid, row) + (random() - 0.5) * grid.latStepDeg;
    const macro = random() < 0.6;
    const sector = macro && random() < 0.33;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: {
        id: `bench-${index}`,
        kind: macro ? 'macro' : 'micro',
        band: random() < 0.85 ? 'n78' : random() < 0.5 ? 'n41' : 'n28',
        ...(sector ? { azimuthDeg: Math.floor(random() * 360), beamwidthDeg: 65 } : {}),
        synthetic: true,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Sample sites: the shared generator if it exists, else the stand-in. */
export async function benchSites(
  input: { districts: DistrictCollection; metroStations: FeatureCollection<Point> },
  count: number,
  seed: number,
): Promise<{ sites: SiteCollection; source: string }> {
  try {
    const path = '../src/domain/sample/generate-sites';
    const module = (await import(/* @vite-ignore */ path)) as {
      generateSampleSites?: (
        input: { districts: DistrictCollection; metroStations: FeatureCollection<Point> },
        options: { seed: number; count?: number },
      ) => SiteCollection;
    };
    if (module.generateSampleSites) {
      return {
        sites: module.generateSampleSites(input, { seed, count }),
        source: 'src/domain/sample/generate-sites.ts',
      };
    }
  } catch {
    // not there yet
  }
  return { sites: fallbackSites(input, count, seed), source: 'bench/sample-sites.ts (seeded stand-in)' };
}
