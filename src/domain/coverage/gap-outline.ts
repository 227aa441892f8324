/**
 * Outlines of 4-connected components as OGC-valid polygons of cell-edge rings, in cell units of a frame
 * whose origin is (column0 − 1, row0 − 1), rows growing southwards: the one outer ring first, then the
 * holes. Every boundary edge is walked with the component on its right (clockwise as seen on a
 * north-up map); at a vertex where two component cells touch only diagonally the walk turns right,
 * which keeps them apart as 4-connectivity demands, and the walk is cut into simple loops there (a
 * notch reaching the outside through that corner becomes a hole touching the shell at one point). A
 * 4-connected component therefore has exactly one loop of positive area, the outer one, and every
 * other is one of its holes — no point-in-ring search. Rings are emitted in RFC 7946 order (shell
 * counter-clockwise, holes clockwise on the map); only corners are emitted; rings are closed.
 *
 * The boundary edges come either from per-cell labels (the component's bounding box is read once) or from
 * the component's runs (cost: its runs and its boundary, whatever its size); both give the same rings.
 */

export interface CellBounds {
  column0: number;
  row0: number;
  column1: number;
  row1: number;
}

const EAST = 0;
const SOUTH = 1;
const WEST = 2;
const NORTH = 3;
const STEP_X = [1, 0, -1, 0];
const STEP_Y = [0, 1, 0, -1];

/** Outgoing boundary edges per vertex (bit = direction; a saddle vertex has two) and the ring starts. */
interface BoundaryEdges {
  edges: Uint8Array;
  stride: number;
  /** Vertices starting a top edge (walked east), in row-major order: every ring has one. */
  starts: number[];
}

/**
 * Edge bits, reused from trace to trace: a walk clears every bit it follows and every ring is walked, so
 * the buffer is all zero again afterwards (a city-sized gap's frame is ~6 MB, worth not reallocating).
 */
let scratch = new Uint8Array(1 << 16);

function frame(bounds: CellBounds): { edges: Uint8Array; stride: number } {
  const width = bounds.column1 - bounds.column0 + 3;
  const height = bounds.row1 - bounds.row0 + 3;
  const stride = width + 1;
  const size = stride * (height + 1);
  if (scratch.length < size) scratch = new Uint8Array(size);
  return { edges: scratch, stride };
}

function edgesFromLabels(labels: Int32Array, columns: number, id: number, bounds: CellBounds): BoundaryEdges {
  const { edges, stride } = frame(bounds);
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
  return { edges, stride, starts };
}

/** The component's runs with touching runs of a row joined: maximal intervals, row by row. */
function rowIntervals(
  data: Int32Array,
  members: Int32Array,
  bounds: CellBounds,
): { firsts: Int32Array; lasts: Int32Array; rowStart: Int32Array } {
  const firsts = new Int32Array(members.length);
  const lasts = new Int32Array(members.length);
  // A connected component has runs in every row between its first and last.
  const rowStart = new Int32Array(bounds.row1 - bounds.row0 + 2);
  let count = 0;
  let currentRow = bounds.row0 - 1;
  for (let index = 0; index < members.length; index++) {
    const offset = members[index]! * 4;
    const row = data[offset]!;
    const first = data[offset + 1]!;
    const last = data[offset + 2]!;
    if (row === currentRow && first === lasts[count - 1]! + 1) {
      lasts[count - 1] = last;
      continue;
    }
    while (currentRow < row) rowStart[++currentRow - bounds.row0] = count;
    firsts[count] = first;
    lasts[count] = last;
    count++;
  }
  rowStart[bounds.row1 - bounds.row0 + 1] = count;
  return { firsts, lasts, rowStart };
}

/**
 * Set `bit` at `vertexRow + column + shift` for every column of first…last not covered by the intervals
 * from…to of an adjacent row; returns the first column of each such stretch through `onStretch`. Returns
 * the first of those intervals that can meet a later (further east) stretch of the row, where the next
 * call starts: each row pair is then walked once.
 */
function markUncovered(
  edges: Uint8Array,
  bit: number,
  vertexRow: number,
  shift: number,
  first: number,
  last: number,
  firsts: Int32Array,
  lasts: Int32Array,
  from: number,
  to: number,
  onStretch: ((vertex: number) => void) | undefined,
): number {
  let column = first;
  let other = from;
  while (other < to && lasts[other]! < first) other++;
  const resume = other;
  while (column <= last) {
    const blockedFrom = other < to ? firsts[other]! : last + 1;
    const stretchEnd = Math.min(last, blockedFrom - 1);
    if (column <= stretchEnd) {
      onStretch?.(vertexRow + column);
      for (
        let vertex = vertexRow + column + shift, end = vertexRow + stretchEnd + shift;
        vertex <= end;
        vertex++
      )
        edges[vertex] = edges[vertex]! | bit;
    }
    if (other >= to) break;
    column = lasts[other]! + 1;
    other++;
  }
  return resume;
}

function edgesFromRuns(data: Int32Array, members: Int32Array, bounds: CellBounds): BoundaryEdges {
  const { edges, stride } = frame(bounds);
  const starts: number[] = [];
  const pushStart = (vertex: number): void => {
    starts.push(vertex);
  };
  const { firsts, lasts, rowStart } = rowIntervals(data, members, bounds);
  const { column0, row0, row1 } = bounds;
  for (let row = row0; row <= row1; row++) {
    const y = row - row0;
    const vertexRow = (y + 1) * stride + 1 - column0;
    let aboveFrom = y > 0 ? rowStart[y - 1]! : 0;
    const aboveTo = y > 0 ? rowStart[y]! : 0;
    let belowFrom = row < row1 ? rowStart[y + 1]! : 0;
    const belowTo = row < row1 ? rowStart[y + 2]! : 0;
    for (let index = rowStart[y]!, end = rowStart[y + 1]!; index < end; index++) {
      const first = firsts[index]!;
      const last = lasts[index]!;
      const topLeft = vertexRow + first;
      edges[topLeft + stride] = edges[topLeft + stride]! | (1 << NORTH);
      edges[vertexRow + last + 1] = edges[vertexRow + last + 1]! | (1 << SOUTH);
      aboveFrom = markUncovered(
        edges,
        1 << EAST,
        vertexRow,
        0,
        first,
        last,
        firsts,
        lasts,
        aboveFrom,
        aboveTo,
        pushStart,
      );
      belowFrom = markUncovered(
        edges,
        1 << WEST,
        vertexRow,
        stride + 1,
        first,
        last,
        firsts,
        lasts,
        belowFrom,
        belowTo,
        undefined,
      );
    }
  }
  return { edges, stride, starts };
}

/** A ring corner in frame cell units as the caller wants it (by default [x, y]). */
export type CornerMapper = (x: number, y: number) => number[];
const asCellUnits: CornerMapper = (x, y) => [x, y];

function walkRings({ edges, stride, starts }: BoundaryEdges, corner: CornerMapper): number[][][] {
  const shells: number[][][] = [];
  const holes: number[][][] = [];
  const corners: number[] = [];
  for (const start of starts) {
    if ((edges[start]! & (1 << EAST)) === 0) continue;
    corners.length = 0;
    let vertex = start;
    let x = start % stride;
    let y = (start - x) / stride;
    let direction = EAST;
    edges[start] = edges[start]! & ~(1 << EAST);
    for (;;) {
      const nextX = x + STEP_X[direction]!;
      const nextY = y + STEP_Y[direction]!;
      x = nextX;
      y = nextY;
      vertex = nextY * stride + nextX;
      // Right turn first (separates diagonal neighbours), then straight, then left.
      const available = edges[vertex]! | (vertex === start ? 1 << EAST : 0);
      let next = (direction + 1) & 3;
      if ((available & (1 << next)) === 0) next = direction;
      if ((available & (1 << next)) === 0) next = (direction + 3) & 3;
      if (next !== direction) corners.push(vertex);
      if (vertex === start && next === EAST) break;
      edges[vertex] = edges[vertex]! & ~(1 << next);
      direction = next;
    }
    for (const loop of simpleLoops(corners)) {
      // Walked clockwise as seen on a north-up map; emitted the other way round, as RFC 7946 asks:
      // shells counter-clockwise, holes clockwise.
      const ring = loop.map((at) => corner(at % stride, Math.floor(at / stride))).reverse();
      ring.push(ring[0]!.slice());
      if (doubledArea(loop, stride) > 0) shells.push(ring);
      else holes.push(ring);
    }
  }
  // A 4-connected component has one shell; the rest are holes (some touching it at a corner).
  return shells.length === 0 ? [] : [shells[0]!, ...holes];
}

/**
 * A walk's corners cut into simple loops at every corner it passes twice. Where the component touches
 * itself diagonally the walk turns right and comes back through the same corner later: as one ring
 * that is a self-touching ring, which OGC (and GEOS's ST_IsValid) refuses. Cut there, the part walked in
 * between is a loop of its own: around a notch that reaches the outside only through that corner it
 * winds the other way and becomes a hole touching the shell at one point, which is valid (the interior
 * stays connected). Linear: a stack of corners and the position of each corner on it.
 */
export function simpleLoops(corners: readonly number[]): number[][] {
  const loops: number[][] = [];
  const stack: number[] = [];
  const position = new Map<number, number>();
  for (const vertex of corners) {
    const seen = position.get(vertex);
    if (seen === undefined) {
      position.set(vertex, stack.length);
      stack.push(vertex);
      continue;
    }
    const loop = stack.splice(seen);
    for (const inLoop of loop) position.delete(inLoop);
    loops.push(loop);
    position.set(vertex, stack.length);
    stack.push(vertex);
  }
  if (stack.length > 0) loops.push(stack);
  return loops.filter((loop) => loop.length >= 3);
}

/** Twice the signed area of a loop of frame vertices (positive for the outer ring's winding). */
function doubledArea(loop: readonly number[], stride: number): number {
  let sum = 0;
  for (let index = 0; index < loop.length; index++) {
    const a = loop[index]!;
    const b = loop[(index + 1) % loop.length]!;
    const ax = a % stride;
    const bx = b % stride;
    sum += ax * ((b - bx) / stride) - bx * ((a - ax) / stride);
  }
  return sum;
}

/** Rings of the cells labelled `id` within `bounds` (cost: the bounding box once, then the boundary). */
export function traceComponentRings(
  labels: Int32Array,
  columns: number,
  id: number,
  bounds: CellBounds,
  corner: CornerMapper = asCellUnits,
): number[][][] {
  return walkRings(edgesFromLabels(labels, columns, id, bounds), corner);
}

/**
 * Rings of a component given as runs: `members` index quadruples (row, first, last, ·) of `data`, in row
 * order, columns ascending within a row; `bounds` is their bounding box.
 */
export function traceRunRings(
  data: Int32Array,
  members: Int32Array,
  bounds: CellBounds,
  corner: CornerMapper = asCellUnits,
): number[][][] {
  return walkRings(edgesFromRuns(data, members, bounds), corner);
}
