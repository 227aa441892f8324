import type { Point } from 'geojson';
import { apportionByLargestRemainder } from '../geo/apportion';
import { createSeededRandom, deriveSeed, type SeededRandom } from '../geo/seeded-random';
import { type DensityClass, districtFacts } from '../plan/district-facts';
import type { Band, SiteFeature, SiteKind, SiteProperties } from '../types';
import {
  BASELINE_SITE_COUNT,
  GROWTH_MICRO_SHARE_URBAN,
  GROWTH_N28_SHARE_OUTER,
  MACRO_HEIGHT_RANGE_M,
  MICRO_HEIGHT_RANGE_M,
  N41_SHARE,
  NEAR_STATION_FRACTION,
  STATION_SIGMA_M,
  siteWeight,
} from './calibration';
import { createDistrictSamplers, type DistrictSampler, type SampleInput } from './district-sampler';
import { type CollectionWithMetadata, SAMPLE_NOTE, shortDistrictName } from './sample-metadata';

export interface SampleSiteOptions {
  seed: number;
  /** Total sites; default 32,000 (the plan's 2020 outdoor baseline). */
  count?: number;
}

export type SampleSiteCollection = CollectionWithMetadata<Point, SiteProperties>;

/** Per-district site counts (in input order) for a total: population × density-class weight. */
export function apportionSites(input: Pick<SampleInput, 'districts'>, total: number): number[] {
  const weights = input.districts.features.map((district) => {
    const facts = districtFacts(district.properties.adcode);
    return facts ? siteWeight(facts) : 0;
  });
  return apportionByLargestRemainder(total, weights);
}

function integerBetween(random: SeededRandom, range: readonly [number, number]): number {
  return range[0] + random.integerBelow(range[1] - range[0] + 1);
}

interface SiteDraft {
  position: [number, number];
  kind: SiteKind;
  band: Band;
  heightM: number;
}

/** A 2020-style macro: n41 or n78, around a station or uniform over the district. */
function baselineDraft(
  sampler: DistrictSampler,
  densityClass: DensityClass,
  random: SeededRandom,
): SiteDraft {
  const nearStation = random.next() < NEAR_STATION_FRACTION[densityClass];
  const position = nearStation
    ? sampler.sampleNearStation(random, STATION_SIGMA_M[densityClass])
    : sampler.sampleUniform(random);
  const band: Band = random.next() < N41_SHARE ? 'n41' : 'n78';
  return {
    position,
    kind: 'macro',
    band,
    heightM: integerBetween(random, MACRO_HEIGHT_RANGE_M[densityClass]),
  };
}

/** A 2021–2025 growth site: pole micros in town, 700 MHz macros outside, otherwise like the baseline. */
function growthDraft(sampler: DistrictSampler, densityClass: DensityClass, random: SeededRandom): SiteDraft {
  const inTown = densityClass === 'dense_urban' || densityClass === 'urban';
  const roll = random.next();
  if (inTown && roll < GROWTH_MICRO_SHARE_URBAN) {
    const position = sampler.sampleNearStation(random, STATION_SIGMA_M[densityClass] * 0.6);
    return { position, kind: 'micro', band: 'n78', heightM: integerBetween(random, MICRO_HEIGHT_RANGE_M) };
  }
  if (!inTown && roll < GROWTH_N28_SHARE_OUTER) {
    const position = sampler.sampleUniform(random);
    return {
      position,
      kind: 'macro',
      band: 'n28',
      heightM: integerBetween(random, MACRO_HEIGHT_RANGE_M.rural),
    };
  }
  return baselineDraft(sampler, densityClass, random);
}

function toFeature(draft: SiteDraft, id: string, name: string, adcode: string): SiteFeature {
  return {
    type: 'Feature',
    properties: {
      id,
      name,
      kind: draft.kind,
      band: draft.band,
      heightM: draft.heightM,
      status: 'existing',
      adcode,
      synthetic: true,
    },
    geometry: {
      type: 'Point',
      coordinates: [draft.position[0], draft.position[1]],
    },
  };
}

/**
 * Deterministic synthetic outdoor 5G sites calibrated to the plan. The first min(count, 32,000)
 * are the 2020 baseline (ids S2020-…); any beyond are 2021–2025 growth (ids S2025-…) with pole
 * micros and n28 macros, so a 70,000-site set contains the 32,000-site set as its prefix.
 */
export function generateSampleSites(input: SampleInput, options: SampleSiteOptions): SampleSiteCollection {
  const count = options.count ?? BASELINE_SITE_COUNT;
  const baselineCount = Math.min(count, BASELINE_SITE_COUNT);
  const samplers = createDistrictSamplers(input);
  const features: SiteFeature[] = [];
  const phases = [
    { total: baselineCount, stream: 'sites', idPrefix: 'S2020', namePrefix: '', draft: baselineDraft },
    {
      total: count - baselineCount,
      stream: 'growth',
      idPrefix: 'S2025',
      namePrefix: '2025-',
      draft: growthDraft,
    },
  ];
  for (const phase of phases) {
    const perDistrict = apportionSites(input, phase.total);
    let serial = 0;
    samplers.forEach((sampler, districtIndex) => {
      const { adcode, name } = sampler.district.properties;
      const facts = districtFacts(adcode);
      if (!facts) return;
      // One stream per district, so each district's sites do not depend on the others'.
      const random = createSeededRandom(deriveSeed(options.seed, `${phase.stream}:${adcode}`));
      const siteCount = perDistrict[districtIndex]!;
      for (let index = 1; index <= siteCount; index++) {
        serial++;
        const draft = phase.draft(sampler, facts.densityClass, random);
        const id = `${phase.idPrefix}-${String(serial).padStart(6, '0')}`;
        const siteName = `${shortDistrictName(name)} ${phase.namePrefix}${String(index).padStart(4, '0')}`;
        features.push(toFeature(draft, id, siteName, adcode));
      }
    });
  }
  return {
    type: 'FeatureCollection',
    metadata: {
      generator: 'generateSampleSites (src/domain/sample/sample-sites.ts)',
      seed: options.seed,
      count,
      calibration:
        'plan: 32,000 outdoor 5G sites end of 2020 (70,000 by 2025); district share ∝ 2020 census population × density weight (dense 1.5, urban 1.15, suburban 1, rural 0.9); 45–60% near metro stations, rest uniform on land; n41 45% / n78 55%',
      note: SAMPLE_NOTE,
    },
    features,
  };
}
