/** Hand-made and small random selection instances shared by the selection tests. */
import fc from 'fast-check';
import {
  type CandidateInput,
  createSelectionInstance,
  lonLatAtMetres,
  type SelectionInstance,
} from '../../../../src/domain/suggest';

export const SHANGHAI_GRID = { originLon: 121.4, originLat: 31.2, cellSizeM: 50, columns: 100, rows: 100 };

/** A candidate placed in metres east/north of a Shanghai origin, covering the given demand slots. */
export function candidateAt(id: string, eastM: number, northM: number, coverSlots: number[]): CandidateInput {
  return { id, ...lonLatAtMetres(SHANGHAI_GRID, eastM, northM), coverSlots };
}

/** fast-check arbitrary: a small random instance (≤ 9 candidates, ≤ 24 demand cells) and k. */
export const smallInstanceArbitrary = fc
  .record({
    weights: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 24 }),
    footprints: fc.array(fc.array(fc.nat(), { maxLength: 10 }), { minLength: 1, maxLength: 9 }),
    k: fc.integer({ min: 1, max: 4 }),
  })
  .map(({ weights, footprints, k }) => {
    const candidates = footprints.map((footprint, index) =>
      candidateAt(`c${index}`, index * 500, 0, [...new Set(footprint.map((slot) => slot % weights.length))]),
    );
    return { instance: createSelectionInstance(weights, candidates), k } as {
      instance: SelectionInstance;
      k: number;
    };
  });
