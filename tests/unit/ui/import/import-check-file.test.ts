/**
 * The 工参体检 download in the user's language: headers, one line per finding with its words, the
 * file named after the imported one; no file when the dry run has no check.
 */
import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../../../src/domain/import/import-types';
import type { ParameterCheck } from '../../../../src/domain/import/parameter-check';
import { importCheckFile } from '../../../../src/ui/import/import-check-file';

const check: ParameterCheck = {
  checkedRows: 3,
  counts: { mastTall: 1, mastLow: 0, tiltOutside: 0, sectorsClose: 1, sitesClose: 0, exactDuplicate: 0 },
  findings: [
    { row: 2, code: 'mastTall', value: 55 },
    { row: 4, code: 'sectorsClose', value: 30, otherRow: 3 },
  ],
};
const result = { rowUnit: 'row', check } as unknown as ImportResult;

describe('importCheckFile', () => {
  it('writes Chinese headers and words, one line per finding, named after the file', () => {
    const file = importCheckFile(result, 'zh', '上海 工参.v2.xlsx')!;
    expect(file.fileName).toBe('上海 工参.v2-check.csv');
    expect(file.text.split('\r\n')).toEqual([
      '\uFEFF行号,检查项,说明',
      '2,挂高 ≥ 50 米,挂高 55 米',
      '4,同站同频扇区方位角间隔 < 65°,与第 3 行相隔 30°',
      '',
    ]);
  });

  it('writes English when the app is in English, features for non-table files', () => {
    const file = importCheckFile({ ...result, rowUnit: 'feature' }, 'en', 'sites.geojson')!;
    const lines = file.text.split('\r\n');
    expect(lines[0]).toBe('\uFEFFNo.,check,detail');
    expect(lines[1]).toBe('2,Mast at 50 m or more,height 55 m');
  });

  it('gives no file when the import has no check', () => {
    expect(importCheckFile({ ...result, check: undefined }, 'zh', 'poles.csv')).toBeNull();
  });
});
