import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSampleInput } from '../../../scripts/sample-inputs';
import { generateSamplePoles, type SamplePoleCollection } from '../../../src/domain/sample';

const input = readSampleInput('data/geo');
let poles: SamplePoleCollection;
beforeAll(() => {
  poles = generateSamplePoles(input, { seed: 11 });
});

describe('generateSamplePoles', () => {
  it('makes about 40,000 poles (documented range 38,000–40,000), all synthetic, unique ids', () => {
    expect(poles.features.length).toBeGreaterThanOrEqual(38_000);
    expect(poles.features.length).toBeLessThanOrEqual(40_000);
    expect(new Set(poles.features.map((pole) => pole.properties.id)).size).toBe(poles.features.length);
    expect(poles.features[0]!.properties.id).toBe('P-000001');
    for (const pole of poles.features) {
      expect(pole.properties.synthetic).toBe(true);
      expect(pole.properties.heightM).toBeGreaterThanOrEqual(8);
      expect(pole.properties.heightM).toBeLessThanOrEqual(12);
    }
  });

  it('is deterministic for a seed and differs for another', () => {
    const again = generateSamplePoles(input, { seed: 11, count: 3000 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(generateSamplePoles(input, { seed: 11, count: 3000 })));
    expect(JSON.stringify(generateSamplePoles(input, { seed: 12, count: 3000 }).features)).not.toBe(
      JSON.stringify(again.features),
    );
  });

  it('puts every pole inside its declared district', () => {
    const byAdcode = new Map(
      input.districts.features.map((district) => [district.properties.adcode, district]),
    );
    for (const pole of poles.features) {
      expect(
        booleanPointInPolygon(pole.geometry, byAdcode.get(pole.properties.adcode!)!),
        pole.properties.id,
      ).toBe(true);
    }
  });

  it('lines poles up along streets at the documented spacing (Huangpu 45 m, all 40–80 m)', () => {
    // Poles are written street by street, so consecutive poles of a district are street neighbours.
    const gaps: { adcode: string; gapM: number }[] = [];
    for (let index = 1; index < poles.features.length; index++) {
      const previous = poles.features[index - 1]!;
      const current = poles.features[index]!;
      if (previous.properties.adcode !== current.properties.adcode) continue;
      const [lon, lat] = current.geometry.coordinates;
      const [previousLon, previousLat] = previous.geometry.coordinates;
      const gapM = Math.hypot((lon! - previousLon!) * 95_300, (lat! - previousLat!) * 111_195);
      gaps.push({ adcode: current.properties.adcode!, gapM });
    }
    const alongStreet = gaps.filter(({ gapM }) => gapM >= 39 && gapM <= 81).length;
    expect(alongStreet / gaps.length).toBeGreaterThan(0.9);
    const huangpu = gaps.filter(({ adcode }) => adcode === '310101');
    const at45 = huangpu.filter(({ gapM }) => Math.abs(gapM - 45) < 1).length;
    expect(at45 / huangpu.length).toBeGreaterThan(0.8);
  });

  it('puts more poles in the central city than in the outer districts per district', () => {
    const counts = new Map<string, number>();
    for (const pole of poles.features)
      counts.set(pole.properties.adcode!, (counts.get(pole.properties.adcode!) ?? 0) + 1);
    // Huangpu (66 万 people, dense) gets more than Jinshan (82 万, rural).
    expect(counts.get('310101')!).toBeGreaterThan(2 * (counts.get('310116') ?? 0));
  });
});
