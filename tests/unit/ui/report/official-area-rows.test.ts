import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { CoverageStats } from '../../../../src/domain/coverage/report';
import { buildAreaReport, type ReportArea } from '../../../../src/domain/report/area-report';
import { PointIndex } from '../../../../src/domain/report/point-index';
import { coverageRows } from '../../../../src/ui/report/figure-rows';

const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [121, 31],
      [121.1, 31],
      [121.1, 31.1],
      [121, 31.1],
      [121, 31],
    ],
  ],
};
const districtArea = (adcode: string): ReportArea => ({
  target: { kind: 'district', adcode },
  kind: 'district',
  name: adcode,
  nameEn: adcode,
  geometry: square,
});
const row = (adcode: string, landKm2: number, officialKm2: number) => ({
  adcode,
  name: adcode,
  landKm2,
  coveredKm2: landKm2 / 2,
  coveredFraction: 0.5,
  officialKm2,
});
const stats = {
  districts: [row('310151', 1361.6, 1185.49), row('310104', 54.7, 54.76)],
  zones: [],
} as unknown as CoverageStats;
const report = (adcode: string) =>
  buildAreaReport({
    area: districtArea(adcode),
    stats,
    gaps: null,
    sites: [],
    poles: [],
    poleIndex: new PointIndex([]),
    datacentres: [],
  });

describe('the report’s area rows', () => {
  it('put the official area beside the land, and explain 崇明’s difference', () => {
    const rows = coverageRows('zh', report('310151'));
    expect(rows.find((item) => item.id === 'landKm2')?.value).toBe('1,361.6 平方公里');
    expect(rows.find((item) => item.id === 'officialKm2')?.value).toBe('1,185.5 平方公里');
    expect(rows.find((item) => item.id === 'landNote')?.value).toMatch(/多 14\.9%.*围垦.*崇明岛北沿与东滩/);
  });

  it('show no note where the two agree within 5 % (徐汇)', () => {
    const rows = coverageRows('en', report('310104'));
    expect(rows.find((item) => item.id === 'officialKm2')?.value).toBe('54.8 km²');
    expect(rows.some((item) => item.id === 'landNote')).toBe(false);
  });
});
