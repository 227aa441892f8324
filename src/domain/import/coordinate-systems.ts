/**
 * Conversion of imported positions to WGS84 with gcoord. GCJ-02 ("Mars coordinates", AMap, Tencent)
 * is 0.5–1 km off in Shanghai and BD-09 (Baidu) adds another ~1 km, so a file left unconverted would
 * put every site in the wrong street. gcoord's forward model is used as is; its GCJ-02 inverse stops at
 * 1e-6° (≈ 0.1 m), and we refine the inverse to 1e-9° so a round trip is exact to print precision.
 */

import gcoord from 'gcoord';
import type { MultiPoint } from 'geojson';
import type { CoordinateSystem } from './import-types';

const INVERSE_TOLERANCE_DEG = 1e-9;
const MAX_ITERATIONS = 30;

/** WGS84 → GCJ-02 with gcoord (identity outside China, as gcoord defines it). */
export function wgs84ToGcj02(lon: number, lat: number): [number, number] {
  return gcoord.transform([lon, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
}

/** Improves `guess` until forward(guess) equals target to 1e-9°: the exact inverse of a forward model. */
function invert(
  forward: (lon: number, lat: number) => [number, number],
  lon: number,
  lat: number,
  guess: [number, number],
): [number, number] {
  let [guessLon, guessLat] = guess;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const [forwardLon, forwardLat] = forward(guessLon, guessLat);
    const errorLon = forwardLon - lon;
    const errorLat = forwardLat - lat;
    if (!(Math.abs(errorLon) >= INVERSE_TOLERANCE_DEG || Math.abs(errorLat) >= INVERSE_TOLERANCE_DEG)) break;
    guessLon -= errorLon;
    guessLat -= errorLat;
  }
  return [guessLon, guessLat];
}

/** GCJ-02 → WGS84: gcoord's inverse refined on its forward model. */
export function gcj02ToWgs84(lon: number, lat: number): [number, number] {
  const guess = gcoord.transform([lon, lat], gcoord.GCJ02, gcoord.WGS84) as [number, number];
  return invert(wgs84ToGcj02, lon, lat, guess);
}

/** BD-09 → WGS84: gcoord's inverse refined on its forward model (WGS84 → GCJ-02 → BD-09). */
export function bd09ToWgs84(lon: number, lat: number): [number, number] {
  const guess = gcoord.transform([lon, lat], gcoord.BD09, gcoord.WGS84) as [number, number];
  return invert(wgs84ToBd09, lon, lat, guess);
}

/** WGS84 → BD-09 with gcoord. */
export function wgs84ToBd09(lon: number, lat: number): [number, number] {
  return gcoord.transform([lon, lat], gcoord.WGS84, gcoord.BD09) as [number, number];
}

/** A position in `crs` as WGS84 [lon, lat]. CGCS2000 is taken as WGS84. */
export function toWgs84(lon: number, lat: number, crs: CoordinateSystem): [number, number] {
  if (crs === 'gcj02') return gcj02ToWgs84(lon, lat);
  if (crs === 'bd09') return bd09ToWgs84(lon, lat);
  return [lon, lat];
}

type GcoordCrs = typeof gcoord.GCJ02 | typeof gcoord.BD09 | typeof gcoord.WGS84;

/** gcoord on a MultiPoint: one call for many points is ~8× faster than a call per point. */
function transformMany(
  positions: readonly (readonly [number, number])[],
  from: GcoordCrs,
  to: GcoordCrs,
): [number, number][] {
  if (positions.length === 0) return [];
  const geometry = { type: 'MultiPoint', coordinates: positions.map(([lon, lat]) => [lon, lat]) };
  const result = gcoord.transform(geometry as Parameters<typeof gcoord.transform>[0], from, to);
  return (result as unknown as MultiPoint).coordinates as [number, number][];
}

/** Many positions in `crs` as WGS84, with the same 1e-9° refinement as toWgs84. */
export function toWgs84Many(
  positions: readonly (readonly [number, number])[],
  crs: CoordinateSystem,
): [number, number][] {
  if (crs === 'wgs84' || crs === 'cgcs2000') return positions.map(([lon, lat]) => [lon, lat]);
  const from = crs === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09;
  const guesses = transformMany(positions, from, gcoord.WGS84);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const forward = transformMany(guesses, gcoord.WGS84, from);
    let worst = 0;
    for (let index = 0; index < guesses.length; index++) {
      const errorLon = forward[index]![0] - positions[index]![0];
      const errorLat = forward[index]![1] - positions[index]![1];
      worst = Math.max(worst, Math.abs(errorLon), Math.abs(errorLat));
      guesses[index] = [guesses[index]![0] - errorLon, guesses[index]![1] - errorLat];
    }
    if (!(worst >= INVERSE_TOLERANCE_DEG)) break;
  }
  return guesses;
}
