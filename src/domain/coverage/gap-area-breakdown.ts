/**
 * How a gap's area splits between districts and plan zones. A gap that crosses a district border is one
 * weak spot on the map, but each district's figures count only its own part, so a district's weak-spot
 * area never exceeds its uncovered land (a gap counted whole in its larger district did: 奉贤 163.9 km²
 * of weak spots against 162.7 km² uncovered).
 */
import type { CityRaster, ZoneInfo } from './city-raster';
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

/** A zone's land runs grouped by row: the triples of row r are `runs[offsets[r − row0] … offsets[r − row0 + 1])`. */
interface ZoneRows {
  row0: number;
  offsets: Int32Array;
  runs: Int32Array;
}

/** Built once per zone (the city raster's zones do not change): every gap then reads only its own rows. */
const zoneRowsCache = new WeakMap<ZoneInfo, ZoneRows>();

/**
 * The zone's land runs by row (a stable counting sort, so runs of one row keep their order and the sums
 * below add the same parts in the same order as a walk over `landRuns`, which is in row order).
 */
function zoneRows(zone: ZoneInfo): ZoneRows {
  const cached = zoneRowsCache.get(zone);
  if (cached) return cached;
  const runs = zone.landRuns;
  let row0 = Number.POSITIVE_INFINITY;
  let row1 = -1;
  for (let index = 0; index < runs.length; index += 3) {
    row0 = Math.min(row0, runs[index]!);
    row1 = Math.max(row1, runs[index]!);
  }
  if (row1 < 0) row0 = 0;
  const offsets = new Int32Array(Math.max(0, row1 - row0 + 1) + 1);
  for (let index = 0; index < runs.length; index += 3) offsets[runs[index]! - row0 + 1]! += 3;
  for (let row = 1; row < offsets.length; row++) offsets[row]! += offsets[row - 1]!;
  const sorted = new Int32Array(runs.length);
  const next = offsets.slice(0, -1);
  for (let index = 0; index < runs.length; index += 3) {
    const at = next[runs[index]! - row0]!;
    sorted[at] = runs[index]!;
    sorted[at + 1] = runs[index + 1]!;
    sorted[at + 2] = runs[index + 2]!;
    next[runs[index]! - row0]! += 3;
  }
  const built = { row0, offsets, runs: sorted };
  zoneRowsCache.set(zone, built);
  return built;
}

/**
 * km² of the gap in each plan zone (by zone id), only zones it reaches. Only the zone's runs on the gap's
 * rows are read: a city of 12,000 small quality gaps against zones of thousands of rows each.
 */
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
    const { row0, offsets, runs } = zoneRows(zone);
    const first = Math.max(component.row0, row0);
    const last = Math.min(component.row1, row0 + offsets.length - 2);
    for (let row = first; row <= last; row++) {
      const intervals = rows.get(row);
      if (!intervals) continue;
      for (let index = offsets[row - row0]!, end = offsets[row - row0 + 1]!; index < end; index += 3) {
        const from0 = runs[index + 1]!;
        const to0 = runs[index + 2]!;
        let cells = 0;
        for (let at = 0; at < intervals.length; at += 2) {
          const from = Math.max(from0, intervals[at]!);
          const to = Math.min(to0, intervals[at + 1]!);
          if (from <= to) cells += to - from + 1;
        }
        area += cells * city.grid.rowCellAreaKm2[row]!;
      }
    }
    if (area > MIN_PART_KM2) areas[zone.id] = area;
  }
  return areas;
}
