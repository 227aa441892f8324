import area from '@turf/area';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../../../src/domain/coverage/coverage-engine';
import { traceComponentRings, traceRunRings } from '../../../../src/domain/coverage/gap-outline';
import { gapCollection } from '../../../../src/domain/coverage/report';
import { city, site } from '../../support/coverage/synthetic-city';

/**
 * Shoelace area of a closed ring in cell units with rows growing south: positive for a ring clockwise
 * on screen, so an RFC 7946 shell (counter-clockwise on a north-up map) is negative here.
 */
const ringArea = (ring: number[][]): number => {
  let sum = 0;
  for (let index = 0; index + 1 < ring.length; index++)
    sum += ring[index]![0]! * ring[index + 1]![1]! - ring[index + 1]![0]! * ring[index]![1]!;
  return sum / 2;
};

/** Labels of a small picture: '#' = component 7. */
const picture = (rows: string[]) => {
  const columns = rows[0]!.length;
  const labels = new Int32Array(columns * rows.length);
  rows.forEach((line, row) => {
    for (let column = 0; column < columns; column++)
      if (line[column] === '#') labels[row * columns + column] = 7;
  });
  return { labels, columns, bounds: { column0: 0, row0: 0, column1: columns - 1, row1: rows.length - 1 } };
};

describe('gap outlines', () => {
  it('a ring of cells is one outer ring and one hole, with the cells as area', () => {
    const { labels, columns, bounds } = picture(['###', '#.#', '###']);
    const rings = traceComponentRings(labels, columns, 7, bounds);
    expect(rings).toHaveLength(2);
    expect(ringArea(rings[0]!)).toBe(-9);
    expect(ringArea(rings[1]!)).toBe(1);
    expect(rings[0]![0]).toEqual(rings[0]!.at(-1));
    expect(rings[0]).toHaveLength(5); // four corners, closed
  });

  it('cells touching only diagonally stay apart (4-connectivity): a notch open at a corner is a hole touching the shell there', () => {
    // The empty centre touches the outside diagonally at the bottom right: the outline is the shell
    // around all nine cells and the notch as a hole meeting it at that corner (a valid OGC polygon).
    const { labels, columns, bounds } = picture(['###', '#.#', '##.']);
    const rings = traceComponentRings(labels, columns, 7, bounds);
    expect(rings).toHaveLength(2);
    expect(ringArea(rings[0]!)).toBe(-8);
    expect(ringArea(rings[1]!)).toBe(1);
    expect(rings[0]).toContainEqual([3, 3]);
    expect(rings[1]).toContainEqual([3, 3]);
  });

  it('the city-wide gap of three separate discs has three holes, and its outline area is its cells', () => {
    const engine = new CoverageEngine(city, { cellM: 50, minGapAreaKm2: 0 });
    const centres: [number, number][] = [
      [121.415, 31.215],
      [121.44, 31.245],
      [121.49, 31.23],
    ];
    engine.computeAll(centres.map(([lon, lat], index) => site(`s${index}`, lon, lat, { radiusM: 600 })));
    const mainland = gapCollection(engine).features.find((gap) => gap.properties.adcode !== '310151')!;
    const [polygon] = mainland.geometry.coordinates;
    expect(mainland.geometry.coordinates).toHaveLength(1);
    expect(polygon).toHaveLength(4);
    // Cell-edge outline: the same cells, so the same area (spherical vs per-row cell areas: < 0.1 %).
    expect(area(mainland) / 1e6 / mainland.properties.areaKm2).toBeCloseTo(1, 3);
    for (const centre of centres) expect(booleanPointInPolygon(centre, mainland)).toBe(false);
    expect(booleanPointInPolygon([121.405, 31.255], mainland)).toBe(true);
  });
});

/** 4-connected components of the set cells by flood fill: labels 1…n and each one's bounding box. */
function components(cells: boolean[], columns: number) {
  const labels = new Int32Array(cells.length);
  const bounds: { column0: number; row0: number; column1: number; row1: number }[] = [];
  for (let seed = 0; seed < cells.length; seed++) {
    if (!cells[seed] || labels[seed] !== 0) continue;
    const id = bounds.length + 1;
    const box = { column0: columns, row0: cells.length, column1: -1, row1: -1 };
    const stack = [seed];
    labels[seed] = id;
    while (stack.length > 0) {
      const cell = stack.pop()!;
      const column = cell % columns;
      const row = (cell - column) / columns;
      box.column0 = Math.min(box.column0, column);
      box.column1 = Math.max(box.column1, column);
      box.row0 = Math.min(box.row0, row);
      box.row1 = Math.max(box.row1, row);
      const neighbours = [
        column > 0 ? cell - 1 : -1,
        column < columns - 1 ? cell + 1 : -1,
        cell - columns,
        cell + columns,
      ];
      for (const next of neighbours) {
        if (next < 0 || next >= cells.length || !cells[next] || labels[next] !== 0) continue;
        labels[next] = id;
        stack.push(next);
      }
    }
    bounds.push(box);
  }
  return { labels, bounds };
}

describe('outlines traced from runs', () => {
  it('equal the outlines traced from labels, ring for ring, with runs split at arbitrary columns', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 14 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 180 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 180 }),
        (columns, cells, splits) => {
          const { labels, bounds } = components(cells, columns);
          bounds.forEach((box, index) => {
            const id = index + 1;
            // Runs of this component, broken wherever `splits` says (as district borders break land runs).
            const runs: number[] = [];
            const members: number[] = [];
            for (let cell = 0; cell < cells.length; cell++) {
              if (labels[cell] !== id) continue;
              const column = cell % columns;
              const row = (cell - column) / columns;
              const previous = runs.length - 4;
              const joins =
                previous >= 0 &&
                runs[previous] === row &&
                runs[previous + 2] === column - 1 &&
                !splits[cell % splits.length];
              if (joins) runs[previous + 2] = column;
              else {
                members.push(runs.length / 4);
                runs.push(row, column, column, 1);
              }
            }
            const fromRuns = traceRunRings(Int32Array.from(runs), Int32Array.from(members), box);
            expect(fromRuns).toEqual(traceComponentRings(labels, columns, id, box));
          });
        },
      ),
      { numRuns: 400, seed: 20_261_201 },
    );
  });
});
