/**
 * The sample networks as site features: one feature per sector (what an operator's 工参表 lists as a cell),
 * three per macro mast, one per pole-mounted micro cell. Ids name the base station and the sector:
 * S2020-000123-2 is sector 2 of 2020 base station 123; 2025's added stations are S2025-…, so the 2025 sample
 * starts with the whole 2020 sample, unchanged.
 */
import type { Point } from 'geojson';
import { createSeededRandom, deriveSeed } from '../geo/seeded-random';
import type { SiteFeature, SiteProperties } from '../types';
import {
  BASE_STATIONS_BY_YEAR,
  INTERFERENCE_LIMITED_TIERS,
  MICRO_BELOW_POLE_TOP_M,
  type SampleYear,
} from './calibration';
import { generateMasts, type Mast, type MastInput } from './sample-masts';
import { type CollectionWithMetadata, SAMPLE_NOTE, shortDistrictName } from './sample-metadata';
import { macroHeightM, macroSectors, microRadio } from './sector-attributes';

export type SampleSiteInput = MastInput;

export interface SampleSiteOptions {
  seed: number;
  year: SampleYear;
}

export interface SampleSiteMetadataCounts {
  /** Base stations (masts) in the sample. */
  baseStations: number;
  /** Site features (sectors and micro cells). */
  sectors: number;
}

export type SampleSiteCollection = CollectionWithMetadata<Point, SiteProperties> & {
  metadata: { year: SampleYear } & SampleSiteMetadataCounts;
};

/** Masts of one year group in district order (the land mask's), keeping their order within a district. */
function byDistrict(masts: Mast[], districtCount: number): Mast[] {
  const groups: Mast[][] = Array.from({ length: districtCount }, () => []);
  for (const mast of masts) groups[mast.place.district]!.push(mast);
  return groups.flat();
}

function mastFeatures(mast: Mast, mastId: string, name: string, adcode: string, seed: number): SiteFeature[] {
  // Each mast draws from its own stream: its radio does not depend on any other mast.
  const random = createSeededRandom(deriveSeed(seed, `radio:${mastId}`));
  const position = [mast.place.lon, mast.place.lat];
  const common = { status: 'existing' as const, adcode, synthetic: true as const };
  if (mast.kind === 'micro') {
    const pole = mast.pole!;
    return [
      {
        type: 'Feature',
        properties: {
          id: `${mastId}-1`,
          name: `${name}-1`,
          kind: 'micro',
          band: mast.band,
          heightM: pole.heightM - MICRO_BELOW_POLE_TOP_M,
          ...microRadio(random),
          poleId: pole.id,
          ...common,
        },
        geometry: { type: 'Point', coordinates: position },
      },
    ];
  }
  const heightM = macroHeightM(mast.place.environment, random);
  // The 700 MHz layer is there for coverage wherever it stands.
  const interferenceLimited = mast.band !== 'n28' && INTERFERENCE_LIMITED_TIERS.includes(mast.place.tier);
  return macroSectors(mast.band, heightM, mast.isdM, interferenceLimited, random).map((sector, index) => ({
    type: 'Feature',
    properties: {
      id: `${mastId}-${index + 1}`,
      name: `${name}-${index + 1}`,
      kind: 'macro',
      band: mast.band,
      heightM,
      ...sector,
      ...common,
    },
    geometry: { type: 'Point', coordinates: position },
  }));
}

/** Deterministic sample network of a year (2025 = the 2020 sample followed by 2021–2025 growth). */
export function generateSampleSites(
  input: SampleSiteInput,
  options: SampleSiteOptions,
): SampleSiteCollection {
  const masts = generateMasts(input, options.year, options.seed);
  const districtCount = input.land.features.length;
  const groups = [
    {
      year: 2020,
      masts: byDistrict(
        masts.filter((mast) => mast.year === 2020),
        districtCount,
      ),
    },
    {
      year: 2025,
      masts: byDistrict(
        masts.filter((mast) => mast.year === 2025),
        districtCount,
      ),
    },
  ];
  const features: SiteFeature[] = [];
  for (const group of groups) {
    const perDistrict = new Map<number, number>();
    group.masts.forEach((mast, index) => {
      const serial = (perDistrict.get(mast.place.district) ?? 0) + 1;
      perDistrict.set(mast.place.district, serial);
      const land = input.land.features[mast.place.district]!.properties;
      const mastId = `S${group.year}-${String(index + 1).padStart(6, '0')}`;
      const name = `${shortDistrictName(land.name ?? land.adcode)} ${group.year === 2020 ? '' : '2025-'}${String(serial).padStart(4, '0')}`;
      features.push(...mastFeatures(mast, mastId, name, land.adcode, options.seed));
    });
  }
  return {
    type: 'FeatureCollection',
    metadata: {
      generator: 'generateSampleSites (src/domain/sample/sample-sites.ts)',
      seed: options.seed,
      year: options.year,
      count: features.length,
      baseStations: masts.length,
      sectors: features.length,
      calibration: `plan: ${BASE_STATIONS_BY_YEAR[2020].toLocaleString('en')} outdoor 5G base stations end of 2020, more than 70,000 by 2025 (${BASE_STATIONS_BY_YEAR[2025].toLocaleString('en')} here); layouts and radio in data/geo/SOURCES.md ("Sample sites")`,
      note: SAMPLE_NOTE,
    },
    features,
  };
}
