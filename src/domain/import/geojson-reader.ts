/** GeoJSON reading: a FeatureCollection, a single Feature, or a bare array of features. */
import type { FeatureSource } from './import-types';
import { ImportFailureError } from './limits';
import { featureSource } from './source-features';
import { boundValues } from './text-bounds';
import { decodeText } from './text-decoding';

/** Names of the legacy `crs` member that mean geographic WGS84/CGCS2000 lon/lat. */
const GEOGRAPHIC_CRS = /(4326|4490|4610|crs84|wgs\s*84|cgcs\s*2000)$/i;

/** Reads GeoJSON bytes; a legacy `crs` naming a projected system is kept for a warning. */
export function readGeoJson(bytes: Uint8Array): FeatureSource {
  const { text } = decodeText(bytes);
  // A feature is a few objects (feature, geometry, properties); a value is at most one comma.
  boundValues(text, '{', 10, ',');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ImportFailureError('invalidJson', {
      detail: (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200),
    });
  }
  const root = data as {
    type?: unknown;
    features?: unknown;
    crs?: { properties?: { name?: unknown } };
  } | null;
  let features: unknown[];
  if (Array.isArray(root)) features = root;
  else if (root?.type === 'FeatureCollection' && Array.isArray(root.features)) features = root.features;
  else if (root?.type === 'Feature') features = [root];
  else throw new ImportFailureError('notGeoJson');
  const crsName = root && !Array.isArray(root) ? root.crs?.properties?.name : undefined;
  const declaredCrs =
    typeof crsName === 'string' && !GEOGRAPHIC_CRS.test(crsName) ? crsName.slice(0, 200) : undefined;
  return featureSource('geojson', features, { encoding: 'utf-8', declaredCrs });
}
