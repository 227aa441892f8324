/**
 * Calibration of the synthetic sample data: how the plan's totals are split across districts and
 * what each generated site looks like. Every number here is an assumption made for a plausible
 * picture, documented in data/geo/SOURCES.md; none is an operator's real figure.
 */
import type { DensityClass, DistrictFacts } from '../plan/district-facts';

/** Extra weight per density class on top of population: dense cores carry more sites per resident. */
export const SITE_CLASS_WEIGHT: Record<DensityClass, number> = {
  dense_urban: 1.5,
  urban: 1.15,
  suburban: 1,
  rural: 0.9,
};

/** Share of a district's sites placed around its metro stations; the rest is uniform over its land. */
export const NEAR_STATION_FRACTION: Record<DensityClass, number> = {
  dense_urban: 0.45,
  urban: 0.5,
  suburban: 0.55,
  rural: 0.6,
};

/** Standard deviation of the Gaussian distance decay around a station, metres. */
export const STATION_SIGMA_M: Record<DensityClass, number> = {
  dense_urban: 400,
  urban: 700,
  suburban: 900,
  rural: 1200,
};

/** Macro antenna height range [min, max] in metres, by density class (rooftops in town, towers outside). */
export const MACRO_HEIGHT_RANGE_M: Record<DensityClass, readonly [number, number]> = {
  dense_urban: [25, 35],
  urban: [25, 35],
  suburban: [28, 38],
  rural: [30, 40],
};

/** Pole-mounted micro height range, metres (coverage guide: 8–10 m, UMi). */
export const MICRO_HEIGHT_RANGE_M: readonly [number, number] = [8, 10];

/**
 * Share of n41 (China Mobile, 2.6 GHz) among macros; the rest is n78 (3.5 GHz, shared by China
 * Telecom and China Unicom). An assumption: the plan gives no split by operator.
 */
export const N41_SHARE = 0.45;

/** Sites beyond the 2020 baseline (the plan's 2021–2025 growth towards 70,000): their mix. */
export const GROWTH_MICRO_SHARE_URBAN = 0.25;
export const GROWTH_N28_SHARE_OUTER = 0.3;

/** Baseline size: 32,000 outdoor 5G base stations at the end of 2020 (the plan). */
export const BASELINE_SITE_COUNT = 32_000;

/** Weight of a district in the site split: 2020 census population × its class weight. */
export function siteWeight(facts: DistrictFacts): number {
  return facts.population10k * SITE_CLASS_WEIGHT[facts.densityClass];
}

/** Pole weight per class: comprehensive poles were rolled out from the central city outwards. */
export const POLE_CLASS_WEIGHT: Record<DensityClass, number> = {
  dense_urban: 2,
  urban: 1,
  suburban: 0.7,
  rural: 0.5,
};

/** Street-lattice block size range [min, max] in metres, by class (smaller blocks in the core). */
export const POLE_BLOCK_RANGE_M: Record<DensityClass, readonly [number, number]> = {
  dense_urban: [250, 320],
  urban: [300, 400],
  suburban: [400, 550],
  rural: [500, 650],
};

/** Pole spacing along a street, metres, by class (documented range 40–80 m). */
export const POLE_SPACING_M: Record<DensityClass, number> = {
  dense_urban: 45,
  urban: 55,
  suburban: 65,
  rural: 75,
};

/** Built-up area for poles: within this distance of a metro station (dense districts: everywhere). */
export const POLE_BUILT_UP_RADIUS_M: Record<DensityClass, number> = {
  dense_urban: Number.POSITIVE_INFINITY,
  urban: 1500,
  suburban: 1200,
  rural: 1000,
};

/** Default number of sample poles. */
export const DEFAULT_POLE_COUNT = 40_000;

/** Seeds used for the shipped files (data/geo/sample-*.geojson). */
export const SHIPPED_SITE_SEED = 20_201_231;
export const SHIPPED_POLE_SEED = 20_250_101;
