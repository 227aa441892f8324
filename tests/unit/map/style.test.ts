import type { SymbolLayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { LAYER_CATALOGUE, LAYER_IDS } from '../../../src/domain/layers/catalogue';
import { buildStyle, interactiveLayerIds, mapLayerIdsFor } from '../../../src/map/style';
import { defaultVisibleLayers } from '../../../src/state/slices';

const style = buildStyle('zh', defaultVisibleLayers());

describe('offline style', () => {
  it('has no glyphs, no sprite and no remote source: nothing leaves the app origin', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    const text = JSON.stringify(style);
    expect(text).not.toMatch(/https?:\/\//);
    for (const source of Object.values(style.sources)) expect(source.type).toBe('geojson');
  });

  it('draws every catalogue layer with at least one map layer, each on a declared source', () => {
    const sourceIds = new Set(Object.keys(style.sources));
    const styleLayerIds = new Set(style.layers.map((layer) => layer.id));
    for (const layerId of LAYER_IDS) {
      const ids = mapLayerIdsFor(layerId);
      expect(ids.length, layerId).toBeGreaterThan(0);
      for (const id of ids) expect(styleLayerIds.has(id), id).toBe(true);
    }
    for (const layer of style.layers) {
      if ('source' in layer) expect(sourceIds.has(layer.source as string), layer.id).toBe(true);
    }
    expect(new Set(style.layers.map((layer) => layer.id)).size).toBe(style.layers.length);
  });

  it('hides exactly the layers that are off by default (poles)', () => {
    const hidden = style.layers
      .filter((layer) => layer.layout && 'visibility' in layer.layout && layer.layout.visibility === 'none')
      .map((layer) => layer.id);
    const expected = LAYER_CATALOGUE.filter((layer) => !layer.defaultVisible).flatMap((layer) =>
      mapLayerIdsFor(layer.id),
    );
    expect(hidden.sort()).toEqual(expected.sort());
    expect(hidden).toContain('poles-circle');
  });

  it('labels with the system sans-serif font, in the chosen language, on top of every other layer', () => {
    // Text labels only: the sector wedges are icon-only symbol layers, with no font to choose.
    const isTextLabel = (layer: (typeof style.layers)[number]) =>
      layer.type === 'symbol' && layer.layout?.['text-field'] !== undefined;
    const labels = style.layers.filter(isTextLabel).map((layer) => layer as SymbolLayerSpecification);
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(label.layout?.['text-font']).toEqual(['sans-serif']);
    expect(JSON.stringify(labels[0]?.layout?.['text-field'])).toContain('"name"');
    const english = buildStyle('en', defaultVisibleLayers()).layers.find(
      (layer) => layer.id === 'districts-label',
    );
    expect(english?.type).toBe('symbol');
    const englishField = english?.type === 'symbol' ? english.layout?.['text-field'] : undefined;
    expect(JSON.stringify(englishField)).toContain('name_en');
    const firstLabelIndex = style.layers.findIndex(isTextLabel);
    expect(style.layers.slice(firstLabelIndex).every(isTextLabel)).toBe(true);
  });

  it('keeps 40k poles light: not drawn below zoom 12, small radius', () => {
    const poles = style.layers.find((layer) => layer.id === 'poles-circle');
    expect(poles?.minzoom).toBe(12);
    const radius = poles?.type === 'circle' ? poles.paint?.['circle-radius'] : undefined;
    expect(JSON.stringify(radius)).toBe('["interpolate",["linear"],["zoom"],12,1.2,15,2.5,18,5]');
  });

  it('styles hub clusters bigger and in another colour than agglomerations', () => {
    const datacentres = style.layers.find((layer) => layer.id === 'datacentres-circle');
    const paint = datacentres?.type === 'circle' ? datacentres.paint : undefined;
    expect(paint?.['circle-radius']).toEqual([
      'match',
      ['get', 'tier'],
      'hub_cluster',
      8,
      'city_agglomeration',
      6,
      4.5,
    ]);
    const colour = paint?.['circle-color'] as unknown[];
    expect(colour[3]).not.toBe(colour[5]);
  });

  it('lets clicks reach points before the areas under them', () => {
    const order = interactiveLayerIds().map((entry) => entry.mapLayerId);
    expect(order.indexOf('sites-circle')).toBeLessThan(order.indexOf('districts-fill'));
    expect(order.indexOf('internetExchange-ring')).toBeLessThan(order.indexOf('newTowns-fill'));
    expect(order).not.toContain('metro-lines');
  });
});
