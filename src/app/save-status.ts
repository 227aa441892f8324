/**
 * What the user is told about saving: a failed save is shown at once and until a save lands (with the
 * scenario file to export and a retry), the browser is asked to keep the data (persistent storage) and
 * the space used is shown, and leaving the page while a save is failing asks first. The work stays in
 * memory throughout; autosave retries on its own.
 */
import type { Scenario } from '../domain/scenario/scenario-types';
import type { SaveFailure } from '../state/save-slice';
import type { AppStore } from '../state/store';
import {
  type Autosave,
  classifySaveError,
  estimateStorageSpace,
  requestPersistentStorage,
  type ScenarioRepository,
} from '../storage';
import { upsertScenario } from './scenario-storage';

/** Space figures are refreshed at most this often after saves. */
const SPACE_REFRESH_MS = 5000;

export interface SaveTracking {
  onSaved(scenario: Scenario): void;
  onError(error: unknown, scenario: Scenario): void;
}

export function trackSaving(
  store: AppStore,
  autosave: () => Autosave | null,
  repository: () => ScenarioRepository | null,
): SaveTracking {
  const get = () => store.getState();
  let lastSpaceRefresh = 0;
  const refreshSpace = async (force = false) => {
    if (!force && Date.now() - lastSpaceRefresh < SPACE_REFRESH_MS) return;
    lastSpaceRefresh = Date.now();
    const space = await estimateStorageSpace();
    if (space) get().setStorageSpace(space);
  };
  void requestPersistentStorage().then(() => refreshSpace(true));

  get().setSaveActions({
    retry: () => void autosave()?.retryNow(),
    exportOpenScenario: () => get().plannerServices?.exportScenario('scenario', 'scenario'),
  });

  if (typeof window !== 'undefined') {
    window.addEventListener('beforeunload', (event) => {
      // Only while a save is failing: ordinary pending edits are flushed on pagehide.
      if (get().saveStatus.state === 'failed' && repository()) event.preventDefault();
    });
  }

  return {
    onSaved(scenario) {
      get().setSavedScenarios(upsertScenario(get().savedScenarios, scenario));
      const stillFailing = (autosave()?.failingScenarioIds().length ?? 0) > 0;
      if (!stillFailing) get().setSaveStatus({ state: 'saved', lastSavedAt: new Date().toISOString() });
      void refreshSpace(get().saveStatus.state === 'failed');
    },
    onError(error, scenario) {
      const kind = classifySaveError(error);
      const failure: SaveFailure = kind === 'conflict' ? 'unknown' : kind;
      console.warn(
        `saving “${scenario.name}” failed (${kind}):`,
        error instanceof Error ? error.message : error,
      );
      const previous = get().saveStatus;
      get().setSaveStatus({
        ...previous,
        state: 'failed',
        failure,
        failedSince: previous.state === 'failed' ? previous.failedSince : new Date().toISOString(),
      });
      void refreshSpace(true);
    },
  };
}
