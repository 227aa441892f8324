/**
 * Scenarios in IndexedDB, for the start-up (src/app/start-up.ts): step 3 opens the storage and reads
 * every stored scenario while the baseline loads; step 5 opens the first scenario (the one open last
 * time, else a new one) and from then on autosaves every change within a second. Quarantined records
 * are reported. Without IndexedDB (private windows) an in-memory scenario opens, so planning still works.
 */
import { translate } from '../domain/i18n/translate';
import { createScenario } from '../domain/scenario/scenario';
import type { Scenario } from '../domain/scenario/scenario-types';
import type { AppStore } from '../state/store';
import {
  type Autosave,
  installAutosave,
  type LoadedScenarios,
  openScenarioRepository,
  type ScenarioRepository,
} from '../storage';
import { trackSaving } from './save-status';
import { keepScenarioSettings } from './scenario-settings-sync';
import { syncScenariosAcrossTabs } from './scenario-tab-sync';

export interface ScenarioStorage {
  repository: () => ScenarioRepository | null;
  autosave: () => Autosave | null;
}

/** What step 3 read: the repository and its scenarios, or nothing when IndexedDB is unavailable. */
export interface StoredScenarios {
  repository: ScenarioRepository | null;
  loaded: LoadedScenarios | null;
  /** Each scenario's coverage settings, keyed by scenario id (src/app/scenario-settings-sync.ts). */
  settings: Map<string, unknown>;
}

/** Inserts or replaces a scenario in a list kept most-recently-updated first. */
export function upsertScenario(list: readonly Scenario[], scenario: Scenario): Scenario[] {
  const others = list.filter((item) => item.id !== scenario.id);
  return [scenario, ...others].sort((left, right) => (left.updatedAt < right.updatedAt ? 1 : -1));
}

export const newScenarioId = (): string => `scn-${crypto.randomUUID()}`;

/** Start-up step 3: opens the scenario storage and lists what it holds (never rejects). */
export async function openScenarioStorage(store: AppStore): Promise<StoredScenarios> {
  let repository: ScenarioRepository;
  try {
    repository = await openScenarioRepository();
  } catch (error) {
    console.warn('scenario storage unavailable:', error instanceof Error ? error.message : error);
    store.getState().setPlannerStorageStatus('unavailable');
    return { repository: null, loaded: null, settings: new Map() };
  }
  // Loading reads each record alone, so this fails only when the database itself does; saving then
  // still works for new scenarios.
  const loaded = await repository
    .loadScenarios({
      fallbackName: (key) =>
        translate(store.getState().language, 'storage.recoveredScenarioName', { key: key.slice(0, 12) }),
    })
    .catch((error: unknown) => {
      console.warn('reading saved scenarios failed:', error instanceof Error ? error.message : error);
      return null;
    });
  const settings = await repository.loadAllSettings().catch(() => new Map<string, unknown>());
  const state = store.getState();
  state.setSavedScenarios(loaded?.scenarios ?? []);
  state.setRecoveredScenarios(loaded?.recovered ?? [], loaded?.unreadable.length ?? 0);
  state.setQuarantineNotices(
    (await repository.listQuarantine().catch(() => [])).map((entry) => ({
      sourceKey: entry.sourceKey,
      code: entry.reason.code,
      message: entry.reason.message,
    })),
  );
  state.setPlannerStorageStatus('ready');
  return { repository, loaded, settings };
}

/**
 * Start-up step 5, once the baseline is in the store: opens the scenario open last time (else the most
 * recent, else a new one) and starts autosave. The only place the first scenario is opened.
 */
export function openFirstScenario(store: AppStore, stored: StoredScenarios): ScenarioStorage {
  const { repository, loaded } = stored;
  let autosave: Autosave | null = null;
  const storage: ScenarioStorage = { repository: () => repository, autosave: () => autosave };
  const state = store.getState();
  if (!state.baseline) return storage;
  const saved = loaded?.scenarios ?? [];
  const wanted = saved.find((scenario) => scenario.id === loaded?.lastOpenScenarioId) ?? saved[0];
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
  if (!repository) return storage;

  keepScenarioSettings(store, repository, stored.settings);
  const tracking = trackSaving(
    store,
    () => autosave,
    () => repository,
  );
  const tabs = syncScenariosAcrossTabs(store, repository, () => autosave);
  let stableScenario: Scenario | undefined;
  autosave = installAutosave({
    getState: store.getState,
    subscribe: store.subscribe,
    // A drag streams many versions; its one undo step is saved on the drop, not every second
    // of the drag (saving a long candidate list is a main-thread task that would stutter the drag;
    // measured in docs/measurements.md, Storage).
    selectScenario: (snapshot) => {
      if (!snapshot.siteDragActive) stableScenario = snapshot.session?.scenario;
      return stableScenario;
    },
    repository,
    onSaved: tracking.onSaved,
    onError: tracking.onError,
    onConflict: tabs.onConflict,
  });
  // The first (possibly new) scenario is written right away, not on its first edit (a no-op when it is
  // the version just read), through autosave: a failure is retried, and 重试 covers it, like an edit's.
  void autosave.save(scenario);
  void repository.setLastOpenScenarioId(scenario.id).catch(() => undefined);
  return storage;
}
