import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { DataSourceId } from '../../../src/domain/layers/catalogue';
import { createPointSources } from '../../../src/map/point-sources';

const point = (id: string, longitude = 121.4): Feature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [longitude, 31.2] },
  properties: { id },
});
const collection = (...features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

/** What the map was last told for each source, and how many times it was told. */
function recordingMap() {
  const shown = new Map<DataSourceId, FeatureCollection>();
  let writes = 0;
  return {
    setSourceData(id: DataSourceId, data: FeatureCollection) {
      shown.set(id, data);
      writes += 1;
    },
    ids: (id: DataSourceId) => shown.get(id)?.features.map((feature) => feature.properties?.id),
    imported: (id: DataSourceId) =>
      shown.get(id)?.features.map((feature) => feature.properties?.imported === true),
    get writes() {
      return writes;
    },
  };
}

describe('the sites and poles sources: loaded data beside the open scenario’s imports', () => {
  it('keeps the imported sites when the sample arrives after them, and the sample when imports change', () => {
    const map = recordingMap();
    const sources = createPointSources(map);
    const imported = [point('OP-1')];
    sources.showImported('sites', imported);
    expect(map.ids('sites')).toEqual(['OP-1']);
    const sample = collection(point('S-1'), point('S-2'));
    sources.showData('sites', sample);
    expect(map.ids('sites')).toEqual(['S-1', 'S-2', 'OP-1']);
    expect(map.imported('sites')).toEqual([false, false, true]);
    sources.showImported('sites', [...imported, point('OP-2')]);
    expect(map.ids('sites')).toEqual(['S-1', 'S-2', 'OP-1', 'OP-2']);
    // The shipped collection itself is never altered.
    expect(sample.features.map((feature) => feature.properties?.id)).toEqual(['S-1', 'S-2']);
    expect(imported[0]?.properties?.imported).toBeUndefined();
  });

  it('shows the loaded collection itself when nothing is imported, and clears imports that are removed', () => {
    const map = recordingMap();
    const sources = createPointSources(map);
    const poles = collection(point('P-1'));
    sources.showImported('poles', []);
    expect(map.writes).toBe(0);
    sources.showImported('poles', [point('OP-P')]);
    sources.showImported('poles', []);
    expect(map.ids('poles')).toEqual([]);
    sources.showData('poles', poles);
    expect(map.ids('poles')).toEqual(['P-1']);
    const writes = map.writes;
    sources.showData('poles', poles);
    expect(map.writes).toBe(writes);
  });

  it('a new year’s sample keeps the imports; other sources pass straight through', () => {
    const map = recordingMap();
    const sources = createPointSources(map);
    sources.showImported('sites', [point('OP-1')]);
    sources.showData('sites', collection(point('S2020')));
    sources.showData('sites', collection(point('S2025')));
    expect(map.ids('sites')).toEqual(['S2025', 'OP-1']);
    const districts = collection(point('310101'));
    sources.showData('districts', districts);
    expect(map.ids('districts')).toEqual(['310101']);
  });
});
