/** The parameter check's thresholds at their edges, and what it leaves alone (indoor, micro, suburbs). */
import { describe, expect, it } from 'vitest';
import { type CheckedSite, checkParameters } from '../../../../src/domain/import/parameter-check';

const at = (row: number, extra: Partial<CheckedSite> = {}): CheckedSite => ({
  row,
  lon: 121.3 + row * 0.01,
  lat: 31.0,
  ...extra,
});
const codes = (sites: CheckedSite[]) =>
  checkParameters(sites).findings.map((finding) => `${finding.code}@${finding.row}`);

describe('parameter check thresholds', () => {
  it('masts at 50 m or more, or under 10 m; indoor and micro are no masts', () => {
    expect(
      codes([
        at(1, { heightM: 50 }),
        at(2, { heightM: 49.9 }),
        at(3, { heightM: 10 }),
        at(4, { heightM: 9.9 }),
        at(5, { heightM: 3, kind: 'indoor' }),
        at(6, { heightM: 8, kind: 'micro' }),
        at(7, { heightM: 60, kind: 'macro' }),
      ]),
    ).toEqual(['mastTall@1', 'mastLow@4', 'mastTall@7']);
  });

  it('total tilt outside 2–16°, indoor cells not judged', () => {
    expect(
      codes([
        at(1, { totalTiltDeg: 2 }),
        at(2, { totalTiltDeg: 16 }),
        at(3, { totalTiltDeg: 1.9 }),
        at(4, { totalTiltDeg: 16.1 }),
        at(5, { totalTiltDeg: 0, kind: 'indoor' }),
      ]),
    ).toEqual(['tiltOutside@3', 'tiltOutside@4']);
  });

  it('sectors of one band on one mast less than 65° apart, around the circle', () => {
    const mast = { lon: 121.4, lat: 31.1 };
    const sector = (row: number, azimuthDeg: number, band?: 'n41' | 'n78'): CheckedSite => ({
      row,
      ...mast,
      azimuthDeg,
      ...(band ? { band } : {}),
    });
    // 350° and 20° are 30° apart across north; 200° is 65° from 135° (not flagged).
    expect(
      codes([sector(1, 350), sector(2, 20), sector(3, 135), sector(4, 200), sector(5, 20, 'n41')]),
    ).toEqual(['sectorsClose@2']);
    // Different bands on one azimuth are different layers, not a fault.
    expect(codes([sector(1, 90, 'n41'), sector(2, 90, 'n78')])).toEqual([]);
  });

  it('sites under 100 m apart only where one stands in a dense urban district', () => {
    const huangpu = { adcode: '310101' };
    const pudong = { adcode: '310115' };
    const pair = (metres: number, extra: Partial<CheckedSite>): CheckedSite[] => [
      { row: 1, lon: 121.48, lat: 31.23, ...extra },
      { row: 2, lon: 121.48 + metres / 95_100, lat: 31.23, ...extra },
    ];
    expect(codes(pair(95, huangpu))).toEqual(['sitesClose@2']);
    expect(codes(pair(105, huangpu))).toEqual([]);
    expect(codes(pair(50, pudong))).toEqual([]);
  });
});
