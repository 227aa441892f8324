/**
 * Settings kept per scenario across reloads (scenario-settings.ts): the coverage mode, threshold and
 * other coverage settings, the raster style, and the candidate areas drawn for suggestions. Opening a
 * scenario puts its settings back (a scenario never saved with settings keeps the current ones, so a new
 * scenario starts from what the planner was using); changing them saves them for the open scenario.
 */
import { readScenarioSettings, type ScenarioSettings } from '../domain/scenario/scenario-settings';
import type { AppState, AppStore } from '../state/store';
import type { ScenarioRepository } from '../storage';

/** Settings edits settle this long before they are written. */
const SAVE_DELAY_MS = 400;

const current = (state: AppState): ScenarioSettings => ({
  coverage: state.coverageSettings,
  rasterStyle: state.coverageRasterStyle,
  candidateAreas: state.suggestAreas,
});

/** Applies a scenario's stored settings to the store (only the parts that differ). */
function apply(store: AppStore, settings: ScenarioSettings): void {
  const state = store.getState();
  if (JSON.stringify(settings.coverage) !== JSON.stringify(state.coverageSettings)) {
    state.setCoverageSettings(settings.coverage);
  }
  if (settings.rasterStyle !== state.coverageRasterStyle) state.setCoverageRasterStyle(settings.rasterStyle);
  if (JSON.stringify(settings.candidateAreas) !== JSON.stringify(state.suggestAreas)) {
    state.setSuggestAreas(settings.candidateAreas);
  }
}

/**
 * Follows the open scenario: restores its settings when it opens, saves them when they change.
 * `stored` is what the repository held at start-up.
 */
export function keepScenarioSettings(
  store: AppStore,
  repository: ScenarioRepository,
  stored: Map<string, unknown>,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let openId: string | undefined;
  const restore = (id: string | undefined) => {
    // A change still waiting belongs to the scenario being left.
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
      save();
    }
    openId = id;
    if (id === undefined) return;
    const saved = stored.get(id);
    if (saved !== undefined) apply(store, readScenarioSettings(saved, current(store.getState())));
  };
  restore(store.getState().session?.scenario.id);
  store.subscribe((state) => state.session?.scenario.id, restore);

  function save() {
    const id = openId;
    if (id === undefined) return;
    const settings = current(store.getState());
    stored.set(id, settings);
    void repository
      .saveSettings(id, settings)
      .catch((error: unknown) =>
        console.warn('saving the scenario settings failed:', error instanceof Error ? error.message : error),
      );
  }
  store.subscribe(
    (state) => [state.coverageSettings, state.coverageRasterStyle, state.suggestAreas] as const,
    () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        save();
      }, SAVE_DELAY_MS);
    },
    { equalityFn: (left, right) => left.every((value, index) => value === right[index]) },
  );
  // A reload right after a change still keeps it.
  window.addEventListener('pagehide', () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    save();
  });
}
