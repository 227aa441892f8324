/**
 * Writing feature layers into a GeoPackage (QGIS's default format) with sql.js: points for sites and
 * poles, polygons for gaps and candidate areas, WGS84 (EPSG:4326) like every geometry in the app.
 * Each layer's columns come from its features' properties: numbers as REAL (INTEGER when every value
 * is whole), booleans as BOOLEAN, text as TEXT, anything else as JSON text. Text is stored as UTF-8, so
 * Chinese names arrive intact. The file is built in memory and returned as bytes.
 */
import type { Feature } from 'geojson';
import {
  type Envelope,
  GPKG_APPLICATION_ID,
  GPKG_SCHEMA,
  GPKG_USER_VERSION,
  gpkgGeometryBlob,
  quoteIdentifier,
  WGS84_SRS_ID,
} from './gpkg-format';
import type { SqlJsStatic } from './sqlite-loader';
import { encodeWkb, isWkbGeometry, type WkbGeometry } from './wkb';

export type GpkgGeometryType = 'POINT' | 'MULTIPOINT' | 'POLYGON' | 'MULTIPOLYGON';

export interface GpkgLayer {
  /** Table name (letters, digits and underscores keep every GIS tool happy). */
  name: string;
  /** Human-readable name and description for gpkg_contents. */
  identifier?: string;
  description?: string;
  geometryType: GpkgGeometryType;
  features: readonly Feature[];
}

type ColumnType = 'INTEGER' | 'REAL' | 'BOOLEAN' | 'TEXT';

const GEOMETRY_COLUMN = 'geom';

/** The SQL type that holds every value of a property across the features. */
function columnTypes(features: readonly Feature[]): Map<string, ColumnType> {
  const types = new Map<string, ColumnType>();
  const nullOnly = new Set<string>();
  for (const feature of features) {
    for (const [key, value] of Object.entries(feature.properties ?? {})) {
      if (value === null || value === undefined) {
        if (!types.has(key)) nullOnly.add(key);
        continue;
      }
      nullOnly.delete(key);
      const own: ColumnType =
        typeof value === 'boolean'
          ? 'BOOLEAN'
          : typeof value === 'number'
            ? Number.isInteger(value)
              ? 'INTEGER'
              : 'REAL'
            : 'TEXT';
      const known = types.get(key);
      if (known === undefined || known === own) types.set(key, own);
      else if ((known === 'INTEGER' && own === 'REAL') || (known === 'REAL' && own === 'INTEGER'))
        types.set(key, 'REAL');
      else types.set(key, 'TEXT');
    }
  }
  // A column that only ever held null is text.
  for (const key of nullOnly) if (!types.has(key)) types.set(key, 'TEXT');
  return types;
}

function sqlValue(value: unknown, type: ColumnType): number | string | null {
  if (value === null || value === undefined) return null;
  if (type === 'BOOLEAN') return value ? 1 : 0;
  if (type === 'INTEGER' || type === 'REAL') return typeof value === 'number' ? value : null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function envelopeOf(geometry: WkbGeometry): Envelope {
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  const visit = (position: number[]) => {
    minX = Math.min(minX, position[0]!);
    maxX = Math.max(maxX, position[0]!);
    minY = Math.min(minY, position[1]!);
    maxY = Math.max(maxY, position[1]!);
  };
  if (geometry.type === 'Point') visit(geometry.coordinates);
  else if (geometry.type === 'MultiPoint') geometry.coordinates.forEach(visit);
  else if (geometry.type === 'Polygon') for (const ring of geometry.coordinates) ring.forEach(visit);
  else for (const polygon of geometry.coordinates) for (const ring of polygon) ring.forEach(visit);
  return [minX, maxX, minY, maxY];
}

function writeLayer(database: InstanceType<SqlJsStatic['Database']>, layer: GpkgLayer, nowIso: string): void {
  const table = quoteIdentifier(layer.name);
  const types = columnTypes(layer.features);
  const columns = [...types].filter(([name]) => name.toLowerCase() !== 'fid' && name !== GEOMETRY_COLUMN);
  const definitions = columns.map(([name, type]) => `${quoteIdentifier(name)} ${type}`);
  database.run(
    `CREATE TABLE ${table} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, ${GEOMETRY_COLUMN} ${layer.geometryType}${
      definitions.length > 0 ? `, ${definitions.join(', ')}` : ''
    })`,
  );
  const placeholders = ['?', ...columns.map(() => '?')].join(', ');
  const names = [GEOMETRY_COLUMN, ...columns.map(([name]) => quoteIdentifier(name))].join(', ');
  const insert = database.prepare(`INSERT INTO ${table} (${names}) VALUES (${placeholders})`);
  let bounds: Envelope | undefined;
  try {
    for (const feature of layer.features) {
      const geometry = feature.geometry;
      if (!isWkbGeometry(geometry)) continue;
      const envelope = envelopeOf(geometry);
      bounds = bounds
        ? [
            Math.min(bounds[0], envelope[0]),
            Math.max(bounds[1], envelope[1]),
            Math.min(bounds[2], envelope[2]),
            Math.max(bounds[3], envelope[3]),
          ]
        : envelope;
      const blob = gpkgGeometryBlob(
        encodeWkb(geometry),
        WGS84_SRS_ID,
        geometry.type === 'Point' ? undefined : envelope,
      );
      const properties = (feature.properties ?? {}) as Record<string, unknown>;
      insert.run([blob, ...columns.map(([name, type]) => sqlValue(properties[name], type))]);
    }
  } finally {
    insert.free();
  }
  database.run(
    'INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [
      layer.name,
      'features',
      layer.identifier ?? layer.name,
      layer.description ?? '',
      nowIso,
      bounds?.[0] ?? null,
      bounds?.[2] ?? null,
      bounds?.[1] ?? null,
      bounds?.[3] ?? null,
      WGS84_SRS_ID,
    ],
  );
  database.run('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)', [
    layer.name,
    GEOMETRY_COLUMN,
    layer.geometryType,
    WGS84_SRS_ID,
  ]);
}

/** A GeoPackage holding `layers` (each a table), as bytes. `nowIso` stamps gpkg_contents.last_change. */
export function writeGeoPackage(
  sqlite: SqlJsStatic,
  layers: readonly GpkgLayer[],
  nowIso: string,
): Uint8Array {
  const database = new sqlite.Database();
  try {
    database.run(`PRAGMA application_id = ${GPKG_APPLICATION_ID}`);
    database.run(`PRAGMA user_version = ${GPKG_USER_VERSION}`);
    database.run('BEGIN');
    database.exec(GPKG_SCHEMA);
    for (const layer of layers) writeLayer(database, layer, nowIso);
    database.run('COMMIT');
    return database.export();
  } finally {
    database.close();
  }
}
