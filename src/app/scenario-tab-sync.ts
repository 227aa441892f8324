/**
 * Two tabs, one scenario: when another tab saves the scenario this one has open, its edits are merged
 * into this tab's session at once (as a remote edit: no undo step, this tab's own edits kept), and when
 * this tab's save finds a newer stored version (the repository's revision check), the same merge runs
 * and the merged version is saved. A tab that only follows another's saves never writes back, so two
 * idle tabs do not ping-pong. A scenario deleted in another tab stays open here and is saved again on
 * the next edit, with a notice.
 */
import { isNoChange } from '../domain/history/apply-change';
import type { Scenario } from '../domain/scenario/scenario-types';
import { changeBetween, mergeScenarioVersions } from '../domain/scenario/scenario-versions';
import type { AppStore } from '../state/store';
import type { Autosave, ScenarioConflictError, ScenarioRepository } from '../storage';
import { upsertScenario } from './scenario-storage';

export interface ScenarioTabSync {
  /** For autosave: merges the stored version after a refused save; resolves to the version to save. */
  onConflict(error: ScenarioConflictError, scenario: Scenario): Promise<Scenario>;
  dispose(): void;
}

/** Resolves once no drag is streaming versions (a merge must not land inside one undo step). */
function untilNoDrag(store: AppStore): Promise<void> {
  if (!store.getState().siteDragActive) return Promise.resolve();
  return new Promise((resolve) => {
    const unsubscribe = store.subscribe((state) => {
      if (state.siteDragActive) return;
      unsubscribe();
      resolve();
    });
  });
}

export function syncScenariosAcrossTabs(
  store: AppStore,
  repository: ScenarioRepository,
  autosave: () => Autosave | null,
): ScenarioTabSync {
  const get = () => store.getState();

  /**
   * Reads the stored version of a scenario and merges it with this tab's. `mine` is this tab's version
   * when it is not the open one. Resolves to the merged version (the open session's, when open).
   */
  const pull = async (id: string, mine?: Scenario): Promise<Scenario> => {
    const base = repository.knownScenario(id);
    const loaded = await repository.loadScenario(id);
    if (loaded.kind === 'missing') {
      repository.forget(id);
      const local = get().session?.scenario.id === id ? get().session!.scenario : mine;
      if (local) get().addStorageNotice({ kind: 'deletedElsewhere', scenarioName: local.name });
      if (!local) throw new Error(`scenario ${id} is gone`);
      return local;
    }
    if (loaded.kind === 'damaged')
      throw new Error(`the stored scenario ${id} is damaged: ${loaded.reason.message}`);
    const theirs = loaded.scenario;
    if (get().session?.scenario.id !== id) {
      const merged = mine && base ? mergeScenarioVersions(base, mine, theirs).merged : theirs;
      get().setSavedScenarios(upsertScenario(get().savedScenarios, merged));
      return merged;
    }
    await untilNoDrag(store);
    const current = get().session!.scenario;
    // Without a base (never saved by this tab) the stored version is taken whole, this tab's edits on top.
    const from = base ?? current;
    const localEdits = base !== undefined && !isNoChange(changeBetween(base, current));
    const { theirChange, conflicts } = mergeScenarioVersions(from, current, theirs);
    get().editScenario({ kind: 'change', origin: 'remote', change: theirChange });
    const merged = get().session!.scenario;
    if (!localEdits) repository.acceptAsStored(merged);
    get().setSavedScenarios(upsertScenario(get().savedScenarios, localEdits ? merged : theirs));
    if (!isNoChange(theirChange)) {
      get().addStorageNotice({ kind: 'merged', scenarioName: merged.name, conflicts: conflicts.length });
    }
    return merged;
  };

  // Other tabs' saves and deletions, one at a time and in order.
  let queue: Promise<unknown> = Promise.resolve();
  const stop = repository.onOtherTabChange((change) => {
    queue = queue
      .then(async () => {
        const id = change.scenarioId;
        const isOpen = get().session?.scenario.id === id;
        if (change.type === 'deleted') {
          if (!isOpen) get().setSavedScenarios(get().savedScenarios.filter((scenario) => scenario.id !== id));
          else {
            repository.forget(id);
            get().addStorageNotice({ kind: 'deletedElsewhere', scenarioName: get().session!.scenario.name });
          }
          return;
        }
        // This tab's own pending edits first: their save meets the new revision and merges on its own.
        await autosave()?.flush();
        const knownRevision = repository.knownRevision(id) ?? -1;
        if (change.revision !== undefined && change.revision <= knownRevision) return;
        const listed = get().savedScenarios.find((scenario) => scenario.id === id);
        await pull(id, isOpen ? undefined : listed);
      })
      .catch((error: unknown) =>
        console.warn('could not merge another tab’s save:', error instanceof Error ? error.message : error),
      );
  });

  return {
    async onConflict(error, scenario) {
      if (error.storedRevision === undefined) {
        // Deleted in another tab while this one still edits it: keep the work, write it afresh.
        repository.forget(scenario.id);
        if (get().session?.scenario.id === scenario.id) {
          get().addStorageNotice({ kind: 'deletedElsewhere', scenarioName: scenario.name });
          return get().session!.scenario;
        }
        return scenario;
      }
      return pull(scenario.id, scenario);
    },
    dispose: stop,
  };
}
