import { describe, expect, it } from 'vitest';
import { cellIdAt } from '../../../../src/domain/calibration/measurement-set';
import {
  buildMeasurements,
  detectMeasurementMapping,
} from '../../../../src/domain/import/build-measurements';
import { looksLikeMeasurements } from '../../../../src/domain/import/column-detection';
import { wgs84ToGcj02 } from '../../../../src/domain/import/coordinate-systems';
import type { CoordinateSystem } from '../../../../src/domain/import/import-types';
import { parseTimeCell } from '../../../../src/domain/import/measurement-values';
import { readImportSource } from '../../../../src/domain/import/read-source';
import { encodeGbk } from '../../support/import/gbk';
import { geography, metresBetween } from '../../support/import/load';
import { writeXlsx } from '../../support/import/xlsx-writer';

async function importMeasurements(name: string, bytes: Uint8Array, crs: CoordinateSystem = 'wgs84') {
  const read = await readImportSource({ name, bytes });
  if (!read.ok) throw new Error(JSON.stringify(read.failure));
  return buildMeasurements(read.source, { crs }, geography);
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('measurement column detection', () => {
  it('reads Chinese drive-test headers', async () => {
    const result = await importMeasurements(
      'dt.csv',
      utf8(
        '时间,经度,纬度,SS-RSRP(dBm),SS-SINR(dB),PCI,小区ID,邻区1 RSRP\n' +
          '2024-05-01 10:31:05.250,121.4737,31.2304,-85.5,12.5,301,C-1,-99\n' +
          '2024-05-01 10:31:06,121.4740,31.2306,-88,9 dB,302,C-2,-97\n',
      ),
    );
    const { fields } = result.mapping;
    expect(fields.rsrp.column).toBe(3);
    expect(fields.sinr.column).toBe(4);
    expect(fields.pci.column).toBe(5);
    expect(fields.cell.column).toBe(6);
    expect(fields.time.column).toBe(0);
    const { measurements } = result;
    expect(measurements.count).toBe(2);
    expect([...measurements.rsrpDbm]).toEqual([-85.5, -88]);
    expect([...measurements.sinrDb!]).toEqual([12.5, 9]);
    expect([...measurements.pci!]).toEqual([301, 302]);
    expect(cellIdAt(measurements, 1)).toBe('C-2');
    // China Standard Time: 10:31:05.25 local is 02:31:05.25 UTC.
    expect(measurements.timeMs![0]).toBe(Date.UTC(2024, 4, 1, 2, 31, 5, 250));
    expect([...measurements.rowNumbers]).toEqual([2, 3]);
    expect(result.warnings).toContainEqual({
      code: 'ignoredColumns',
      params: { count: 1, columns: '邻区1 RSRP' },
    });
  });

  it('reads English MR headers in a GBK file and tells measurements from a site sheet', async () => {
    const bytes = encodeGbk('Longitude,Latitude,RSRP,SINR,CellID,备注\n121.5,31.25,-101,3,GNB7-1,路测\n');
    const result = await importMeasurements('mr.csv', bytes);
    expect(result.measurements.count).toBe(1);
    expect(cellIdAt(result.measurements, 0)).toBe('GNB7-1');
    expect(looksLikeMeasurements(['Longitude', 'Latitude', 'RSRP'])).toBe(true);
    expect(looksLikeMeasurements(['经度', '纬度', '方位角', '挂高'])).toBe(false);
    expect(looksLikeMeasurements(['经度', '纬度', '电平'])).toBe(true);
  });

  it('asks for a mapping when two neighbour columns could be the RSRP', async () => {
    const read = await readImportSource({
      name: 'n.csv',
      bytes: utf8('lon,lat,NCell1 RSRP,NCell2 RSRP\n121.5,31.2,-90,-95\n'),
    });
    if (!read.ok) throw new Error('unreadable');
    const mapping = detectMeasurementMapping(read.source);
    expect(mapping.needsReview).toBe(true);
    expect(mapping.fields.rsrp.alternatives).toEqual([3]);
  });

  it('reads an xlsx with numbers as numbers', async () => {
    const bytes = writeXlsx({
      name: 'DT',
      rows: new Map([
        [1, ['经度', '纬度', '电平', 'PCI']],
        [2, [121.45, 31.22, -92.25, 17]],
        [4, [121.46, 31.23, -97, null]],
      ]),
    });
    const result = await importMeasurements('dt.xlsx', bytes);
    expect([...result.measurements.rsrpDbm]).toEqual([-92.25, -97]);
    expect([...result.measurements.pci!]).toEqual([17, -1]);
    expect([...result.measurements.rowNumbers]).toEqual([2, 4]);
  });
});

describe('measurement rows', () => {
  it('rejects a missing or impossible RSRP and a bad position with the row and reason, and keeps the rest', async () => {
    const result = await importMeasurements(
      'bad.csv',
      utf8(
        'lon,lat,rsrp,sinr,pci\n' +
          '121.47,31.23,-160,5,1\n' +
          '121.47,31.23,-10,5,1\n' +
          '121.47,31.23,,5,1\n' +
          '121.47,31.23,abc,5,1\n' +
          ',31.23,-90,5,1\n' +
          '116.40,39.90,-90,5,1\n' +
          '121.47,31.23,-150,99,2000\n' +
          '121.47,31.23,-20,x,7\n',
      ),
    );
    expect(result.rejected).toEqual([
      { row: 2, reason: 'rsrpOutOfRange', params: { value: '-160', min: -150, max: -20 } },
      { row: 3, reason: 'rsrpOutOfRange', params: { value: '-10', min: -150, max: -20 } },
      { row: 4, reason: 'missingRsrp' },
      { row: 5, reason: 'rsrpOutOfRange', params: { value: 'abc', min: -150, max: -20 } },
      { row: 6, reason: 'missingCoordinate', params: { field: 'lon' } },
      { row: 7, reason: 'outsideShanghai', params: { lon: 116.4, lat: 39.9 } },
    ]);
    // The two edge values are kept; a SINR of 99 dB, a PCI of 2000 and "x" are dropped from their sample.
    expect([...result.measurements.rsrpDbm]).toEqual([-150, -20]);
    expect(Number.isNaN(result.measurements.sinrDb![0])).toBe(true);
    expect([...result.measurements.pci!]).toEqual([-1, 7]);
    expect(result.warnings).toContainEqual({
      code: 'measurementValuesDropped',
      params: { field: 'sinr', count: 2 },
    });
    expect(result.warnings).toContainEqual({
      code: 'measurementValuesDropped',
      params: { field: 'pci', count: 1 },
    });
    expect(result.total).toBe(8);
  });

  it('puts GCJ-02 measurements on their WGS84 positions', async () => {
    const truth: [number, number][] = [
      [121.4737, 31.2304],
      [121.8, 31.05],
      [121.25, 31.38],
    ];
    const lines = truth.map(([lon, lat]) => {
      const [gcjLon, gcjLat] = wgs84ToGcj02(lon, lat);
      return `${gcjLon.toFixed(8)},${gcjLat.toFixed(8)},-95`;
    });
    const result = await importMeasurements(
      'gcj.csv',
      utf8(`经度,纬度,RSRP\n${lines.join('\n')}\n`),
      'gcj02',
    );
    truth.forEach((position, index) => {
      const imported = [result.measurements.lon[index]!, result.measurements.lat[index]!];
      expect(metresBetween(imported, position)).toBeLessThan(0.05);
    });
    // Read as WGS84, the same file lands about half a kilometre off.
    const unconverted = await importMeasurements('gcj.csv', utf8(`经度,纬度,RSRP\n${lines.join('\n')}\n`));
    expect(
      metresBetween([unconverted.measurements.lon[0]!, unconverted.measurements.lat[0]!], truth[0]!),
    ).toBeGreaterThan(400);
  });

  it('stops when cancelled and changes nothing', async () => {
    const read = await readImportSource({ name: 'c.csv', bytes: utf8('lon,lat,rsrp\n121.5,31.2,-90\n') });
    if (!read.ok) throw new Error('unreadable');
    const controller = new AbortController();
    controller.abort();
    await expect(buildMeasurements(read.source, { crs: 'wgs84', signal: controller.signal })).rejects.toThrow(
      /cancelled/,
    );
  });
});

describe('parseTimeCell', () => {
  it('reads the ways logs write time', () => {
    const reference = Date.UTC(2024, 4, 1, 2, 31, 5);
    expect(parseTimeCell('2024-05-01 10:31:05')).toBe(reference);
    expect(parseTimeCell('2024/5/1 10:31:05')).toBe(reference);
    expect(parseTimeCell('2024-05-01T02:31:05Z')).toBe(reference);
    expect(parseTimeCell('2024-05-01T10:31:05+08:00')).toBe(reference);
    expect(parseTimeCell(String(reference / 1000))).toBe(reference);
    expect(parseTimeCell(String(reference))).toBe(reference);
    // Excel serial day 45413.438252315 is 2024-05-01 10:31:05 local.
    expect(parseTimeCell('45413.438252315')).toBeCloseTo(reference, -1);
    expect(parseTimeCell('2024-13-01')).toBeUndefined();
    expect(parseTimeCell('soon')).toBeUndefined();
  });
});
