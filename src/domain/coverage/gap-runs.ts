/** Gap labelling for a full compute: union-find over the uncovered runs of the land pass. */
import type { CityRaster } from './city-raster';
import type { GapComponent, GapIndex } from './gaps';
import type { RunList } from './land-runs';

/**
 * Label from the uncovered runs of a full pass: union-find over runs (4-connected: overlapping runs in
 * adjacent rows, touching runs in the same row), component figures summed per run, labels filled per run.
 * Same components as flood fill, at a fraction of the cost when most of the land is one big gap.
 */
export function labelFromRuns(gapIndex: GapIndex, city: CityRaster, runs: RunList): void {
  const { grid, zoneWeights, zoneWeightRuns, zoneWeightRowStart, districts, hasZoneWeights } = city;
  const data = runs.data;
  const count = runs.length;
  const parent = new Int32Array(count);
  for (let index = 0; index < count; index++) parent[index] = index;
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[index] !== root) {
      const next = parent[index]!;
      parent[index] = root;
      index = next;
    }
    return root;
  };
  const union = (a: number, b: number): void => {
    const rootA = find(a);
    const rootB = find(b);
    if (rootA !== rootB) parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
  };
  // Runs are in row order; sweep each row against the previous one.
  let previousStart = 0;
  let previousEnd = 0;
  let index = 0;
  while (index < count) {
    const row = data[index * 4]!;
    let rowEnd = index;
    while (rowEnd < count && data[rowEnd * 4] === row) rowEnd++;
    for (let run = index + 1; run < rowEnd; run++) {
      if (data[run * 4 + 1] === data[(run - 1) * 4 + 2]! + 1) union(run, run - 1);
    }
    if (previousEnd > previousStart && data[previousStart * 4] === row - 1) {
      let upper = previousStart;
      for (let run = index; run < rowEnd; run++) {
        const first = data[run * 4 + 1]!;
        const last = data[run * 4 + 2]!;
        while (upper < previousEnd && data[upper * 4 + 2]! < first) upper++;
        for (let other = upper; other < previousEnd && data[other * 4 + 1]! <= last; other++)
          union(run, other);
      }
    }
    previousStart = index;
    previousEnd = rowEnd;
    index = rowEnd;
  }
  // Labels live on land cells only, so clearing the land runs clears them all.
  const { landRuns } = city;
  for (let run = 0; run < landRuns.length; run += 4) {
    const start = landRuns[run]! * grid.columns;
    gapIndex.labels.fill(0, start + landRuns[run + 1]!, start + landRuns[run + 2]! + 1);
  }
  gapIndex.components.clear();
  const idByRoot = new Int32Array(count);
  for (let run = 0; run < count; run++) {
    const root = find(run);
    const offset = run * 4;
    const row = data[offset]!;
    const first = data[offset + 1]!;
    const last = data[offset + 2]!;
    let id = idByRoot[root]!;
    let component: GapComponent;
    if (id === 0) {
      id = gapIndex.takeId();
      idByRoot[root] = id;
      component = {
        id,
        cellCount: 0,
        areaKm2: 0,
        weightedAreaKm2: 0,
        sumLonArea: 0,
        sumLatArea: 0,
        districtAreaKm2: new Float64Array(districts.length),
        seedCell: row * grid.columns + first,
        column0: first,
        row0: row,
        column1: last,
        row1: row,
      };
      gapIndex.components.set(id, component);
    } else component = gapIndex.components.get(id)!;
    const cells = last - first + 1;
    const area = grid.rowCellAreaKm2[row]!;
    const runArea = cells * area;
    component.cellCount += cells;
    component.areaKm2 += runArea;
    component.sumLonArea += ((first + last + 1) / 2) * runArea;
    component.sumLatArea += (row + 0.5) * runArea;
    component.districtAreaKm2[data[offset + 3]! - 1]! += runArea;
    if (hasZoneWeights) {
      // Σ weight over the run = its cells + Σ (weight − 1) over the zone runs it overlaps.
      let weight = cells;
      for (let zone = zoneWeightRowStart[row]!, end = zoneWeightRowStart[row + 1]!; zone < end; zone++) {
        const zoneFirst = zoneWeightRuns[zone * 3]!;
        if (zoneFirst > last) break;
        const overlap = Math.min(last, zoneWeightRuns[zone * 3 + 1]!) - Math.max(first, zoneFirst) + 1;
        if (overlap > 0) weight += overlap * (zoneWeights[zoneWeightRuns[zone * 3 + 2]!]! - 1);
      }
      component.weightedAreaKm2 += weight * area;
    } else component.weightedAreaKm2 += runArea;
    if (first < component.column0) component.column0 = first;
    if (last > component.column1) component.column1 = last;
    if (row > component.row1) component.row1 = row;
    gapIndex.labels.fill(id, row * grid.columns + first, row * grid.columns + last + 1);
  }
}

const EAST = 0;
const SOUTH = 1;
const WEST = 2;
const NORTH = 3;
const STEP_X = [1, 0, -1, 0];
const STEP_Y = [0, 1, 0, -1];

/**
 * Outline of one 4-connected component as cell-edge rings, in cell units of a frame whose origin is
 * (column0 − 1, row0 − 1): the one outer ring first, then the holes. Every boundary edge is walked with
 * the component on its right (outer rings clockwise on screen, holes the other way); at a vertex where two
 * component cells touch only diagonally the walk turns right, which keeps them apart as 4-connectivity
 * demands. A 4-connected component therefore has exactly one ring of positive area, the outer one, and
 * every other ring is one of its holes — no point-in-ring search. Only corners are emitted; rings are
 * closed. Cost: the component's bounding box once, then its boundary.
 */
export function traceComponentRings(
  labels: Int32Array,
  columns: number,
  id: number,
  bounds: { column0: number; row0: number; column1: number; row1: number },
): number[][][] {
  const width = bounds.column1 - bounds.column0 + 3;
  const height = bounds.row1 - bounds.row0 + 3;
  const stride = width + 1;
  // Outgoing boundary edges per vertex (bit = direction); a saddle vertex has two.
  const edges = new Uint8Array(stride * (height + 1));
  const starts: number[] = [];
  const { column0, column1, row0, row1 } = bounds;
  for (let row = row0; row <= row1; row++) {
    const rowStart = row * columns;
    const vertexRow = (row - row0 + 1) * stride + 1 - column0;
    const hasAbove = row > row0;
    const hasBelow = row < row1;
    for (let column = column0; column <= column1; column++) {
      const cell = rowStart + column;
      if (labels[cell] !== id) continue;
      const vertex = vertexRow + column;
      if (!hasAbove || labels[cell - columns] !== id) {
        edges[vertex] = edges[vertex]! | (1 << EAST);
        starts.push(vertex);
      }
      if (column === column1 || labels[cell + 1] !== id)
        edges[vertex + 1] = edges[vertex + 1]! | (1 << SOUTH);
      if (!hasBelow || labels[cell + columns] !== id)
        edges[vertex + stride + 1] = edges[vertex + stride + 1]! | (1 << WEST);
      if (column === column0 || labels[cell - 1] !== id)
        edges[vertex + stride] = edges[vertex + stride]! | (1 << NORTH);
    }
  }
  // Every ring has a top edge (walked east), so the top-edge starts reach every ring.
  const outer: number[][][] = [];
  const holes: number[][][] = [];
  for (const start of starts) {
    if ((edges[start]! & (1 << EAST)) === 0) continue;
    const ring: number[][] = [];
    let vertex = start;
    let direction = EAST;
    let doubledArea = 0;
    edges[start] = edges[start]! & ~(1 << EAST);
    for (;;) {
      const x = vertex % stride;
      const y = (vertex - x) / stride;
      const nextX = x + STEP_X[direction]!;
      const nextY = y + STEP_Y[direction]!;
      doubledArea += x * nextY - nextX * y;
      vertex = nextY * stride + nextX;
      // Right turn first (separates diagonal neighbours), then straight, then left.
      const available = edges[vertex]! | (vertex === start ? 1 << EAST : 0);
      let next = (direction + 1) & 3;
      if ((available & (1 << next)) === 0) next = direction;
      if ((available & (1 << next)) === 0) next = (direction + 3) & 3;
      if (next !== direction) ring.push([nextX, nextY]);
      if (vertex === start && next === EAST) break;
      edges[vertex] = edges[vertex]! & ~(1 << next);
      direction = next;
    }
    ring.push([ring[0]![0]!, ring[0]![1]!]);
    if (doubledArea > 0) outer.push(ring);
    else holes.push(ring);
  }
  return outer.length === 0 ? [] : [outer[0]!, ...holes];
}
