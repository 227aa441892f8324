/**
 * Entry: builds the store from the URL, mounts the React UI, creates the map, and wires them.
 * The map lives outside React (its own element) so React re-renders never touch it.
 */
import '../ui/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PlannerMap } from '../map/planner-map';
import { createPlannerStore } from '../state/store';
import { parseHash } from '../state/url-hash';
import { PlannerUi } from '../ui/PlannerUi';
import { StoreContext } from '../ui/store-context';
import { startDataLoading } from './data-loading';
import { startFeatures } from './features/start-features';
import { applyHashToStore, syncHash } from './hash-sync';
import { createSampleBaseline } from './sample-baseline';
import { installTestHook } from './test-hooks';
import { wireMapToStore } from './wire-map';

function requireElement(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`index.html has no #${id} element`);
  return element;
}

const store = createPlannerStore();
const initialHash = window.location.hash;
const openedWith = parseHash(initialHash);
applyHashToStore(openedWith, store);
document.documentElement.lang = store.getState().language === 'en' ? 'en' : 'zh-CN';

createRoot(requireElement('root')).render(
  <StrictMode>
    <StoreContext value={store}>
      <PlannerUi />
    </StoreContext>
  </StrictMode>,
);

const initial = store.getState();
const map = new PlannerMap({
  container: requireElement('map'),
  language: initial.language,
  visibleLayers: initial.visibleLayers,
  view: initial.view,
  onViewChange: (view) => store.getState().setView(view),
  onFeatureClick: (selection) =>
    selection ? store.getState().select(selection) : store.getState().clearSelection(),
  onPopupClose: () => store.getState().clearSelection(),
});
store.getState().setView(map.getView());
wireMapToStore(map, store);
const sampleBaseline = createSampleBaseline(store, map);
const data = startDataLoading(map, store, { sites: () => sampleBaseline.sites() });
syncHash(store, map);
const featuresStarted = startFeatures({ store, map, data, initialHash });
installTestHook(map, store, featuresStarted);
