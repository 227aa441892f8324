/**
 * The pre-run candidate count (what decides whether exact mode is offered): positions in the
 * area's land only; every position for weak spots, as the suggestion itself treats them.
 */
import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../../../src/domain/coverage/coverage-engine';
import { countCandidatesInArea } from '../../../../src/domain/suggest/suggest-count';
import { city } from '../../support/coverage/synthetic-city';

const engine = new CoverageEngine(city, { cellM: 50, mode: 'radius' });
engine.computeAll([]);

const positions = Float64Array.from([
  121.43,
  31.23, // Huangpu
  121.45,
  31.25, // Huangpu
  121.49,
  31.24, // Pudong
  121.515,
  31.205, // the sea bite: no land of any district
  121.61,
  31.31, // the island
  120.0,
  30.0, // off the grid
]);

describe('candidates in the suggestion area', () => {
  it('counts positions on the area land, never the sea or off the grid', () => {
    expect(countCandidatesInArea(engine, { kind: 'district', adcode: '310101' }, positions)).toBe(2);
    expect(countCandidatesInArea(engine, { kind: 'district', adcode: '310115' }, positions)).toBe(1);
    expect(countCandidatesInArea(engine, { kind: 'city' }, positions)).toBe(4);
  });

  it('counts every position for weak spots', () => {
    expect(countCandidatesInArea(engine, { kind: 'gaps', gapIds: [1] }, positions)).toBe(6);
  });
});
