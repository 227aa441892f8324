/**
 * The gaps of a district or plan zone, by their part inside it. Apart from the report model
 * (area-report.ts) because the coverage panel's gap list needs only this, and the report's weak-spot
 * placement (weak-spot-point.ts: polygon clipping) would otherwise weigh on the first-load JavaScript.
 */
import { rankGaps } from '../coverage/gap-ranking';
import type { GapProperties } from '../coverage/gaps';
import type { ReportTarget } from './area-report';

/** Whether a point lies in the area (`areaContains`, area-contains.ts). */
type AreaContains = (coordinates: number[], adcode?: string) => boolean;

/**
 * km² of a gap inside an area: its part in the district or zone. Gaps from before the engine reported
 * parts count whole where their centroid (zones) or larger part (districts) lies.
 */
export function gapPartIn(gap: GapProperties, target: ReportTarget, contains?: AreaContains): number {
  if (target.kind === 'district') {
    if (gap.districtAreasKm2) return gap.districtAreasKm2[target.adcode] ?? 0;
    return gap.adcode === target.adcode ? gap.areaKm2 : 0;
  }
  if (gap.zoneAreasKm2) return gap.zoneAreasKm2[target.id] ?? 0;
  return contains?.(gap.centroid, undefined) ? gap.areaKm2 : 0;
}

/**
 * The weak spots of an area in the one ranking (gap-ranking.ts): every gap whose part inside the area is
 * at least `minAreaKm2` (the size a gap must have to count), with that part as its area, so the area's
 * weak-spot total never exceeds its uncovered land.
 */
export function gapsOfArea<Gap extends { properties: GapProperties }>(
  gaps: readonly Gap[],
  target: ReportTarget,
  minAreaKm2: number,
  contains?: AreaContains,
): { gap: Gap; partKm2: number }[] {
  const parts: { gap: Gap; partKm2: number }[] = [];
  for (const gap of rankGaps(gaps)) {
    const partKm2 = gapPartIn(gap.properties, target, contains);
    if (partKm2 > 0 && partKm2 >= minAreaKm2) parts.push({ gap, partKm2 });
  }
  return parts;
}
