/**
 * The one writer of the sites and poles map sources. Each shows two things: the data the app loaded
 * for it (the sample network, the shipped poles file) and what the open scenario imported (existing
 * sites and poles of an operator's file). Before, the loader and the import follower each wrote the
 * whole source, and whichever wrote last decided what the map showed; here each hands over its part
 * and the source is rebuilt from both.
 *
 * The shipped collections are never altered: the map gets copies of imported features marked
 * `imported` (their popups then name the import as the source), cached so an unchanged feature is not
 * copied again on the next edit.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { DataSourceId } from '../domain/layers/catalogue';

/** The part of the map this needs: replace a source's data. */
export interface SourceDataSink {
  setSourceData(id: DataSourceId, data: FeatureCollection): void;
}

/** The sources that show imported features beside their own data. */
export type PointSourceId = 'sites' | 'poles';

const isPointSource = (id: DataSourceId): id is PointSourceId => id === 'sites' || id === 'poles';

export interface PointSources {
  /** The loaded data of a source; any other source passes straight to the map. */
  showData(id: DataSourceId, data: FeatureCollection): void;
  /** The open scenario's imported features of a point source (empty when it imported none). */
  showImported(id: PointSourceId, features: readonly Feature[]): void;
}

interface Parts {
  data?: FeatureCollection;
  imported: readonly Feature[];
}

export function createPointSources(map: SourceDataSink): PointSources {
  const parts: Record<PointSourceId, Parts> = { sites: { imported: [] }, poles: { imported: [] } };
  const markCache = new WeakMap<Feature, Feature>();
  const marked = (feature: Feature): Feature => {
    let copy = markCache.get(feature);
    if (!copy) {
      copy = { ...feature, properties: { ...feature.properties, imported: true } };
      markCache.set(feature, copy);
    }
    return copy;
  };
  const write = (id: PointSourceId) => {
    const { data, imported } = parts[id];
    if (imported.length === 0) {
      // Nothing imported: the loaded collection itself (the map skips a collection it already shows).
      if (data) map.setSourceData(id, data);
      return;
    }
    const base = data ?? { type: 'FeatureCollection' as const, features: [] };
    map.setSourceData(id, { ...base, features: [...base.features, ...imported.map(marked)] });
  };
  return {
    showData(id, data) {
      if (!isPointSource(id)) {
        map.setSourceData(id, data);
        return;
      }
      if (parts[id].data === data) return;
      parts[id].data = data;
      write(id);
    },
    showImported(id, features) {
      const before = parts[id].imported;
      if (before === features || (before.length === 0 && features.length === 0)) return;
      parts[id].imported = features;
      // Imports removed before the data arrived: clear what they showed.
      if (features.length === 0 && !parts[id].data) {
        map.setSourceData(id, { type: 'FeatureCollection', features: [] });
        return;
      }
      write(id);
    },
  };
}
