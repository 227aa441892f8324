import area from '@turf/area';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../../src/domain/coverage/coverage-engine';
import { traceComponentRings } from '../../../src/domain/coverage/gap-runs';
import { gapCollection } from '../../../src/domain/coverage/report';
import { city, site } from './synthetic-city';

/** Shoelace area of a closed ring (cell units, positive for the outer ring's winding). */
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
    expect(ringArea(rings[0]!)).toBe(9);
    expect(ringArea(rings[1]!)).toBe(-1);
    expect(rings[0]![0]).toEqual(rings[0]!.at(-1));
    expect(rings[0]).toHaveLength(5); // four corners, closed
  });

  it('cells touching only diagonally stay apart (4-connectivity), so a notch open at a corner is no hole', () => {
    // The empty centre touches the outside diagonally at the bottom right: not enclosed.
    const { labels, columns, bounds } = picture(['###', '#.#', '##.']);
    const rings = traceComponentRings(labels, columns, 7, bounds);
    expect(rings).toHaveLength(1);
    expect(ringArea(rings[0]!)).toBe(7);
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
