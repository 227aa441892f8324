/** Sites for the benchmark: the shared seeded generator (src/domain/sample), same seed every run. */
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { generateSampleSites } from '../src/domain/sample';
import type { DistrictCollection, SiteCollection } from '../src/domain/types';

/** Sample sites for a count (32k = the plan's 2020 baseline, 70k = its 2025 target). */
export function benchSites(
  input: {
    districts: DistrictCollection;
    metroStations: FeatureCollection<Point>;
    land?: FeatureCollection<Polygon | MultiPolygon>;
  },
  count: number,
  seed: number,
): { sites: SiteCollection; source: string } {
  return {
    sites: generateSampleSites(input, { seed, count }),
    source: 'generateSampleSites (src/domain/sample)',
  };
}
