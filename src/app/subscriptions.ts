/**
 * A feature's store subscriptions, kept for its disposer: `subscribe` has the store's own signature,
 * and every subscription made through it ends when the feature's Disposers are disposed.
 */
import type { Disposers } from '../domain/disposers';
import type { AppStore } from '../state/store';

export function trackedSubscribe(store: AppStore, disposers: Disposers): AppStore['subscribe'] {
  return ((...args: Parameters<AppStore['subscribe']>) =>
    disposers.add(
      (store.subscribe as (...params: typeof args) => () => void)(...args),
    )) as AppStore['subscribe'];
}
