/**
 * Issue 14 item 3 on a synthetic 工参表 with the oddities of a real one (a Huawei TD-LTE export:
 * English headers, STYLE 宏站/室分, indoor cells at height 0, 隧道内 for a height, rows with every
 * antenna field empty, two carriers on one azimuth, an exact duplicate row): every sector is imported,
 * each kind of fix is one warning with its rows, and the parameter check flags what operators flag.
 */
import { readFileSync } from 'node:fs';
import distance from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { checkGroups, parameterCheckCsv } from '../../../../src/domain/import/check-report';
import { importFile } from '../../../../src/domain/import/import-file';
import { defaultedRowCount, importReportCsv } from '../../../../src/domain/import/import-report';
import type { ImportResult } from '../../../../src/domain/import/import-types';
import { geography } from '../../support/import/load';

const HEADER =
  'CITY,SECTOR_ID,SECTOR_NAME,ENODEBID,ENODEB_NAME,EARFCN,PCI,VENDOR,LONGITUDE,LATITUDE,STYLE,AZIMUTH,HEIGHT,ELECTTILT,MECHTILT,TOTLETILT';

function row(
  sector: string,
  earfcn: number,
  [lon, lat]: [number, number],
  style: string,
  azimuth: number,
  height: string,
  tilts: [string, string, string],
): string {
  const site = sector.split('-')[0]!;
  return [
    'shanghai',
    sector,
    `测试${sector}`,
    site,
    `测试${site}`,
    earfcn,
    100,
    '华为',
    lon,
    lat,
    style,
    azimuth,
    height,
    ...tilts,
  ].join(',');
}

const M1: [number, number] = [121.48, 31.23];
const M2: [number, number] = [121.4805, 31.2303]; // 58 m from M1, in Huangpu (dense urban)
const M3: [number, number] = [121.475, 31.225];
const M4: [number, number] = [121.49, 31.235];
const M5: [number, number] = [121.472, 31.238];
const M6: [number, number] = [121.47, 31.22];

const LINES = [
  HEADER,
  row('101-1', 38400, M1, '宏站', 0, '35', ['6', '3', '9']), // row 2
  row('101-2', 38400, M1, '宏站', 120, '35', ['6', '3', '9']),
  row('101-3', 38400, M1, '宏站', 240, '35', ['6', '3', '9']),
  row('101-4', 38950, M1, '宏站', 240, '35', ['6', '3', '9']), // row 5: a second carrier on 240° (fine)
  row('102-1', 38400, M2, '宏站', 30, '55', ['12', '8', '20']), // rows 6–8: tall, tilted 20°
  row('102-2', 38400, M2, '宏站', 60, '55', ['12', '8', '20']), // row 7: 30° from row 6
  row('102-3', 38400, M2, '宏站', 270, '55', ['12', '8', '20']),
  row('103-1', 38400, M3, '室分', 0, '0', ['0', '0', '0']), // rows 9–10: indoor at height 0
  row('103-2', 38950, M3, '室分', 0, '0', ['0', '0', '0']),
  row('104-1', 38400, M4, '宏站', 90, '隧道内', ['3', '2', '5']), // row 11
  row('105-1', 37900, M5, '宏站', 45, '', ['', '', '']), // row 12: every antenna field empty
  row('106-1', 38400, M6, '宏站', 200, '8', ['3', '2', '5']), // row 13: a low mast
  row('101-2', 38400, M1, '宏站', 120, '35', ['6', '3', '9']), // row 14: row 3 again
];

async function importSheet(): Promise<ImportResult> {
  const bytes = new TextEncoder().encode(`\uFEFF${LINES.join('\n')}\n`);
  const outcome = await importFile(
    { name: 'tbCell.csv', bytes },
    { layer: 'sites', crs: 'wgs84' },
    geography,
  );
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.failure));
  return outcome.result;
}

describe('a 工参表 with a real one’s oddities', () => {
  it('is the sheet the end-to-end spec drops (tests/fixtures/import/gongcan-oddities.csv)', () => {
    const fixture = readFileSync('tests/fixtures/import/gongcan-oddities.csv', 'utf8');
    expect(fixture).toBe(`\uFEFF${LINES.join('\r\n')}\r\n`);
  });

  it('maps the English headers, STYLE and the three tilt columns', async () => {
    const { mapping } = await importSheet();
    const column = (field: keyof typeof mapping.fields) => mapping.columns[mapping.fields[field].column!];
    expect([column('lon'), column('lat'), column('azimuth'), column('height'), column('kind')]).toEqual([
      'LONGITUDE',
      'LATITUDE',
      'AZIMUTH',
      'HEIGHT',
      'STYLE',
    ]);
    expect([column('electricalTilt'), column('mechanicalTilt'), column('tilt')]).toEqual([
      'ELECTTILT',
      'MECHTILT',
      'TOTLETILT',
    ]);
  });

  it('imports one row per sector, rejecting only the exact duplicate', async () => {
    const result = await importSheet();
    expect(result.features).toHaveLength(12);
    expect(result.rejected).toEqual([{ row: 14, reason: 'duplicateRow', params: { firstRow: 3 } }]);
    const byId = Object.fromEntries(result.features.map((site) => [site.properties.id, site.properties]));
    expect(byId['101-4']).toMatchObject({
      azimuthDeg: 240,
      heightM: 35,
      electricalTiltDeg: 6,
      mechanicalTiltDeg: 3,
    });
    expect(byId['103-1']).toMatchObject({ kind: 'indoor', azimuthDeg: 0 });
    expect(byId['103-1']).not.toHaveProperty('heightM');
    expect(byId['104-1']).not.toHaveProperty('heightM');
    expect(byId['105-1']).not.toHaveProperty('electricalTiltDeg');
  });

  it('one warning per kind of fix, with the count and every row, and the CSV names each row', async () => {
    const result = await importSheet();
    const fixes = result.warnings
      .filter((warning) => warning.code === 'defaultApplied')
      .map((warning) => `${warning.params!.field}.${warning.params!.fix}: ${warning.rows!.join(' ')}`);
    expect(fixes).toEqual([
      'height.zero: 9 10',
      'height.notANumber: 11',
      'height.empty: 12',
      'tilt.empty: 12',
    ]);
    // Rows 9–12 took a default (row 12 two): four rows, each counted once.
    expect(defaultedRowCount(result)).toBe(4);
    const csv = importReportCsv(result);
    expect(csv).toContain('default,9,defaultApplied,defaultApplied,field=height; fix=zero');
    expect(csv).toContain('default,12,defaultApplied,defaultApplied,field=tilt; fix=empty');
  });

  it('the parameter check flags tall and low masts, tilts, close sectors and sites, duplicates', async () => {
    const { check } = await importSheet();
    const findings = check!.findings.map(
      (finding) =>
        `${finding.code}@${finding.row}${finding.otherRow ? `~${finding.otherRow}` : ''}${finding.value === undefined || finding.code === 'sitesClose' ? '' : `=${finding.value}`}`,
    );
    // The distance against Turf's haversine (an independent computation), to the check's 0.1 m.
    const close = check!.findings.find((finding) => finding.code === 'sitesClose')!;
    expect(Math.abs(close.value! - distance(M1, M2, { units: 'meters' }))).toBeLessThan(0.2);
    expect(findings).toEqual([
      'mastTall@6=55',
      'tiltOutside@6=20',
      'sitesClose@6~2',
      'mastTall@7=55',
      'tiltOutside@7=20',
      'sectorsClose@7~6=30',
      'mastTall@8=55',
      'tiltOutside@8=20',
      'mastLow@13=8',
      'exactDuplicate@14~3',
    ]);
    expect(check!.checkedRows).toBe(12);
    expect(checkGroups(check!).map((group) => `${group.code}: ${group.rowText}`)).toEqual([
      'mastTall: 6–8',
      'mastLow: 13',
      'tiltOutside: 6–8',
      'sectorsClose: 7',
      'sitesClose: 6',
      'exactDuplicate: 14',
    ]);
    const csv = parameterCheckCsv(check!).split('\r\n');
    expect(csv[0]).toBe('\uFEFFrow,check,detail');
    expect(csv).toContain('7,sectorsClose,value=30; otherRow=6');
    expect(csv).toContain('14,exactDuplicate,otherRow=3');
  });
});
