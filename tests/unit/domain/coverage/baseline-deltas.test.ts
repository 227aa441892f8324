import { describe, expect, it } from 'vitest';
import { baselineDeltas } from '../../../../src/domain/coverage/baseline-deltas';
import type { CoverageStats } from '../../../../src/domain/coverage/report';

const stats = (city: number, district: number, newTown: number, wing: number) =>
  ({
    landKm2: 100,
    coveredKm2: city,
    coveredFraction: city / 100,
    districts: [
      { adcode: '310120', name: '奉贤区', landKm2: 50, coveredKm2: district, coveredFraction: district / 50 },
    ],
    zones: [
      {
        id: 'wing_east',
        name: '东翼',
        kind: 'wing',
        landKm2: 20,
        coveredKm2: wing,
        coveredFraction: wing / 20,
      },
      {
        id: 'newtown_fx',
        name: '奉贤新城',
        kind: 'new_town',
        landKm2: 10,
        coveredKm2: newTown,
        coveredFraction: newTown / 10,
      },
    ],
  }) as unknown as CoverageStats;

describe('baselineDeltas', () => {
  it('gives km² and percentage-point changes for the city, districts and zones (new towns first)', () => {
    const rows = baselineDeltas(stats(80, 40, 6, 15), stats(78, 39, 5, 15));
    expect(rows.map((row) => row.key)).toEqual([
      'city',
      'district:310120',
      'zone:newtown_fx',
      'zone:wing_east',
    ]);
    const [city, district, newTown, wing] = rows;
    expect(city!.deltaKm2).toBeCloseTo(2, 10);
    // 80 % − 78 % of 100 km²: 2 points; 80 % − 78 % of 50 km² (40 vs 39): 2 points; 60 % − 50 %: 10 points.
    expect(city!.deltaPp).toBeCloseTo(2, 10);
    expect(district!.deltaKm2).toBeCloseTo(1, 10);
    expect(district!.deltaPp).toBeCloseTo(2, 10);
    expect(newTown!.area).toBe('new_town');
    expect(newTown!.deltaPp).toBeCloseTo(10, 10);
    expect(wing!.deltaKm2).toBe(0);
    expect(wing!.currentFraction).toBeCloseTo(0.75, 10);
  });
});
