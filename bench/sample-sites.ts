/** Sites for the benchmark: the shared seeded generator (src/domain/sample), same seed every run. */
import { readSampleSiteInput } from '../scripts/sample-inputs';
import { createSeededRandom, shuffleInPlace } from '../src/domain/geo/seeded-random';
import { generateSampleSites, SHIPPED_SITE_SEED } from '../src/domain/sample';
import type { SiteCollection, SiteFeature } from '../src/domain/types';

let sample2025: SiteFeature[] | undefined;

/**
 * `count` site features (sectors) from the 2025 sample: whole base stations taken in a seeded random order,
 * so every count spreads over the whole city as the full sample does (32k ≈ a third of the 2020 sample's
 * sectors, 70k ≈ the plan's 2025 base-station count as cells).
 */
export function benchSites(count: number, seed: number): { sites: SiteCollection; source: string } {
  sample2025 ??= generateSampleSites(readSampleSiteInput(), { seed: SHIPPED_SITE_SEED, year: 2025 }).features;
  const byMast = new Map<string, SiteFeature[]>();
  for (const feature of sample2025) {
    const mastId = feature.properties.id.replace(/-\d+$/, '');
    const sectors = byMast.get(mastId);
    if (sectors) sectors.push(feature);
    else byMast.set(mastId, [feature]);
  }
  const masts = shuffleInPlace([...byMast.values()], createSeededRandom(seed));
  const features: SiteFeature[] = [];
  for (const sectors of masts) {
    if (features.length >= count) break;
    features.push(...sectors.slice(0, count - features.length));
  }
  return {
    sites: { type: 'FeatureCollection', features },
    source: `generateSampleSites 2025 (src/domain/sample), ${count.toLocaleString('en')} sectors of whole base stations in seeded random order`,
  };
}
