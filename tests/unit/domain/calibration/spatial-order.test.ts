import { describe, expect, it } from 'vitest';
import { spatialOrder } from '../../../../src/domain/calibration/spatial-order';

const TILE_DEG = 0.0025;

describe('spatialOrder', () => {
  it('is a permutation of the samples, with unreadable positions last in file order', () => {
    const lon = [121.5, Number.NaN, 121.41, 121.47, 121.5, Number.NaN];
    const lat = [31.2, 31.2, 31.25, 31.22, 31.2, 31.3];
    const order = Array.from(spatialOrder(lon, lat, lon.length));
    expect([...order].sort((left, right) => left - right)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(order.slice(-2)).toEqual([1, 5]);
    // Samples 0 and 4 share a tile: they stay in file order, one after the other.
    expect(order.indexOf(4)).toBe(order.indexOf(0) + 1);
  });

  it('walks a block of tiles from each tile to a neighbouring one (a Hilbert curve)', () => {
    // One sample at the centre of every tile of a 16 × 16 block, in shuffled file order.
    const side = 16;
    const tiles: [number, number][] = [];
    for (let row = 0; row < side; row++)
      for (let column = 0; column < side; column++) tiles.push([column, row]);
    const shuffled = tiles.map((tile, index) => ({ tile, key: (index * 7919) % tiles.length }));
    shuffled.sort((left, right) => left.key - right.key);
    // Tiles start at the south-westernmost sample: one more sample at the block's corner anchors them.
    const lon = [...shuffled.map(({ tile }) => 121 + (tile[0] + 0.5) * TILE_DEG), 121];
    const lat = [...shuffled.map(({ tile }) => 31 + (tile[1] + 0.5) * TILE_DEG), 31];
    const anchor = tiles.length;
    const order = spatialOrder(lon, lat, lon.length).filter((index) => index !== anchor);
    expect(order.length).toBe(tiles.length);
    for (let position = 1; position < order.length; position++) {
      const [x0, y0] = shuffled[order[position - 1]!]!.tile;
      const [x1, y1] = shuffled[order[position]!]!.tile;
      expect(Math.abs(x1 - x0) + Math.abs(y1 - y0)).toBe(1);
    }
  });

  it('handles no samples', () => {
    expect(spatialOrder([], [], 0)).toEqual(new Uint32Array(0));
  });
});
