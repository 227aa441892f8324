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

  it('lines poles up along streets: most poles have a neighbour 40–80 m away', () => {
    const sample = poles.features.slice(0, 2000);
    let withStreetNeighbour = 0;
    for (const pole of sample) {
      const [lon, lat] = pole.geometry.coordinates;
      const nearest = Math.min(
        ...sample
          .filter((other) => other !== pole)
          .map((other) =>
            Math.hypot(
              (other.geometry.coordinates[0]! - lon!) * 95_300,
              (other.geometry.coordinates[1]! - lat!) * 111_195,
            ),
          ),
      );
      if (nearest >= 35 && nearest <= 85) withStreetNeighbour++;
    }
    expect(withStreetNeighbour / sample.length).toBeGreaterThan(0.8);
  });

  it('puts more poles in the central city than in the outer districts per district', () => {
    const counts = new Map<string, number>();
    for (const pole of poles.features)
      counts.set(pole.properties.adcode!, (counts.get(pole.properties.adcode!) ?? 0) + 1);
    // Huangpu (66 万 people, dense) gets more than Jinshan (82 万, rural).
    expect(counts.get('310101')!).toBeGreaterThan(2 * (counts.get('310116') ?? 0));
  });
});
