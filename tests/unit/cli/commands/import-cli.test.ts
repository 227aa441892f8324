import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../support/cli/run-cli';
import { expectedFixtures } from '../../support/import/load';

const fixture = (name: string) => resolve('tests/fixtures/import', name);

/** Runs the CLI in this process, from another working directory (see support/run-cli.ts). */
function cli(args: string[]) {
  return runCliInProcess(['import', ...args]);
}

const workspace = mkdtempSync(join(tmpdir(), 'import-cli-'));

describe('npm run cli -- import', () => {
  it('imports a GBK CSV in GCJ-02 and writes WGS84 GeoJSON', async () => {
    const out = join(workspace, 'out.geojson');
    const run = await cli([
      fixture('sites-gbk-gcj02.csv'),
      '--crs',
      'gcj02',
      '--layer',
      'sites',
      '--out',
      out,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({
      imported: 12,
      rejected: [],
      warnings: [],
      encoding: 'gb18030',
      crs: 'gcj02',
    });
    const written = JSON.parse(readFileSync(out, 'utf8'));
    const truth = expectedFixtures()['sites-gbk-gcj02.csv']!.imported;
    expect(written.type).toBe('FeatureCollection');
    written.features.forEach((feature: { geometry: { coordinates: number[] } }, index: number) => {
      expect(Math.abs(feature.geometry.coordinates[0]! - truth[index]!.lon)).toBeLessThan(1e-6);
      expect(Math.abs(feature.geometry.coordinates[1]! - truth[index]!.lat)).toBeLessThan(1e-6);
    });
  });

  it('reports rejected rows with numbers and reasons, and poles from a shapefile', async () => {
    const bad = JSON.parse((await cli([fixture('bad-rows.csv')])).stdout);
    expect(bad.imported).toBe(8);
    expect(bad.rejected.map((row: { row: number; reason: string }) => `${row.row}:${row.reason}`)).toEqual([
      '3:missingCoordinate',
      '4:nonNumericCoordinate',
      '5:outOfRange',
      '6:outsideShanghai',
      '7:duplicateId',
      '16:duplicateRow',
    ]);
    const defaults = bad.warnings
      .filter((warning: { code: string }) => warning.code === 'defaultApplied')
      .map((warning: { params: Record<string, unknown>; rows: number[] }) =>
        [warning.params.field, warning.params.fix, warning.params.count, warning.rows.join(' ')].join(':'),
      );
    expect(defaults).toEqual([
      'band:unknown:1:9',
      'kind:unknown:1:10',
      'azimuth:outOfRange:1:11',
      'height:notANumber:1:12',
    ]);
    const poles = JSON.parse((await cli([fixture('poles-shapefile.zip'), '--layer', 'poles'])).stdout);
    expect(poles).toMatchObject({ imported: 6, format: 'shapefile', rowUnit: 'feature' });
  });

  it('exits 2 with one line when the file cannot be read, and writes nothing', async () => {
    const out = join(workspace, 'never.geojson');
    const missing = await cli([join(workspace, 'missing.csv'), '--out', out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('missing.csv');
    const broken = join(workspace, 'broken.kmz');
    writeFileSync(broken, 'PK\u0003\u0004 not really a zip');
    const damaged = await cli([broken, '--out', out]);
    expect(damaged.code).toBe(2);
    expect(damaged.stderr).toMatch(
      /^error: cannot import .*: The zip is damaged or unreadable \(invalid zip data\): zip the files again/,
    );
    expect(existsSync(out)).toBe(false);
    expect((await cli([fixture('sites.kml'), '--crs', 'mars'])).code).toBe(2);
  });
});
