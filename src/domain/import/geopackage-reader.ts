/**
 * GeoPackage reading (QGIS's default format) with sql.js: the first feature table of points, its
 * attributes as text and its positions from the GeoPackageBinary + WKB blobs. Only real tables named in
 * gpkg_contents are read (a view could loop forever), the row count is checked against the limit
 * before any row is read, and identifiers from the file are quoted. A spatial reference system other
 * than geographic WGS84/CGCS2000 is named for the projected-coordinates warning.
 */
import { quoteIdentifier, readGpkgHeader } from '../geopackage/gpkg-format';
import type { Database, SqlJsStatic } from '../geopackage/sqlite-loader';
import { decodeWkb, WkbError } from '../geopackage/wkb';
import type { FeatureSource, ImportWarning } from './import-types';
import { IMPORT_LIMITS, ImportFailureError } from './limits';
import { featureSource } from './source-features';

/** EPSG codes of geographic longitude/latitude systems read as WGS84 (CGCS2000 differs by centimetres). */
const GEOGRAPHIC_SRS = new Set([4326, 4490, 4610, 4979, 4167]);
const POINT_TYPES = new Set(['POINT', 'MULTIPOINT', 'GEOMETRY']);

interface FeatureTable {
  table: string;
  geometryColumn: string;
  geometryType: string;
  organization: string;
  coordsysId: number;
  srsName: string;
}

function rows(database: Database, sql: string, params: (string | number)[] = []): unknown[][] {
  const result = database.exec(sql, params);
  return result[0]?.values ?? [];
}

function isTable(database: Database, name: string): boolean {
  return rows(database, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]).length > 0;
}

function featureTables(database: Database): FeatureTable[] {
  for (const required of ['gpkg_contents', 'gpkg_geometry_columns']) {
    if (!isTable(database, required)) throw new ImportFailureError('invalidGeoPackage', { part: required });
  }
  const hasSrs = isTable(database, 'gpkg_spatial_ref_sys');
  const found = rows(
    database,
    `SELECT g.table_name, g.column_name, upper(g.geometry_type_name), ${
      hasSrs
        ? "coalesce(s.organization, ''), coalesce(s.organization_coordsys_id, g.srs_id), coalesce(s.srs_name, '')"
        : "'', g.srs_id, ''"
    }
     FROM gpkg_geometry_columns g JOIN gpkg_contents c ON c.table_name = g.table_name
     ${hasSrs ? 'LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id' : ''}
     WHERE c.data_type = 'features' ORDER BY c.rowid`,
  );
  return found.map((row) => ({
    table: String(row[0]),
    geometryColumn: String(row[1]),
    geometryType: String(row[2]),
    organization: String(row[3]).toUpperCase(),
    coordsysId: Number(row[4]),
    srsName: String(row[5]),
  }));
}

/** Reads a GeoPackage's first point layer into a feature source. */
export function readGeoPackage(bytes: Uint8Array, sqlite: SqlJsStatic): FeatureSource {
  let database: Database;
  try {
    database = new sqlite.Database(bytes);
  } catch (error) {
    throw new ImportFailureError('invalidGeoPackage', { part: errorText(error) });
  }
  try {
    return readTables(database);
  } catch (error) {
    if (error instanceof ImportFailureError) throw error;
    // SQLite refuses a damaged file as it reads it ("database disk image is malformed").
    throw new ImportFailureError('invalidGeoPackage', { part: errorText(error) });
  } finally {
    database.close();
  }
}

function readTables(database: Database): FeatureSource {
  const tables = featureTables(database).filter((table) => isTable(database, table.table));
  const points = tables.filter((table) => POINT_TYPES.has(table.geometryType));
  const chosen = points[0];
  if (!chosen) {
    const types = [...new Set(tables.map((table) => table.geometryType))].join(', ') || 'none';
    throw new ImportFailureError('noPointLayer', { types: types.slice(0, 120) });
  }
  const readWarnings: ImportWarning[] = [];
  if (tables.length > 1) {
    readWarnings.push({
      code: 'gpkgLayer',
      params: { used: chosen.table.slice(0, 80), count: tables.length },
    });
  }
  const table = quoteIdentifier(chosen.table);
  const count = Number(rows(database, `SELECT count(*) FROM ${table}`)[0]?.[0] ?? 0);
  if (count > IMPORT_LIMITS.maxRows)
    throw new ImportFailureError('tooManyRows', { limit: IMPORT_LIMITS.maxRows });
  const columns = rows(database, `PRAGMA table_info(${table})`)
    .map((row) => ({ name: String(row[1]), primaryKey: Number(row[5]) > 0 }))
    .filter((column) => column.name !== chosen.geometryColumn && !column.primaryKey)
    .slice(0, IMPORT_LIMITS.maxColumns);
  if (count * columns.length > IMPORT_LIMITS.maxCells) {
    throw new ImportFailureError('tooManyCells', { limit: IMPORT_LIMITS.maxCells });
  }
  const selected = [
    quoteIdentifier(chosen.geometryColumn),
    ...columns.map((column) => quoteIdentifier(column.name)),
  ];
  const statement = database.prepare(`SELECT ${selected.join(', ')} FROM ${table}`);
  const features: unknown[] = [];
  try {
    while (statement.step()) {
      const values = statement.get();
      const properties: Record<string, unknown> = {};
      columns.forEach((column, index) => {
        const value = values[index + 1];
        properties[column.name] = value instanceof Uint8Array ? '' : value;
      });
      features.push({ type: 'Feature', geometry: geometryOf(values[0]), properties });
    }
  } finally {
    statement.free();
  }
  const geographic =
    (chosen.organization === 'EPSG' && GEOGRAPHIC_SRS.has(chosen.coordsysId)) ||
    (chosen.organization === 'NONE' && chosen.coordsysId === 0);
  return featureSource('geopackage', features, {
    encoding: 'utf-8',
    declaredCrs: geographic
      ? undefined
      : `${chosen.srsName || chosen.organization} ${chosen.coordsysId}`.trim(),
    readWarnings,
  });
}

/** The GeoJSON geometry of a GeoPackageBinary blob, or a marker the row reader reports. */
function geometryOf(value: unknown): unknown {
  if (!(value instanceof Uint8Array)) return null;
  const header = readGpkgHeader(value);
  if (!header || header.empty) return null;
  try {
    const decoded = decodeWkb(value, header.wkbOffset);
    return 'geometry' in decoded ? decoded.geometry : { type: decoded.unsupported };
  } catch (error) {
    if (error instanceof WkbError) return { type: 'Point', coordinates: null };
    throw error;
  }
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 160);
}
