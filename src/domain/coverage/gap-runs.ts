/**
 * Gap labelling for a full compute: union-find over the uncovered runs of the land pass. Components keep
 * their runs; the per-cell labels are written only when something asks for them (see GapIndex.labels), so
 * a full compute never touches the millions of cells of a city-sized gap.
 */
import type { CityRaster } from './city-raster';
import type { GapComponent, GapIndex } from './gaps';
import type { RunList } from './land-runs';

/** Root of a run with path halving; the root is the component's first run (unions keep the lower index). */
function findRoot(parent: Int32Array, run: number): number {
  while (parent[run] !== run) {
    const grandparent = parent[parent[run]!]!;
    parent[run] = grandparent;
    run = grandparent;
  }
  return run;
}

function unite(parent: Int32Array, a: number, b: number): void {
  const rootA = findRoot(parent, a);
  const rootB = findRoot(parent, b);
  if (rootA < rootB) parent[rootB] = rootA;
  else if (rootB < rootA) parent[rootA] = rootB;
}

/** Union the 4-connected runs: touching runs in one row, overlapping runs in adjacent rows. */
function uniteRuns(data: Int32Array, count: number): Int32Array {
  const parent = new Int32Array(count);
  for (let index = 0; index < count; index++) parent[index] = index;
  // Runs are in row order; sweep each row against the previous one.
  let previousStart = 0;
  let previousEnd = 0;
  let index = 0;
  while (index < count) {
    const row = data[index * 4]!;
    let rowEnd = index + 1;
    while (rowEnd < count && data[rowEnd * 4] === row) rowEnd++;
    for (let run = index + 1; run < rowEnd; run++) {
      if (data[run * 4 + 1] === data[(run - 1) * 4 + 2]! + 1) unite(parent, run, run - 1);
    }
    if (previousEnd > previousStart && data[previousStart * 4] === row - 1) {
      let upper = previousStart;
      for (let run = index; run < rowEnd; run++) {
        const first = data[run * 4 + 1]!;
        const last = data[run * 4 + 2]!;
        while (upper < previousEnd && data[upper * 4 + 2]! < first) upper++;
        for (let other = upper; other < previousEnd && data[other * 4 + 1]! <= last; other++)
          unite(parent, run, other);
      }
    }
    previousStart = index;
    previousEnd = rowEnd;
    index = rowEnd;
  }
  return parent;
}

/** Σ zone weight over the cells first…last of a row: its cells + Σ (weight − 1) over the zone runs it overlaps. */
function weightedCells(city: CityRaster, row: number, first: number, last: number): number {
  const { zoneWeights, zoneWeightRuns, zoneWeightRowStart } = city;
  let weight = last - first + 1;
  for (let zone = zoneWeightRowStart[row]!, end = zoneWeightRowStart[row + 1]!; zone < end; zone++) {
    const zoneFirst = zoneWeightRuns[zone * 3]!;
    if (zoneFirst > last) break;
    const overlap = Math.min(last, zoneWeightRuns[zone * 3 + 1]!) - Math.max(first, zoneFirst) + 1;
    if (overlap > 0) weight += overlap * (zoneWeights[zoneWeightRuns[zone * 3 + 2]!]! - 1);
  }
  return weight;
}

/**
 * Label from the uncovered runs of a full pass (row order, columns ascending within a row). Same
 * components as flood fill; each keeps the indices of its runs (row order) in a copy of the run data.
 */
export function labelFromRuns(gapIndex: GapIndex, city: CityRaster, runs: RunList): void {
  const { grid, districts, hasZoneWeights } = city;
  const districtCount = districts.length;
  const count = runs.length;
  const data = runs.data.slice(0, count * 4);
  const parent = uniteRuns(data, count);
  // A component's root is its first run, so components appear in the order of their first runs. Figures
  // are summed into typed arrays per component index (objects are made once, at the end).
  const componentOf = new Int32Array(count);
  let components = 0;
  for (let run = 0; run < count; run++) {
    const root = findRoot(parent, run);
    componentOf[run] = root === run ? components++ : componentOf[root]!;
  }
  const runCounts = new Int32Array(components);
  const cellCounts = new Float64Array(components);
  const sums = new Float64Array(components * 4); // area, weighted area, Σ column × area, Σ row × area
  const boxes = new Int32Array(components * 4); // column0, row0, column1, row1
  const districtAreas = new Float64Array(components * districtCount);
  const firstRun = new Int32Array(components);
  for (let run = 0; run < count; run++) {
    const offset = run * 4;
    const row = data[offset]!;
    const first = data[offset + 1]!;
    const last = data[offset + 2]!;
    const component = componentOf[run]!;
    const box = component * 4;
    if (runCounts[component] === 0) {
      firstRun[component] = run;
      boxes[box] = first;
      boxes[box + 1] = row;
      boxes[box + 2] = last;
    } else {
      if (first < boxes[box]!) boxes[box] = first;
      if (last > boxes[box + 2]!) boxes[box + 2] = last;
    }
    boxes[box + 3] = row;
    runCounts[component]!++;
    const cells = last - first + 1;
    const area = grid.rowCellAreaKm2[row]!;
    const runArea = cells * area;
    cellCounts[component]! += cells;
    sums[box]! += runArea;
    sums[box + 1]! += hasZoneWeights ? weightedCells(city, row, first, last) * area : runArea;
    sums[box + 2]! += ((first + last + 1) / 2) * runArea;
    sums[box + 3]! += (row + 0.5) * runArea;
    districtAreas[component * districtCount + data[offset + 3]! - 1]! += runArea;
  }
  // Each component's run indices, in row order (a counting sort by component).
  const members = new Int32Array(count);
  const next = new Int32Array(components);
  for (let component = 0, offset = 0; component < components; component++) {
    next[component] = offset;
    offset += runCounts[component]!;
  }
  for (let run = 0; run < count; run++) members[next[componentOf[run]!]!++] = run;
  gapIndex.components.clear();
  for (let component = 0; component < components; component++) {
    const box = component * 4;
    const end = next[component]!;
    const seedRun = firstRun[component]! * 4;
    const gap: GapComponent = {
      id: gapIndex.takeId(),
      cellCount: cellCounts[component]!,
      areaKm2: sums[box]!,
      weightedAreaKm2: sums[box + 1]!,
      sumLonArea: sums[box + 2]!,
      sumLatArea: sums[box + 3]!,
      districtAreaKm2: districtAreas.slice(component * districtCount, (component + 1) * districtCount),
      seedCell: data[seedRun]! * grid.columns + data[seedRun + 1]!,
      column0: boxes[box]!,
      row0: boxes[box + 1]!,
      column1: boxes[box + 2]!,
      row1: boxes[box + 3]!,
      runs: { data, members: members.subarray(end - runCounts[component]!, end) },
      polygon: undefined,
    };
    gapIndex.components.set(gap.id, gap);
  }
  gapIndex.labelsPending(data);
}
