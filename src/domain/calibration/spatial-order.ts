/**
 * The order in which to search samples' serving sites: tile by tile across the map rather than in file
 * order. Each search reads the site data of the buckets around its point (site-search.ts); with samples
 * in file order — an MR extract or a synthetic set jumps across the city from row to row — every search
 * misses the processor's cache for most of them, and those misses, not the arithmetic, are most of its
 * time (docs/calibration.md §9). Samples of one tile read the same few hundred sites one after another.
 * The order changes nothing in the result: every sample is searched on its own and its answer is stored
 * at its own index.
 */

/** Tiles of about 250 m (a search's bucket), numbered along a Hilbert curve over 2¹⁰ × 2¹⁰ of them. */
const TILE_DEG = 0.0025;
const CURVE_SIDE = 1024;

/**
 * A tile's position along the Hilbert curve: consecutive positions are neighbouring tiles, and any run
 * of them stays within a compact patch, so the sites read by one stretch of searches stay in cache.
 */
function hilbertIndex(column: number, row: number): number {
  let x = column;
  let y = row;
  let index = 0;
  for (let half = CURVE_SIDE / 2; half > 0; half >>= 1) {
    const right = (x & half) > 0 ? 1 : 0;
    const up = (y & half) > 0 ? 1 : 0;
    index += half * half * ((3 * right) ^ up);
    // Rotate the quadrant so that the curve's pieces join.
    if (up === 0) {
      if (right === 1) {
        x = CURVE_SIDE - 1 - x;
        y = CURVE_SIDE - 1 - y;
      }
      [x, y] = [y, x];
    }
  }
  return index;
}

/**
 * The indices 0…count−1 ordered by tile along the Hilbert curve, in file order within a tile. Positions that are not numbers go last, in file order.
 */
export function spatialOrder(lon: ArrayLike<number>, lat: ArrayLike<number>, count: number): Uint32Array {
  let minLon = Number.POSITIVE_INFINITY;
  let minLat = Number.POSITIVE_INFINITY;
  for (let index = 0; index < count; index++) {
    const x = lon[index]!;
    const y = lat[index]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (x < minLon) minLon = x;
    if (y < minLat) minLat = y;
  }
  // One key per sample: tile × count + index, so a numeric sort orders by tile and then by file order
  // (exact in a double: 2²⁰ tiles × 10⁷ samples is far below 2⁵³).
  const keys = new Float64Array(count);
  let lastTile = 0;
  for (let index = 0; index < count; index++) {
    const x = lon[index]!;
    const y = lat[index]!;
    let tile = -1;
    if (Number.isFinite(x) && Number.isFinite(y)) {
      // Beyond 256 km from the south-west sample the tiles clamp to the edge: the order only loses locality.
      const column = Math.min(CURVE_SIDE - 1, Math.floor((x - minLon) / TILE_DEG));
      const row = Math.min(CURVE_SIDE - 1, Math.floor((y - minLat) / TILE_DEG));
      tile = hilbertIndex(column, row);
      if (tile > lastTile) lastTile = tile;
    }
    keys[index] = tile;
  }
  for (let index = 0; index < count; index++) {
    const tile = keys[index]! < 0 ? lastTile + 1 : keys[index]!;
    keys[index] = tile * count + index;
  }
  keys.sort();
  const order = new Uint32Array(count);
  for (let position = 0; position < count; position++) order[position] = keys[position]! % count;
  return order;
}
