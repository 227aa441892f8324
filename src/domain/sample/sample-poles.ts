import type { Point } from 'geojson';
import { apportionByLargestRemainder } from '../geo/apportion';
import { localMetresFrame, roundCoordinate } from '../geo/geodesy';
import { createSeededRandom, deriveSeed, type SeededRandom, shuffleInPlace } from '../geo/seeded-random';
import { type DistrictFacts, districtFacts } from '../plan/district-facts';
import type { PoleFeature, PoleProperties } from '../types';
import {
  DEFAULT_POLE_COUNT,
  POLE_BLOCK_RANGE_M,
  POLE_BUILT_UP_RADIUS_M,
  POLE_CLASS_WEIGHT,
  POLE_SPACING_M,
} from './calibration';
import { createDistrictSamplers, type DistrictSampler, type SampleInput } from './district-sampler';
import { type CollectionWithMetadata, SAMPLE_NOTE } from './sample-metadata';
import { createStationProximity } from './station-proximity';

export interface SamplePoleOptions {
  seed: number;
  /** Target total; default 40,000. Districts whose built-up streets cannot hold their share at 40 m get fewer. */
  count?: number;
}

export type SamplePoleCollection = CollectionWithMetadata<Point, PoleProperties>;

/** Closest allowed pole spacing along a street, metres. */
export const MIN_POLE_SPACING_M = 40;
const MAX_LATTICE_ROTATION_DEG = 15;
const LINE_JITTER_FRACTION = 0.15;

/** Per-district pole targets (input order): population × pole class weight. */
export function apportionPoles(input: Pick<SampleInput, 'districts'>, total: number): number[] {
  const weights = input.districts.features.map((district) => {
    const facts = districtFacts(district.properties.adcode);
    return facts ? facts.population10k * POLE_CLASS_WEIGHT[facts.densityClass] : 0;
  });
  return apportionByLargestRemainder(total, weights);
}

interface Lattice {
  blockM: number;
  rotationRad: number;
  seed: number;
}

/**
 * Poles along every street of a jittered, rotated lattice that lies in the district's built-up land,
 * grouped by street so a district can take whole streets.
 */
function latticeStreets(
  sampler: DistrictSampler,
  lattice: Lattice,
  spacingM: number,
  isBuiltUp: (lon: number, lat: number) => boolean,
): [number, number][][] {
  const random = createSeededRandom(lattice.seed);
  const [west, south, east, north] = sampler.polygon.bbox;
  const originLon = (west + east) / 2;
  const originLat = (south + north) / 2;
  const frame = localMetresFrame(originLat);
  const cos = Math.cos(lattice.rotationRad);
  const sin = Math.sin(lattice.rotationRad);
  // Half-diagonal of the bounding box in metres bounds the lattice in both rotated axes.
  const halfExtentM = Math.hypot(
    ((east - west) / 2) * frame.metresPerDegreeLon,
    ((north - south) / 2) * frame.metresPerDegreeLat,
  );
  const streets: [number, number][][] = [];
  for (const family of [0, 1]) {
    let across = -halfExtentM + random.next() * lattice.blockM;
    while (across < halfExtentM) {
      const street: [number, number][] = [];
      for (let along = -halfExtentM + random.next() * spacingM; along < halfExtentM; along += spacingM) {
        const u = family === 0 ? across : along;
        const v = family === 0 ? along : across;
        const x = u * cos - v * sin;
        const y = u * sin + v * cos;
        const lon = roundCoordinate(originLon + x / frame.metresPerDegreeLon);
        const lat = roundCoordinate(originLat + y / frame.metresPerDegreeLat);
        if (sampler.accepts(lon, lat) && isBuiltUp(lon, lat)) street.push([lon, lat]);
      }
      if (street.length > 0) streets.push(street);
      across += lattice.blockM * (1 + (random.next() * 2 - 1) * LINE_JITTER_FRACTION);
    }
  }
  return streets;
}

/** Takes whole streets in random order until the target is reached (the last one partly). */
function takeStreets(
  streets: [number, number][][],
  target: number,
  random: SeededRandom,
): [number, number][] {
  const taken: [number, number][] = [];
  for (const street of shuffleInPlace(streets, random)) {
    if (taken.length >= target) break;
    taken.push(...street.slice(0, target - taken.length));
  }
  return taken;
}

function districtPoles(
  sampler: DistrictSampler,
  facts: DistrictFacts,
  target: number,
  seed: number,
  isNearStation: (lon: number, lat: number, radiusM: number) => boolean,
): [number, number][] {
  const random = createSeededRandom(deriveSeed(seed, `poles:${facts.adcode}`));
  const [minBlockM, maxBlockM] = POLE_BLOCK_RANGE_M[facts.densityClass];
  const lattice: Lattice = {
    blockM: random.between(minBlockM, maxBlockM),
    rotationRad: (random.between(-MAX_LATTICE_ROTATION_DEG, MAX_LATTICE_ROTATION_DEG) * Math.PI) / 180,
    seed: deriveSeed(seed, `lattice:${facts.adcode}`),
  };
  const radiusM = POLE_BUILT_UP_RADIUS_M[facts.densityClass];
  const isBuiltUp = (lon: number, lat: number) =>
    radiusM === Number.POSITIVE_INFINITY || isNearStation(lon, lat, radiusM);
  const spacingM = POLE_SPACING_M[facts.densityClass];
  let streets = latticeStreets(sampler, lattice, spacingM, isBuiltUp);
  const available = streets.reduce((sum, street) => sum + street.length, 0);
  if (available < target) {
    // Too few streets for the share: tighten the spacing (never below 40 m) and use them all.
    const tighterM = Math.max(MIN_POLE_SPACING_M, (spacingM * available) / target);
    streets = latticeStreets(sampler, lattice, tighterM, isBuiltUp);
  }
  return takeStreets(streets, target, random);
}

/**
 * Deterministic synthetic comprehensive poles (综合杆) along a street lattice in built-up areas:
 * block 250–650 m by density class, poles every 40–80 m, whole streets chosen at random until each
 * district's share (population × class weight) is met.
 */
export function generateSamplePoles(input: SampleInput, options: SamplePoleOptions): SamplePoleCollection {
  const count = options.count ?? DEFAULT_POLE_COUNT;
  const samplers = createDistrictSamplers(input);
  const targets = apportionPoles(input, count);
  const isNearStation = createStationProximity(input.metroStations);
  const features: PoleFeature[] = [];
  samplers.forEach((sampler, districtIndex) => {
    const facts = districtFacts(sampler.district.properties.adcode);
    if (!facts) return;
    const heightRandom = createSeededRandom(deriveSeed(options.seed, `pole-heights:${facts.adcode}`));
    for (const [lon, lat] of districtPoles(
      sampler,
      facts,
      targets[districtIndex]!,
      options.seed,
      isNearStation,
    )) {
      features.push({
        type: 'Feature',
        properties: {
          id: `P-${String(features.length + 1).padStart(6, '0')}`,
          heightM: 8 + heightRandom.integerBelow(5),
          adcode: facts.adcode,
          synthetic: true,
        },
        geometry: { type: 'Point', coordinates: [lon, lat] },
      });
    }
  });
  return {
    type: 'FeatureCollection',
    metadata: {
      generator: 'generateSamplePoles (src/domain/sample/sample-poles.ts)',
      seed: options.seed,
      count: features.length,
      calibration: `target ${count}; district share ∝ population × class weight (dense 2, urban 1, suburban 0.7, rural 0.5); street lattice, block 250–650 m, poles every 40–80 m, built-up = dense districts or ≤1–1.5 km from a metro station`,
      note: SAMPLE_NOTE,
    },
    features,
  };
}
