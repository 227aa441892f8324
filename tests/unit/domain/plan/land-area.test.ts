import { describe, expect, it } from 'vitest';
import { compareLandArea, LAND_AREA_TOLERANCE, landAreaNote } from '../../../../src/domain/plan/land-area';

describe('compareLandArea and its note', () => {
  it('needs no note within 5 % of the official area', () => {
    const comparison = compareLandArea(283.0, 270.99, '310113');
    expect(comparison.difference).toBeCloseTo(0.0443, 3);
    expect(comparison.differs).toBe(false);
    expect(landAreaNote('zh', comparison)).toBeUndefined();
    expect(LAND_AREA_TOLERANCE).toBe(0.05);
  });

  it('explains 崇明 in both languages, naming where the reclaimed land is', () => {
    const comparison = compareLandArea(1361.6, 1185.49, '310151');
    expect(comparison.differs).toBe(true);
    expect(landAreaNote('zh', comparison)).toMatch(/多 14\.9%.*围垦.*崇明岛北沿与东滩/);
    expect(landAreaNote('en', comparison)).toMatch(/14\.9% larger.*reclaimed.*Chongming/);
    expect(landAreaNote('en', comparison, 'short')).toBe(
      '14.9% more than the official area (includes land reclaimed since)',
    );
  });

  it('explains the city with the places it holds, and a shortfall as well as an excess', () => {
    const city = compareLandArea(6736.1, 6340.5, undefined);
    expect(landAreaNote('zh', city)).toMatch(/浦东和崇明/);
    expect(compareLandArea(90, 100, '310101').differs).toBe(true);
  });
});

describe('DISTRICT_LAND_KM2', () => {
  it('is the land mask file’s areas, one decimal', async () => {
    const { readFileSync } = await import('node:fs');
    const { DISTRICT_LAND_KM2 } = await import('../../../../src/domain/plan/district-land');
    const mask = JSON.parse(readFileSync('data/geo/land-mask.geojson', 'utf8')) as {
      features: { properties: { adcode: string; areaKm2: number } }[];
    };
    expect(DISTRICT_LAND_KM2).toEqual(
      Object.fromEntries(
        mask.features.map((f) => [f.properties.adcode, Math.round(f.properties.areaKm2 * 10) / 10]),
      ),
    );
  });
});
