/**
 * Point features packed for a trip between threads: coordinates in one Float64Array, properties in
 * columns (packed-records.ts). Used for the import worker's result and for the site list a full coverage
 * compute sends to its worker, where a structured clone of 130,000 feature objects cost seconds on
 * both sides. Only plain 2-D points with a properties object pack; anything else stays as it is.
 */
import { type PackedRecords, packedBuffers, packRecords, unpackRecords } from './packed-records';

export interface PackedPoints {
  packedPoints: true;
  coordinates: Float64Array;
  properties: PackedRecords;
}

type PointFeature = {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: number[] };
  properties: object;
};

function plainPoint(feature: PointFeature): boolean {
  const keys = Object.keys(feature);
  const geometryKeys = Object.keys(feature.geometry ?? {});
  return (
    keys.length === 3 &&
    keys[0] === 'type' &&
    keys[1] === 'geometry' &&
    keys[2] === 'properties' &&
    geometryKeys.length === 2 &&
    geometryKeys[0] === 'type' &&
    feature.geometry.type === 'Point' &&
    feature.geometry.coordinates.length === 2 &&
    typeof feature.properties === 'object' &&
    feature.properties !== null
  );
}

/** The features packed with the buffers to transfer; undefined when one is not a plain 2-D point. */
export function packPoints(
  features: readonly PointFeature[],
): { packed: PackedPoints; transfer: ArrayBuffer[] } | undefined {
  if (!features.every(plainPoint)) return undefined;
  const properties = packRecords(features.map((feature) => feature.properties as Record<string, unknown>));
  if (!properties) return undefined;
  const coordinates = new Float64Array(features.length * 2);
  features.forEach((feature, index) => {
    coordinates[index * 2] = feature.geometry.coordinates[0]!;
    coordinates[index * 2 + 1] = feature.geometry.coordinates[1]!;
  });
  const packed: PackedPoints = { packedPoints: true, coordinates, properties };
  return { packed, transfer: [coordinates.buffer as ArrayBuffer, ...packedBuffers(properties)] };
}

export function isPackedPoints(value: unknown): value is PackedPoints {
  return typeof value === 'object' && value !== null && (value as PackedPoints).packedPoints === true;
}

/** The features back, equal to those packed. */
export function unpackPoints<Feature>(packed: PackedPoints): Feature[] {
  const { coordinates } = packed;
  return unpackRecords(packed.properties).map(
    (properties, index) =>
      ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [coordinates[index * 2]!, coordinates[index * 2 + 1]!] },
        properties,
      }) as Feature,
  );
}
