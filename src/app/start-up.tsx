/**
 * The one start-up, in this order:
 * 1. the store, from the URL, and the UI on it;
 * 2. the map;
 * 3. the data: light files now, heavy ones after the map's first paint; meanwhile the features' code
 *    loads, the scenario storage opens and the coverage worker builds the city's grid;
 * 4. the baseline: the sample sites (generated for the chosen year in a worker from the start), indexed
 *    as soon as they arrive; the map draws them, and reads the poles, after the first coverage figure
 *    (`data-coverage-ready`, start-up-marks.ts);
 * 5. the first scenario: the one open last time, else a new one (the only place one is opened);
 * 6. the features, wired to a store that holds the baseline and the open scenario.
 * A step that fails (a missing file, no IndexedDB) is reported where it happened; later steps still run.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Disposers } from '../domain/disposers';
import { indexBaseline } from '../domain/scenario/baseline-sites';
import type { SiteCollection } from '../domain/types';
import { AppMap } from '../map/app-map';
import { refitCityUntilMoved } from '../map/first-view';
import { createPointSources } from '../map/point-sources';
import { createAppStore } from '../state/store';
import { parseHash } from '../state/url-hash';
import { AppUi } from '../ui/AppUi';
import { StoreContext } from '../ui/store-context';
import type { AppContext } from './app-context';
import { whenAppReady } from './app-ready';
import { type DataLoader, startDataLoading } from './data-loading';
import { applyHashToStore, syncHash } from './hash-sync';
import { createSampleBaseline, sampleBaselineId } from './sample-baseline';
import { markStartUp, watchStartUp } from './start-up-marks';
import { wireMapToStore } from './wire-map';

export interface StartedApp {
  store: ReturnType<typeof createAppStore>;
  map: AppMap;
  data: DataLoader;
  /** Resolves once every step ran (the features are wired). */
  started: Promise<void>;
  /** Undoes the start-up: features, workers, subscriptions, the map and the UI. */
  dispose(): void;
}

function requireElement(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`index.html has no #${id} element`);
  return element;
}

/** The phone layout's media query (src/ui/layout.css). */
const PHONE_LAYOUT_QUERY = '(max-width: 720px)';

export function startUp(): StartedApp {
  // 1. The store, from the URL, and the UI on it. The map lives outside React (its own element).
  markStartUp('begin');
  const disposers = new Disposers();
  const store = createAppStore();
  const initialHash = window.location.hash;
  applyHashToStore(parseHash(initialHash), store);
  // The first look shows the coverage figure: its tab opens on anything wider than a phone. On a phone
  // the panel is a sheet over the map (src/ui/layout.css), so the map comes first there.
  if (!window.matchMedia(PHONE_LAYOUT_QUERY).matches) store.getState().setActivePanelTab('coverage');
  document.documentElement.lang = store.getState().language === 'en' ? 'en' : 'zh-CN';
  const root = createRoot(requireElement('root'));
  disposers.add(() => root.unmount());
  root.render(
    <StrictMode>
      <StoreContext value={store}>
        <AppUi />
      </StoreContext>
    </StrictMode>,
  );

  // 2. The map.
  const initial = store.getState();
  const map = new AppMap({
    container: requireElement('map'),
    language: initial.language,
    visibleLayers: initial.visibleLayers,
    view: initial.view,
    onViewChange: (view) => store.getState().setView(view),
    onFeatureClick: (selection) =>
      selection ? store.getState().select(selection) : store.getState().clearSelection(),
    onPopupClose: () => store.getState().clearSelection(),
  });
  disposers.add(map);
  if (!initial.view) disposers.add(refitCityUntilMoved(map.mapLibre));
  store.getState().setView(map.getView());
  disposers.add(wireMapToStore(map, store));
  disposers.add(syncHash(store, map));
  disposers.add(watchStartUp(map, store));

  // 3. The data, and in parallel the features' code, the scenario storage and the coverage worker.
  // The sample sites are generated (in a worker, for the year in the URL) rather than fetched.
  // One writer of the sites and poles sources: the loaded data with the open scenario's imports.
  const pointSources = createPointSources(map);
  const sampleBaseline = disposers.add(createSampleBaseline(store, pointSources));
  const data = disposers.add(
    startDataLoading(map, pointSources, store, { sites: () => sampleBaseline.sites() }),
  );
  const featureCode = import('./features/index');
  const storedScenarios = featureCode.then((code) => code.openScenarioStorage(store));
  const coverageEngine = featureCode.then((code) => disposers.add(code.startCoverageEngine({ store, data })));

  // 4. The baseline, once, generated in its worker from the start (the map draws the sites after the first
  //    coverage figure); a later change of year replaces it (sample-baseline.ts).
  const baseline = data
    .ensure('sites')
    .then((sites) =>
      store
        .getState()
        .setBaseline(indexBaseline(sampleBaselineId(store.getState().sampleYear), sites as SiteCollection)),
    )
    .catch(() => undefined); // the data loader already reported the failed file

  // 5. The first scenario, once the baseline and the stored scenarios are known.
  const scenarioStorage = Promise.all([featureCode, storedScenarios, baseline]).then(([code, stored]) =>
    code.openFirstScenario(store, stored),
  );
  void scenarioStorage.then(() => markStartUp('scenario-opened'));

  // 6. The features.
  const started = Promise.all([featureCode, scenarioStorage, coverageEngine]).then(
    ([code, storage, engine]) => {
      const context: AppContext = {
        store,
        map,
        data,
        pointSources,
        scenarioStorage: storage,
        coverageEngine: engine,
        initialHash,
      };
      code.wireFeatures(context, disposers);
    },
  );
  void whenAppReady(map, store, started).then(() => store.getState().setMapIdle(true));
  return { store, map, data, started, dispose: disposers.disposer };
}
