/**
 * Counts, before any run, the candidate positions the Suggest form's choice puts in its area (in the
 * coverage worker, on the engine's own area mask), so the panel can show the figure and offer exact
 * mode only when it fits HiGHS's limit. Counts only while the Suggest tab is open: poles load on use.
 */
import type { Disposer } from '../../domain/disposers';
import { EXACT_MAX_CANDIDATES } from '../../domain/suggest/exact';
import type { SuggestClient } from '../../engine/suggest-client';
import { formCandidates } from '../../services/suggest-form-candidates';
import type { AppState } from '../../state/store';
import { areaOf, formProblem } from '../../state/suggest-form';
import type { AppContext } from '../app-context';
import { SUGGEST_TAB_ID } from './suggest-areas';

/** Typing in the form settles this long before a recount. */
const RECOUNT_DELAY_MS = 250;

/** What the count depends on: the area and candidate choice, drawn areas, scenario candidates. */
const countInputs = (state: AppState) => {
  const form = state.suggestForm;
  return [
    state.activePanelTab === SUGGEST_TAB_ID,
    state.coverageStats !== null,
    form.areaKind,
    form.adcode,
    form.zoneId,
    form.gapIds,
    form.usePoles,
    form.usePolygonGrid,
    form.gridSpacingText,
    form.usePlannerCandidates,
    state.suggestAreas,
    form.usePlannerCandidates ? state.session?.scenario.addedSites : null,
  ] as const;
};

export function wireSuggestCount({ store, data }: AppContext, client: Promise<SuggestClient>): Disposer {
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const count = async (mine: number) => {
    const state = store.getState();
    const area = areaOf(state.suggestForm);
    if (state.activePanelTab !== SUGGEST_TAB_ID || !state.coverageStats || !area || formProblem(state))
      return;
    try {
      const candidates = await formCandidates(state, data);
      const inArea = await (await client).countInArea(area, candidates);
      if (mine !== generation) return;
      store.getState().setSuggestCandidateCount(inArea);
      // Exact mode would refuse this many: fall back to lazy greedy (the panel says why).
      if (inArea > EXACT_MAX_CANDIDATES && store.getState().suggestForm.method === 'exact') {
        store.getState().setSuggestForm({ method: 'lazy-greedy' });
      }
    } catch {
      // Poles failed to load or the worker is gone: the count stays unknown, the run reports the error.
    }
  };

  const stop = store.subscribe(
    countInputs,
    () => {
      clearTimeout(timer);
      const mine = ++generation;
      store.getState().setSuggestCandidateCount(null);
      timer = setTimeout(() => void count(mine), RECOUNT_DELAY_MS);
    },
    { equalityFn: (a, b) => a.every((value, index) => value === b[index]) },
  );
  return () => {
    stop();
    clearTimeout(timer);
  };
}
