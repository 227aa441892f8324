/**
 * How many sites of a list lie in each district, for the scenario comparison. The district of a site
 * object is remembered per lookup (sites are immutable values), so while a planner drags one of 38,000
 * candidates only the moved site is looked up again.
 */
import type { SiteFeature } from '../types';

export type DistrictOfPoint = (lon: number, lat: number) => string | undefined;

const remembered = new WeakMap<DistrictOfPoint, WeakMap<SiteFeature, string | null>>();

/** Site counts by district adcode; sites outside every district are counted under ''. */
export function countSitesByDistrict(
  sites: readonly SiteFeature[],
  districtOf: DistrictOfPoint,
): ReadonlyMap<string, number> {
  let known = remembered.get(districtOf);
  if (!known) {
    known = new WeakMap();
    remembered.set(districtOf, known);
  }
  const counts = new Map<string, number>();
  for (const site of sites) {
    let adcode = known.get(site);
    if (adcode === undefined) {
      const [lon = 0, lat = 0] = site.geometry.coordinates;
      adcode = districtOf(lon, lat) ?? null;
      known.set(site, adcode);
    }
    const key = adcode ?? '';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
