/**
 * Reading any supported file into an ImportSource. Never throws for a bad file: the outcome says why
 * it could not be read (a code for the UI). Only cancellation rejects, with an AbortError.
 */
import { zipSync } from 'fflate';
import { type SqlJsStatic, sqliteLoader } from '../geopackage/sqlite-loader';
import { readDelimitedText } from './csv-reader';
import { detectFormat, isLegacyExcel } from './detect-format';
import { readGeoJson } from './geojson-reader';
import { readGeoPackage } from './geopackage-reader';
import type { ImportFailure, ImportFormat, ImportSource, ProgressCallback, XmlParser } from './import-types';
import { readKml, readKmz } from './kml-reader';
import { IMPORT_LIMITS, ImportFailureError, isAbortError, throwIfAborted } from './limits';
import { readZippedShapefile } from './shapefile-reader';
import { readXlsx } from './xlsx-reader';

const defaultSqlite = sqliteLoader();

export interface ImportFileInput {
  name: string;
  bytes: Uint8Array;
}

export interface ReadOptions {
  /** Needed for KML/KMZ: the browser's DOMParser, or createXmldomParser() in a worker or Node. */
  parseXml?: XmlParser;
  /** Read as this format instead of detecting it. */
  format?: ImportFormat;
  /** Loads SQLite for GeoPackage (a worker passes the wasm's URL); Node's default finds it itself. */
  loadSqlite?: () => Promise<SqlJsStatic>;
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
}

export type ReadOutcome = { ok: true; source: ImportSource } | { ok: false; failure: ImportFailure };

async function readAs(format: ImportFormat, bytes: Uint8Array, options: ReadOptions): Promise<ImportSource> {
  const { parseXml } = options;
  switch (format) {
    case 'csv':
      return readDelimitedText(bytes, { signal: options.signal, onProgress: options.onProgress });
    case 'xlsx':
      return readXlsx(bytes);
    case 'geojson':
      return readGeoJson(bytes);
    case 'shapefile':
      if (bytes[0] === 0x50 && bytes[1] === 0x4b) return readZippedShapefile(bytes);
      // A lone .shp (its file code, 9994, big-endian): the positions without attributes.
      if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0x27 && bytes[3] === 0x0a) {
        return readZippedShapefile(zipSync({ 'shapes.shp': [bytes, { level: 0 }] }));
      }
      throw new ImportFailureError('missingPart', { part: '.zip' });
    case 'geopackage':
      return readGeoPackage(bytes, await (options.loadSqlite ?? defaultSqlite)());
    case 'kml':
    case 'kmz':
      if (!parseXml) throw new ImportFailureError('noXmlParser');
      return format === 'kml' ? readKml(bytes, parseXml) : readKmz(bytes, parseXml);
  }
}

/** Reads a file into a table or a feature list, or says why it cannot be read. */
export async function readImportSource(
  input: ImportFileInput,
  options: ReadOptions = {},
): Promise<ReadOutcome> {
  const { bytes, name } = input;
  try {
    throwIfAborted(options.signal);
    if (bytes.byteLength > IMPORT_LIMITS.maxFileBytes) {
      throw new ImportFailureError('fileTooLarge', {
        sizeMb: Math.round(bytes.byteLength / 2 ** 20),
        limitMb: IMPORT_LIMITS.maxFileBytes / 2 ** 20,
      });
    }
    if (bytes.byteLength === 0) throw new ImportFailureError('emptyFile');
    const format = options.format ?? detectFormat(name, bytes);
    if (!format) {
      // Old binary Excel (BIFF in an OLE2 container): say what to do rather than "unknown format".
      const code = isLegacyExcel(name, bytes) ? 'legacyXls' : 'unknownFormat';
      throw new ImportFailureError(code, { name: name.slice(-80) });
    }
    options.onProgress?.(0, 'read');
    const source = await readAs(format, bytes, options);
    throwIfAborted(options.signal);
    options.onProgress?.(1, 'read');
    return { ok: true, source };
  } catch (error) {
    if (isAbortError(error)) throw error;
    if (error instanceof ImportFailureError) return { ok: false, failure: error.toFailure() };
    // A reader met input it did not foresee: still a report, never an uncaught exception.
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, failure: { code: 'unreadable', params: { detail: detail.slice(0, 200) } } };
  }
}
