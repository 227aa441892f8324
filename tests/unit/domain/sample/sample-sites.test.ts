import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSampleSiteInput } from '../../../../scripts/sample-inputs';
import {
  ELECTRICAL_TILT_RANGE_DEG,
  MACRO_HEIGHT_RANGE_M,
  MECHANICAL_TILT_RANGE_DEG,
  MIN_SECTOR_SEPARATION_DEG,
  TOTAL_TILT_RANGE_DEG,
} from '../../../../src/domain/sample/calibration';
import { createEnvironmentLookup } from '../../../../src/domain/sample/environment-lookup';
import { generateSampleSites, type SampleSiteCollection } from '../../../../src/domain/sample/sample-sites';
import type { SiteFeature } from '../../../../src/domain/types';

const input = readSampleSiteInput();
const SEED = 7;
let sample2020: SampleSiteCollection;
let sample2025: SampleSiteCollection;
beforeAll(() => {
  sample2020 = generateSampleSites(input, { seed: SEED, year: 2020 });
  sample2025 = generateSampleSites(input, { seed: SEED, year: 2025 });
  // Generating both years takes a few seconds on a loaded 2-core machine.
}, 300_000);

const mastOf = (site: SiteFeature) => site.properties.id.replace(/-\d+$/, '');
function masts(collection: SampleSiteCollection): Map<string, SiteFeature[]> {
  const byMast = new Map<string, SiteFeature[]>();
  for (const site of collection.features)
    byMast.set(mastOf(site), [...(byMast.get(mastOf(site)) ?? []), site]);
  return byMast;
}
const angleApart = (a: number, b: number) => {
  const difference = Math.abs(a - b) % 360;
  return Math.min(difference, 360 - difference);
};

describe('generateSampleSites: the plan’s base-station counts', () => {
  it('2020 has the plan’s 32,000 outdoor base stations, 2025 more than 70,000', () => {
    expect(masts(sample2020).size).toBe(32_000);
    expect(sample2020.metadata).toMatchObject({
      year: 2020,
      baseStations: 32_000,
      note: '示意数据 / sample data',
    });
    expect(masts(sample2025).size).toBe(72_000);
    expect(sample2025.metadata.baseStations).toBeGreaterThan(70_000);
    expect(sample2025.metadata.sectors).toBe(sample2025.features.length);
  });

  it('2025 starts with the whole 2020 sample, unchanged', () => {
    const prefix = sample2025.features.slice(0, sample2020.features.length);
    expect(JSON.stringify(prefix)).toBe(JSON.stringify(sample2020.features));
    expect(sample2025.features[sample2020.features.length]!.properties.id.startsWith('S2025-')).toBe(true);
  });

  it('is deterministic for a seed, and another seed moves the sites', () => {
    const again = generateSampleSites(input, { seed: SEED, year: 2020 });
    expect(JSON.stringify(again.features)).toBe(JSON.stringify(sample2020.features));
    const other = generateSampleSites(input, { seed: SEED + 1, year: 2020 });
    expect(other.features[0]!.geometry.coordinates).not.toEqual(sample2020.features[0]!.geometry.coordinates);
  });
});

describe('generateSampleSites: what each base station carries', () => {
  // Loops collect violations and assert once: an expect per sector would dominate the run time.
  it('gives every macro mast three sectors on one position, band and height, at least 65° apart', () => {
    const violations: string[] = [];
    for (const [id, sectors] of masts(sample2025)) {
      const first = sectors[0]!.properties;
      if (first.kind === 'micro') {
        if (sectors.length !== 1) violations.push(`${id}: ${sectors.length} micro cells`);
        continue;
      }
      if (sectors.length !== 3) violations.push(`${id}: ${sectors.length} sectors`);
      for (const sector of sectors) {
        const p = sector.properties;
        if (
          JSON.stringify(sector.geometry.coordinates) !== JSON.stringify(sectors[0]!.geometry.coordinates) ||
          p.band !== first.band ||
          p.heightM !== first.heightM ||
          p.beamwidthDeg !== 65
        )
          violations.push(`${p.id}: differs from its mast`);
      }
      const azimuths = sectors.map((sector) => sector.properties.azimuthDeg!);
      for (let a = 0; a < azimuths.length; a++)
        for (let b = a + 1; b < azimuths.length; b++)
          if (angleApart(azimuths[a]!, azimuths[b]!) < MIN_SECTOR_SEPARATION_DEG)
            violations.push(`${id}: ${azimuths}`);
    }
    expect(violations.slice(0, 5)).toEqual([]);
  });

  it('keeps tilts, beams and heights in their documented ranges', () => {
    const environmentAt = createEnvironmentLookup(input.environment);
    const within = (value: number | undefined, [low, high]: readonly [number, number]) =>
      value !== undefined && value >= low && value <= high;
    const violations: string[] = [];
    for (const site of sample2025.features) {
      const p = site.properties;
      if (p.kind === 'micro') continue;
      const total = p.mechanicalTiltDeg! + p.electricalTiltDeg!;
      const heights = MACRO_HEIGHT_RANGE_M[environmentAt(...(site.geometry.coordinates as [number, number]))];
      if (
        !within(p.mechanicalTiltDeg, MECHANICAL_TILT_RANGE_DEG) ||
        !within(p.electricalTiltDeg, ELECTRICAL_TILT_RANGE_DEG) ||
        // The coverage guide's 0–12°; operators flag totals under 2°.
        !within(total, TOTAL_TILT_RANGE_DEG) ||
        p.verticalBeamwidthDeg !== (p.band === 'n28' ? 12 : 10) ||
        !within(p.heightM, heights)
      )
        violations.push(`${p.id}: ${JSON.stringify(p)}`);
    }
    expect(violations.slice(0, 5)).toEqual([]);
  });

  it('tilts dense-urban sectors further down than rural ones (shorter cells)', () => {
    const environmentAt = createEnvironmentLookup(input.environment);
    const totals: Record<string, number[]> = { dense_urban: [], rural: [] };
    for (const site of sample2020.features) {
      const environment = environmentAt(...(site.geometry.coordinates as [number, number]));
      totals[environment]?.push(site.properties.mechanicalTiltDeg! + site.properties.electricalTiltDeg!);
    }
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean(totals.dense_urban!)).toBeGreaterThan(mean(totals.rural!) + 3);
  });

  it('splits 2020 macro masts 45 % n41 / 55 % n78, and adds 700 MHz and pole micro cells in 2025', () => {
    const bands = (collection: SampleSiteCollection, kind: string) => {
      const counts: Record<string, number> = {};
      for (const sectors of masts(collection).values()) {
        const site = sectors[0]!.properties;
        if (site.kind === kind) counts[site.band!] = (counts[site.band!] ?? 0) + 1;
      }
      return counts;
    };
    const macros2020 = bands(sample2020, 'macro');
    expect(macros2020.n41! / 32_000).toBeCloseTo(0.45, 1);
    expect(Object.keys(macros2020).sort()).toEqual(['n41', 'n78']);
    expect(bands(sample2025, 'macro').n28).toBeGreaterThan(300);
    const micros = bands(sample2025, 'micro');
    expect((micros.n41 ?? 0) + (micros.n78 ?? 0)).toBeGreaterThan(5000);
  });

  it('mounts each micro cell on a shipped pole, just below its top', () => {
    const poles = new Map(input.poles.features.map((pole) => [pole.properties.id, pole]));
    const micros = sample2025.features.filter((site) => site.properties.kind === 'micro');
    expect(new Set(micros.map((site) => site.properties.poleId)).size).toBe(micros.length);
    const misplaced = micros.filter((site) => {
      const pole = poles.get(site.properties.poleId!);
      return (
        !pole ||
        JSON.stringify(site.geometry.coordinates) !== JSON.stringify(pole.geometry.coordinates) ||
        site.properties.heightM !== pole.properties.heightM - 1
      );
    });
    expect(misplaced.map((site) => site.properties.id).slice(0, 5)).toEqual([]);
  });

  it('puts every site on the land mask, inside its declared district', () => {
    const land = new Map(input.land.features.map((feature) => [feature.properties.adcode, feature]));
    const outside = sample2025.features.filter(
      (site, index) =>
        site.properties.synthetic !== true ||
        (index % 3 === 0 && !booleanPointInPolygon(site.geometry, land.get(site.properties.adcode!)!)),
    );
    expect(outside.map((site) => site.properties.id).slice(0, 5)).toEqual([]);
  });
});
