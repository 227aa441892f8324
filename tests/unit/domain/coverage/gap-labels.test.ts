import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../../../src/domain/coverage/coverage-engine';
import { CELL_COVERED, CELL_UNCOVERED } from '../../../../src/domain/coverage/statistics';
import { city, site } from '../../support/coverage/synthetic-city';

/** Cells whose label disagrees with their state: covered with a label, or uncovered without one. */
function mislabelled(engine: CoverageEngine): number {
  const { labels } = engine.gaps;
  const { cellState } = engine.arrays;
  let wrong = 0;
  for (let cell = 0; cell < cellState.length; cell++) {
    if (cellState[cell] === CELL_COVERED && labels[cell] !== 0) wrong++;
    if (cellState[cell] === CELL_UNCOVERED && !engine.gaps.components.has(labels[cell]!)) wrong++;
  }
  return wrong;
}

describe('gap labels written on demand after a full compute', () => {
  it('hold no label from an earlier compute or from edits, once cells are covered again', () => {
    const engine = new CoverageEngine(city, { mode: 'radius', cellM: 100, minGapAreaKm2: 0 });
    const a = site('a', 121.43, 31.23, { radiusM: 800 });
    engine.computeAll([a]);
    expect(mislabelled(engine)).toBe(0);
    // The removal uncovers a's disc and its flood fill labels it; the next compute covers it again.
    engine.removeSite('a');
    expect(mislabelled(engine)).toBe(0);
    engine.computeAll([site('b', 121.43, 31.23, { radiusM: 900 })]);
    expect(mislabelled(engine)).toBe(0);
    // Without edits in between: the runs written last time are the ones cleared.
    engine.computeAll([site('c', 121.49, 31.24, { radiusM: 1500 })]);
    engine.computeAll([
      site('d', 121.41, 31.21, { radiusM: 1500 }),
      site('e', 121.49, 31.24, { radiusM: 1500 }),
    ]);
    expect(mislabelled(engine)).toBe(0);
  });
});
