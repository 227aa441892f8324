import { describe, expect, it } from 'vitest';
import { buildImport } from '../../../../src/domain/import/build-import';
import { importFile } from '../../../../src/domain/import/import-file';
import { importReportCsv } from '../../../../src/domain/import/import-report';
import type { ImportResult } from '../../../../src/domain/import/import-types';
import { readImportSource } from '../../../../src/domain/import/read-source';
import { fixtureBytes, geography } from '../../support/import/load';

const csv = (text: string) => ({ name: 'x.csv', bytes: new TextEncoder().encode(text) });

async function build(text: string, options: Parameters<typeof buildImport>[1]): Promise<ImportResult> {
  const outcome = await importFile(csv(text), options, geography);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.failure));
  return outcome.result;
}

describe('build options', () => {
  const twoSites = 'id,lon,lat\nA,121.4737,31.2304\nB,116.397,39.909\n';

  it('outside Shanghai: rejected by default, imported with a warning on request', async () => {
    const strict = await build(twoSites, { layer: 'sites', crs: 'wgs84' });
    expect(strict.features.map((feature) => feature.properties.id)).toEqual(['A']);
    expect(strict.rejected[0]).toMatchObject({ row: 3, reason: 'outsideShanghai' });
    const lenient = await build(twoSites, { layer: 'sites', crs: 'wgs84', allowOutsideShanghai: true });
    expect(lenient.features.map((feature) => feature.properties.id)).toEqual(['A', 'B']);
    expect(lenient.features[1]!.properties.adcode).toBeUndefined();
    expect(lenient.warnings).toContainEqual({ code: 'outsideShanghaiImported', params: { count: 1 } });
  });

  it('ids already in the scenario are duplicates; rows without an id get prefixed row numbers', async () => {
    const existing = await build(twoSites, { layer: 'sites', crs: 'wgs84', existingIds: new Set(['A']) });
    expect(existing.rejected[0]).toEqual({ row: 2, reason: 'duplicateId', params: { id: 'A' } });
    const noIds = await build('lon,lat\n121.47,31.23\n121.48,31.24\n', {
      layer: 'sites',
      crs: 'wgs84',
      idPrefix: 'imp7-',
    });
    expect(noIds.features.map((feature) => feature.properties.id)).toEqual(['imp7-2', 'imp7-3']);
  });

  it('the user mapping overrides detection', async () => {
    const result = await build('a,b,c\nS1,31.2304,121.4737\n', {
      layer: 'sites',
      crs: 'wgs84',
      mapping: { id: 0, lon: 2, lat: 1 },
    });
    expect(result.features[0]!.geometry.coordinates).toEqual([121.4737, 31.2304]);
    expect(result.features[0]!.properties.id).toBe('S1');
  });

  it('poles get the district adcode and keep only pole properties', async () => {
    const result = await build('杆号,经度,纬度,杆高,频段\nP1,121.4737,31.2304,9,3.5G\n', {
      layer: 'poles',
      crs: 'wgs84',
    });
    expect(result.features[0]!.properties).toEqual({ id: 'P1', heightM: 9, adcode: '310101' });
    expect(result.warnings).toContainEqual({ code: 'ignoredColumns', params: { count: 1, columns: '频段' } });
  });

  it('sites get status candidate unless told otherwise', async () => {
    const result = await build('id,lon,lat\nA,121.4737,31.2304\n', {
      layer: 'sites',
      crs: 'wgs84',
      status: 'existing',
    });
    expect(result.features[0]!.properties).toMatchObject({ status: 'existing', adcode: '310101' });
  });

  it('progress reaches 1, and an aborted signal rejects with AbortError and returns nothing', async () => {
    const read = await readImportSource({ name: 'g.csv', bytes: fixtureBytes('sites-gbk-gcj02.csv') });
    if (!read.ok) throw new Error('read');
    const progress: number[] = [];
    await buildImport(read.source, {
      layer: 'sites',
      crs: 'gcj02',
      onProgress: (fraction) => progress.push(fraction),
    });
    expect(progress.at(-1)).toBe(1);
    const controller = new AbortController();
    controller.abort();
    await expect(
      buildImport(read.source, { layer: 'sites', crs: 'gcj02', signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('report as CSV', () => {
  it('lists rejected rows then warnings, guarded against formulas, with a BOM for Excel', async () => {
    const outcome = await importFile(
      { name: 'bad-rows.csv', bytes: fixtureBytes('bad-rows.csv') },
      { layer: 'sites', crs: 'wgs84' },
      geography,
    );
    if (!outcome.ok) throw new Error('read');
    const text = importReportCsv({
      ...outcome.result,
      warnings: [{ code: 'manyInWater', params: { count: 3, sampled: 9 } }],
    });
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe('kind,row,code,reason,details');
    expect(lines).toHaveLength(1 + 6 + 1);
    expect(lines[1]).toBe('rejected,3,missingCoordinate,missingCoordinate,field=lon');
    expect(lines[6]).toBe('rejected,16,duplicateRow,duplicateRow,firstRow=2');
    expect(lines.at(-1)).toBe('warning,,manyInWater,manyInWater,count=3; sampled=9');
    const translated = importReportCsv(outcome.result, (code) =>
      code === 'duplicateRow' ? '=整行重复' : code,
    );
    expect(translated).toContain(",'=整行重复,");
    // Each default applied is listed row by row, so the file names every row that was fixed.
    const defaults = importReportCsv(outcome.result)
      .split('\r\n')
      .filter((line) => line.startsWith('default,'));
    expect(defaults).toEqual([
      'default,9,defaultApplied,defaultApplied,field=band; fix=unknown',
      'default,10,defaultApplied,defaultApplied,field=kind; fix=unknown',
      'default,11,defaultApplied,defaultApplied,field=azimuth; fix=outOfRange',
      'default,12,defaultApplied,defaultApplied,field=height; fix=notANumber',
    ]);
  });
});
