import area from '@turf/area';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSampleInput } from '../../../scripts/sample-inputs';
import { DISTRICT_FACTS } from '../../../src/domain/plan/district-facts';
import { generateSampleSites, type SampleSiteCollection } from '../../../src/domain/sample';

const input = readSampleInput('data/geo');
/** The documented weights (data/geo/SOURCES.md), written out again so a changed constant is caught. */
const DOCUMENTED_CLASS_WEIGHT = { dense_urban: 1.5, urban: 1.15, suburban: 1, rural: 0.9 } as const;

let sites: SampleSiteCollection;
let generationMs = 0;
beforeAll(() => {
  const start = performance.now();
  sites = generateSampleSites(input, { seed: 7 });
  generationMs = performance.now() - start;
});

function countByAdcode(collection: SampleSiteCollection): Map<string, number> {
  const counts = new Map<string, number>();
  for (const site of collection.features) {
    counts.set(site.properties.adcode!, (counts.get(site.properties.adcode!) ?? 0) + 1);
  }
  return counts;
}

describe('generateSampleSites', () => {
  it('makes the plan’s 32,000 outdoor 2020 sites by default, quickly', () => {
    expect(sites.features).toHaveLength(32_000);
    expect(generationMs).toBeLessThan(2000);
    expect(sites.metadata).toMatchObject({ seed: 7, count: 32_000, note: '示意数据 / sample data' });
  });

  it('is deterministic: same seed, same bytes; another seed, other positions', () => {
    const again = generateSampleSites(input, { seed: 7, count: 2000 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(generateSampleSites(input, { seed: 7, count: 2000 })));
    const other = generateSampleSites(input, { seed: 8, count: 2000 });
    expect(JSON.stringify(other.features)).not.toBe(JSON.stringify(again.features));
  });

  it('gives each district its share of population × density weight (within one site)', () => {
    const weights = DISTRICT_FACTS.map(
      (facts) => facts.population10k * DOCUMENTED_CLASS_WEIGHT[facts.densityClass],
    );
    const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
    const counts = countByAdcode(sites);
    DISTRICT_FACTS.forEach((facts, index) => {
      const expected = (32_000 * weights[index]!) / totalWeight;
      expect(Math.abs((counts.get(facts.adcode) ?? 0) - expected), facts.name).toBeLessThanOrEqual(1);
    });
    // Pudong, the most populous district, has the most sites (≈ 7,000).
    expect(counts.get('310115')).toBeGreaterThan(6500);
  });

  it('puts every site inside its declared district and on land', () => {
    const byAdcode = new Map(
      input.districts.features.map((district) => [district.properties.adcode, district]),
    );
    const land = input.land.features[0]!;
    for (const [index, site] of sites.features.entries()) {
      expect(
        booleanPointInPolygon(site.geometry, byAdcode.get(site.properties.adcode!)!),
        site.properties.id,
      ).toBe(true);
      if (index % 10 === 0) expect(booleanPointInPolygon(site.geometry, land), site.properties.id).toBe(true);
    }
  });

  it('is denser per km² in the central districts than in the rural ones', () => {
    const counts = countByAdcode(sites);
    const density = (adcode: string) => {
      const district = input.districts.features.find((feature) => feature.properties.adcode === adcode)!;
      return (counts.get(adcode) ?? 0) / (area(district) / 1e6);
    };
    const dense = DISTRICT_FACTS.filter((facts) => facts.densityClass === 'dense_urban').map((f) =>
      density(f.adcode),
    );
    const rural = DISTRICT_FACTS.filter((facts) => facts.densityClass === 'rural').map((f) =>
      density(f.adcode),
    );
    expect(Math.min(...dense)).toBeGreaterThan(10 * Math.max(...rural));
  });

  it('clusters around metro stations: far more sites within 500 m of People’s Square than average', () => {
    const [stationLon, stationLat] = [121.4751, 31.2329]; // 人民广场, WGS84
    const near = sites.features.filter((site) => {
      const [lon, lat] = site.geometry.coordinates;
      return Math.hypot((lon! - stationLon) * 95_300, (lat! - stationLat) * 111_195) < 500;
    }).length;
    // Huangpu's uniform average would put ~40 sites in a 0.79 km² disc; the station mixture adds more.
    expect(near).toBeGreaterThan(45);
  });

  it('writes documented properties: macros on n41/n78 at 25–40 m, ids S2020-000001…', () => {
    const bands = new Map<string, number>();
    const wrong = sites.features.filter((site) => {
      const { kind, status, synthetic, heightM } = site.properties;
      const [lon, lat] = site.geometry.coordinates;
      const rounded = Math.round(lon! * 1e6) / 1e6 === lon && Math.round(lat! * 1e6) / 1e6 === lat;
      bands.set(site.properties.band!, (bands.get(site.properties.band!) ?? 0) + 1);
      return (
        kind !== 'macro' ||
        status !== 'existing' ||
        synthetic !== true ||
        !rounded ||
        heightM! < 25 ||
        heightM! > 40
      );
    });
    expect(wrong).toEqual([]);
    expect([...bands.keys()].sort()).toEqual(['n41', 'n78']);
    expect(bands.get('n41')! / 32_000).toBeCloseTo(0.45, 1);
    expect(sites.features[0]!.properties.id).toBe('S2020-000001');
    expect(new Set(sites.features.map((site) => site.properties.id)).size).toBe(32_000);
  });

  it('scales to the 2025 size: 70,000 sites in under 2 s, the 32,000 baseline as prefix, micros and n28', () => {
    const start = performance.now();
    const large = generateSampleSites(input, { seed: 7, count: 70_000 });
    expect(performance.now() - start).toBeLessThan(2000);
    expect(large.features).toHaveLength(70_000);
    expect(JSON.stringify(large.features.slice(0, 32_000))).toBe(JSON.stringify(sites.features));
    const growth = large.features.slice(32_000);
    expect(growth[0]!.properties.id).toBe('S2025-000001');
    const micro = growth.filter((site) => site.properties.kind === 'micro');
    const n28 = growth.filter((site) => site.properties.band === 'n28');
    expect(micro.length / growth.length).toBeGreaterThan(0.1);
    expect(n28.length / growth.length).toBeGreaterThan(0.03);
    for (const site of micro) expect(site.properties.heightM).toBeLessThanOrEqual(10);
    const ruralOrSuburban = new Set(
      DISTRICT_FACTS.filter((facts) => ['rural', 'suburban'].includes(facts.densityClass)).map(
        (f) => f.adcode,
      ),
    );
    for (const site of n28) expect(ruralOrSuburban.has(site.properties.adcode!)).toBe(true);
  });
});
