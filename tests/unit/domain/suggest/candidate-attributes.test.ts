/**
 * Issue 14 item 6: a candidate's own attributes (kind, band, height, radius, azimuth) are used where it
 * has them, the template for the rest, and the gains are those of the site as it would be built: a
 * fresh engine compute with the built sites added equals the reported coverage after.
 */
import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../../../src/domain/coverage/coverage-engine';
import { coverageStats } from '../../../../src/domain/coverage/report';
import { builtTemplate, type SuggestCandidate, suggest } from '../../../../src/domain/suggest/suggest';
import { plannerCandidates, poleCandidates } from '../../../../src/domain/suggest/suggest-candidates';
import type { SiteFeature } from '../../../../src/domain/types';
import { city, site } from '../../support/coverage/synthetic-city';

const TEMPLATE = { kind: 'micro', band: 'n78', heightM: 10 } as const;

describe('suggestion candidates keep their own attributes', () => {
  it('the built template is the candidate over the template, field by field', () => {
    expect(builtTemplate({ template: { radiusM: 900, band: 'n41' } }, TEMPLATE)).toEqual({
      kind: 'micro',
      band: 'n41',
      heightM: 10,
      radiusM: 900,
    });
    expect(builtTemplate({}, TEMPLATE)).toEqual(TEMPLATE);
  });

  it('planner candidates carry only radio fields; poles carry their height', () => {
    const planner = plannerCandidates([
      site('c1', 121.43, 31.23, {
        status: 'candidate',
        name: '候选 1',
        radiusM: 700,
        azimuthDeg: 120,
        adcode: '310101',
        poleId: 'P1',
      }),
    ]);
    expect(planner[0]).toMatchObject({ id: 'c1', poleId: 'P1', template: { radiusM: 700, azimuthDeg: 120 } });
    expect(Object.keys(planner[0]!.template!).sort()).toEqual(['azimuthDeg', 'radiusM']);
    const poles = poleCandidates([
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [121.43, 31.23] },
        properties: { id: 'P9', heightM: 12 },
      },
    ]);
    expect(poles[0]!.template).toEqual({ heightM: 12 });
  });

  it('radius mode: a 1.5 km candidate beats 300 m ones, and its gain is that of a 1.5 km site', async () => {
    const engine = new CoverageEngine(city, { cellM: 50, mode: 'radius' });
    engine.computeAll([site('e1', 121.41, 31.21, { kind: 'macro', band: 'n78', radiusM: 300 })]);
    const candidates: SuggestCandidate[] = [
      { id: 'small-a', lon: 121.43, lat: 31.23, source: 'file', template: { radiusM: 300 } },
      { id: 'big', lon: 121.49, lat: 31.24, source: 'file', template: { radiusM: 1500, kind: 'macro' } },
      { id: 'plain', lon: 121.45, lat: 31.25, source: 'file' },
    ];
    const result = await suggest(engine, {
      area: { kind: 'city' },
      candidates,
      template: { ...TEMPLATE, radiusM: 300 },
      budget: { kind: 'count', count: 2 },
    });
    expect(result.picks[0]!.id).toBe('big');
    expect(result.picks[0]!.template).toEqual({ kind: 'macro', band: 'n78', heightM: 10, radiusM: 1500 });
    // π (1.5 km)² ≈ 7.07 km², clipped by the district and the sea bite, far above a 300 m disc (0.28 km²).
    expect(result.picks[0]!.gainKm2).toBeGreaterThan(4);
    const built: SiteFeature[] = result.picks.map((pick) =>
      site(`new-${pick.rank}`, pick.lon, pick.lat, { ...pick.template }),
    );
    const fresh = new CoverageEngine(city, { cellM: 50, mode: 'radius' });
    fresh.computeAll([site('e1', 121.41, 31.21, { kind: 'macro', band: 'n78', radiusM: 300 }), ...built]);
    expect(coverageStats(fresh).coveredKm2).toBeCloseTo(result.coveredKm2After, 9);
  });

  it('path-loss mode: the gain of an n28 macro candidate is that of the n28 macro, not the template micro', async () => {
    const engine = new CoverageEngine(city, { cellM: 50, mode: 'pathloss' });
    engine.computeAll([]);
    const candidate: SuggestCandidate = {
      id: 'macro',
      lon: 121.44,
      lat: 31.23,
      source: 'file',
      template: { kind: 'macro', band: 'n28', heightM: 35 },
    };
    const result = await suggest(engine, {
      area: { kind: 'city' },
      candidates: [candidate],
      template: TEMPLATE,
      budget: { kind: 'count', count: 1 },
    });
    const asBuilt = new CoverageEngine(city, { cellM: 50, mode: 'pathloss' });
    asBuilt.computeAll([site('m', 121.44, 31.23, { kind: 'macro', band: 'n28', heightM: 35 })]);
    const asTemplate = new CoverageEngine(city, { cellM: 50, mode: 'pathloss' });
    asTemplate.computeAll([site('m', 121.44, 31.23, { ...TEMPLATE })]);
    expect(result.picks[0]!.gainKm2).toBeCloseTo(coverageStats(asBuilt).coveredKm2, 9);
    expect(coverageStats(asBuilt).coveredKm2).toBeGreaterThan(2 * coverageStats(asTemplate).coveredKm2);
  });

  it('refuses a template or candidate the attribute panel would refuse, naming it', async () => {
    const engine = new CoverageEngine(city, { cellM: 50, mode: 'radius' });
    engine.computeAll([]);
    const request = {
      area: { kind: 'city' } as const,
      template: TEMPLATE,
      budget: { kind: 'count', count: 1 } as const,
    };
    await expect(
      suggest(engine, {
        ...request,
        candidates: [{ id: 'huge', lon: 121.44, lat: 31.23, source: 'file', template: { radiusM: 1e6 } }],
      }),
    ).rejects.toThrow('candidate "huge": radiusM must be between 1 and 50000 m');
    await expect(
      suggest(engine, { ...request, template: { ...TEMPLATE, heightM: 10_000 }, candidates: [] }),
    ).rejects.toThrow('site template: heightM must be between 1 and 300 m');
  });
});
