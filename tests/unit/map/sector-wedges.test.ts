import { describe, expect, it } from 'vitest';
import { indexBaseline } from '../../../src/domain/scenario/baseline-sites';
import { createScenario } from '../../../src/domain/scenario/scenario';
import type { SiteFeature } from '../../../src/domain/types';
import { layersFor } from '../../../src/map/layer-factories';
import { plannerSiteFeatures } from '../../../src/map/planner-site-features';
import { WEDGE_MIN_ZOOM, wedgeIconExpression, wedgeIconName } from '../../../src/map/sector-wedges';

const sector = (id: string, azimuthDeg?: number, beamwidthDeg?: number): SiteFeature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [121.47, 31.23] },
  properties: {
    id,
    status: 'candidate',
    ...(azimuthDeg === undefined ? {} : { azimuthDeg }),
    ...(beamwidthDeg === undefined ? {} : { beamwidthDeg }),
  },
});

describe('sector wedges', () => {
  it('the baseline draws dots below street zoom and wedges or omni dots from it', () => {
    const layers = layersFor('sites');
    const circle = layers.find((layer) => layer.id === 'sites-circle')!;
    const wedge = layers.find((layer) => layer.id === 'sites-wedge')!;
    const omni = layers.find((layer) => layer.id === 'sites-omni')!;
    expect(circle.maxzoom).toBe(WEDGE_MIN_ZOOM);
    expect(wedge.type).toBe('symbol');
    expect(wedge.minzoom).toBe(WEDGE_MIN_ZOOM);
    expect((wedge as { filter?: unknown }).filter).toEqual(['has', 'azimuthDeg']);
    expect((omni as { filter?: unknown }).filter).toEqual(['!', ['has', 'azimuthDeg']]);
    expect((wedge.layout as Record<string, unknown>)['icon-rotate']).toEqual([
      'coalesce',
      ['get', 'azimuthDeg'],
      0,
    ]);
    expect((wedge.layout as Record<string, unknown>)['icon-rotation-alignment']).toBe('map');
  });

  it('picks the nearest drawn beam class for a sector', () => {
    // ['step', beam, class30, 47.5, class65, 77.5, class90, 105, class120]
    const expression = wedgeIconExpression('#123456') as unknown[];
    const classOf = (beamDeg: number) => {
      let name = expression[2];
      for (let index = 3; index < expression.length; index += 2)
        if (beamDeg >= (expression[index] as number)) name = expression[index + 1];
      return name;
    };
    expect(classOf(33)).toBe(wedgeIconName('#123456', 30));
    expect(classOf(65)).toBe(wedgeIconName('#123456', 65));
    expect(classOf(90)).toBe(wedgeIconName('#123456', 90));
    expect(classOf(120)).toBe(wedgeIconName('#123456', 120));
  });

  it('the editor layer carries each sector’s azimuth and beam, and none for an omni site', () => {
    const baseline = indexBaseline('b', { type: 'FeatureCollection', features: [] });
    const scenario = {
      ...createScenario({
        id: 's',
        name: 's',
        baselineRef: baseline.ref,
        nowIso: '2025-01-01T00:00:00.000Z',
      }),
      addedSites: [sector('A', 120, 65), sector('O')],
    };
    const byId = new Map(
      plannerSiteFeatures(scenario, baseline).map((feature) => [feature.properties.id, feature]),
    );
    expect(byId.get('A')!.properties).toMatchObject({ azimuthDeg: 120, beamwidthDeg: 65 });
    expect(byId.get('O')!.properties).not.toHaveProperty('azimuthDeg');
  });
});
