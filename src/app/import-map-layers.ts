/**
 * Shows what the open scenario imported on the map: its existing sites in the sites layer (drawn and
 * styled like the baseline, so the planner layer's hiding of modified and removed ids applies to them
 * too) and its poles in the pole layer. The shipped collections shared through data.ensure are never
 * altered: the map gets copies marked `imported` (their popups then name the import as the source).
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { AppStore } from '../state/store';
import type { AppContext } from './app-context';

type Imported = readonly Feature<Point, { id: string }>[];

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const markCache = new WeakMap<Feature, Feature>();

/** The map's copy of an imported feature, cached so unchanged features are not copied again. */
function marked(feature: Feature): Feature {
  let copy = markCache.get(feature);
  if (!copy) {
    copy = { ...feature, properties: { ...feature.properties, imported: true } };
    markCache.set(feature, copy);
  }
  return copy;
}

/** Follows one imported list of the open scenario into one map source. */
function followImported(
  { store, map, data }: AppContext,
  sourceId: 'sites' | 'poles',
  select: (state: ReturnType<AppStore['getState']>) => Imported,
): () => void {
  let shown: Imported = [];
  const show = (features: Imported) => {
    // The sample's own data is already on the map while nothing was imported.
    if (features.length === 0 && shown.length === 0) return;
    void data
      .ensure(sourceId)
      .catch(() => EMPTY)
      .then((sample) => {
        // A later change already superseded this one.
        if (select(store.getState()) !== features) return;
        shown = features;
        map.setSourceData(
          sourceId,
          features.length === 0
            ? sample
            : { ...sample, features: [...sample.features, ...features.map(marked)] },
        );
      });
  };
  // A scenario restored from storage may have been opened before this feature loaded.
  const stop = store.subscribe(select, show);
  // The sample reaches the map late (after the first coverage figure) and replaces the source whole:
  // once it has, put the imported features back beside it.
  const stopReload = store.subscribe(
    (state) => state.dataStatus[sourceId],
    (status) => {
      if (status !== 'loaded' || shown.length === 0) return;
      const current = shown;
      shown = [];
      show(current);
    },
  );
  show(select(store.getState()));
  return () => {
    stop();
    stopReload();
  };
}

const NONE: Imported = [];

/** Keeps the sites and pole layers showing the open scenario's imported existing sites and poles. */
export function followScenarioImports(context: AppContext): () => void {
  const stopSites = followImported(
    context,
    'sites',
    (state) => state.session?.scenario.existingSites ?? NONE,
  );
  const stopPoles = followImported(context, 'poles', (state) => state.session?.scenario.poles ?? NONE);
  return () => {
    stopSites();
    stopPoles();
  };
}
