/**
 * How a gap's area splits between districts and plan zones. A gap that crosses a district border is one
 * weak spot on the map, but each district's figures count only its own part, so a district's weak-spot
 * area never exceeds its uncovered land (a gap counted whole in its larger district did: 奉贤 163.9 km²
 * of weak spots against 162.7 km² uncovered).
 */
import type { CityRaster } from './city-raster';
import type { GapComponent } from './gaps';

/** Parts below this are rounding dust from the cell sums, not land. */
const MIN_PART_KM2 = 1e-9;

/** km² of the gap in each district (by adcode), only districts it reaches. */
export function gapDistrictAreas(city: CityRaster, component: GapComponent): Record<string, number> {
  const areas: Record<string, number> = {};
  city.districts.forEach((district, index) => {
    const area = component.districtAreaKm2[index] ?? 0;
    if (area > MIN_PART_KM2) areas[district.adcode] = area;
  });
  return areas;
}

/**
 * The gap's cells as intervals per row (first and last column), from its runs when it has them (a full
 * compute), else from the labels inside its bounding box (an edit's flood fill).
 */
function rowIntervals(
  component: GapComponent,
  labels: () => Int32Array,
  columns: number,
): Map<number, number[]> {
  const rows = new Map<number, number[]>();
  const add = (row: number, first: number, last: number) => {
    const list = rows.get(row);
    if (list) list.push(first, last);
    else rows.set(row, [first, last]);
  };
  if (component.runs) {
    const { data, members } = component.runs;
    for (const member of members) add(data[member * 4]!, data[member * 4 + 1]!, data[member * 4 + 2]!);
    return rows;
  }
  const label = labels();
  for (let row = component.row0; row <= component.row1; row++) {
    let start = -1;
    for (let column = component.column0; column <= component.column1 + 1; column++) {
      const inside = column <= component.column1 && label[row * columns + column] === component.id;
      if (inside && start < 0) start = column;
      else if (!inside && start >= 0) {
        add(row, start, column - 1);
        start = -1;
      }
    }
  }
  return rows;
}

/** km² of the gap in each plan zone (by zone id), only zones it reaches. */
export function gapZoneAreas(
  city: CityRaster,
  component: GapComponent,
  labels: () => Int32Array,
): Record<string, number> {
  const areas: Record<string, number> = {};
  const overlapping = city.zones.filter(
    ({ bounds }) =>
      bounds !== undefined &&
      bounds.row1 >= component.row0 &&
      bounds.row0 <= component.row1 &&
      bounds.column1 >= component.column0 &&
      bounds.column0 <= component.column1,
  );
  if (overlapping.length === 0) return areas;
  const rows = rowIntervals(component, labels, city.grid.columns);
  for (const zone of overlapping) {
    let area = 0;
    const runs = zone.landRuns;
    for (let index = 0; index < runs.length; index += 3) {
      const intervals = rows.get(runs[index]!);
      if (!intervals) continue;
      const first = runs[index + 1]!;
      const last = runs[index + 2]!;
      let cells = 0;
      for (let at = 0; at < intervals.length; at += 2) {
        const from = Math.max(first, intervals[at]!);
        const to = Math.min(last, intervals[at + 1]!);
        if (from <= to) cells += to - from + 1;
      }
      area += cells * city.grid.rowCellAreaKm2[runs[index]!]!;
    }
    if (area > MIN_PART_KM2) areas[zone.id] = area;
  }
  return areas;
}
