/**
 * Calibration of the synthetic sample networks: how many base stations each year has, where they stand and
 * what each sector looks like. Every figure is an assumption made for a plausible picture, documented with
 * its reason in data/geo/SOURCES.md ("Sample sites"); none is an operator's real figure.
 */
import type { DensityClass } from '../plan/district-facts';
import type { Band } from '../types';

/** The sample years and their base-station (mast) totals: the plan's 32,000 outdoor 5G base stations at the
 * end of 2020 and "more than 70,000" by 2025. */
export const SAMPLE_YEARS = [2020, 2025] as const;
export type SampleYear = (typeof SAMPLE_YEARS)[number];
export const BASE_STATIONS_BY_YEAR: Record<SampleYear, number> = { 2020: 32_000, 2025: 72_000 };

/**
 * Where a mast stands decides how densely the network is built there. The four environment classes
 * (data/geo/environment.geojson), with suburban or rural land inside a key suburban area counted as `key`.
 */
export type LayoutTier = DensityClass | 'key';
export const LAYOUT_TIERS: readonly LayoutTier[] = ['dense_urban', 'urban', 'key', 'suburban', 'rural'];

/**
 * The key suburban areas of 2020 ("郊区重点区域"): the plan-zone extents outside the central city that the
 * plan names for continuous coverage and new infrastructure — the five new towns, the Hongqiao business
 * district, Zhangjiang and the G60 corridor in Songjiang (plan-zones.geojson ids).
 */
export const KEY_SUBURBAN_ZONE_IDS = [
  'newtown_jiading',
  'newtown_qingpu',
  'newtown_songjiang',
  'newtown_fengxian',
  'newtown_nanhui',
  'wing_west_hongqiao',
  'key_zhangjiang',
  'key_g60_songjiang',
] as const;

/**
 * Inter-site distance of the macro layout per tier, metres, for the tiers whose count is fixed by coverage.
 * The dense-urban and urban tiers take what the year's total leaves (capacity-driven, see
 * CAPACITY_ISD_RATIO); 2025 only ever adds masts to 2020's.
 */
export const COVERAGE_ISD_M: Record<SampleYear, Record<'key' | 'suburban' | 'rural', number>> = {
  2020: { key: 700, suburban: 1_800, rural: 3_600 },
  2025: { key: 500, suburban: 1_100, rural: 2_600 },
};

/** Urban inter-site distance over dense-urban: both scale together until the year's total is met. */
export const CAPACITY_ISD_RATIO = 1.4;

/** 700 MHz (n28) coverage layer of 2025 over suburban and rural land: inter-site distance, metres. */
export const N28_ISD_M = 3_500;

/** 2025 pole-mounted micro cells: one on every `POLE_MICRO_EVERY`-th comprehensive pole in these tiers. */
export const POLE_MICRO_EVERY = 2;
export const POLE_MICRO_TIERS: readonly LayoutTier[] = ['dense_urban', 'urban', 'key'];

/** Lattice points move by a normal offset of this share of the inter-site distance (real sites are not a grid). */
export const LATTICE_JITTER = 0.2;
/** A 2025 coverage infill mast is dropped when an older one stands nearer than this share of its spacing. */
export const INFILL_MIN_SEPARATION = 0.5;
/** The same for capacity masts: city-centre sites crowd (rooftops 100 m apart are common), so less. */
export const CAPACITY_MIN_SEPARATION = 0.3;

/** Macro masts carry three sectors; operators keep same-mast sectors at least 65° apart. */
export const SECTORS_PER_MACRO = 3;
export const SECTOR_AZIMUTH_JITTER_DEG = 10;
export const MIN_SECTOR_SEPARATION_DEG = 65;
/** Horizontal and vertical half-power beamwidths of a macro panel / AAU broadcast beam, degrees. */
export const MACRO_BEAMWIDTH_DEG = 65;
export const MACRO_VERTICAL_BEAMWIDTH_DEG: Record<Band, number> = { n28: 12, n41: 10, n78: 10, n79: 10 };
/** Micro cells on poles: omnidirectional, a wide vertical beam. */
export const MICRO_VERTICAL_BEAMWIDTH_DEG = 30;

/** Antenna height range [min, max] by environment, metres: rooftops in town, towers outside. */
export const MACRO_HEIGHT_RANGE_M: Record<DensityClass, readonly [number, number]> = {
  dense_urban: [25, 40],
  urban: [25, 35],
  suburban: [30, 40],
  rural: [30, 45],
};

/** Mechanical tilt range, degrees (brackets rarely go beyond a few degrees; the rest is electrical). */
export const MECHANICAL_TILT_RANGE_DEG: readonly [number, number] = [0, 3];
/** The antenna's electrical tilt range, degrees. */
export const ELECTRICAL_TILT_RANGE_DEG: readonly [number, number] = [0, 12];
/**
 * Total tilt range, degrees: the coverage guide's 0–12° (8–12° in dense urban areas), and operators flag totals
 * under 2°. The planning rule (sector-attributes.ts) is clamped to it.
 */
export const TOTAL_TILT_RANGE_DEG: readonly [number, number] = [2, 12];
/**
 * Tiers whose cells are interference-limited (dense layouts): their beams' upper half-power edge goes on the
 * cell edge. Elsewhere coverage limits the cell and the beam's centre goes on the cell edge.
 */
export const INTERFERENCE_LIMITED_TIERS: readonly LayoutTier[] = ['dense_urban', 'urban', 'key'];
/** Cell edge used for the tilt, as a share of the inter-site distance. */
export const CELL_EDGE_SHARE_OF_ISD = 0.65;

/**
 * Band per macro mast: n41 (2.6 GHz, China Mobile) or n78 (3.5 GHz, shared by China Telecom and China Unicom).
 * An assumption: the plan gives no split by operator.
 */
export const N41_SHARE = 0.45;

/** Pole-mounted micro antennas sit just below the pole top, metres. */
export const MICRO_BELOW_POLE_TOP_M = 1;

/** Seed of the shipped samples (both years: 2025 extends 2020). */
export const SHIPPED_SITE_SEED = 20_201_231;
