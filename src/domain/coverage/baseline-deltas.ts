/**
 * The open scenario against its baseline: for the city, each district and each plan zone (new towns
 * first, then the wings and key areas), covered land now and in the baseline, the change in km² and the
 * change of the covered share in percentage points. Both figures come from the same engine run (the
 * scheduler computes the baseline once per settings), so the deltas are differences of like with like.
 */
import type { AreaFigures, CoverageStats } from './report';

export type DeltaArea = 'city' | 'district' | 'new_town' | 'wing' | 'key_area' | 'other';

export interface BaselineDeltaRow {
  key: string;
  area: DeltaArea;
  name: string;
  baselineFraction: number;
  currentFraction: number;
  currentCoveredKm2: number;
  /** Covered land now minus covered land in the baseline, km². */
  deltaKm2: number;
  /** Covered share now minus in the baseline, percentage points. */
  deltaPp: number;
}

const ZONE_ORDER: Record<string, number> = { new_town: 0, wing: 1, key_area: 2 };

function row(key: string, area: DeltaArea, name: string, current: AreaFigures, baseline: AreaFigures) {
  return {
    key,
    area,
    name,
    baselineFraction: baseline.coveredFraction,
    currentFraction: current.coveredFraction,
    currentCoveredKm2: current.coveredKm2,
    deltaKm2: current.coveredKm2 - baseline.coveredKm2,
    deltaPp: (current.coveredFraction - baseline.coveredFraction) * 100,
  };
}

/** Rows for the city, the districts (as the engine lists them) and the zones; areas missing on one side are left out. */
export function baselineDeltas(current: CoverageStats, baseline: CoverageStats): BaselineDeltaRow[] {
  const rows: BaselineDeltaRow[] = [row('city', 'city', '', current, baseline)];
  for (const district of current.districts) {
    const before = baseline.districts.find((item) => item.adcode === district.adcode);
    if (before) rows.push(row(`district:${district.adcode}`, 'district', district.name, district, before));
  }
  const zones = [...current.zones].sort(
    (left, right) => (ZONE_ORDER[left.kind] ?? 3) - (ZONE_ORDER[right.kind] ?? 3),
  );
  for (const zone of zones) {
    const before = baseline.zones.find((item) => item.id === zone.id);
    const area = (zone.kind in ZONE_ORDER ? zone.kind : 'other') as DeltaArea;
    if (before) rows.push(row(`zone:${zone.id}`, area, zone.name, zone, before));
  }
  return rows;
}
