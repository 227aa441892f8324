/**
 * Keeps the URL hash in step with the store: view, visible layers and language are written with
 * replaceState (throttled, so panning does not flood history), and a pasted link is applied.
 */
import type { AppMap } from '../map/app-map';
import type { AppStore } from '../state/store';
import { formatHash, type HashState, parseHash } from '../state/url-hash';

const WRITE_INTERVAL_MS = 250;

/** Applies a parsed hash to the store (view is applied by the caller to the map). */
export function applyHashToStore(hashState: HashState, store: AppStore): void {
  const state = store.getState();
  if (hashState.language) state.setLanguage(hashState.language);
  if (hashState.layers) state.showOnlyLayers(hashState.layers);
  if (hashState.view) state.setView(hashState.view);
  // A link without `sample` means the 2020 baseline (links made before the choice existed).
  state.setSampleYear(hashState.sample ?? 2020);
}

/** Wires store → hash (throttled) and hashchange → store + map; returns a disposer. */
export function syncHash(store: AppStore, map: AppMap): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastWritten = window.location.hash;
  const write = () => {
    timer = undefined;
    const { view, visibleLayers, language, sampleYear } = store.getState();
    const hash = formatHash(view, visibleLayers, language, sampleYear);
    if (hash === lastWritten) return;
    lastWritten = hash;
    window.history.replaceState(window.history.state, '', hash);
  };
  const schedule = () => {
    if (timer === undefined) timer = setTimeout(write, WRITE_INTERVAL_MS);
  };
  const unsubscribe = store.subscribe(
    (state) => [state.view, state.visibleLayers, state.language, state.sampleYear] as const,
    schedule,
    { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3] },
  );
  const onHashChange = () => {
    if (window.location.hash === lastWritten) return;
    const parsed = parseHash(window.location.hash);
    applyHashToStore(parsed, store);
    if (parsed.view) map.jumpTo(parsed.view);
  };
  window.addEventListener('hashchange', onHashChange);
  schedule();
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onHashChange);
    if (timer !== undefined) clearTimeout(timer);
  };
}
