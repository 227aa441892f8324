/** Recognising an import file's format from its name and first bytes (the bytes win when they disagree). */
import type { ImportFormat } from './import-types';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
/** An OLE2 compound file: the container of legacy .xls workbooks. */
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** "SQLite format 3\0": a SQLite database, which a GeoPackage is. */
const SQLITE_MAGIC = [...'SQLite format 3'].map((character) => character.charCodeAt(0)).concat(0);

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((value, index) => bytes[index] === value);
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Skips a BOM and whitespace and returns the first few characters as lower-case ASCII. */
function leadingText(bytes: Uint8Array): string {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const head = new TextDecoder('utf-8').decode(bytes.subarray(start, start + 512));
  return head.trimStart().toLowerCase();
}

/** Which zip-based format a zip is, from the file name (xlsx, kmz, or a shapefile bundle). */
function zipFormat(extension: string): ImportFormat {
  if (extension === 'xlsx' || extension === 'xlsm') return 'xlsx';
  if (extension === 'kmz') return 'kmz';
  return 'shapefile';
}

/** True for a legacy Excel workbook (.xls by name, or an OLE2 file): refused with its own message. */
export function isLegacyExcel(name: string, bytes: Uint8Array): boolean {
  return extensionOf(name) === 'xls' || startsWith(bytes, OLE2_MAGIC);
}

/** The format of a file, or undefined when it is none we read. Zips are told apart by the name. */
export function detectFormat(name: string, bytes: Uint8Array): ImportFormat | undefined {
  const extension = extensionOf(name);
  if (startsWith(bytes, SQLITE_MAGIC) || extension === 'gpkg') return 'geopackage';
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC)) return zipFormat(extension);
  if (extension === 'xlsx' || extension === 'kmz' || extension === 'zip' || extension === 'shp') {
    return extension === 'shp' || extension === 'zip' ? 'shapefile' : extension;
  }
  if (isLegacyExcel(name, bytes)) return undefined;
  const head = leadingText(bytes);
  if (head.startsWith('<?xml') || head.startsWith('<kml')) return 'kml';
  if (head.startsWith('{')) return 'geojson';
  if (extension === 'kml') return 'kml';
  if (extension === 'geojson' || extension === 'json') return 'geojson';
  if (['csv', 'tsv', 'txt', 'tab'].includes(extension) || extension === '') return 'csv';
  return undefined;
}
