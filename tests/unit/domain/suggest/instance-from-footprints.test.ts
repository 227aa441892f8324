import { describe, expect, it } from 'vitest';
import {
  buildSelectionInstance,
  collectUncoveredDemand,
  createDiscFootprintProvider,
  lonLatAtMetres,
  selectSitesSync,
} from '../../../../src/domain/suggest';

const grid = { originLon: 121.4, originLat: 31.2, cellSizeM: 50, columns: 20, rows: 20 };

describe('disc footprint provider (reference for the engine)', () => {
  const provider = createDiscFootprintProvider(grid);

  it('covers the cells whose centres lie within the radius', () => {
    // Site on the corner shared by four cells at (500 m, 500 m): centres at 25 m, 75 m, … away.
    // Within 100 m: offsets (±25|±75, ±25|±75) with dx²+dy² ≤ 100² → 4 + 8 = 12 cells.
    const site = lonLatAtMetres(grid, 500, 500);
    const cells = provider.cellsCoveredBy(site.lon, site.lat, { radiusM: 100 });
    expect(cells.length).toBe(12);
    expect([...cells]).toContain(9 * 20 + 9);
    expect([...cells]).toContain(10 * 20 + 10);
    expect([...cells]).not.toContain(8 * 20 + 8);
  });

  it('clips at the grid edge', () => {
    const site = lonLatAtMetres(grid, 0, 0);
    expect(provider.cellsCoveredBy(site.lon, site.lat, { radiusM: 100 }).length).toBe(3);
  });
});

describe('building an instance from engine-like inputs', () => {
  it('keeps only uncovered cells with weight in demand and maps footprints to demand slots', () => {
    const provider = createDiscFootprintProvider(grid);
    const covered = new Uint8Array(provider.gridCellCount);
    const westHalf = (cell: number) => cell % grid.columns < 10;
    for (let cell = 0; cell < covered.length; cell++) if (westHalf(cell)) covered[cell] = 1;
    // Only the south half is in the area; weight = cell area × priority 2.
    const demand = collectUncoveredDemand(covered, (cell) =>
      Math.floor(cell / grid.columns) < 10 ? 2500 * 2 : 0,
    );
    expect(demand.weight.length).toBe(100);
    const candidates = [
      { id: 'on-the-covered-side', ...lonLatAtMetres(grid, 200, 200) },
      { id: 'in-the-gap', ...lonLatAtMetres(grid, 750, 250) },
      { id: 'outside-the-area', ...lonLatAtMetres(grid, 750, 750), template: { radiusM: 200 } },
    ];
    const instance = buildSelectionInstance(demand, candidates, provider, { radiusM: 100 });
    const footprintSize = (index: number) =>
      instance.candidates.coverOffsets[index + 1]! - instance.candidates.coverOffsets[index]!;
    expect([footprintSize(0), footprintSize(1), footprintSize(2)]).toEqual([0, 12, 0]);
    const result = selectSitesSync(instance, { budget: { kind: 'count', count: 3 } });
    expect(result.picks.map((pick) => pick.id)).toEqual(['in-the-gap']);
    expect(result.coveredWeight).toBe(12 * 5000);
    const coveredCells = result.picks.flatMap((pick) => {
      const { coverOffsets, coverSlots } = instance.candidates;
      return [
        ...coverSlots.subarray(coverOffsets[pick.candidateIndex]!, coverOffsets[pick.candidateIndex + 1]!),
      ];
    });
    expect(coveredCells.every((slot) => !westHalf(instance.demand.cellIndex[slot]!))).toBe(true);
  });
});
