/**
 * The candidate choice of the suggest form: grid spacing validation with a reason, drawn outlines
 * that can be used, grid counts per drawn area, and the candidate set combined as the form says.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import {
  assembleCandidates,
  checkDrawnOutline,
  checkGridSpacing,
  type DrawnArea,
  gridCandidatesOf,
  polygonOf,
  previewGridCandidates,
} from '../../../../src/domain/suggest/candidate-sources';
import type { PoleFeature, SiteFeature } from '../../../../src/domain/types';

/** A square of about sideM metres with its south-west corner at (lon, lat). */
function square(id: string, lon: number, lat: number, sideM: number): DrawnArea {
  const dLat = sideM / 111_195;
  const dLon = sideM / (111_195 * Math.cos((lat * Math.PI) / 180));
  return {
    id,
    corners: [
      [lon, lat],
      [lon + dLon, lat],
      [lon + dLon, lat + dLat],
      [lon, lat + dLat],
    ],
  };
}

const pole = (id: string, lon: number, lat: number): PoleFeature =>
  ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [lon, lat] },
    properties: { id, heightM: 10, adcode: '310115', synthetic: true },
  }) as PoleFeature;

const plannerSite = (id: string, status: 'candidate' | 'planned'): SiteFeature =>
  ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [121.5, 31.2] },
    properties: { id, name: id, status, kind: 'micro', band: 'n78', heightM: 12 },
  }) as SiteFeature;

describe('grid spacing field', () => {
  it('accepts metres between 10 and 5000', () => {
    expect(checkGridSpacing('100')).toEqual({ ok: true, spacingM: 100 });
    expect(checkGridSpacing(' 10 ')).toEqual({ ok: true, spacingM: 10 });
    expect(checkGridSpacing('5000')).toEqual({ ok: true, spacingM: 5000 });
    expect(checkGridSpacing('62.5')).toEqual({ ok: true, spacingM: 62.5 });
  });

  it('names what is wrong with anything else', () => {
    expect(checkGridSpacing('')).toEqual({ ok: false, reason: 'empty' });
    expect(checkGridSpacing('  ')).toEqual({ ok: false, reason: 'empty' });
    expect(checkGridSpacing('abc')).toEqual({ ok: false, reason: 'notNumber' });
    expect(checkGridSpacing('Infinity')).toEqual({ ok: false, reason: 'notNumber' });
    expect(checkGridSpacing('9.9')).toEqual({ ok: false, reason: 'tooSmall' });
    expect(checkGridSpacing('-50')).toEqual({ ok: false, reason: 'tooSmall' });
    expect(checkGridSpacing('5001')).toEqual({ ok: false, reason: 'tooLarge' });
  });
});

describe('drawn outlines', () => {
  it('needs three distinct corners', () => {
    expect(checkDrawnOutline(square('a', 121.5, 31.2, 500).corners)).toBe('ok');
    expect(
      checkDrawnOutline([
        [121.5, 31.2],
        [121.51, 31.2],
        [121.51, 31.2],
      ]),
    ).toBe('tooFewCorners');
  });

  it('refuses a bow tie whose edges cross', () => {
    expect(
      checkDrawnOutline([
        [121.5, 31.2],
        [121.51, 31.21],
        [121.51, 31.2],
        [121.5, 31.21],
      ]),
    ).toBe('crossesItself');
  });

  it('closes the ring once', () => {
    const ring = polygonOf(square('a', 121.5, 31.2, 500).corners).geometry.coordinates[0]!;
    expect(ring).toHaveLength(5);
    expect(ring[4]).toEqual(ring[0]);
    expect(
      polygonOf([...square('a', 121.5, 31.2, 500).corners, [121.5, 31.2]]).geometry.coordinates[0],
    ).toHaveLength(5);
  });
});

describe('grid candidates of drawn areas', () => {
  it('counts about (side / spacing)² points per area, all inside it', () => {
    const areas = [square('a', 121.5, 31.2, 1000), square('b', 121.6, 31.3, 500)];
    const preview = previewGridCandidates(areas, 100);
    expect(preview).toEqual({ ok: true, perArea: [100, 25], total: 125 });
    const points = gridCandidatesOf(areas, 100);
    expect(new Set(points.map((point) => point.id)).size).toBe(125);
    for (const point of points) {
      const area = areas.find((candidate) => candidate.id === point.areaId)!;
      expect(booleanPointInPolygon([point.lon, point.lat], polygonOf(area.corners))).toBe(true);
    }
  });

  it('says too many instead of building a city of points', () => {
    expect(previewGridCandidates([square('city', 121.0, 30.8, 60_000)], 10)).toEqual({
      ok: false,
      reason: 'tooMany',
      limit: 50_000,
    });
    // Each area alone under the limit, together over it.
    const halves = [square('a', 121.5, 31.2, 2000), square('b', 121.6, 31.3, 2000)];
    expect(previewGridCandidates(halves, 10).ok).toBe(false);
  });
});

describe('candidate set from the form choice', () => {
  const inputs = {
    poles: [pole('P1', 121.3, 31.1), pole('P2', 121.31, 31.1)],
    areas: [square('a', 121.5, 31.2, 300)],
    gridSpacingM: 100,
    plannerSites: [plannerSite('C-1', 'candidate'), plannerSite('C-2', 'planned')],
  };
  const sources = (choice: Parameters<typeof assembleCandidates>[0]) =>
    assembleCandidates(choice, inputs).map((candidate) => candidate.source);

  it('takes grid points alone', () => {
    expect(sources({ usePoles: false, usePolygonGrid: true, usePlannerCandidates: false })).toEqual(
      Array(9).fill('grid'),
    );
  });

  it('combines poles, grid points and planner candidates without losing any', () => {
    const all = assembleCandidates(
      { usePoles: true, usePolygonGrid: true, usePlannerCandidates: true },
      inputs,
    );
    expect(all.map((candidate) => candidate.source)).toEqual([
      'pole',
      'pole',
      ...Array(9).fill('grid'),
      'planner',
    ]);
    expect(new Set(all.map((candidate) => candidate.id)).size).toBe(all.length);
    expect(all.find((candidate) => candidate.source === 'grid')).not.toHaveProperty('areaId');
  });

  it('leaves out what the form leaves out', () => {
    expect(sources({ usePoles: true, usePolygonGrid: false, usePlannerCandidates: false })).toEqual([
      'pole',
      'pole',
    ]);
    expect(sources({ usePoles: false, usePolygonGrid: false, usePlannerCandidates: true })).toEqual([
      'planner',
    ]);
    expect(
      assembleCandidates(
        { usePoles: false, usePolygonGrid: true, usePlannerCandidates: false },
        { ...inputs, areas: [] },
      ),
    ).toEqual([]);
  });
});
