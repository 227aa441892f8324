/**
 * GDAL's command-line clients (Debian's gdal-bin) as the real GIS client the exports must satisfy:
 * ogrinfo for what a file declares and for GEOS validity, ogr2ogr to read a file the way QGIS would and
 * hand it back as GeoJSON, or to write files for the import to read. Without GDAL the tests say so and
 * are skipped; under CI=true they run anyway, so each one fails naming the missing program (.ci/run
 * installs gdal-bin).
 */
import { spawnSync } from 'node:child_process';
import type { FeatureCollection } from 'geojson';
import { describe } from 'vitest';

function run(
  command: string,
  args: readonly string[],
): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 2 ** 20, timeout: 300_000 });
  const missing = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  return {
    code: result.status,
    stdout: result.stdout ?? '',
    stderr: missing
      ? `${command} not found: install GDAL (Debian: apt-get install gdal-bin)`
      : (result.stderr ?? ''),
  };
}

/** The GDAL version line, or undefined when ogrinfo/ogr2ogr are not installed. */
export const GDAL_VERSION: string | undefined = (() => {
  const info = run('ogrinfo', ['--version']);
  const translate = run('ogr2ogr', ['--version']);
  return info.code === 0 && translate.code === 0 ? info.stdout.trim() : undefined;
})();

export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

/**
 * describe for tests that need GDAL: skipped (with the banner below) when GDAL is missing outside CI;
 * under CI=true always run, so a missing GDAL fails every one of them instead of hiding them.
 */
export const describeWithGdal = GDAL_VERSION || IN_CI ? describe : describe.skip;

if (!GDAL_VERSION && !IN_CI) {
  const banner = '='.repeat(78);
  console.warn(
    `\n${banner}\n  GDAL (ogrinfo, ogr2ogr) NOT FOUND — the GDAL round-trip tests are SKIPPED.\n  Install it (Debian/Ubuntu): sudo apt-get install -y gdal-bin\n${banner}`,
  );
}

function checked(command: string, args: readonly string[]): string {
  const result = run(command, args);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr.trim()}`);
  return result.stdout;
}

/** The file as GDAL reads it (driver options like X_POSSIBLE_NAMES in `openOptions`), as GeoJSON. */
export function readWithGdal(
  path: string,
  layer?: string,
  openOptions: readonly string[] = [],
): FeatureCollection {
  const args = ['-f', 'GeoJSON', '/vsistdout/', path, ...(layer ? [layer] : [])];
  for (const option of openOptions) args.push('-oo', option);
  return JSON.parse(checked('ogr2ogr', args)) as FeatureCollection;
}

/** ogrinfo's summary of a layer (driver, geometry, feature count, extent, CRS). */
export function gdalSummary(path: string, layer?: string, openOptions: readonly string[] = []): string {
  const args = ['-ro', '-so', path, ...(layer ? [layer] : ['-al'])];
  for (const option of openOptions) args.push('-oo', option);
  return checked('ogrinfo', args);
}

/** Counts of features and of those GEOS finds valid (ST_IsValid), through GDAL's SQL. */
export function gdalValidity(
  path: string,
  layer: string,
  geometryColumn: string,
  dialect?: 'sqlite',
): {
  count: number;
  valid: number;
} {
  const sql = `SELECT COUNT(*) AS n, SUM(ST_IsValid(${geometryColumn})) AS valid FROM "${layer}"`;
  const output = checked('ogrinfo', [
    '-ro',
    '-q',
    path,
    ...(dialect ? ['-dialect', dialect] : []),
    '-sql',
    sql,
  ]);
  const number = (name: string) => Number(new RegExp(`${name} \\(Integer\\) = (\\d+)`).exec(output)?.[1]);
  return { count: number('n'), valid: number('valid') };
}

/** Runs ogr2ogr with these arguments (writing a file for the import to read). */
export function ogr2ogr(args: readonly string[]): void {
  checked('ogr2ogr', args);
}
