/**
 * Loads every data source into the map and records its status in the store. Light sources load at
 * once; heavy ones (sites, poles) wait for the map's first idle, and only load once their layer is shown.
 */
import type { FeatureCollection } from 'geojson';
import type { DataSourceId } from '../domain/layers/catalogue';
import { LAYER_CATALOGUE } from '../domain/layers/catalogue';
import type { AppMap } from '../map/app-map';
import type { PointSources } from '../map/point-sources';
import { DATA_SOURCE_IDS } from '../map/style';
import type { AppStore } from '../state/store';
import { fetchFeatureCollection } from './data-files';

const HEAVY_LAYERS = LAYER_CATALOGUE.filter((layer) => layer.heavy);
const HEAVY_SOURCES = new Set<DataSourceId>(HEAVY_LAYERS.flatMap((layer) => layer.sources));

export interface DataLoader {
  /**
   * The source's data, fetched once and shared by the map and every feature (coverage, planner…).
   * Marks the source loading/loaded/error in the store and shows it on the map when it arrives.
   */
  ensure: (id: DataSourceId) => Promise<FeatureCollection>;
  dispose: () => void;
}

/** Sources made by the app rather than fetched (the sample sites): each call gives the current data. */
export type GeneratedSources = Partial<Record<DataSourceId, () => Promise<FeatureCollection>>>;

/**
 * Starts loading the light sources now and the visible heavy ones after the map's first idle. The data
 * reaches the map through `sources`, which adds the open scenario's imported sites and poles.
 */
export function startDataLoading(
  map: AppMap,
  sources: PointSources,
  store: AppStore,
  generated: GeneratedSources = {},
): DataLoader {
  const requests = new Map<DataSourceId, Promise<FeatureCollection>>();
  const visibleHeavy = (id: DataSourceId) => {
    const visible = store.getState().visibleLayers;
    return HEAVY_LAYERS.some((layer) => visible[layer.id] && layer.sources.includes(id));
  };
  const ensure = (id: DataSourceId): Promise<FeatureCollection> => {
    const make = generated[id];
    if (make) return make();
    const existing = requests.get(id);
    if (existing) return existing;
    store.getState().setDataStatus(id, 'loading');
    const request = fetchFeatureCollection(id).then(
      (data) => {
        // A heavy source reaches the map only while a layer shows it: the map's worker would parse and
        // index 40,000 hidden poles for nothing, and delay the first coverage figure's drawing.
        if (!HEAVY_SOURCES.has(id) || visibleHeavy(id)) sources.showData(id, data);
        store.getState().setDataStatus(id, 'loaded');
        return data;
      },
      (error: unknown) => {
        store.getState().setDataStatus(id, 'error');
        // A warning, not an error: a missing optional file must not read as an app crash.
        console.warn(`data source ${id} failed to load:`, error instanceof Error ? error.message : error);
        throw error;
      },
    );
    requests.set(id, request);
    return request;
  };
  const load = (id: DataSourceId) => {
    ensure(id).catch(() => undefined);
  };
  for (const id of DATA_SOURCE_IDS) if (!HEAVY_SOURCES.has(id)) load(id);

  let firstIdlePassed = false;
  const loadVisibleHeavy = () => {
    if (!firstIdlePassed) return;
    const visible = store.getState().visibleLayers;
    for (const layer of HEAVY_LAYERS) {
      if (!visible[layer.id]) continue;
      for (const id of layer.sources) {
        if (generated[id]) continue; // a generated source shows itself (the sample sites)
        const known = requests.get(id);
        // Loaded while hidden (a feature read it): show it now.
        if (known) void known.then((data) => sources.showData(id, data)).catch(() => undefined);
        else load(id);
      }
    }
  };
  // Mark heavy sources as pending before the first idle so readiness waits for them.
  void map.firstIdle.then(() => {
    firstIdlePassed = true;
    loadVisibleHeavy();
  });
  const dispose = store.subscribe((state) => state.visibleLayers, loadVisibleHeavy);
  return { ensure, dispose };
}

/** Heavy sources a visible layer still waits for (loading, or not yet started before first idle). */
export function pendingSources(store: AppStore): DataSourceId[] {
  const { visibleLayers, dataStatus } = store.getState();
  const pending = new Set<DataSourceId>();
  for (const [id, status] of Object.entries(dataStatus) as [DataSourceId, string][]) {
    if (status === 'loading') pending.add(id);
  }
  for (const layer of HEAVY_LAYERS) {
    if (!visibleLayers[layer.id]) continue;
    for (const id of layer.sources) if (dataStatus[id] === 'idle') pending.add(id);
  }
  return [...pending];
}
