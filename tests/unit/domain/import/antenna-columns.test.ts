import { describe, expect, it } from 'vitest';
import { detectColumns } from '../../../../src/domain/import/column-detection';
import { importFile } from '../../../../src/domain/import/import-file';
import type { ImportField } from '../../../../src/domain/import/import-types';

const fieldOf = (headers: string[]) => {
  const mapping = detectColumns(headers);
  const byColumn = new Map<string, ImportField>();
  for (const [field, match] of Object.entries(mapping.fields)) {
    if (match.column !== undefined) byColumn.set(headers[match.column]!, field as ImportField);
  }
  return (header: string) => byColumn.get(header);
};

async function importCsv(text: string) {
  const outcome = await importFile(
    { name: 'sheet.csv', bytes: new TextEncoder().encode(text) },
    { layer: 'sites', crs: 'wgs84' },
  );
  if (!outcome.ok) throw new Error(outcome.failure.code);
  return outcome.result;
}

describe('tilt and beamwidth columns of operators’ sheets', () => {
  it('Chinese headers: 机械下倾, 电子下倾, 总下倾角 each find their field, in any order', () => {
    const headers = ['经度', '纬度', '总下倾角', '电子下倾', '机械下倾', '垂直波瓣宽度', '水平波瓣宽度'];
    const field = fieldOf(headers);
    expect(field('机械下倾')).toBe('mechanicalTilt');
    expect(field('电子下倾')).toBe('electricalTilt');
    expect(field('总下倾角')).toBe('tilt');
    expect(field('垂直波瓣宽度')).toBe('verticalBeamwidth');
    expect(field('水平波瓣宽度')).toBe('beamwidth');
  });

  it('vendor exports: MECHTILT, ELECTTILT, M_DOWNTILT, E_DOWNTILT, TILT, TOTLETILT', () => {
    const huawei = fieldOf(['LON', 'LAT', 'MECHTILT', 'ELECTTILT', 'TOTLETILT']);
    expect(huawei('MECHTILT')).toBe('mechanicalTilt');
    expect(huawei('ELECTTILT')).toBe('electricalTilt');
    expect(huawei('TOTLETILT')).toBe('tilt');
    const other = fieldOf(['LON', 'LAT', 'M_DOWNTILT', 'E_DOWNTILT', 'TILT']);
    expect(other('M_DOWNTILT')).toBe('mechanicalTilt');
    expect(other('E_DOWNTILT')).toBe('electricalTilt');
    expect(other('TILT')).toBe('tilt');
  });

  it('a sheet with only 下倾角 maps it to the total tilt, not to a part', () => {
    const field = fieldOf(['经度', '纬度', '下倾角']);
    expect(field('下倾角')).toBe('tilt');
  });

  it('maps the columns onto the site fields, splitting a total tilt against the part it has', async () => {
    const result = await importCsv(
      [
        'id,经度,纬度,方位角,机械下倾,电子下倾,总下倾角,垂直波瓣宽度,水平波瓣宽度',
        'A,121.40,31.20,120,2,4,,8,65',
        'B,121.41,31.20,,3,,9,,',
        'C,121.42,31.20,,,5,9,,',
        'D,121.43,31.20,,,,7,,30',
        'E,121.44,31.20,,2,4,99,,',
      ].join('\n'),
    );
    const byId = Object.fromEntries(result.features.map((site) => [site.properties.id, site.properties]));
    expect(byId.A).toMatchObject({
      azimuthDeg: 120,
      mechanicalTiltDeg: 2,
      electricalTiltDeg: 4,
      verticalBeamwidthDeg: 8,
      beamwidthDeg: 65,
    });
    // Total 9 with mechanical 3: electrical 6. Total 9 with electrical 5: mechanical 4.
    expect(byId.B).toMatchObject({ mechanicalTiltDeg: 3, electricalTiltDeg: 6 });
    expect(byId.C).toMatchObject({ mechanicalTiltDeg: 4, electricalTiltDeg: 5 });
    // A total alone is the electrical tilt (as the v3 → v4 migration); an omni's beamwidth is dropped.
    expect(byId.D).toEqual(expect.objectContaining({ mechanicalTiltDeg: 0, electricalTiltDeg: 7 }));
    expect(byId.D).not.toHaveProperty('beamwidthDeg');
    // A total out of range is set aside for the two parts, and the import says so for that row.
    expect(byId.E).toMatchObject({ mechanicalTiltDeg: 2, electricalTiltDeg: 4 });
    expect(result.rejected).toEqual([]);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        code: 'defaultApplied',
        params: expect.objectContaining({ field: 'tilt', fix: 'conflictsWithParts', example: '99' }),
        rows: [6],
      }),
    );
  });

  it('a part the total would push out of its range leaves the site to its default tilt, reported', async () => {
    const result = await importCsv(['id,经度,纬度,机械下倾,下倾角', 'A,121.40,31.20,-20,80'].join('\n'));
    expect(result.features).toHaveLength(1);
    expect(result.features[0]!.properties).not.toHaveProperty('mechanicalTiltDeg');
    expect(result.features[0]!.properties).not.toHaveProperty('electricalTiltDeg');
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        params: expect.objectContaining({ field: 'electricalTilt', fix: 'outOfRange', example: '100' }),
        rows: [2],
      }),
    );
  });
});
