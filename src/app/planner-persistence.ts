/**
 * Scenarios in IndexedDB: load every stored scenario as soon as the app starts, reopen the last one
 * the moment the baseline arrives (before the coverage feature would open a default), autosave
 * every change within a second, and report quarantined records. Falls back to an in-memory
 * scenario when IndexedDB is unavailable (private windows), so planning still works.
 */

import { translate } from '../domain/i18n/translate';
import { indexBaseline } from '../domain/scenario/baseline';
import { createScenario } from '../domain/scenario/scenario';
import type { Scenario } from '../domain/scenario/scenario-types';
import type { SiteCollection } from '../domain/types';
import {
  type Autosave,
  installAutosave,
  type LoadedScenarios,
  openScenarioRepository,
  type ScenarioRepository,
} from '../storage';
import type { AppContext } from './app-context';
import { trackSaving } from './save-status';
import { keepScenarioSettings } from './scenario-settings-sync';
import { syncScenariosAcrossTabs } from './scenario-tab-sync';

export const BASELINE_ID = 'sample-2020';

export interface PlannerPersistence {
  repository: () => ScenarioRepository | null;
  autosave: () => Autosave | null;
  /** Resolves once a scenario is open. */
  opened: Promise<void>;
}

/** Inserts or replaces a scenario in a list kept most-recently-updated first. */
export function upsertScenario(list: readonly Scenario[], scenario: Scenario): Scenario[] {
  const others = list.filter((item) => item.id !== scenario.id);
  return [scenario, ...others].sort((left, right) => (left.updatedAt < right.updatedAt ? 1 : -1));
}

export const newScenarioId = (): string => `scn-${crypto.randomUUID()}`;

export function startPlannerPersistence(context: AppContext): PlannerPersistence {
  const { store, data, map } = context;
  let repository: ScenarioRepository | null = null;
  let autosave: Autosave | null = null;
  let loaded: LoadedScenarios | null = null;
  let storedSettings = new Map<string, unknown>();
  let storageSettled = false;
  let opened = false;
  let stableScenario: Scenario | undefined;
  let resolveOpened: () => void = () => undefined;
  const openedPromise = new Promise<void>((resolve) => {
    resolveOpened = resolve;
  });

  const tryOpen = () => {
    const state = store.getState();
    if (opened || !storageSettled || !state.baseline) return;
    opened = true;
    const saved = loaded?.scenarios ?? [];
    const wanted = saved.find((scenario) => scenario.id === loaded?.lastOpenScenarioId) ?? saved[0];
    const current = state.session;
    // Keep a session someone already edited; replace an untouched default (e.g. coverage's).
    const keepCurrent =
      current && (saved.some((s) => s.id === current.scenario.id) || current.undoStack.length > 0);
    if (!keepCurrent) {
      const scenario =
        wanted ??
        createScenario({
          id: newScenarioId(),
          name: translate(state.language, 'planner.defaultScenarioName', { number: 1 }),
          baselineRef: state.baseline.ref,
          nowIso: new Date().toISOString(),
        });
      state.openScenario(scenario);
      if (!wanted) state.setSavedScenarios([scenario]);
    }
    if (repository) keepScenarioSettings(store, repository, storedSettings);
    resolveOpened();
    if (repository) {
      const openRepository = repository;
      const tracking = trackSaving(
        store,
        () => autosave,
        () => repository,
      );
      const tabs = syncScenariosAcrossTabs(store, openRepository, () => autosave);
      autosave = installAutosave({
        getState: store.getState,
        subscribe: store.subscribe,
        // A drag streams many versions; its one undo step is saved on the drop, not every second
        // of the drag (saving 38k candidates is a ~150 ms task that would stutter the drag).
        selectScenario: (snapshot) => {
          if (!snapshot.siteDragActive) stableScenario = snapshot.session?.scenario;
          return stableScenario;
        },
        repository: openRepository,
        onSaved: tracking.onSaved,
        onError: tracking.onError,
        onConflict: tabs.onConflict,
      });
      // The first (possibly new) scenario is written right away, not on its first edit (a no-op when
      // it is the version just read).
      const session = store.getState().session;
      if (session) {
        void openRepository.saveScenario(session.scenario).then(
          () => tracking.onSaved(session.scenario),
          (error: unknown) => tracking.onError(error, session.scenario),
        );
        void openRepository.setLastOpenScenarioId(session.scenario.id).catch(() => undefined);
      }
    }
  };

  void openScenarioRepository()
    .then(async (opened) => {
      repository = opened;
      // Loading reads each record alone, so this fails only when the database itself does; saving then
      // still works for new scenarios.
      loaded = await opened
        .loadScenarios({
          fallbackName: (key) =>
            translate(store.getState().language, 'storage.recoveredScenarioName', { key: key.slice(0, 12) }),
        })
        .catch((error: unknown) => {
          console.warn('reading saved scenarios failed:', error instanceof Error ? error.message : error);
          return null;
        });
      storedSettings = await opened.loadAllSettings().catch(() => new Map<string, unknown>());
      const state = store.getState();
      state.setSavedScenarios(loaded?.scenarios ?? []);
      state.setRecoveredScenarios(loaded?.recovered ?? [], loaded?.unreadable.length ?? 0);
      state.setQuarantineNotices(
        (await opened.listQuarantine().catch(() => [])).map((entry) => ({
          sourceKey: entry.sourceKey,
          code: entry.reason.code,
          message: entry.reason.message,
        })),
      );
      state.setPlannerStorageStatus('ready');
    })
    .catch((error: unknown) => {
      console.warn('scenario storage unavailable:', error instanceof Error ? error.message : error);
      store.getState().setPlannerStorageStatus('unavailable');
    })
    .finally(() => {
      storageSettled = true;
      tryOpen();
    });

  // The listener runs inside setBaseline, before whoever set it can open a default scenario.
  store.subscribe((state) => state.baseline, tryOpen);
  void map.firstIdle
    .then(() => data.ensure('sites'))
    .then((collection) => {
      if (!store.getState().baseline) {
        store.getState().setBaseline(indexBaseline(BASELINE_ID, collection as SiteCollection));
      }
      tryOpen();
    })
    .catch(() => undefined);

  return { repository: () => repository, autosave: () => autosave, opened: openedPromise };
}
