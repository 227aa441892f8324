/**
 * Base stations among sites: a base station is one position, however many sectors (site features) it
 * carries — an operator's 工参表 lists one row per cell, three at a typical macro mast, and the plan counts
 * base stations (32,000 at the end of 2020, more than 70,000 by 2025). Positions are compared at 1e-6°
 * (~0.1 m). Counted with an open-addressing hash of integer pairs, so 200,000 sites take about a
 * millisecond rather than the tens a Set of keys would (the statistics run after every edit).
 */

let lonTable = new Int32Array(1 << 10);
let latTable = new Int32Array(1 << 10);
let used = new Uint8Array(1 << 10);

/** The number of distinct positions among `count` sites whose longitude and latitude `positionOf` gives. */
export function countBaseStations(count: number, positionOf: (index: number) => readonly number[]): number {
  let size = lonTable.length;
  while (size < count * 2) size *= 2;
  if (size !== lonTable.length) {
    lonTable = new Int32Array(size);
    latTable = new Int32Array(size);
    used = new Uint8Array(size);
  }
  const mask = size - 1;
  const touched: number[] = [];
  let distinct = 0;
  for (let index = 0; index < count; index++) {
    const position = positionOf(index);
    const lon = Math.round(position[0]! * 1e6);
    const lat = Math.round(position[1]! * 1e6);
    let slot = (Math.imul(lon, 73_856_093) ^ Math.imul(lat, 19_349_663)) & mask;
    for (;;) {
      if (used[slot] === 0) {
        used[slot] = 1;
        lonTable[slot] = lon;
        latTable[slot] = lat;
        touched.push(slot);
        distinct++;
        break;
      }
      if (lonTable[slot] === lon && latTable[slot] === lat) break;
      slot = (slot + 1) & mask;
    }
  }
  // Clear only what was used, so the next count starts from an empty table without a full fill.
  for (const slot of touched) used[slot] = 0;
  return distinct;
}
