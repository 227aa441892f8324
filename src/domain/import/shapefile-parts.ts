/**
 * A shapefile dropped as loose files (.shp + .dbf, optionally .prj, .cpg, .shx) instead of one .zip.
 * The parts are stored (not compressed) into one in-memory zip named after the .shp, so the one
 * zipped-shapefile reader, with its limits and its row-by-row report, reads them.
 */
import { zipSync } from 'fflate';
import type { ImportFailure } from './import-types';
import { IMPORT_LIMITS } from './limits';

const PART_EXTENSIONS = new Set(['shp', 'dbf', 'prj', 'cpg', 'shx']);

export interface LooseFile {
  name: string;
  bytes: Uint8Array;
}

export type ShapefilePartsOutcome =
  /** The files are not the parts of one shapefile (other formats, or several .shp files). */
  | { kind: 'notShapefileParts' }
  /** They are meant as one shapefile but cannot be read as one (a part missing, too large). */
  | { kind: 'failure'; failure: ImportFailure }
  | { kind: 'bundle'; name: string; bytes: Uint8Array };

function split(name: string): { stem: string; extension: string } {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot < 0
    ? { stem: base, extension: '' }
    : { stem: base.slice(0, dot), extension: base.slice(dot + 1).toLowerCase() };
}

/** True when every name is a shapefile part (.shp, .dbf, .prj, .cpg, .shx): worth reading them together. */
export function looksLikeShapefileParts(names: readonly string[]): boolean {
  return names.length > 1 && names.every((name) => PART_EXTENSIONS.has(split(name).extension));
}

/**
 * Bundles the parts of one shapefile into a zip. Every file must be a part of the same stem (the
 * name before the extension, case-insensitive) with one .shp (the .dbf is read when present); anything
 * else is either
 * not a shapefile set or a clear failure, never a guess.
 */
export function bundleShapefileParts(files: readonly LooseFile[]): ShapefilePartsOutcome {
  if (!looksLikeShapefileParts(files.map((file) => file.name))) return { kind: 'notShapefileParts' };
  const parts = files.map((file) => ({ ...split(file.name), bytes: file.bytes }));
  const stems = new Set(parts.map((part) => part.stem.toLowerCase()));
  const extensions = parts.map((part) => part.extension);
  // Two shapefiles, or one part twice: these are several files, not one shapefile.
  if (stems.size > 1 || new Set(extensions).size !== extensions.length) return { kind: 'notShapefileParts' };
  for (const required of ['shp']) {
    if (!extensions.includes(required)) {
      return { kind: 'failure', failure: { code: 'missingPart', params: { part: `.${required}` } } };
    }
  }
  const totalBytes = parts.reduce((sum, part) => sum + part.bytes.byteLength, 0);
  if (totalBytes > IMPORT_LIMITS.maxFileBytes) {
    const params = {
      sizeMb: Math.round(totalBytes / 2 ** 20),
      limitMb: IMPORT_LIMITS.maxFileBytes / 2 ** 20,
    };
    return { kind: 'failure', failure: { code: 'fileTooLarge', params } };
  }
  const stem = parts.find((part) => part.extension === 'shp')!.stem;
  const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const part of parts) entries[`${stem}.${part.extension}`] = [part.bytes, { level: 0 }];
  return { kind: 'bundle', name: `${stem}.zip`, bytes: zipSync(entries) };
}
