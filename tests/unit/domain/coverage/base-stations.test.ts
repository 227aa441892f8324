import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countBaseStations } from '../../../../src/domain/coverage/base-stations';

const naive = (positions: number[][]) =>
  new Set(positions.map(([lon, lat]) => `${Math.round(lon! * 1e6)}:${Math.round(lat! * 1e6)}`)).size;

describe('countBaseStations', () => {
  it('counts three co-sited sectors as one base station, and every other position as its own', () => {
    const positions = [
      [121.5, 31.2],
      [121.5, 31.2],
      [121.5, 31.2],
      [121.500001, 31.2],
      [121.6, 31.3],
    ];
    expect(countBaseStations(positions.length, (index) => positions[index]!)).toBe(3);
    expect(countBaseStations(0, () => [0, 0])).toBe(0);
  });

  it('agrees with a Set of keys on random positions with many repeats, and again on reuse', () => {
    const position = fc.tuple(
      fc.integer({ min: 120_000_000, max: 122_000_000 }),
      fc.integer({ min: 30_000_000, max: 32_000_000 }),
    );
    fc.assert(
      fc.property(fc.array(position, { maxLength: 400 }), fc.integer({ min: 1, max: 4 }), (base, copies) => {
        const positions = base.flatMap(([lon, lat]) =>
          Array.from({ length: copies }, () => [lon / 1e6, lat / 1e6]),
        );
        expect(countBaseStations(positions.length, (index) => positions[index]!)).toBe(naive(positions));
      }),
    );
  });
});
