/**
 * An import result as it crosses from the worker to the page: its features and parameter-check
 * findings packed into columns (packed-records.ts), the rest as is. `unpackImportResult` gives back a
 * result equal to the one packed; a result whose features are not all plain 2-D points stays unpacked.
 */
import type { ImportResult } from './import-types';
import { type PackedRecords, packedBuffers, packRecords, unpackRecords } from './packed-records';
import type { CheckFinding } from './parameter-check';

export interface PackedImportResult {
  packed: true;
  /** The result's keys in their order, so the unpacked result lists them the same way. */
  keys: string[];
  checkKeys?: string[];
  /** The result without `features` and the check's `findings`. */
  rest: Omit<ImportResult, 'features' | 'check'> & {
    check?: Omit<NonNullable<ImportResult['check']>, 'findings'>;
  };
  coordinates: Float64Array;
  properties: PackedRecords;
  findings?: PackedRecords;
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

/** The result packed, with the buffers to transfer; the result itself when it cannot be packed. */
export function packImportResult(result: ImportResult): {
  value: PackedImportResult | ImportResult;
  transfer: ArrayBuffer[];
} {
  const features = result.features as PointFeature[];
  if (!features.every(plainPoint)) return { value: result, transfer: [] };
  const properties = packRecords(features.map((feature) => feature.properties as Record<string, unknown>));
  const findings = result.check
    ? packRecords(result.check.findings as unknown as Record<string, unknown>[])
    : undefined;
  if (!properties || (result.check && !findings)) return { value: result, transfer: [] };
  const coordinates = new Float64Array(features.length * 2);
  features.forEach((feature, index) => {
    coordinates[index * 2] = feature.geometry.coordinates[0]!;
    coordinates[index * 2 + 1] = feature.geometry.coordinates[1]!;
  });
  const { features: _features, check, ...others } = result;
  const rest: PackedImportResult['rest'] = others;
  if (check) {
    const { findings: _findings, ...checkRest } = check;
    rest.check = checkRest;
  }
  const value: PackedImportResult = {
    packed: true,
    keys: Object.keys(result),
    ...(check ? { checkKeys: Object.keys(check) } : {}),
    rest,
    coordinates,
    properties,
    findings,
  };
  const transfer = [
    coordinates.buffer as ArrayBuffer,
    ...packedBuffers(properties),
    ...(findings ? packedBuffers(findings) : []),
  ];
  return { value, transfer };
}

export function isPackedImportResult(value: unknown): value is PackedImportResult {
  return typeof value === 'object' && value !== null && (value as { packed?: unknown }).packed === true;
}

/** The import result a packed one stands for (an unpacked result comes back as is). */
export function unpackImportResult(value: PackedImportResult | ImportResult): ImportResult {
  if (!isPackedImportResult(value)) return value;
  const properties = unpackRecords(value.properties);
  const { coordinates } = value;
  const features = properties.map((featureProperties, index) => ({
    type: 'Feature' as const,
    geometry: {
      type: 'Point' as const,
      coordinates: [coordinates[index * 2]!, coordinates[index * 2 + 1]!],
    },
    properties: featureProperties,
  }));
  const { check, ...rest } = value.rest;
  const parts: Record<string, unknown> = { ...rest, features };
  if (check) {
    const findings = value.findings ? (unpackRecords(value.findings) as unknown as CheckFinding[]) : [];
    parts.check = inOrder({ ...check, findings }, value.checkKeys ?? []);
  }
  return inOrder(parts, value.keys) as unknown as ImportResult;
}

/** The object's keys in the given order (keys it lacks are skipped). */
function inOrder(parts: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const key of keys) if (Object.hasOwn(parts, key)) ordered[key] = parts[key];
  return ordered;
}
