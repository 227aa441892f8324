/**
 * The suggest feature: turns the panel's choices into a request, runs it in the coverage worker (on
 * the engine's own grid), shows the picks as numbered markers, and accepts them into the scenario as
 * candidate sites in ONE undoable step. Test hooks on window.__e2e.suggest.
 */

import { type Disposer, Disposers } from '../../domain/disposers';
import { translate } from '../../domain/i18n/translate';
import type { SuggestRequest, SuggestResult } from '../../domain/suggest/suggest';
import type { SiteFeature } from '../../domain/types';
import { coverageEndpoint, SuggestClient } from '../../engine/suggest-client';
import { SuggestLayer } from '../../map/suggest-layer';
import { formCandidates } from '../../services/suggest-form-candidates';
import type { AppStore } from '../../state/store';
import { areaOf, formProblem } from '../../state/suggest-form';
import type { SuggestForm } from '../../state/suggest-slice';
import type { AppContext } from '../app-context';
import { trackedSubscribe } from '../subscriptions';
import { wireSuggestAreas } from './suggest-areas';
import { wireSuggestCount } from './suggest-count';

export interface SuggestTestHook {
  /** Patches the form, runs, and resolves with the result (rejects on error or cancel). */
  run: (form: Partial<SuggestForm>) => Promise<SuggestResult>;
  result: () => SuggestResult | null;
  /** Accepts these pick ids (all when omitted). */
  accept: (ids?: string[]) => void;
  markerCount: () => number;
}

declare module '../test-hooks' {
  interface AppTestHook {
    suggest?: SuggestTestHook;
  }
}

function templateOf(form: SuggestForm): SuggestRequest['template'] {
  return {
    kind: form.kind,
    band: form.band,
    heightM: form.heightM,
    ...(form.powerDbm !== null ? { powerDbm: form.powerDbm } : {}),
  };
}

/** Wires the suggest feature into the app. */
export function wireSuggest(context: AppContext): Disposer {
  const { store, map, data } = context;
  const disposers = new Disposers();
  const subscribe = trackedSubscribe(store, disposers);
  const layer = disposers.add(new SuggestLayer(map));
  disposers.add(wireSuggestAreas(context));
  const client = coverageEndpoint().then((endpoint) => new SuggestClient(endpoint));
  disposers.add(wireSuggestCount(context, client));
  let lastRequest: SuggestRequest | null = null;
  let markerCount = 0;
  const message = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) =>
    translate(store.getState().language, key, values);

  const run = async (): Promise<SuggestResult | undefined> => {
    const state = store.getState();
    const form = state.suggestForm;
    const area = areaOf(form);
    const problem = formProblem(state);
    if (problem || !area) return fail(store, message(problem?.key ?? 'suggest.needArea', problem?.values));
    if (!state.coverageStats) return fail(store, message('suggest.waitCoverage'));
    // A run takes the form as it stands: an outline still being drawn is dropped.
    if (state.suggestDrawing) state.setSuggestDrawing(false);
    state.setSuggestRunning({ phase: 'demand', fraction: 0 });
    try {
      const candidates = await formCandidates(state, data);
      const planned = candidates.filter((candidate) => candidate.source === 'planner');
      const request: SuggestRequest = {
        area,
        candidates,
        template: templateOf(form),
        budget:
          form.budgetKind === 'count'
            ? { kind: 'count', count: form.count }
            : { kind: 'target', coveredFraction: form.targetPercent / 100 },
        minSpacingM: form.minSpacingM,
        spacingFromExistingSites: form.spacingFromExistingSites,
        method: form.method,
        excludeSiteIds: planned.map((candidate) => candidate.id),
      };
      lastRequest = request;
      const result = await (await client).run(request, (progress) => {
        if (store.getState().suggestStatus === 'running') store.getState().setSuggestRunning(progress);
      });
      if (!result) {
        store.getState().setSuggestFailed('cancelled');
        return undefined;
      }
      store.getState().setSuggestResult(result);
      return result;
    } catch (error) {
      store.getState().setSuggestFailed('error', error instanceof Error ? error.message : String(error));
      throw error;
    }
  };

  const accept = (ids: readonly string[]): void => {
    const state = store.getState();
    const result = state.suggestResult;
    if (!result || !lastRequest) return;
    const template = lastRequest.template;
    const stamp = Date.now().toString(36);
    const wanted = new Set(ids);
    // Planner candidates are already in the scenario: accepting them adds nothing new.
    const sites: SiteFeature[] = result.picks
      .filter((pick) => wanted.has(pick.id) && pick.source !== 'planner')
      .map((pick) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [pick.lon, pick.lat] },
        properties: {
          ...template,
          ...pick.template,
          id: `SG-${stamp}-${pick.rank}`,
          name: message('suggest.siteName', { rank: pick.rank }),
          status: 'candidate',
          ...(pick.poleId !== undefined ? { poleId: pick.poleId } : {}),
        },
      }));
    if (sites.length > 0) {
      state.editScenario({
        kind: 'change',
        change: { type: 'putSites', sites },
        labelKey: 'suggest.undoLabel',
      });
    }
    state.clearSuggestResult(sites.length);
  };

  store.getState().setSuggestServices({
    run: () => void run().catch(() => undefined),
    cancel: () => void client.then((suggestions) => suggestions.cancel()),
    accept,
    discard: () => store.getState().clearSuggestResult(),
    flyTo: (id) => {
      const pick = store.getState().suggestResult?.picks.find((candidate) => candidate.id === id);
      if (pick) void layer.flyTo(pick.lon, pick.lat);
    },
  });

  subscribe(
    (state) => [state.suggestResult, state.suggestChecked] as const,
    ([result, checked]) => {
      const markers = (result?.picks ?? []).map((pick) => ({
        id: pick.id,
        rank: pick.rank,
        lon: pick.lon,
        lat: pick.lat,
        checked: checked.includes(pick.id),
      }));
      markerCount = markers.length;
      void layer.setMarkers(markers);
    },
    { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] },
  );

  if (import.meta.env.MODE === 'e2e' && window.__e2e) {
    window.__e2e.suggest = {
      run: async (form) => {
        store.getState().setSuggestForm(form);
        const result = await run();
        if (!result) throw new Error(store.getState().suggestError ?? 'suggestion cancelled');
        return result;
      },
      result: () => store.getState().suggestResult,
      accept: (ids) => accept(ids ?? store.getState().suggestResult?.picks.map((pick) => pick.id) ?? []),
      markerCount: () => markerCount,
    };
  }
  return disposers.disposer;
}

function fail(store: AppStore, text: string): undefined {
  store.getState().setSuggestFailed('error', text);
  return undefined;
}
