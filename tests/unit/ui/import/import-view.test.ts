import { describe, expect, it } from 'vitest';
import { translate } from '../../../../src/domain/i18n/translate';
import { layerFields } from '../../../../src/domain/import/build-import';
import { previewSource } from '../../../../src/domain/import/import-file';
import type { ImportWarning } from '../../../../src/domain/import/import-types';
import { readImportSource } from '../../../../src/domain/import/read-source';
import {
  importChange,
  scenarioSiteIds,
  siteStatusFor,
} from '../../../../src/domain/scenario/import-into-scenario';
import type { SiteFeature } from '../../../../src/domain/types';
import { existingIdsFor, importedBounds } from '../../../../src/services/import-inputs';
import {
  coordinatesMapped,
  failureText,
  fieldsByColumn,
  mappingRows,
  rejectionText,
  warningText,
} from '../../../../src/ui/import/import-view';
import { fixtureBytes } from '../../support/import/load';

const zh = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) =>
  translate('zh', key, values);
const en = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) =>
  translate('en', key, values);

async function previewOf(name: string, text?: string) {
  const bytes = text === undefined ? fixtureBytes(name) : new TextEncoder().encode(text);
  const read = await readImportSource({ name, bytes });
  if (!read.ok) throw new Error(read.failure.code);
  return previewSource(read.source);
}

const site = (id: string, lon: number, lat: number): SiteFeature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties: { id },
});

describe('mapping rows', () => {
  it('the GBK sheet maps each of its columns to a site field by its Chinese header, nothing flagged', async () => {
    const preview = await previewOf('sites-gbk-gcj02.csv');
    const rows = mappingRows(preview, {}, layerFields('sites'));
    const byField = Object.fromEntries(rows.map((row) => [row.field, row]));
    expect(preview.mapping.columns[byField.lon!.column!]).toBe('经度');
    expect(preview.mapping.columns[byField.height!.column!]).toBe('天线挂高(m)');
    // Its one tilt column is the total tilt; the sheet has no tilt parts or beamwidths.
    expect(preview.mapping.columns[byField.tilt!.column!]).toBe('下倾角');
    expect(rows.filter((row) => row.state !== 'ok').map((row) => [row.field, row.state])).toEqual([
      ['mechanicalTilt', 'absent'],
      ['electricalTilt', 'absent'],
      ['verticalBeamwidth', 'absent'],
      ['beamwidth', 'absent'],
      ['pci', 'absent'],
    ]);
    expect(fieldsByColumn(rows).size).toBe(9);
    expect(coordinatesMapped(rows)).toBe(true);
  });

  it('two longitude-like columns are ambiguous; a missing latitude is flagged; choices override', async () => {
    const preview = await previewOf('x.csv', 'name,经度,纬度x,基站经度\nA,121.1,31.2,121.2\n');
    const rows = mappingRows(preview, {}, ['lon', 'lat', 'name']);
    expect(rows.map((row) => row.state)).toEqual(['ok', 'partial', 'ok']);
    const tie = await previewOf('y.csv', 'lon,lng,lat\n121.1,121.2,31.2\n');
    const tieRows = mappingRows(tie, {}, ['lon', 'lat']);
    expect(tieRows[0]).toMatchObject({ state: 'ambiguous', column: 0, alternatives: [1] });
    const chosen = mappingRows(tie, { lon: 1, lat: null }, ['lon', 'lat']);
    expect(chosen.map((row) => [row.column, row.state])).toEqual([
      [1, 'ok'],
      [undefined, 'missing'],
    ]);
    expect(coordinatesMapped(chosen)).toBe(false);
  });

  it('features take coordinates from geometry', async () => {
    const preview = await previewOf('sites.geojson');
    const rows = mappingRows(preview, {}, ['lon', 'lat', 'id']);
    expect(rows.slice(0, 2).map((row) => row.state)).toEqual(['geometry', 'geometry']);
    expect(coordinatesMapped(rows)).toBe(true);
  });
});

describe('messages', () => {
  it('reasons name the field and the value in both languages', () => {
    expect(rejectionText(zh, { reason: 'missingCoordinate', params: { field: 'lon' } })).toBe('缺少经度');
    expect(
      rejectionText(en, { reason: 'nonNumericCoordinate', params: { field: 'lat', value: 'abc' } }),
    ).toBe('Latitude is not a number: "abc"');
    expect(rejectionText(zh, { reason: 'duplicateId', params: { id: 'B-1', firstRow: 2 } })).toBe(
      '编号“B-1”与第 2 行重复',
    );
    expect(rejectionText(zh, { reason: 'duplicateId', params: { id: 'S1' } })).toBe(
      '编号“S1”已在当前方案或基线中',
    );
    expect(rejectionText(zh, { reason: 'duplicateRow', params: { firstRow: 2 } })).toBe(
      '与第 2 行完全相同（同一扇区重复了一次）',
    );
  });

  it('a default applied is one sentence per kind of fix, with its count and rows', () => {
    const warning: ImportWarning = {
      code: 'defaultApplied',
      params: { field: 'height', fix: 'notANumber', count: 2, rows: '5, 9', example: '隧道内' },
      rows: [5, 9],
    };
    expect(warningText(en, warning, 'wgs84')).toBe(
      '2 rows give a height that is not a number (e.g. "隧道内"): the default height of the kind applies (macro 25 m, micro 9 m, indoor 3 m): rows 5, 9',
    );
    expect(warningText(zh, warning, 'wgs84')).toBe(
      '2 行挂高/杆高不是数字（如“隧道内”），按站型的默认挂高计算（宏站 25 米、微站 9 米、室分 3 米）：第 5, 9 行',
    );
  });

  it('the datum warning names both datums and the counts', () => {
    const text = warningText(
      en,
      {
        code: 'looksShifted',
        params: { suggestedCrs: 'gcj02', offLand: 7, offLandSuggested: 0, sampled: 10 },
      },
      'wgs84',
    );
    expect(text).toContain('read as WGS84, 7 of 10 sampled points');
    expect(text).toContain('as GCJ-02 only 0');
  });

  it('every failure code has words (no raw keys)', () => {
    for (const code of [
      'fileTooLarge',
      'zipTooLarge',
      'xmlDoctype',
      'multipleFiles',
      'tooManyRows',
    ] as const) {
      const text = failureText(zh, { code, params: { sizeMb: 300, limitMb: 200, limit: 5, count: 3 } });
      expect(text).not.toContain('import.failure');
      expect(text).not.toMatch(/\{\w+\}/);
    }
    expect(failureText(zh, { code: 'fileTooLarge', params: { sizeMb: 300, limitMb: 200 } })).toContain(
      '300 MB',
    );
    const legacy = { code: 'legacyXls' as const, params: { name: '站点.xls' } };
    expect(failureText(zh, legacy)).toContain('“另存为” .xlsx 或 CSV');
    expect(failureText(en, legacy)).toContain('Save it as .xlsx or CSV');
  });
});

describe('applying', () => {
  it('"existing" sites stay existing and extend the baseline; candidates are added; poles are poles', () => {
    expect(siteStatusFor('existing')).toBe('existing');
    expect(siteStatusFor('candidate')).toBe('candidate');
    const rows = [site('X1', 121, 31)];
    const existing = importChange('sites', rows, 'existing');
    expect(existing).toMatchObject({
      type: 'putExistingSites',
      sites: [{ properties: { status: 'existing' } }],
    });
    expect(importChange('sites', rows, 'candidate')).toMatchObject({
      type: 'putSites',
      sites: [{ properties: { id: 'X1', status: 'candidate' } }],
    });
    const poles = [{ ...site('P1', 121, 31), properties: { id: 'P1', heightM: 10 } }];
    expect(importChange('poles', poles, 'existing')).toEqual({ type: 'putPoles', poles });
  });

  it('ids already taken: baseline, imported, added and modified sites; poles: sample and imported', async () => {
    const scenario = {
      addedSites: [site('A1', 121, 31)],
      modifiedSites: [site('B2', 121, 31)],
      existingSites: [site('E1', 121, 31)],
      poles: [{ ...site('P9', 121, 31), properties: { id: 'P9', heightM: 10 } }],
    } as unknown as Parameters<typeof scenarioSiteIds>[1];
    const ids = scenarioSiteIds({ features: [site('B1', 121, 31), site('B2', 121, 31)] }, scenario);
    expect([...ids].sort()).toEqual(['A1', 'B1', 'B2', 'E1']);
    const poles = await existingIdsFor(
      {
        baseline: null,
        session: { scenario } as unknown as Parameters<typeof existingIdsFor>[0]['session'],
      },
      'poles',
      {
        ensure: async () => ({
          type: 'FeatureCollection',
          features: [{ ...site('P1', 121, 31), properties: { id: 'P1', heightM: 10 } }],
        }),
      },
    );
    expect([...poles].sort()).toEqual(['P1', 'P9']);
  });

  it('bounds span every imported point', () => {
    expect(importedBounds([])).toBeNull();
    expect(importedBounds([site('a', 121.5, 31.1), site('b', 121.2, 31.4), site('c', 121.3, 30.9)])).toEqual([
      [121.2, 30.9],
      [121.5, 31.4],
    ]);
  });
});
