/** Turning GeoJSON-shaped features (from GeoJSON, KML via togeojson, or a shapefile) into source features. */
import type { FeatureSource, ImportWarning, SourceFeature } from './import-types';
import { IMPORT_LIMITS, ImportFailureError } from './limits';

const MAX_TEXT_LENGTH = 10_000;

/** Attribute value as text: numbers as JavaScript prints them, objects as JSON, null as ''. */
export function attributeText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim().slice(0, MAX_TEXT_LENGTH);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(value).slice(0, MAX_TEXT_LENGTH);
  } catch {
    return '';
  }
}

function isNumberPair(value: unknown): value is [number, number, ...number[]] {
  return (
    Array.isArray(value) && value.length >= 2 && typeof value[0] === 'number' && typeof value[1] === 'number'
  );
}

/** The point of a Point, or of a MultiPoint holding exactly one point; a problem otherwise. */
export function pointOf(geometry: unknown): Pick<SourceFeature, 'position' | 'problem' | 'geometryType'> {
  if (geometry === null || geometry === undefined) return { problem: 'missingGeometry' };
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type === 'MultiPoint' && Array.isArray(coordinates) && coordinates.length === 1) {
    return pointOf({ type: 'Point', coordinates: coordinates[0] });
  }
  if (type !== 'Point') return { problem: 'unsupportedGeometry', geometryType: String(type).slice(0, 40) };
  if (!isNumberPair(coordinates) || !Number.isFinite(coordinates[0]) || !Number.isFinite(coordinates[1])) {
    return { problem: 'invalidCoordinates', geometryType: 'Point' };
  }
  return { position: [coordinates[0], coordinates[1]] };
}

/** Builds a FeatureSource from GeoJSON-like features; the feature-level id stands in for a missing `id`. */
export function featureSource(
  format: FeatureSource['format'],
  rawFeatures: readonly unknown[],
  extra: Partial<Pick<FeatureSource, 'encoding' | 'declaredCrs'>> & {
    readWarnings?: ImportWarning[];
    /** Feature numbers when they are not simply 1, 2, 3… (a shapefile with deleted records). */
    numbers?: readonly number[];
  } = {},
): FeatureSource {
  if (rawFeatures.length > IMPORT_LIMITS.maxRows) {
    throw new ImportFailureError('tooManyRows', { limit: IMPORT_LIMITS.maxRows });
  }
  const fields: string[] = [];
  const seenFields = new Set<string>();
  let droppedAttributes = 0;
  let cellCount = 0;
  // The first maxColumns attribute names are read; a feature's others are left out (one warning).
  const keep = (key: string): boolean => {
    if (seenFields.has(key)) return true;
    if (fields.length >= IMPORT_LIMITS.maxColumns) return false;
    seenFields.add(key);
    fields.push(key);
    return true;
  };
  const features: SourceFeature[] = rawFeatures.map((raw, index) => {
    const feature = (raw ?? {}) as { geometry?: unknown; properties?: unknown; id?: unknown };
    const attributes: Record<string, string> = Object.create(null);
    const properties =
      feature.properties && typeof feature.properties === 'object' && !Array.isArray(feature.properties)
        ? (feature.properties as Record<string, unknown>)
        : {};
    let dropped = 0;
    for (const key in properties) {
      if (!Object.hasOwn(properties, key)) continue;
      if (keep(key)) {
        attributes[key] = attributeText(properties[key]);
        cellCount++;
      } else dropped++;
    }
    if (attributes.id === undefined && feature.id !== undefined && keep('id')) {
      attributes.id = attributeText(feature.id);
      cellCount++;
    }
    droppedAttributes = Math.max(droppedAttributes, dropped);
    if (cellCount > IMPORT_LIMITS.maxCells) {
      throw new ImportFailureError('tooManyCells', { limit: IMPORT_LIMITS.maxCells });
    }
    return { number: extra.numbers?.[index] ?? index + 1, ...pointOf(feature.geometry), attributes };
  });
  const readWarnings = [...(extra.readWarnings ?? [])];
  if (droppedAttributes > 0) {
    readWarnings.push({
      code: 'extraColumnsDropped',
      params: { limit: IMPORT_LIMITS.maxColumns, count: droppedAttributes },
    });
  }
  return {
    kind: 'features',
    format,
    fields,
    features,
    encoding: extra.encoding,
    declaredCrs: extra.declaredCrs,
    readWarnings,
  };
}
