/**
 * "What changed" figures: covered area and gaps of the open scenario against the baseline, city
 * and per district. Pure, unit-tested.
 */
import type { CoverageStats } from '../../domain/coverage/report';

export interface DistrictChange {
  adcode: string;
  name: string;
  deltaKm2: number;
  coveredFraction: number;
}

export interface CoverageChange {
  coveredKm2: number;
  deltaKm2: number;
  deltaFractionPoints: number;
  gapCount: number;
  gapCountDelta: number;
  gapAreaKm2: number;
  gapAreaDeltaKm2: number;
  /** Districts whose covered area changed by at least minDeltaKm2, largest gain first. */
  districts: DistrictChange[];
}

/** Differences of the scenario's coverage against the baseline's. */
export function coverageChange(
  scenario: CoverageStats,
  baseline: CoverageStats,
  minDeltaKm2 = 0.005,
): CoverageChange {
  const before = new Map(baseline.districts.map((district) => [district.adcode, district.coveredKm2]));
  const districts = scenario.districts
    .map((district) => ({
      adcode: district.adcode,
      name: district.name,
      deltaKm2: district.coveredKm2 - (before.get(district.adcode) ?? 0),
      coveredFraction: district.coveredFraction,
    }))
    .filter((district) => Math.abs(district.deltaKm2) >= minDeltaKm2)
    .sort((left, right) => right.deltaKm2 - left.deltaKm2);
  return {
    coveredKm2: scenario.coveredKm2,
    deltaKm2: scenario.coveredKm2 - baseline.coveredKm2,
    deltaFractionPoints: (scenario.coveredFraction - baseline.coveredFraction) * 100,
    gapCount: scenario.gaps.count,
    gapCountDelta: scenario.gaps.count - baseline.gaps.count,
    gapAreaKm2: scenario.gaps.areaKm2,
    gapAreaDeltaKm2: scenario.gaps.areaKm2 - baseline.gaps.areaKm2,
    districts,
  };
}

/** A signed number with a fixed number of decimals: +1.25, −0.40, 0.00. */
export function signed(value: number, decimals = 2): string {
  const rounded = value.toFixed(decimals);
  if (Number(rounded) === 0) return (0).toFixed(decimals);
  return value > 0 ? `+${rounded}` : `−${rounded.slice(1)}`;
}
