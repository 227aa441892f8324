import { describe, expect, it } from 'vitest';
import { createScenario } from '../../../src/domain/scenario/scenario';
import type { Scenario } from '../../../src/domain/scenario/scenario-types';
import { diffScenarios } from '../../../src/domain/sync/scenario-delta';
import type { PoleFeature } from '../../../src/domain/types';
import type { User } from '../../../src/server/auth/users';
import { judgeWrite } from '../../../src/server/scenarios/rights';
import { candidate } from '../support/server/scenario-edits';
import { baselineSiteIn, pointIn, testGeography } from '../support/server/server-harness';

const PUDONG = '310115';
const HUANGPU = '310101';
const pudongPlanner: User = { id: 1, name: 'p', role: 'district', district: PUDONG };
const empty: Scenario = createScenario({
  id: 's',
  name: 'plan',
  baselineRef: testGeography().baseline.ref,
  nowIso: '2026-01-01T00:00:00Z',
});
const judge = (after: Scenario, before: Scenario = empty, owner: string | null = null) =>
  judgeWrite(pudongPlanner, { district: owner }, before, diffScenarios(before, after), testGeography());

describe('district rights, judged by position', () => {
  it('lets a district modify a baseline site of its own, but not pull a neighbour’s site across the border', () => {
    const own = baselineSiteIn(PUDONG);
    const moved = { ...own, geometry: { type: 'Point' as const, coordinates: pointIn(PUDONG, 100) } };
    expect(judge({ ...empty, modifiedSites: [moved] })).toEqual({ allowed: true });
    const neighbours = baselineSiteIn(HUANGPU);
    // Its new position is in Pudong, and its adcode claims Pudong: the baseline position still says Huangpu.
    const pulled = {
      ...neighbours,
      geometry: { type: 'Point' as const, coordinates: pointIn(PUDONG) },
      properties: { ...neighbours.properties, adcode: PUDONG },
    };
    expect(judge({ ...empty, modifiedSites: [pulled] })).toEqual({
      allowed: false,
      reason: 'sitesOutsideDistrict',
      siteIds: [neighbours.properties.id],
    });
  });

  it('judges a planned removal at the site’s position, and refuses ids it cannot place', () => {
    expect(judge({ ...empty, removedSiteIds: [baselineSiteIn(PUDONG).properties.id] })).toEqual({
      allowed: true,
    });
    expect(judge({ ...empty, removedSiteIds: [baselineSiteIn(HUANGPU).properties.id] }).allowed).toBe(false);
    expect(judge({ ...empty, removedSiteIds: ['no-such-site'] })).toMatchObject({
      allowed: false,
      siteIds: ['no-such-site'],
    });
  });

  it('judges poles and imported existing sites like any site', () => {
    const pole = (coordinates: [number, number]): PoleFeature => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates },
      properties: { id: 'pole', heightM: 8 },
    });
    expect(judge({ ...empty, poles: [pole(pointIn(PUDONG))] })).toEqual({ allowed: true });
    expect(judge({ ...empty, poles: [pole(pointIn(HUANGPU))] }).allowed).toBe(false);
    const existing = {
      ...candidate('op-1', pointIn(HUANGPU)),
      properties: { id: 'op-1', status: 'existing' as const },
    };
    expect(judge({ ...empty, existingSites: [existing] }).allowed).toBe(false);
  });

  it('lets a district rename only its own plan, and never change the baseline', () => {
    expect(judge({ ...empty, name: 'new name' }, empty, PUDONG)).toEqual({ allowed: true });
    expect(judge({ ...empty, name: 'new name' }, empty, HUANGPU)).toMatchObject({
      allowed: false,
      reason: 'cityOnlyField',
    });
    expect(judge({ ...empty, name: 'new name' }, empty, null)).toMatchObject({
      allowed: false,
      reason: 'cityOnlyField',
    });
    expect(judge({ ...empty, baselineRef: { id: 'other' } }, empty, PUDONG)).toMatchObject({
      allowed: false,
      reason: 'cityOnlyField',
    });
  });

  it('refuses viewers everything and lets the city do anything', () => {
    const after = { ...empty, addedSites: [candidate('x', pointIn(HUANGPU))] };
    const delta = diffScenarios(empty, after);
    expect(
      judgeWrite(
        { id: 2, name: 'v', role: 'viewer', district: null },
        { district: null },
        empty,
        delta,
        testGeography(),
      ).allowed,
    ).toBe(false);
    expect(
      judgeWrite(
        { id: 3, name: 'c', role: 'city', district: null },
        { district: null },
        empty,
        delta,
        testGeography(),
      ).allowed,
    ).toBe(true);
  });
});
