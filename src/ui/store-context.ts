/**
 * React access to the app store: components read narrow slices through useAppState(selector) so a
 * change elsewhere in the store does not re-render them.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { MessageKey } from '../domain/i18n/translate';
import { translate } from '../domain/i18n/translate';
import type { AppState, AppStore } from '../state/store';

export const StoreContext = createContext<AppStore | null>(null);

function useStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('StoreContext is missing: wrap the UI in <StoreContext value={store}>');
  return store;
}

/** Subscribes to one selected piece of state. */
export function useAppState<T>(selector: (state: AppState) => T): T {
  return useStore(useStoreApi(), selector);
}

/** A translate function bound to the current UI language. */
export function useTranslate(): (key: MessageKey, values?: Record<string, string | number>) => string {
  const language = useAppState((state) => state.language);
  return (key, values) => translate(language, key, values);
}
