/**
 * `import FILE [--crs wgs84|cgcs2000|gcj02|bd09] [--layer sites|poles] [--out OUT.geojson]
 *  [--status candidate|planned|existing] [--allow-outside yes|no] [--swap-lat-lon yes|no]`
 * reads a site or pole list with the same code the app's import worker runs and prints one JSON object:
 * imported (count), rejected [{row, reason, params}], warnings [{code, params}], and what was detected.
 * With --out it writes the imported features as WGS84 GeoJSON. A file that cannot be read at all is a
 * one-line error and exit code 2; rows that fail validation are reported, not fatal.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { type GpkgLayer, writeGeoPackage } from '../../domain/geopackage/gpkg-writer';
import { loadSqlite } from '../../domain/geopackage/sqlite-loader';
import { type MessageKey, translate } from '../../domain/i18n/translate';
import { prepareImportGeography } from '../../domain/import/geography';
import { importFile } from '../../domain/import/import-file';
import {
  COORDINATE_SYSTEMS,
  IMPORT_FIELDS,
  IMPORT_LAYERS,
  type ImportFailure,
} from '../../domain/import/import-types';
import { IMPORT_LIMITS } from '../../domain/import/limits';
import { createXmldomParser } from '../../domain/import/xmldom-parser';
import { SITE_STATUSES } from '../../domain/types';
import { choiceFlag, parseFlags } from '../arguments';
import { CliError } from '../cli-error';
import { readShippedGeoJson } from '../geo-files';

const FLAGS = ['crs', 'layer', 'out', 'status', 'allow-outside', 'swap-lat-lon'] as const;
const YES_NO = ['yes', 'no'] as const;

export const usage = `usage: npm run --silent cli -- import FILE [options]

Reads a site or pole list with the app's own import code and prints one JSON object: rows imported,
rows rejected (row number and reason), warnings (each fix with its count and rows), the detected
columns and the parameter check (工参体检). Formats: CSV/TSV (UTF-8, GBK), .xlsx, GeoJSON, KML/KMZ,
zipped shapefile, GeoPackage.

options:
  --layer sites|poles                 what the file lists (default sites)
  --crs wgs84|cgcs2000|gcj02|bd09     datum of the file's coordinates (default wgs84)
  --status candidate|planned|existing status given to imported sites (default candidate)
  --allow-outside yes|no              import rows outside Shanghai, with a warning (default no)
  --swap-lat-lon yes|no               read the longitude column as latitude and back (default no)
  --out OUT.geojson                   write the imported features as WGS84 GeoJSON
                                      (OUT.gpkg writes a GeoPackage)
  --help                              print this help`;

/** One line: the sentence the import dialog shows (in English), naming the file. */
export function failureLine(path: string, failure: ImportFailure): string {
  const sentence = translate('en', `import.failure.${failure.code}` as MessageKey, failure.params ?? {});
  return `cannot import "${path}": ${sentence}`.replace(/[\r\n]+/g, ' ');
}

/** A file's bytes, refusing one larger than the import accepts. */
export function readBytes(path: string): Uint8Array {
  try {
    const size = statSync(path).size;
    if (size > IMPORT_LIMITS.maxFileBytes) {
      throw new CliError(
        failureLine(path, {
          code: 'fileTooLarge',
          params: { sizeMb: Math.round(size / 2 ** 20), limitMb: IMPORT_LIMITS.maxFileBytes / 2 ** 20 },
        }),
      );
    }
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new CliError(`cannot read "${path}" (${code})`);
  }
}

/** Run the command; prints one JSON object. */
export async function run(args: string[]): Promise<number> {
  const started = performance.now();
  const [path, ...rest] = args;
  if (path === undefined || path.startsWith('--')) {
    throw new CliError('import needs a FILE first (see `import --help`)');
  }
  const flags = parseFlags(rest, FLAGS);
  const crs = choiceFlag(flags, 'crs', COORDINATE_SYSTEMS, 'wgs84');
  const layer = choiceFlag(flags, 'layer', IMPORT_LAYERS, 'sites');
  const status = choiceFlag(flags, 'status', SITE_STATUSES, 'candidate');
  const allowOutside = choiceFlag(flags, 'allow-outside', YES_NO, 'no') === 'yes';
  const swapLatLon = choiceFlag(flags, 'swap-lat-lon', YES_NO, 'no') === 'yes';
  const out = flags.get('out');
  const bytes = readBytes(path);
  type Water = FeatureCollection<Polygon | MultiPolygon>;
  const geography = prepareImportGeography({
    districts: readShippedGeoJson('districts.geojson'),
    boundary: readShippedGeoJson<Water>('admin-boundary.geojson'),
    land: readShippedGeoJson<Water>('land.geojson'),
    water: [readShippedGeoJson<Water>('sea.geojson'), readShippedGeoJson<Water>('water-bodies.geojson')],
  });
  const outcome = await importFile(
    { name: path, bytes },
    { layer, crs, status, allowOutsideShanghai: allowOutside, swapLatLon, parseXml: createXmldomParser() },
    geography,
  );
  if (!outcome.ok) throw new CliError(failureLine(path, outcome.failure));
  const { result, source } = outcome;
  if (out !== undefined) {
    const collection = { type: 'FeatureCollection', features: result.features };
    try {
      if (/\.gpkg$/i.test(out)) {
        const layer = {
          name: result.layer,
          geometryType: 'POINT' as const,
          features: result.features as GpkgLayer['features'],
        };
        writeFileSync(out, writeGeoPackage(await loadSqlite(), [layer], new Date().toISOString()));
      } else {
        writeFileSync(out, `${JSON.stringify(collection)}\n`);
      }
    } catch (error) {
      throw new CliError(`cannot write "${out}" (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  const mapping = Object.fromEntries(
    IMPORT_FIELDS.flatMap((field) => {
      const column = result.mapping.fields[field].column;
      return column === undefined ? [] : [[field, result.mapping.columns[column]]];
    }),
  );
  console.log(
    JSON.stringify({
      file: path,
      format: source.format,
      encoding: source.encoding,
      delimiter: source.delimiter,
      sheet: source.sheetName,
      headerRow: source.headerRowNumber,
      layer,
      crs,
      total: result.total,
      imported: result.features.length,
      rejected: result.rejected,
      warnings: result.warnings,
      rowUnit: result.rowUnit,
      mapping,
      needsReview: result.mapping.needsReview,
      ...(result.check ? { check: result.check } : {}),
      out,
      elapsedMs: Math.round(performance.now() - started),
    }),
  );
  return 0;
}
