/**
 * Local metric frame around a reference latitude: equirectangular, accurate to well under 0.5%
 * across a city, and far cheaper than geodesic formulas inside samplers that test millions of points.
 */

/** Mean Earth radius, metres (Turf's default). */
export const EARTH_RADIUS_M = 6_371_008.8;

const METRES_PER_DEGREE_LAT = (Math.PI / 180) * EARTH_RADIUS_M;

export interface LocalMetresFrame {
  metresPerDegreeLon: number;
  metresPerDegreeLat: number;
}

/** Frame for a reference latitude in degrees. */
export function localMetresFrame(referenceLatDeg: number): LocalMetresFrame {
  return {
    metresPerDegreeLat: METRES_PER_DEGREE_LAT,
    metresPerDegreeLon: METRES_PER_DEGREE_LAT * Math.cos((referenceLatDeg * Math.PI) / 180),
  };
}

/** Rounds a coordinate to 6 decimals (~0.1 m), so generated output is byte-stable. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
