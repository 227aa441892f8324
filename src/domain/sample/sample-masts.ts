/**
 * The sample networks' base stations (masts) by year. 2020: coverage layouts in the key suburban areas, the
 * suburbs and the countryside at fixed spacings, and the rest of the plan's 32,000 in the dense-urban and
 * urban tiers (capacity, the spacing solved from the budget). 2025 keeps every 2020 mast and adds infill at
 * tighter coverage spacings, a 700 MHz layer over open land, micro cells on comprehensive poles and more
 * capacity sites, up to 72,000 base stations ("more than 70,000").
 */
import type { FeatureCollection, Point } from 'geojson';
import { createSeededRandom, deriveSeed, shuffleInPlace } from '../geo/seeded-random';
import type { Band, PoleProperties } from '../types';
import {
  BASE_STATIONS_BY_YEAR,
  CAPACITY_ISD_RATIO,
  CAPACITY_MIN_SEPARATION,
  COVERAGE_ISD_M,
  INFILL_MIN_SEPARATION,
  type LayoutTier,
  N28_ISD_M,
  N41_SHARE,
  POLE_MICRO_EVERY,
  POLE_MICRO_TIERS,
  type SampleYear,
} from './calibration';
import {
  createLayout,
  type Layout,
  type LayoutInput,
  latticePlaces,
  type Place,
  PlacedIndex,
} from './site-layout';

export interface Mast {
  place: Place;
  year: SampleYear;
  kind: 'macro' | 'micro';
  band: Band;
  /** Spacing of the layout the mast belongs to, metres (sets its tilt). */
  isdM: number;
  pole?: { id: string; heightM: number };
}

export interface MastInput extends LayoutInput {
  /** data/geo/sample-poles.geojson (2025 micro cells stand on them). */
  poles: FeatureCollection<Point, PoleProperties>;
}

const COVERAGE_TIERS = ['key', 'suburban', 'rural'] as const;
const CAPACITY_TIERS = new Set<LayoutTier>(['dense_urban', 'urban']);
const OPEN_TIERS = new Set<LayoutTier>(['key', 'suburban', 'rural']);
/** Attempts at the capacity layout before giving up (each tightened by how short the last one fell). */
const CAPACITY_ATTEMPTS = 12;

function macroBand(seed: number, label: string): Band {
  return createSeededRandom(deriveSeed(seed, `band:${label}`)).next() < N41_SHARE ? 'n41' : 'n78';
}

/** Land area of the capacity tiers, km², estimated from a 500 m lattice (for the first spacing guess). */
function capacityAreaKm2(layout: Layout, seed: number): { denseKm2: number; urbanKm2: number } {
  const random = createSeededRandom(deriveSeed(seed, 'capacity-area'));
  const isdM = 500;
  const cellKm2 = (isdM * isdM * Math.sqrt(3)) / 2 / 1e6;
  let denseKm2 = 0;
  let urbanKm2 = 0;
  // The urban polygons hold the dense-urban ones (nested), so the urban windows cover both tiers.
  const capacity = (candidate: Place) => CAPACITY_TIERS.has(candidate.tier);
  for (const place of latticePlaces(layout, isdM, random, 'urban', capacity)) {
    if (place.tier === 'dense_urban') denseKm2 += cellKm2;
    else urbanKm2 += cellKm2;
  }
  return { denseKm2, urbanKm2 };
}

/**
 * Capacity masts in the dense-urban and urban tiers: exactly `budget` of them, the spacing found by tightening
 * from the area estimate until the lattice holds enough, the excess dropped at random.
 */
function capacityMasts(
  layout: Layout,
  year: SampleYear,
  budget: number,
  seed: number,
  existing: PlacedIndex,
): Mast[] {
  if (budget <= 0) return [];
  const { denseKm2, urbanKm2 } = capacityAreaKm2(layout, seed);
  // budget = dense/(d²·√3/2) + urban/((k·d)²·√3/2)  ⇒  d² = (dense + urban/k²) / (budget·√3/2)
  const ratio = CAPACITY_ISD_RATIO;
  let denseIsdM = Math.sqrt(((denseKm2 + urbanKm2 / ratio ** 2) * 1e6) / ((budget * Math.sqrt(3)) / 2));
  for (let attempt = 0; attempt < CAPACITY_ATTEMPTS; attempt++) {
    const candidates: Mast[] = [];
    for (const tier of ['dense_urban', 'urban'] as const) {
      const isdM = tier === 'dense_urban' ? denseIsdM : denseIsdM * ratio;
      const random = createSeededRandom(deriveSeed(seed, `${year}:${tier}:${attempt}`));
      for (const place of latticePlaces(layout, isdM, random, tier)) {
        if (existing.nearerThan(place.lon, place.lat, isdM * CAPACITY_MIN_SEPARATION)) continue;
        candidates.push({ place, year, kind: 'macro', band: 'n78', isdM });
      }
    }
    if (candidates.length < budget) {
      // Masts per area go as 1/d²: tighten by the shortfall, and a little more.
      denseIsdM *= Math.sqrt(candidates.length / budget) * 0.99;
      continue;
    }
    const kept = shuffleInPlace(candidates, createSeededRandom(deriveSeed(seed, `${year}:capacity-trim`)))
      .slice(0, budget)
      .sort((left, right) => right.place.lat - left.place.lat || left.place.lon - right.place.lon);
    return kept;
  }
  throw new Error(`no capacity layout holds ${budget} masts`);
}

/** Coverage masts of a year in the key, suburban and rural tiers (2025: infill beside 2020's). */
function coverageMasts(layout: Layout, year: SampleYear, seed: number, existing: PlacedIndex): Mast[] {
  const masts: Mast[] = [];
  for (const tier of COVERAGE_TIERS) {
    const isdM = COVERAGE_ISD_M[year][tier];
    const random = createSeededRandom(deriveSeed(seed, `${year}:${tier}`));
    for (const place of latticePlaces(layout, isdM, random, tier)) {
      if (existing.nearerThan(place.lon, place.lat, isdM * INFILL_MIN_SEPARATION)) continue;
      masts.push({ place, year, kind: 'macro', band: 'n78', isdM });
    }
  }
  return masts;
}

/** The 2025 700 MHz layer over open land. */
function n28Masts(layout: Layout, seed: number): Mast[] {
  const random = createSeededRandom(deriveSeed(seed, '2025:n28'));
  return latticePlaces(layout, N28_ISD_M, random, 'rural', (place) => OPEN_TIERS.has(place.tier)).map(
    (place) => ({
      place,
      year: 2025,
      kind: 'macro',
      band: 'n28',
      isdM: N28_ISD_M,
    }),
  );
}

/** 2025 micro cells on every POLE_MICRO_EVERY-th pole (in file order) of the micro tiers. */
function poleMicros(layout: Layout, poles: MastInput['poles']): Mast[] {
  const masts: Mast[] = [];
  let eligible = 0;
  for (const pole of poles.features) {
    const [lon, lat] = pole.geometry.coordinates as [number, number];
    const place = layout.placeAt(lon, lat);
    if (!place || !POLE_MICRO_TIERS.includes(place.tier)) continue;
    eligible++;
    if (eligible % POLE_MICRO_EVERY !== 0) continue;
    const band: Band = eligible % (2 * POLE_MICRO_EVERY) === 0 ? 'n41' : 'n78';
    masts.push({
      place,
      year: 2025,
      kind: 'micro',
      band,
      isdM: 0,
      pole: { id: pole.properties.id, heightM: pole.properties.heightM },
    });
  }
  return masts;
}

/** Gives macro masts their band (per mast, from its own seeded stream) and orders them north to south. */
function finish(masts: Mast[], seed: number, label: string): Mast[] {
  masts.forEach((mast, index) => {
    if (mast.kind === 'macro' && mast.band !== 'n28') mast.band = macroBand(seed, `${label}:${index}`);
  });
  return masts;
}

/** The masts of a year: 2020's alone, or 2020's followed by 2025's growth. */
export function generateMasts(input: MastInput, year: SampleYear, seed: number): Mast[] {
  const layout = createLayout(input);
  const placed = new PlacedIndex(250);
  const add = (masts: Mast[]) => {
    for (const mast of masts) placed.add(mast.place.lon, mast.place.lat);
    return masts;
  };
  const coverage2020 = add(coverageMasts(layout, 2020, seed, placed));
  const capacity2020 = add(
    capacityMasts(layout, 2020, BASE_STATIONS_BY_YEAR[2020] - coverage2020.length, seed, placed),
  );
  const masts2020 = finish([...coverage2020, ...capacity2020], seed, '2020');
  if (year === 2020) return masts2020;
  const coverage2025 = add(coverageMasts(layout, 2025, seed, placed));
  const n28 = n28Masts(layout, seed);
  const micros = poleMicros(layout, input.poles);
  const fixed = masts2020.length + coverage2025.length + n28.length + micros.length;
  const capacity2025 = capacityMasts(layout, 2025, BASE_STATIONS_BY_YEAR[2025] - fixed, seed, placed);
  return [...masts2020, ...finish([...coverage2025, ...n28, ...micros, ...capacity2025], seed, '2025')];
}
