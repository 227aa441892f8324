import { describe, expect, it } from 'vitest';
import {
  bd09ToWgs84,
  gcj02ToWgs84,
  toWgs84,
  wgs84ToBd09,
  wgs84ToGcj02,
} from '../../../../src/domain/import/coordinate-systems';
import { metresBetween } from '../../support/import/load';

// The published GCJ-02 and BD-09 forward formulas, written out here independently of gcoord.
const A = 6378245.0;
const EE = 0.006693421622965943;
function transformLat(x: number, y: number): number {
  let ret = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  ret += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  ret += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return ret;
}
function transformLon(x: number, y: number): number {
  let ret = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  ret += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  ret += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return ret;
}
function referenceGcj02(lon: number, lat: number): [number, number] {
  let dLat = transformLat(lon - 105, lat - 35);
  let dLon = transformLon(lon - 105, lat - 35);
  const radLat = (lat / 180) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLon = (dLon * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}
function referenceBd09(lon: number, lat: number): [number, number] {
  const [x, y] = referenceGcj02(lon, lat);
  const factor = (Math.PI * 3000) / 180;
  const z = Math.sqrt(x * x + y * y) + 0.00002 * Math.sin(y * factor);
  const theta = Math.atan2(y, x) + 0.000003 * Math.cos(x * factor);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

const KNOWN_POINTS: Record<string, [number, number]> = {
  peoplesSquare: [121.4737, 31.2304],
  lujiazui: [121.5055, 31.2397],
  hongqiaoHub: [121.3197, 31.1941],
  lingang: [121.9311, 30.8995],
  chongmingChengqiao: [121.3976, 31.6229],
  jinshan: [121.3416, 30.7417],
};

describe('datum conversion on known Shanghai points', () => {
  for (const [name, wgs] of Object.entries(KNOWN_POINTS)) {
    it(`${name}: GCJ-02 and BD-09 back to WGS84 within 1 m, and the shift is the size planners know`, () => {
      const gcj = referenceGcj02(...wgs);
      const bd = referenceBd09(...wgs);
      expect(metresBetween(gcj02ToWgs84(...gcj), wgs)).toBeLessThan(0.01);
      expect(metresBetween(bd09ToWgs84(...bd), wgs)).toBeLessThan(0.01);
      expect(metresBetween(toWgs84(gcj[0], gcj[1], 'gcj02'), wgs)).toBeLessThan(0.01);
      // Shanghai's GCJ-02 offset is ~0.5 km; BD-09 adds roughly another 0.7–1 km.
      expect(metresBetween(gcj, wgs)).toBeGreaterThan(400);
      expect(metresBetween(gcj, wgs)).toBeLessThan(700);
      expect(metresBetween(bd, wgs)).toBeGreaterThan(1000);
      expect(metresBetween(bd, wgs)).toBeLessThan(1600);
    });
  }

  it('gcoord forward matches the published formulas to a millimetre', () => {
    for (const wgs of Object.values(KNOWN_POINTS)) {
      expect(metresBetween(wgs84ToGcj02(...wgs), referenceGcj02(...wgs))).toBeLessThan(0.001);
      expect(metresBetween(wgs84ToBd09(...wgs), referenceBd09(...wgs))).toBeLessThan(0.001);
    }
  });

  it('round trips across the whole city stay within 1 m (0.01 m in fact)', () => {
    let worstM = 0;
    for (let lon = 120.9; lon <= 122.1; lon += 0.05) {
      for (let lat = 30.7; lat <= 31.85; lat += 0.05) {
        worstM = Math.max(
          worstM,
          metresBetween(gcj02ToWgs84(...wgs84ToGcj02(lon, lat)), [lon, lat]),
          metresBetween(bd09ToWgs84(...wgs84ToBd09(lon, lat)), [lon, lat]),
        );
      }
    }
    expect(worstM).toBeLessThan(0.01);
  });

  it('WGS84 and CGCS2000 pass through unchanged', () => {
    expect(toWgs84(121.4737, 31.2304, 'wgs84')).toEqual([121.4737, 31.2304]);
    expect(toWgs84(121.4737, 31.2304, 'cgcs2000')).toEqual([121.4737, 31.2304]);
  });
});
