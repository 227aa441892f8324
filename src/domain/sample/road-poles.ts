/**
 * Sample comprehensive poles (综合杆) along the real major-road centrelines (OSM trunk, primary and
 * secondary roads; not motorways, whose poles are gantries, nor ramps). A divided road is mapped as two
 * one-way lines a few tens of metres apart; it gets one row of poles: a line is skipped where it runs
 * parallel (within PARALLEL_COS) inside the corridor (± CORRIDOR_HALF_WIDTH_M) of a line already placed.
 * Along a kept stretch a pole stands every POLE_SPACING_M for the place's environment, never nearer than
 * MIN_POLE_SEPARATION_FRACTION × that spacing to another pole (junctions). Figures in data/geo/SOURCES.md.
 */
import type { FeatureCollection, MultiLineString, Point } from 'geojson';
import { localMetresFrame, roundCoordinate } from '../geo/geodesy';
import { createSeededRandom, deriveSeed } from '../geo/seeded-random';
import type { DensityClass } from '../plan/district-facts';
import type { PoleFeature, PoleProperties } from '../types';
import {
  createDistrictLandLookup,
  createEnvironmentLookup,
  type DistrictLand,
  type EnvironmentPolygons,
} from './environment-lookup';
import { type CollectionWithMetadata, SAMPLE_NOTE } from './sample-metadata';

/** Road classes that carry comprehensive poles, in the order they claim their corridors. */
export const POLE_ROAD_CLASSES = ['primary', 'secondary', 'trunk'] as const;
/** Pole spacing along a centreline by environment, metres. */
export const POLE_SPACING_M: Record<DensityClass, number> = {
  dense_urban: 100,
  urban: 120,
  suburban: 150,
  rural: 200,
};
/** Another line within this distance and parallel is the other carriageway of the same road, metres. */
export const CORRIDOR_HALF_WIDTH_M = 60;
/** |cos| of the angle between two lines above which they are parallel (about 30°). */
export const PARALLEL_COS = 0.866;
/** A pole is dropped when another stands nearer than this share of its spacing. */
export const MIN_POLE_SEPARATION_FRACTION = 0.5;
/** Pole height range, metres (integer). */
export const POLE_HEIGHT_RANGE_M: readonly [number, number] = [8, 12];
/** Seed of the shipped file. */
export const SHIPPED_POLE_SEED = 20_250_101;

/** Step along a line while looking for the other carriageway, metres. */
const WALK_STEP_M = 10;
/** Cell of the corridor occupancy grid, metres. */
const CORRIDOR_CELL_M = 20;

export interface RoadPoleInput {
  roads: FeatureCollection<MultiLineString, { highway: string }>;
  /** data/geo/land-mask.geojson: one feature per district with its `adcode`. */
  land: DistrictLand;
  environment: EnvironmentPolygons;
}

export interface RoadPoleOptions {
  seed: number;
}

export type SamplePoleCollection = CollectionWithMetadata<Point, PoleProperties>;

/** Unit direction (in the local metric frame) of each occupied corridor cell: the first line claims it. */
class CorridorGrid {
  private readonly cells = new Map<number, [number, number]>();

  constructor(
    private readonly origin: [number, number],
    private readonly metresPerLon: number,
    private readonly metresPerLat: number,
  ) {}

  private key(xM: number, yM: number): number {
    const column = Math.floor(xM / CORRIDOR_CELL_M);
    const row = Math.floor(yM / CORRIDOR_CELL_M);
    return (row + 50_000) * 100_000 + (column + 50_000);
  }

  toMetres(lon: number, lat: number): [number, number] {
    return [(lon - this.origin[0]) * this.metresPerLon, (lat - this.origin[1]) * this.metresPerLat];
  }

  /** Whether a line with direction (dx, dy) at (x, y) runs inside a parallel corridor already claimed. */
  parallelNearby(xM: number, yM: number, dx: number, dy: number): boolean {
    const reach = Math.ceil(CORRIDOR_HALF_WIDTH_M / CORRIDOR_CELL_M);
    for (let row = -reach; row <= reach; row++) {
      for (let column = -reach; column <= reach; column++) {
        const direction = this.cells.get(this.key(xM + column * CORRIDOR_CELL_M, yM + row * CORRIDOR_CELL_M));
        if (direction && Math.abs(direction[0] * dx + direction[1] * dy) >= PARALLEL_COS) return true;
      }
    }
    return false;
  }

  /** Claims the cells along a stretch (its own cells only; the corridor is searched on lookup). */
  claim(xM: number, yM: number, dx: number, dy: number): void {
    const key = this.key(xM, yM);
    if (!this.cells.has(key)) this.cells.set(key, [dx, dy]);
  }
}

/** Poles already placed, hashed by 50 m cells, for the minimum-separation test. */
class PoleIndex {
  private readonly cells = new Map<number, [number, number][]>();
  private static readonly CELL_M = 50;

  private key(column: number, row: number): number {
    return (row + 50_000) * 100_000 + (column + 50_000);
  }

  nearerThan(xM: number, yM: number, distanceM: number): boolean {
    const column = Math.floor(xM / PoleIndex.CELL_M);
    const row = Math.floor(yM / PoleIndex.CELL_M);
    const reach = Math.ceil(distanceM / PoleIndex.CELL_M);
    for (let r = row - reach; r <= row + reach; r++) {
      for (let c = column - reach; c <= column + reach; c++) {
        for (const [x, y] of this.cells.get(this.key(c, r)) ?? []) {
          if ((x - xM) ** 2 + (y - yM) ** 2 < distanceM ** 2) return true;
        }
      }
    }
    return false;
  }

  add(xM: number, yM: number): void {
    const key = this.key(Math.floor(xM / PoleIndex.CELL_M), Math.floor(yM / PoleIndex.CELL_M));
    const list = this.cells.get(key);
    if (list) list.push([xM, yM]);
    else this.cells.set(key, [[xM, yM]]);
  }
}

/** Comprehensive poles along the major roads, deterministic for a seed (heights are the only random part). */
export function generateRoadPoles(input: RoadPoleInput, options: RoadPoleOptions): SamplePoleCollection {
  const environmentAt = createEnvironmentLookup(input.environment);
  const districts = createDistrictLandLookup(input.land);
  const origin: [number, number] = [121.4, 31.2];
  const frame = localMetresFrame(origin[1]);
  const corridor = new CorridorGrid(origin, frame.metresPerDegreeLon, frame.metresPerDegreeLat);
  const placed = new PoleIndex();
  const heights = createSeededRandom(deriveSeed(options.seed, 'pole-heights'));
  const features: PoleFeature[] = [];
  const lengthKm = { walked: 0, kept: 0 };
  for (const roadClass of POLE_ROAD_CLASSES) {
    for (const feature of input.roads.features) {
      if (feature.properties.highway !== roadClass) continue;
      for (const line of feature.geometry.coordinates) {
        // Distance walked since the last pole on this line; the first pole waits half a spacing.
        let sinceLastM = Number.NaN;
        const claims: [number, number, number, number][] = [];
        for (let index = 0; index + 1 < line.length; index++) {
          const [xA, yA] = corridor.toMetres(line[index]![0]!, line[index]![1]!);
          const [xB, yB] = corridor.toMetres(line[index + 1]![0]!, line[index + 1]![1]!);
          const segmentM = Math.hypot(xB - xA, yB - yA);
          if (segmentM === 0) continue;
          const dx = (xB - xA) / segmentM;
          const dy = (yB - yA) / segmentM;
          for (let alongM = 0; alongM < segmentM; alongM += WALK_STEP_M) {
            const stepM = Math.min(WALK_STEP_M, segmentM - alongM);
            const x = xA + dx * (alongM + stepM / 2);
            const y = yA + dy * (alongM + stepM / 2);
            lengthKm.walked += stepM / 1000;
            claims.push([x, y, dx, dy]);
            if (corridor.parallelNearby(x, y, dx, dy)) {
              sinceLastM = Number.NaN;
              continue;
            }
            lengthKm.kept += stepM / 1000;
            const lon = origin[0] + x / frame.metresPerDegreeLon;
            const lat = origin[1] + y / frame.metresPerDegreeLat;
            const spacingM = POLE_SPACING_M[environmentAt(lon, lat)];
            sinceLastM = Number.isNaN(sinceLastM) ? spacingM / 2 : sinceLastM + stepM;
            if (sinceLastM < spacingM) continue;
            sinceLastM = 0;
            if (placed.nearerThan(x, y, spacingM * MIN_POLE_SEPARATION_FRACTION)) continue;
            const roundedLon = roundCoordinate(lon);
            const roundedLat = roundCoordinate(lat);
            const district = districts.indexAt(roundedLon, roundedLat);
            if (district < 0) continue;
            placed.add(x, y);
            const [minHeightM, maxHeightM] = POLE_HEIGHT_RANGE_M;
            features.push({
              type: 'Feature',
              properties: {
                id: `P-${String(features.length + 1).padStart(6, '0')}`,
                heightM: minHeightM + heights.integerBelow(maxHeightM - minHeightM + 1),
                adcode: districts.adcodes[district]!,
                synthetic: true,
              },
              geometry: { type: 'Point', coordinates: [roundedLon, roundedLat] },
            });
          }
        }
        // The line claims its corridor only once it is done, so its own stretches never shadow each other.
        for (const [x, y, dx, dy] of claims) corridor.claim(x, y, dx, dy);
      }
    }
  }
  return {
    type: 'FeatureCollection',
    metadata: {
      generator: 'generateRoadPoles (src/domain/sample/road-poles.ts)',
      seed: options.seed,
      count: features.length,
      calibration: `OSM ${POLE_ROAD_CLASSES.join('/')} centrelines, ${Math.round(lengthKm.walked)} km mapped, ${Math.round(lengthKm.kept)} km after the second carriageway of divided roads is dropped; a pole every ${Object.values(POLE_SPACING_M).join('/')} m (dense urban/urban/suburban/rural), ≥ ${MIN_POLE_SEPARATION_FRACTION} × spacing apart; heights ${POLE_HEIGHT_RANGE_M.join('–')} m`,
      note: SAMPLE_NOTE,
    },
    features,
  };
}
