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

export interface ScenarioStorage {
  repository: () => ScenarioRepository | null;
  autosave: () => Autosave | null;
}

/** What step 3 read: the repository and its scenarios, or nothing when IndexedDB is unavailable. */
export interface StoredScenarios {
  repository: ScenarioRepository | null;
  loaded: LoadedScenarios | null;
}

/** Inserts or replaces a scenario in a list kept most-recently-updated first. */
export function upsertScenario(list: readonly Scenario[], scenario: Scenario): Scenario[] {
  const others = list.filter((item) => item.id !== scenario.id);
  return [scenario, ...others].sort((left, right) => (left.updatedAt < right.updatedAt ? 1 : -1));
}

export const newScenarioId = (): string => `scn-${crypto.randomUUID()}`;

/** Start-up step 3: opens the scenario storage and lists what it holds (never rejects). */
export async function openScenarioStorage(store: AppStore): Promise<StoredScenarios> {
  try {
    const repository = await openScenarioRepository();
    const loaded = await repository.loadScenarios();
    const state = store.getState();
    state.setSavedScenarios(loaded.scenarios);
    state.setQuarantineNotices(
      (await repository.listQuarantine()).map((entry) => ({
        sourceKey: entry.sourceKey,
        code: entry.reason.code,
        message: entry.reason.message,
      })),
    );
    state.setPlannerStorageStatus('ready');
    return { repository, loaded };
  } catch (error) {
    console.warn('scenario storage unavailable:', error instanceof Error ? error.message : error);
    store.getState().setPlannerStorageStatus('unavailable');
    return { repository: null, loaded: null };
  }
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

  let stableScenario: Scenario | undefined;
  autosave = installAutosave({
    getState: store.getState,
    subscribe: store.subscribe,
    // A drag streams many versions; its one undo step is saved on the drop, not every second
    // of the drag (saving 38k candidates is a ~150 ms task that would stutter the drag).
    selectScenario: (snapshot) => {
      if (!snapshot.siteDragActive) stableScenario = snapshot.session?.scenario;
      return stableScenario;
    },
    repository,
    onSaved: (saved) =>
      store.getState().setSavedScenarios(upsertScenario(store.getState().savedScenarios, saved)),
    onError: (error) => console.warn('autosave failed:', error instanceof Error ? error.message : error),
  });
  // The first (possibly new) scenario is written right away, not on its first edit.
  void repository.saveScenario(scenario).catch(() => undefined);
  void repository.setLastOpenScenarioId(scenario.id).catch(() => undefined);
  return storage;
}
