/**
 * The parameter check finds masts closer than 100 m through a grid of 100 m buckets; here against the
 * plain comparison of every pair, on seeded random masts packed densely enough for many neighbours.
 */
import { describe, expect, it } from 'vitest';
import { localMetresFrame } from '../../../../src/domain/geo/geodesy';
import {
  type CheckedSite,
  checkParameters,
  MIN_DENSE_URBAN_SPACING_M,
} from '../../../../src/domain/import/parameter-check';

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Every pair of masts (first row at a position) compared directly, reported on the later row. */
function naiveSitesClose(sites: readonly CheckedSite[]): string[] {
  const frame = localMetresFrame(31.2);
  const masts = new Map<string, CheckedSite>();
  for (const site of sites) {
    const key = `${site.lon.toFixed(6)},${site.lat.toFixed(6)}`;
    if (!masts.has(key)) masts.set(key, site);
  }
  const dense = (site: CheckedSite) => site.adcode === '310101';
  const list = [...masts.values()];
  const found: string[] = [];
  for (const mast of list) {
    for (const other of list) {
      if (other.row >= mast.row || !(dense(mast) || dense(other))) continue;
      const distanceM = Math.hypot(
        (mast.lon - other.lon) * frame.metresPerDegreeLon,
        (mast.lat - other.lat) * frame.metresPerDegreeLat,
      );
      if (distanceM < MIN_DENSE_URBAN_SPACING_M)
        found.push(`${mast.row}-${other.row}:${Math.round(distanceM * 10) / 10}`);
    }
  }
  return found.sort();
}

describe('sites closer than 100 m: grid against every pair', () => {
  it.each([1, 2, 3])('seed %i: the same pairs and distances', (seed) => {
    const random = seeded(seed);
    const sites: CheckedSite[] = [];
    for (let row = 1; row <= 1500; row++) {
      // About 1.5 km × 1.5 km around the Bund: ~1 mast per 1,500 m², many pairs under 100 m.
      const repeat = row > 1 && random() < 0.1 ? sites[Math.floor(random() * sites.length)]! : undefined;
      sites.push({
        row,
        lon: repeat?.lon ?? 121.48 + random() * 0.016,
        lat: repeat?.lat ?? 31.23 + random() * 0.0135,
        adcode: random() < 0.6 ? '310101' : '310115',
      });
    }
    const grid = checkParameters(sites)
      .findings.filter((finding) => finding.code === 'sitesClose')
      .map((finding) => `${finding.row}-${finding.otherRow}:${finding.value}`)
      .sort();
    const naive = naiveSitesClose(sites);
    expect(naive.length).toBeGreaterThan(500);
    expect(grid).toEqual(naive);
  });
});
