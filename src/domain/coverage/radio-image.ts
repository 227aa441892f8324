/**
 * Colours of the SINR and rate images: SINR in the operators' five grades (≥ 25, 16–25, 11–16, 3–11,
 * < 3 dB), a user's rate at load η in bins around the plan's speed targets (335.19 → 500 Mbps, 1,000 Mbps in
 * key areas). Covered land only; land without coverage is grey (it has no SINR), sea transparent.
 */
import type { RadioGrid } from './radio-grid';
import type { PlacedSite } from './site-model';
import { CELL_COVERED } from './statistics';

type Rgba = readonly [number, number, number, number];

/** Per SINR grade, excellent → bad: the RSRP classes' palette (ColorBrewer RdYlGn), one reading for both. */
export const SINR_GRADE_COLOURS: readonly Rgba[] = [
  [26, 152, 80, 170],
  [145, 207, 96, 170],
  [254, 224, 139, 170],
  [252, 141, 89, 170],
  [215, 48, 39, 170],
];

/** Upper edges of the rate bins, Mbit/s; the last bin is 1,000 and above. */
export const RATE_BIN_EDGES_MBPS: readonly number[] = [50, 100, 200, 335, 500, 1000];

/** Per rate bin, slow → fast (ColorBrewer YlGnBu, 7 classes). */
export const RATE_COLOURS: readonly Rgba[] = [
  [255, 255, 204, 180],
  [199, 233, 180, 180],
  [127, 205, 187, 180],
  [65, 182, 196, 180],
  [29, 145, 192, 180],
  [34, 94, 168, 180],
  [12, 44, 132, 180],
];

/** Land without RSRP coverage in the SINR and rate images. */
export const NO_COVERAGE_COLOUR: Rgba = [189, 189, 189, 140];

/** The rate bin of a rate, 0 … RATE_BIN_EDGES_MBPS.length. */
export function rateBin(rateMbps: number): number {
  let bin = 0;
  while (bin < RATE_BIN_EDGES_MBPS.length && rateMbps >= RATE_BIN_EDGES_MBPS[bin]!) bin++;
  return bin;
}

/** The colour of a land cell (state ≥ not land) in the SINR or rate image. */
export function radioColour(
  style: 'sinr' | 'rate',
  state: number,
  radio: RadioGrid,
  server: PlacedSite | undefined,
  cell: number,
): Rgba {
  if (state < CELL_COVERED || !server) return NO_COVERAGE_COLOUR;
  const centi = radio.sinrCentiDb[cell]!;
  if (style === 'sinr') {
    return SINR_GRADE_COLOURS[
      centi >= 2500 ? 0 : centi >= 1600 ? 1 : centi >= 1100 ? 2 : centi >= 300 ? 3 : 4
    ]!;
  }
  return RATE_COLOURS[rateBin(radio.rateMbps(server, centi))]!;
}
