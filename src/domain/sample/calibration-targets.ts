/**
 * What the samples must read like with default coverage settings, in both modes (the plan's picture):
 * 2020 — "5G continuous outdoor coverage in the central city and the key suburban areas", the outer suburbs
 * weak, the city clearly below the 90 % target; 2025 — "5G coverage above 90 % of the city". The test on the
 * generator and scripts/calibrate-samples.ts both check these; the figures are in data/geo/SOURCES.md.
 */
import { KEY_SUBURBAN_ZONE_IDS, type SampleYear } from './calibration';

/** 黄浦, 徐汇, 长宁, 静安, 普陀, 虹口, 杨浦: the central city (中心城区) as the plan names it. */
export const CENTRAL_DISTRICT_ADCODES = [
  '310101',
  '310104',
  '310105',
  '310106',
  '310107',
  '310109',
  '310110',
];
/**
 * The outer suburbs: the four districts with the fewest people per km² (2020 census over official area:
 * 崇明 540, 金山 1,400, 奉贤 1,660, 青浦 1,900), farthest from the centre and mostly farmland.
 */
export const OUTER_SUBURB_ADCODES = ['310151', '310116', '310120', '310118'];

export interface CalibrationTargets {
  /** Each central district at least this covered. */
  centralMin?: number;
  /** Each key suburban area at least this covered. */
  keySuburbanMin?: number;
  /** Each outer-suburb district at most this covered ("weak"). */
  outerSuburbMax?: number;
  /** The city at most / at least this covered. */
  cityMax?: number;
  cityMin?: number;
}

export const CALIBRATION_TARGETS: Record<SampleYear, CalibrationTargets> = {
  2020: { centralMin: 0.95, keySuburbanMin: 0.85, outerSuburbMax: 0.75, cityMax: 0.85 },
  2025: { cityMin: 0.9 },
};

export interface CalibrationRow {
  group: 'central' | 'key' | 'outer' | 'city';
  id: string;
  name: string;
  coveredFraction: number;
  /** The bound this row must meet, and whether it does. */
  bound: { kind: 'min' | 'max'; value: number } | undefined;
  meets: boolean;
}

/**
 * The figures calibration reads: the engine's statistics (CoverageStats) and the CLI's `coverage` JSON both
 * have this shape, so the same rows come from either.
 */
export interface CalibrationFigures {
  coveredFraction: number;
  districts: readonly { adcode: string; name: string; coveredFraction: number }[];
  zones: readonly { id: string; name: string; coveredFraction: number }[];
}

/** The calibration rows of one computed sample: every central district, key area, outer suburb and the city. */
export function calibrationRows(stats: CalibrationFigures, year: SampleYear): CalibrationRow[] {
  const targets = CALIBRATION_TARGETS[year];
  const row = (
    group: CalibrationRow['group'],
    id: string,
    name: string,
    coveredFraction: number,
    bound: CalibrationRow['bound'],
  ): CalibrationRow => ({
    group,
    id,
    name,
    coveredFraction,
    bound,
    meets: !bound || (bound.kind === 'min' ? coveredFraction >= bound.value : coveredFraction <= bound.value),
  });
  const bound = (kind: 'min' | 'max', value: number | undefined) =>
    value === undefined ? undefined : { kind, value };
  const districtRows = (
    adcodes: readonly string[],
    group: 'central' | 'outer',
    limit: CalibrationRow['bound'],
  ) =>
    adcodes.map((adcode) => {
      const district = stats.districts.find((candidate) => candidate.adcode === adcode);
      if (!district) throw new Error(`district ${adcode} missing from the statistics`);
      return row(group, adcode, district.name, district.coveredFraction, limit);
    });
  const keyRows = KEY_SUBURBAN_ZONE_IDS.map((id) => {
    const zone = stats.zones.find((candidate) => candidate.id === id);
    if (!zone) throw new Error(`zone ${id} missing from the statistics`);
    return row('key', id, zone.name, zone.coveredFraction, bound('min', targets.keySuburbanMin));
  });
  const cityBound =
    targets.cityMin !== undefined ? bound('min', targets.cityMin) : bound('max', targets.cityMax);
  return [
    ...districtRows(CENTRAL_DISTRICT_ADCODES, 'central', bound('min', targets.centralMin)),
    ...keyRows,
    ...districtRows(OUTER_SUBURB_ADCODES, 'outer', bound('max', targets.outerSuburbMax)),
    row('city', 'city', '全市', stats.coveredFraction, cityBound),
  ];
}
