/**
 * Issue 14 item 5: every gap outline is an OGC-valid polygon. On random grids, each 4-connected
 * component's rings (traced from labels and from runs alike) are closed, simple (no kinks by
 * @turf/kinks, no corner visited twice), exactly one shell wound counter-clockwise (RFC 7946, north
 * up) and holes clockwise inside it, every cell edge of the boundary on exactly one ring (so rings meet
 * only at points), and shell minus holes is the cells' area. GDAL's GEOS check runs on real exports in
 * tests/unit/gdal/.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import kinks from '@turf/kinks';
import fc from 'fast-check';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { simpleLoops, traceComponentRings, traceRunRings } from '../../../../src/domain/coverage/gap-outline';

/** 4-connected components of a 0/1 grid: labels 1…n. */
function label(cells: boolean[], columns: number, rows: number): { labels: Int32Array; count: number } {
  const labels = new Int32Array(columns * rows);
  let count = 0;
  for (let start = 0; start < cells.length; start++) {
    if (!cells[start] || labels[start] !== 0) continue;
    labels[start] = ++count;
    const queue = [start];
    while (queue.length > 0) {
      const cell = queue.pop()!;
      const column = cell % columns;
      const neighbours = [
        column > 0 ? cell - 1 : -1,
        column < columns - 1 ? cell + 1 : -1,
        cell - columns,
        cell + columns,
      ];
      for (const next of neighbours) {
        if (next >= 0 && next < cells.length && cells[next] && labels[next] === 0) {
          labels[next] = count;
          queue.push(next);
        }
      }
    }
  }
  return { labels, count };
}

/** Runs (row, first, last, ·) of one component, row by row, as the engine stores them. */
function runsOf(labels: Int32Array, columns: number, rows: number, id: number) {
  const data: number[] = [];
  for (let row = 0; row < rows; row++) {
    let column = 0;
    while (column < columns) {
      if (labels[row * columns + column] !== id) {
        column++;
        continue;
      }
      const first = column;
      while (column + 1 < columns && labels[row * columns + column + 1] === id) column++;
      data.push(row, first, column, 0);
      column++;
    }
  }
  const members = Int32Array.from({ length: data.length / 4 }, (_, index) => index);
  return { data: Int32Array.from(data), members };
}

const signedArea = (ring: number[][]): number => {
  let sum = 0;
  for (let index = 0; index + 1 < ring.length; index++)
    sum += ring[index]![0]! * ring[index + 1]![1]! - ring[index + 1]![0]! * ring[index]![1]!;
  return sum / 2;
};

/** Unit cell edges of a ring as "x,y>x,y" keys, ends in a fixed order (corners are joined by straight runs). */
function unitEdges(ring: number[][]): string[] {
  const keys: string[] = [];
  for (let index = 0; index + 1 < ring.length; index++) {
    let [x, y] = ring[index] as [number, number];
    const [x2, y2] = ring[index + 1] as [number, number];
    while (x !== x2 || y !== y2) {
      const nx = x + Math.sign(x2 - x);
      const ny = y + Math.sign(y2 - y);
      const [a, b] =
        x < nx || (x === nx && y < ny)
          ? [
              [x, y],
              [nx, ny],
            ]
          : [
              [nx, ny],
              [x, y],
            ];
      keys.push(`${a}>${b}`);
      [x, y] = [nx, ny];
    }
  }
  return keys;
}

/** Checks one component's rings (cell units, y down, so flipped to north-up for orientation). */
function expectValid(rings: number[][][], cellCount: number, where: string): void {
  expect(rings.length, where).toBeGreaterThan(0);
  const northUp = rings.map((ring) => ring.map(([x, y]) => [x!, -y!]));
  const [shell, ...holes] = northUp;
  expect(signedArea(shell!), `${where}: shell counter-clockwise`).toBeGreaterThan(0);
  let areaSum = signedArea(shell!);
  const edgeCounts = new Map<string, number>();
  for (const [index, ring] of northUp.entries()) {
    expect(ring[0], `${where}: closed`).toEqual(ring.at(-1));
    expect(ring.length, `${where}: at least a triangle`).toBeGreaterThanOrEqual(4);
    const corners = ring.slice(0, -1).map(([x, y]) => `${x},${y}`);
    expect(new Set(corners).size, `${where}: ring ${index} visits a corner twice`).toBe(corners.length);
    const polygon: Polygon = { type: 'Polygon', coordinates: [ring] };
    expect(kinks(polygon).features, `${where}: ring ${index} has kinks`).toEqual([]);
    for (const edge of unitEdges(ring)) edgeCounts.set(edge, (edgeCounts.get(edge) ?? 0) + 1);
  }
  for (const hole of holes) {
    expect(signedArea(hole), `${where}: hole clockwise`).toBeLessThan(0);
    areaSum += signedArea(hole);
    // Inside the shell: every corner of the hole is inside it or on its boundary.
    const shellPolygon: Polygon = { type: 'Polygon', coordinates: [shell!] };
    for (const point of hole) expect(booleanPointInPolygon(point, shellPolygon), where).toBe(true);
  }
  expect(areaSum, `${where}: shell minus holes = cells`).toBe(cellCount);
  // Rings share no edge: they meet at isolated points only, so the interior stays one piece.
  for (const [edge, count] of edgeCounts) expect(count, `${where}: edge ${edge} on ${count} rings`).toBe(1);
}

describe('gap outlines are OGC-valid polygons', () => {
  it('splits a ring that touches itself at a corner into a shell and a hole touching it there', () => {
    expect(simpleLoops([1, 2, 3, 4, 2, 5, 6])).toEqual([
      [2, 3, 4],
      [1, 2, 5, 6],
    ]);
    // The notch at the centre reaches the outside only through the bottom-right corner.
    const columns = 4;
    const cells = ['####', '#..#', '#.##', '###.'].flatMap((line) => [...line].map((cell) => cell === '#'));
    const { labels } = label(cells, columns, 4);
    const rings = traceComponentRings(labels, columns, 1, { column0: 0, row0: 0, column1: 3, row1: 3 });
    expect(rings).toHaveLength(2);
    expectValid(rings, 12, 'notch');
  });

  it('random grids: every component, traced from labels and from runs, is valid', () => {
    const grid = fc
      .record({ columns: fc.integer({ min: 1, max: 14 }), rows: fc.integer({ min: 1, max: 14 }) })
      .chain(({ columns, rows }) =>
        fc.record({
          columns: fc.constant(columns),
          rows: fc.constant(rows),
          cells: fc.array(fc.boolean(), { minLength: columns * rows, maxLength: columns * rows }),
        }),
      );
    fc.assert(
      fc.property(grid, ({ columns, rows, cells }) => {
        const { labels, count } = label(cells, columns, rows);
        for (let id = 1; id <= count; id++) {
          let column0 = columns;
          let row0 = rows;
          let column1 = -1;
          let row1 = -1;
          let cellCount = 0;
          labels.forEach((value, cell) => {
            if (value !== id) return;
            cellCount++;
            column0 = Math.min(column0, cell % columns);
            column1 = Math.max(column1, cell % columns);
            row0 = Math.min(row0, Math.floor(cell / columns));
            row1 = Math.max(row1, Math.floor(cell / columns));
          });
          const bounds = { column0, row0, column1, row1 };
          const fromLabels = traceComponentRings(labels, columns, id, bounds);
          expectValid(fromLabels, cellCount, `labels ${id} of ${JSON.stringify(cells.map(Number))}`);
          const { data, members } = runsOf(labels, columns, rows, id);
          expect(traceRunRings(data, members, bounds)).toEqual(fromLabels);
        }
      }),
      { numRuns: 400, seed: 1414 },
    );
  });
});
