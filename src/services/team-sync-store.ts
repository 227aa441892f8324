/**
 * Connects a TeamSync to the app store: the local version is the open scenario (when it is the linked
 * one), the server's and merged versions come in through the one door (`editScenario`, origin
 * 'remote': no undo step, a drag in progress rebased), and the planner's own edits — each finished
 * gesture, undo and redo included — make the sync push. Edits the sync itself brought in are never
 * pushed back.
 */
import type { Scenario } from '../domain/scenario/scenario-types';
import { changeBetween } from '../domain/sync/change-between';
import type { AppStore } from '../state/store';
import type { TeamClient } from './team-client';
import { type SyncLink, type SyncReport, TeamSync, type TeamSyncOptions } from './team-sync';

export interface StoreSyncOptions extends TeamSyncOptions {
  saveLink(link: SyncLink): void | Promise<void>;
  report(report: SyncReport): void;
}

/** Starts syncing the open scenario with its link; the returned sync's stop() also unsubscribes. */
export function syncOpenScenario(
  store: AppStore,
  client: TeamClient,
  link: SyncLink,
  options: StoreSyncOptions,
): TeamSync {
  const local = (): Scenario | undefined => {
    const scenario = store.getState().session?.scenario;
    return scenario?.id === link.scenarioId ? scenario : undefined;
  };
  const sync = new TeamSync(
    {
      client,
      local,
      adopt(target) {
        const current = local();
        if (!current) return;
        const change = changeBetween(current, target);
        if (change) store.getState().editScenario({ kind: 'change', change, origin: 'remote' });
        else store.getState().openScenario(target);
      },
      gestureActive: () => store.getState().siteDragActive,
      saveLink: options.saveLink,
      report: options.report,
    },
    link,
    options,
  );
  const unsubscribe = store.getState().onScenarioEdit((edit) => {
    if (edit.origin !== 'local' || edit.scenarioId !== link.scenarioId) return;
    if (edit.gesture && !edit.gesture.final) return;
    sync.localEdited();
  });
  const stop = sync.stop.bind(sync);
  sync.stop = () => {
    unsubscribe();
    stop();
  };
  sync.start();
  return sync;
}
