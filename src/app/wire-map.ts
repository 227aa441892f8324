/**
 * Feeds the store into the map: each subscription follows one field, so a language switch does not
 * touch layer visibility and a toggle does not rebuild labels.
 */
import { LAYER_IDS } from '../domain/layers/catalogue';
import type { AppMap } from '../map/app-map';
import type { AppStore } from '../state/store';

/** Subscribes the map to the store; returns a disposer. */
export function wireMapToStore(map: AppMap, store: AppStore): () => void {
  const unsubscribers = [
    store.subscribe(
      (state) => state.visibleLayers,
      (visible, previous) => {
        for (const id of LAYER_IDS) if (visible[id] !== previous[id]) map.setLayerVisible(id, visible[id]);
        // A popup for a feature whose layer was just hidden would point at nothing.
        const selection = store.getState().selection;
        if (selection && !visible[selection.layerId]) store.getState().clearSelection();
      },
    ),
    store.subscribe(
      (state) => state.language,
      (language) => {
        map.setLanguage(language);
        map.showPopup(store.getState().selection, language);
        document.documentElement.lang = language === 'en' ? 'en' : 'zh-CN';
      },
    ),
    store.subscribe(
      (state) => state.selection,
      (selection) => map.showPopup(selection, store.getState().language),
    ),
  ];
  // Escape closes the popup from anywhere, for keyboard users.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && store.getState().selection) store.getState().clearSelection();
  };
  window.addEventListener('keydown', onKeyDown);
  return () => {
    window.removeEventListener('keydown', onKeyDown);
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
