/**
 * The calibration's residual dots for the map, made in the coverage worker as two typed arrays that are
 * transferred (not copied) to the page and drawn by a WebGL layer (map/calibration-layer.ts) in one
 * draw call. As GeoJSON, 200,000 dots cost the main thread MapLibre's hand-back of every parsed feature
 * (a task of over a second whole, still 100–800 ms tasks in pieces) and the garbage of 10⁵ objects.
 *
 * Positions are Web Mercator (0…1 over the world, y down, as MapLibre's matrices take them), stored as
 * Float32 offsets from an origin kept in Float64: Float32 alone is ~2 m at Shanghai, a visible jitter at
 * street zoom; offsets within a city keep well under a millimetre.
 */
import type { MeasurementComparison } from './compare-measurements';

/** Most dots sent to the map: beyond it every k-th sample is drawn (the figures use all of them). */
export const DOT_LIMIT = 200_000;

export interface ResidualDots {
  /** Mercator x and y of the origin the offsets are measured from. */
  originX: number;
  originY: number;
  /** Mercator offsets from the origin, x and y interleaved. */
  offsets: Float32Array;
  /** Each dot's error, dB (prediction − measurement, with the corrections in force). */
  errorsDb: Float32Array;
  /** Dots drawn (every sample up to DOT_LIMIT, then every k-th). */
  shown: number;
}

/** Web Mercator x of a longitude (0 at −180°, 1 at 180°). */
export const mercatorX = (lon: number): number => (lon + 180) / 360;
/** Web Mercator y of a latitude (0 at the top of the world, 1 at the bottom). */
export const mercatorY = (lat: number): number =>
  0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI);

/** The dots of the matched samples (every k-th past DOT_LIMIT), coloured by `errorsDb`. */
export function residualDots(
  comparison: Pick<MeasurementComparison, 'count' | 'lon' | 'lat'>,
  errorsDb: Float32Array,
): ResidualDots {
  const stride = Math.max(1, Math.ceil(comparison.count / DOT_LIMIT));
  const shown = Math.ceil(comparison.count / stride);
  const originX = shown > 0 ? mercatorX(comparison.lon[0]!) : 0;
  const originY = shown > 0 ? mercatorY(comparison.lat[0]!) : 0;
  const offsets = new Float32Array(shown * 2);
  const errors = new Float32Array(shown);
  for (let dot = 0, index = 0; dot < shown; dot++, index += stride) {
    offsets[dot * 2] = mercatorX(comparison.lon[index]!) - originX;
    offsets[dot * 2 + 1] = mercatorY(comparison.lat[index]!) - originY;
    errors[dot] = errorsDb[index]!;
  }
  return { originX, originY, offsets, errorsDb: errors, shown };
}
