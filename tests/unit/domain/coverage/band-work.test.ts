/**
 * The pool's estimate of each row's work (band-work.ts) and the bands it cuts: checked against a hand
 * count (land cells and the discs of the sites standing in a row), and a city whose sites crowd into its
 * north gets a smaller northern band than a split by land gives.
 */
import { describe, expect, it } from 'vitest';
import { estimatedRowWork } from '../../../../src/domain/coverage/band-work';
import { CoverageEngine } from '../../../../src/domain/coverage/coverage-engine';
import { rowOf } from '../../../../src/domain/coverage/grid';
import { splitRows } from '../../../../src/domain/coverage/row-bands';
import { city, site } from '../../support/coverage/synthetic-city';

const engine = new CoverageEngine(city, { cellM: 100, mode: 'pathloss' });
const { grid, landRuns } = engine.city;

function landCellsByRow(): Float64Array {
  const cells = new Float64Array(grid.rows);
  for (let index = 0; index < landRuns.length; index += 4)
    cells[landRuns[index]!]! += landRuns[index + 2]! - landRuns[index + 1]! + 1;
  return cells;
}

describe('estimated row work', () => {
  it('is two units per land cell plus the disc of each site standing in the row', () => {
    const land = landCellsByRow();
    const alone = estimatedRowWork(engine.city, [], engine.settings);
    expect(Array.from(alone)).toEqual(Array.from(land, (cells) => 2 * cells));

    // A site with its own radius: π · (500 m / 100 m)² cells on its row; one without, its table radius.
    const own = site('own', 121.43, 31.23, { radiusM: 500 });
    const table = site('table', 121.5, 31.21, { kind: 'micro', band: 'n78' });
    const work = estimatedRowWork(engine.city, [own, table], engine.settings);
    const ownRow = rowOf(grid, 31.23);
    const tableRow = rowOf(grid, 31.21);
    expect(work[ownRow]! - alone[ownRow]!).toBeCloseTo(Math.PI * 25, 9);
    const tableExtra = work[tableRow]! - alone[tableRow]!;
    // The environment class of the site's cell picks the radius: one of the table's four.
    const candidates = Object.values(engine.settings.radiusTable.micro.n78).map(
      (radiusM) => (Math.PI * radiusM * radiusM) / 10_000,
    );
    expect(candidates.some((cells) => Math.abs(cells - tableExtra) < 1e-9)).toBe(true);
    // Sites off the grid add nothing.
    const off = estimatedRowWork(engine.city, [site('off', 121.45, 40)], engine.settings);
    expect(Array.from(off)).toEqual(Array.from(alone));
  });

  it('gives the site-crowded north a smaller band than a split by land', () => {
    const north = Array.from({ length: 400 }, (_, index) =>
      site(`n${index}`, 121.4 + (index % 20) * 0.005, 31.255 - Math.floor(index / 20) * 0.0002),
    );
    const byLand = splitRows(engine.city, 2);
    const byWork = splitRows(engine.city, 2, estimatedRowWork(engine.city, north, engine.settings));
    expect(byWork).toHaveLength(2);
    expect(byWork[0]!.row1).toBeLessThan(byLand[0]!.row1);
    expect(byWork[1]!.row0).toBe(byWork[0]!.row1 + 1);
    expect(byWork[1]!.row1).toBe(grid.rows - 1);
  });
});
