import { describe, expect, it } from 'vitest';
import { SiteSearch } from '../../../../src/domain/calibration/site-search';
import { CoverageEngine } from '../../../../src/domain/coverage/coverage-engine';
import { type ProbeSite, prepareProbeSites, siteAtPoint } from '../../../../src/domain/coverage/probe';
import { createSeededRandom } from '../../../../src/domain/geo/seeded-random';
import type { SiteFeature } from '../../../../src/domain/types';
import { city, site } from '../../support/coverage/synthetic-city';

const engine = new CoverageEngine(city, { cellM: 50, mode: 'pathloss' });
const settings = { ...engine.settings, corrections: [] };
const userHeightM = settings.losses.userHeightM;

/**
 * A mixed network, so each bound of the search is put to work: urban three-sector macros every ~400 m
 * in the two districts (UMa), tall rural masts a few kilometres out (RMa: far lower path loss, the sites
 * a loose stopping bound would chase), micros and an omni between them, and two masts on one spot.
 */
function mixedNetwork(seed: number): SiteFeature[] {
  const random = createSeededRandom(seed);
  const sites: SiteFeature[] = [];
  const sectors = (lon: number, lat: number, properties: Partial<SiteFeature['properties']> = {}) => {
    const turn = random.between(0, 120);
    for (let sector = 0; sector < 3; sector++)
      sites.push(
        site(`s${sites.length}`, lon, lat, {
          azimuthDeg: Math.round(turn + sector * 120) % 360,
          ...properties,
        }),
      );
  };
  for (let lon = 121.402; lon < 121.52; lon += 0.0042)
    for (let lat = 31.202; lat < 31.26; lat += 0.0037)
      if (random.next() < 0.7)
        sectors(lon + random.between(-0.001, 0.001), lat + random.between(-0.001, 0.001));
  for (let mast = 0; mast < 12; mast++)
    sectors(random.between(121.53, 121.6), random.between(31.26, 31.3), { heightM: 45 });
  for (let micro = 0; micro < 20; micro++)
    sites.push(
      site(`micro${micro}`, random.between(121.4, 121.52), random.between(31.2, 31.26), { kind: 'micro' }),
    );
  sites.push(site('omni', 121.55, 31.24));
  sectors(121.45, 31.23);
  sectors(121.45, 31.23, { heightM: 40 });
  return sites;
}

/** The exhaustive answer: every site probed, the strongest kept, ties to the first in site order. */
function strongestByProbingAll(sites: readonly ProbeSite[], lon: number, lat: number) {
  let site = -1;
  let rsrpDbm = Number.NEGATIVE_INFINITY;
  sites.forEach((candidate, index) => {
    const link = siteAtPoint(candidate, userHeightM, lon, lat);
    if (link && link.rsrpDbm > rsrpDbm) {
      rsrpDbm = link.rsrpDbm;
      site = index;
    }
  });
  return { site, rsrpDbm };
}

describe('SiteSearch (bucket grid with neighbourhood bounds) against probing every site', () => {
  for (const seed of [1, 2]) {
    it(`finds the same best server and RSRP over the whole map, urban, rural and beyond reach (network ${seed})`, () => {
      const probeSites = prepareProbeSites(mixedNetwork(seed), engine.city, settings);
      const search = new SiteSearch(probeSites, userHeightM);
      const random = createSeededRandom(100 + seed);
      let rural = 0;
      let none = 0;
      for (let trial = 0; trial < 700; trial++) {
        const lon = random.between(121.38, 121.7);
        const lat = random.between(31.18, 31.36);
        const expected = strongestByProbingAll(probeSites, lon, lat);
        const hit = search.strongest(lon, lat);
        if (expected.site < 0) {
          none++;
          expect(hit).toBeUndefined();
          continue;
        }
        if (probeSites[expected.site]!.scenario.model === 'rma') rural++;
        expect(hit?.site).toBe(expected.site);
        expect(hit?.link.rsrpDbm).toBe(expected.rsrpDbm);
      }
      // The trial covered each case: rural servers and points no site reaches.
      expect(rural).toBeGreaterThan(20);
      expect(none).toBeGreaterThan(20);
    });
  }

  it('breaks a tie between co-located identical sectors toward the first in site order', () => {
    const twin = { azimuthDeg: 90 };
    const probeSites = prepareProbeSites(
      [site('a', 121.45, 31.23, twin), site('b', 121.45, 31.23, twin)],
      engine.city,
      settings,
    );
    expect(new SiteSearch(probeSites, userHeightM).strongest(121.452, 31.2301)?.site).toBe(0);
  });
});
