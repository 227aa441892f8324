/**
 * The parts of the OGC GeoPackage encoding standard (12-128r18; files are marked 1.3) that a file of feature
 * layers needs: the application id, the three required metadata tables with the required spatial
 * reference systems, and the GeoPackageBinary geometry header in front of each WKB blob.
 */

/** PRAGMA application_id of a GeoPackage: "GPKG" as a big-endian 32-bit integer. */
export const GPKG_APPLICATION_ID = 0x47504b47;
/** PRAGMA user_version: GeoPackage 1.3.0, which every GDAL since 2.3 reads without a warning. */
export const GPKG_USER_VERSION = 10300;

export const WGS84_SRS_ID = 4326;

const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],' +
  'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],' +
  'UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],' +
  'AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]';

/** The required tables, and the three spatial reference systems every GeoPackage lists. */
export const GPKG_SCHEMA = `
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '', last_change DATETIME NOT NULL, min_x DOUBLE, min_y DOUBLE,
  max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
INSERT INTO gpkg_spatial_ref_sys VALUES
  ('Undefined Cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined Cartesian coordinate reference system'),
  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
  ('WGS 84 geodetic', ${WGS84_SRS_ID}, 'EPSG', 4326, '${WGS84_WKT}',
   'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
`;

export type Envelope = [minX: number, maxX: number, minY: number, maxY: number];

/**
 * A GeoPackageBinary blob: "GP", version 0, flags (little-endian header; envelope [minx, maxx, miny,
 * maxy] for anything but a point, none for a point, as the standard allows), srs_id, then the WKB.
 */
export function gpkgGeometryBlob(wkb: Uint8Array, srsId: number, envelope: Envelope | undefined): Uint8Array {
  const headerBytes = 8 + (envelope ? 32 : 0);
  const blob = new Uint8Array(headerBytes + wkb.byteLength);
  const view = new DataView(blob.buffer);
  blob[0] = 0x47;
  blob[1] = 0x50;
  blob[2] = 0;
  blob[3] = (envelope ? 1 << 1 : 0) | 1;
  view.setInt32(4, srsId, true);
  envelope?.forEach((value, index) => {
    view.setFloat64(8 + index * 8, value, true);
  });
  blob.set(wkb, headerBytes);
  return blob;
}

/** Where the WKB starts in a GeoPackageBinary blob, its srs_id and whether it is empty; undefined if not one. */
export function readGpkgHeader(
  blob: Uint8Array,
): { wkbOffset: number; srsId: number; empty: boolean } | undefined {
  if (blob.byteLength < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) return undefined;
  const flags = blob[3]!;
  const envelopeCode = (flags >> 1) & 0x07;
  const envelopeDoubles = [0, 4, 6, 6, 8][envelopeCode];
  if (envelopeDoubles === undefined) return undefined;
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const srsId = view.getInt32(4, (flags & 1) === 1);
  const wkbOffset = 8 + envelopeDoubles * 8;
  if (wkbOffset > blob.byteLength) return undefined;
  return { wkbOffset, srsId, empty: (flags & (1 << 4)) !== 0 };
}

/** A SQL identifier in double quotes, with its quotes doubled (names come from files). */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
