/**
 * Types of the import pipeline: read a file into a source (a table or a list of features), detect
 * which column is which, then convert and validate into WGS84 site or pole features with a report.
 * Every message is a code plus parameters, never a sentence, so the UI can translate it.
 */
import type { PoleFeature, SiteFeature, SiteProperties, SiteStatus } from '../types';
import type { ParameterCheck } from './parameter-check';

export type ImportFormat = 'csv' | 'xlsx' | 'geojson' | 'kml' | 'kmz' | 'shapefile' | 'geopackage';
/** cgcs2000 is read as WGS84: the two differ by centimetres, far less than a cell. */
export type CoordinateSystem = 'wgs84' | 'cgcs2000' | 'gcj02' | 'bd09';
export const COORDINATE_SYSTEMS: readonly CoordinateSystem[] = ['wgs84', 'cgcs2000', 'gcj02', 'bd09'];
/** The layers that become map features (buildImport). */
export type ImportLayer = 'sites' | 'poles';
export const IMPORT_LAYERS: readonly ImportLayer[] = ['sites', 'poles'];
/** What a table can be read as: features of a layer, or measurements (drive test, MR; build-measurements.ts). */
export type ImportTarget = ImportLayer | 'measurements';

/** Fields the importer can fill from a column. */
export type ImportField = SiteImportField | MeasurementImportField;
export type SiteImportField =
  | 'lon'
  | 'lat'
  | 'id'
  | 'name'
  | 'azimuth'
  | 'height'
  | 'band'
  | 'kind'
  | 'mechanicalTilt'
  | 'electricalTilt'
  | 'tilt'
  | 'verticalBeamwidth'
  | 'beamwidth'
  | 'pci';
/** A measurement's RSRP, SINR, serving PCI, serving cell or site id, and time. */
export type MeasurementImportField = 'lon' | 'lat' | 'rsrp' | 'sinr' | 'pci' | 'cell' | 'time';
/**
 * Site and pole fields in detection order: a field takes its best column first, so the specific tilt and
 * beamwidth fields come before the general ones ("机械下倾角" would otherwise count as a partial "下倾").
 */
export const IMPORT_FIELDS: readonly SiteImportField[] = [
  'lon',
  'lat',
  'id',
  'name',
  'azimuth',
  'height',
  'band',
  'kind',
  'mechanicalTilt',
  'electricalTilt',
  'tilt',
  'verticalBeamwidth',
  'beamwidth',
  'pci',
];
/**
 * Measurement fields, matched in this order among measurement columns only, so a "Cell ID" column is the
 * serving cell here while a site sheet's id detection is unchanged.
 */
export const MEASUREMENT_FIELDS: readonly MeasurementImportField[] = [
  'lon',
  'lat',
  'rsrp',
  'sinr',
  'pci',
  'cell',
  'time',
];
/** Every field, for mappings (a field a layer does not read stays unmatched). */
export const ALL_IMPORT_FIELDS: readonly ImportField[] = [...IMPORT_FIELDS, 'rsrp', 'sinr', 'cell', 'time'];

/** Why a whole file could not be read. `params` fill the translated message. */
export type ImportFailureCode =
  | 'fileTooLarge'
  | 'emptyFile'
  | 'unknownFormat'
  | 'legacyXls'
  | 'notText'
  | 'noHeaderRow'
  | 'invalidJson'
  | 'notGeoJson'
  | 'invalidXml'
  | 'xmlDoctype'
  | 'invalidZip'
  | 'zipTooManyEntries'
  | 'zipTooLarge'
  | 'missingPart'
  | 'invalidShapefile'
  | 'invalidXlsx'
  | 'invalidGeoPackage'
  | 'noPointLayer'
  | 'tooManyRows'
  | 'tooManyCells'
  | 'kmlTooLarge'
  | 'noXmlParser'
  | 'unreadable';

export interface ImportFailure {
  code: ImportFailureCode;
  params?: Record<string, string | number>;
}

/** A table read from CSV, TSV or Excel: text cells, with the row numbers the user sees. */
export interface TableSource {
  kind: 'table';
  format: 'csv' | 'xlsx';
  headers: string[];
  /** Data rows below the header; cells are trimmed text ('' when empty). */
  rows: string[][];
  /** 1-based row number of each data row as the user sees it in the file (header and title rows count). */
  rowNumbers: number[];
  headerRowNumber: number;
  /** Text encoding (CSV) or 'xlsx'. */
  encoding: string;
  /** Field delimiter for CSV/TSV. */
  delimiter?: string;
  /** Name of the sheet read (xlsx). */
  sheetName?: string;
  /** Warnings found while reading (e.g. columns beyond the limit dropped). */
  readWarnings?: ImportWarning[];
}

export type GeometryProblem = 'missingGeometry' | 'unsupportedGeometry' | 'invalidCoordinates';

/** One feature from GeoJSON, KML or a shapefile: a raw point (in the file's CRS) and its attributes. */
export interface SourceFeature {
  /** 1-based number of the feature in the file as the user would count it. */
  number: number;
  /** [x, y] as written in the file; undefined when the geometry is not a usable point. */
  position?: [number, number];
  problem?: GeometryProblem;
  /** Geometry type when it was not a point, for the report. */
  geometryType?: string;
  /** Attribute values as text ('' when empty), keyed by attribute name. */
  attributes: Record<string, string>;
}

export interface FeatureSource {
  kind: 'features';
  format: 'geojson' | 'kml' | 'kmz' | 'shapefile' | 'geopackage';
  /** Attribute names in first-seen order. */
  fields: string[];
  features: SourceFeature[];
  /** Attribute encoding (shapefile .dbf) when known. */
  encoding?: string;
  /** Coordinate system the file declares, when it declares one we cannot convert (e.g. a projected .prj). */
  declaredCrs?: string;
  /** Warnings found while reading (e.g. missing .cpg). */
  readWarnings: ImportWarning[];
}

export type ImportSource = TableSource | FeatureSource;

export type Confidence = 'exact' | 'partial' | 'none';

export interface FieldMatch {
  field: ImportField;
  /** Column (table) or attribute (features) index in `headers`/`fields`; undefined when not found. */
  column?: number;
  confidence: Confidence;
  /** Other columns that matched as well as the chosen one: the user should choose. */
  alternatives: number[];
}

export interface ColumnMapping {
  /** Column names the mapping indexes into. */
  columns: string[];
  fields: Record<ImportField, FieldMatch>;
  /** True when the UI should show the mapping dialog (missing coordinates, ties, partial matches). */
  needsReview: boolean;
}

/** A user's mapping choice: field → column index, or null for "not in this file". */
export type MappingChoice = Partial<Record<ImportField, number | null>>;

export type RejectReason =
  | 'missingCoordinate'
  | 'nonNumericCoordinate'
  | 'outOfRange'
  | 'outsideShanghai'
  | 'duplicateId'
  | 'duplicateRow'
  | 'missingGeometry'
  | 'unsupportedGeometry'
  | 'invalidCoordinates'
  | 'missingRsrp'
  | 'rsrpOutOfRange'
  | 'farFromSites';

export interface RejectedRow {
  /** 1-based row number as the user sees it (or feature number, see ImportResult.rowUnit). */
  row: number;
  reason: RejectReason;
  params?: Record<string, string | number>;
}

/**
 * Why an attribute was left to its documented default instead of rejecting the row: empty in a mapped
 * column, 0 (heights), not a number, out of the attribute panel's range, a band or kind the planner
 * does not model, or text too long (names are shortened, ids are made from the row number); a
 * beamwidth without an azimuth, or a total tilt that disagrees with its mechanical and electrical parts.
 */
export type DefaultFix =
  | 'empty'
  | 'zero'
  | 'notANumber'
  | 'outOfRange'
  | 'unknown'
  | 'tooLong'
  | 'withoutAzimuth'
  | 'conflictsWithParts';

export type ImportWarningCode =
  | 'defaultApplied'
  | 'latLonSwapped'
  | 'looksShifted'
  | 'manyInWater'
  | 'outsideShanghaiImported'
  | 'defaultPoleHeight'
  | 'ignoredColumns'
  | 'projectedCoordinates'
  | 'noCpg'
  | 'truncatedShapefile'
  | 'skippedSheets'
  | 'kmzEntry'
  | 'measurementValuesDropped'
  | 'extraColumnsDropped'
  | 'noDbf'
  | 'gpkgLayer';

export interface ImportWarning {
  code: ImportWarningCode;
  params?: Record<string, string | number>;
  /** The rows (or features) concerned, in file order, for warnings about some rows (defaults applied). */
  rows?: number[];
}

export type ProgressCallback = (fraction: number, stage: 'read' | 'validate') => void;

/** Parses XML text into a DOM Document. The browser's DOMParser or @xmldom/xmldom in a worker/Node. */
export type XmlParser = (text: string) => unknown;

export interface BuildOptions {
  layer: ImportLayer;
  crs: CoordinateSystem;
  /** Overrides the detected mapping, field by field. */
  mapping?: MappingChoice;
  /** Import rows outside Shanghai (with a warning) instead of rejecting them. */
  allowOutsideShanghai?: boolean;
  /** Read the longitude column as latitude and vice versa. */
  swapLatLon?: boolean;
  /** Status given to imported sites. Default 'candidate'. */
  status?: SiteStatus;
  /** Ids already in the scenario: rows with these ids are rejected as duplicates. */
  existingIds?: ReadonlySet<string>;
  /** Prefix of ids made for rows without one: `${idPrefix}${row}`. Default 'import-'. */
  idPrefix?: string;
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
}

/** A site as imported (tilts included when the file has them). */
export type ImportedSiteProperties = SiteProperties;
export type ImportedSiteFeature = SiteFeature & { properties: ImportedSiteProperties };

export interface ImportResult {
  layer: ImportLayer;
  crs: CoordinateSystem;
  format: ImportFormat;
  /** WGS84 features, in file order. */
  features: ImportedSiteFeature[] | PoleFeature[];
  rejected: RejectedRow[];
  warnings: ImportWarning[];
  /** What `row` numbers count: rows of a table or features of a GeoJSON/KML/shapefile. */
  rowUnit: 'row' | 'feature';
  /** Data rows or features considered (blank rows excluded). */
  total: number;
  mapping: ColumnMapping;
  /** The parameter check (工参体检) of the imported sites; absent for poles. */
  check?: ParameterCheck;
}
