/**
 * The calibration's residual dots as GeoJSON text for the map, written in the coverage worker. MapLibre
 * parses a URL-loaded GeoJSON in its worker, then hands the whole object back to the main thread (its
 * source keeps a copy), one message per source: 200,000 point features made that one task of over a
 * second. So the dots come in pieces of DOTS_PER_PIECE, one map source each (one short task each), and
 * within a piece the dots of one ERROR_STEP_DB share a MultiPoint (a quarter of the objects to rebuild).
 */
import type { MeasurementComparison } from './compare-measurements';

/** Most dots sent to the map: beyond it every k-th sample is drawn (the figures use all of them). */
export const DOT_LIMIT = 200_000;
/** Dots per piece (per map source). */
export const DOTS_PER_PIECE = 10_000;
export const RESIDUAL_PIECES = Math.ceil(DOT_LIMIT / DOTS_PER_PIECE);
/** Colour resolution of the dots: the scale runs over ±15 dB, half a decibel is not visible. */
export const ERROR_STEP_DB = 0.5;

/** GeoJSON text of the dots in pieces, written as text (no array of 10⁵ feature objects). */
export function residualDots(
  comparison: Pick<MeasurementComparison, 'count' | 'lon' | 'lat'>,
  errorsDb: Float32Array,
): { blobs: Blob[]; shown: number } {
  const stride = Math.max(1, Math.ceil(comparison.count / DOT_LIMIT));
  const blobs: Blob[] = [];
  let shown = 0;
  let byStep = new Map<number, string[]>();
  const flush = () => {
    const features = [...byStep].map(
      ([step, points]) =>
        `{"type":"Feature","geometry":{"type":"MultiPoint","coordinates":[${points.join(',')}]},"properties":{"e":${step * ERROR_STEP_DB}}}`,
    );
    blobs.push(
      new Blob(['{"type":"FeatureCollection","features":[', features.join(','), ']}'], {
        type: 'application/geo+json',
      }),
    );
    byStep = new Map();
  };
  for (let index = 0; index < comparison.count; index += stride) {
    const step = Math.round(errorsDb[index]! / ERROR_STEP_DB);
    const point = `[${comparison.lon[index]!.toFixed(6)},${comparison.lat[index]!.toFixed(6)}]`;
    const points = byStep.get(step);
    if (points) points.push(point);
    else byStep.set(step, [point]);
    shown++;
    if (shown % DOTS_PER_PIECE === 0) flush();
  }
  if (byStep.size > 0) flush();
  return { blobs, shown };
}
