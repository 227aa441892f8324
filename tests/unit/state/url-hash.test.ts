import { describe, expect, it } from 'vitest';
import { defaultVisibleLayers } from '../../../src/state/slices';
import { formatHash, parseHash } from '../../../src/state/url-hash';

describe('URL hash', () => {
  it('reads view, layers and language from a link', () => {
    expect(parseHash('#map=10.5/31.2/121.47&layers=districts,sites&lang=en')).toEqual({
      view: { zoom: 10.5, latitude: 31.2, longitude: 121.47 },
      layers: ['districts', 'sites'],
      language: 'en',
    });
  });

  it('drops unknown layers, bad numbers and unknown languages instead of failing', () => {
    expect(parseHash('#map=abc/31/121&layers=districts,nope&lang=fr')).toEqual({ layers: ['districts'] });
    expect(parseHash('map=9/95/121')).toEqual({});
    expect(parseHash('')).toEqual({});
  });

  it('an empty layers list means every layer off (a link can hide everything)', () => {
    expect(parseHash('#layers=').layers).toEqual([]);
  });

  it('round-trips: formatting then parsing gives the same view (rounded) and layers', () => {
    const visible = { ...defaultVisibleLayers(), sites: false, poles: true };
    const hash = formatHash({ zoom: 11.23456, latitude: 31.234567, longitude: 121.476543 }, visible, 'en');
    expect(hash).toMatch(/^#map=11\.23\/31\.2346\/121\.4765&layers=/);
    const parsed = parseHash(hash);
    expect(parsed.view).toEqual({ zoom: 11.23, latitude: 31.2346, longitude: 121.4765 });
    expect(parsed.layers).toContain('poles');
    expect(parsed.layers).not.toContain('sites');
    expect(parsed.language).toBe('en');
  });

  it('keeps the 2025 sample baseline in the link, and leaves the 2020 default out', () => {
    const visible = defaultVisibleLayers();
    const view = { zoom: 10, latitude: 31.2, longitude: 121.47 };
    expect(formatHash(view, visible, 'zh', 2025)).toMatch(/&sample=2025$/);
    expect(parseHash(formatHash(view, visible, 'zh', 2025)).sample).toBe(2025);
    expect(formatHash(view, visible, 'zh', 2020)).not.toMatch(/sample/);
    expect(parseHash(formatHash(view, visible, 'zh')).sample).toBeUndefined();
    expect(parseHash('#sample=2021').sample).toBeUndefined();
  });
});
