import { describe, expect, it } from 'vitest';
import { metroLineNameEn, metroStationNameEn } from '../../../../src/domain/layers/metro-names';

describe('metro names in English', () => {
  it('capitalises the pinyin and drops the digit that tells two stations apart', () => {
    expect(metroStationNameEn('xujiahui')).toBe('Xujiahui');
    expect(metroStationNameEn('guojiahuizhanzhongxin2')).toBe('Guojiahuizhanzhongxin');
    expect(metroStationNameEn(undefined)).toBeUndefined();
    expect(metroStationNameEn('')).toBeUndefined();
  });

  it('names numbered and named lines as the operator does, keeping unknown ones', () => {
    expect(metroLineNameEn('1号线')).toBe('Line 1');
    expect(metroLineNameEn('18号线')).toBe('Line 18');
    expect(metroLineNameEn('金山铁路')).toBe('Jinshan Railway');
    expect(metroLineNameEn('新线')).toBe('新线');
  });
});
