/**
 * Connects the planner layer and gestures to the store: scenario and selection changes redraw the
 * small planner sources; clicks add or select sites; a drag shows the site in its own tiny source
 * every frame and streams the move to the session every DRAG_COMMIT_MS as one undo step (the
 * coverage engine follows the session), with the final, snapped position committed on drop.
 */
import type { Disposers } from '../domain/disposers';
import { translate } from '../domain/i18n/translate';
import { type DragOrigin, dragChange, newCandidateSite } from '../domain/planner/gesture-changes';
import type { PoleSnapLookup, SnapPole } from '../domain/planner/pole-snap-index';
import type { BaselineSites } from '../domain/scenario/baseline-sites';
import { effectiveSite, isDraggableSite } from '../domain/scenario/scenario-lookup';
import type { Scenario } from '../domain/scenario/scenario-types';
import { installPlannerGestures } from '../map/planner-edit-handlers';
import {
  baselineIdsDrawnByPlanner,
  draggedSiteFeatures,
  plannerLayerDelta,
  plannerSiteFeatures,
  selectionFeatures,
} from '../map/planner-site-features';
import { PlannerSitesLayer } from '../map/planner-sites-layer';
import { openScenarioBaseline } from '../state/scenario-slice';
import type { AppState } from '../state/store';
import type { AppContext } from './app-context';
import { trackedSubscribe } from './subscriptions';

/** Live coverage follows a drag at this pace; the site itself follows every frame. */
export const DRAG_COMMIT_MS = 80;
export const PLANNER_TAB_ID = 'planner';

export interface PlannerMapWiring {
  snapIndex: () => PoleSnapLookup | null;
  layer: PlannerSitesLayer;
}

/** A new site id: short, readable in a CSV, unique enough for one planner's scenarios. */
export const createSiteId = (): string => `C-${crypto.randomUUID().slice(0, 8)}`;

/** Wires the planner layer and gestures; everything it sets up is kept in the feature's disposers. */
export async function wirePlannerMap(
  context: AppContext,
  snapIndex: () => PoleSnapLookup | null,
  disposers: Disposers,
): Promise<PlannerMapWiring> {
  const { store, map } = context;
  const subscribe = trackedSubscribe(store, disposers);
  const layer = disposers.add(new PlannerSitesLayer(map));
  await layer.whenReady();
  const get = () => store.getState();

  const snapFor = (longitude: number, latitude: number, suspend: boolean): SnapPole | null => {
    const state = get();
    if (!state.snapToPoles || suspend) return null;
    return snapIndex()?.nearest(longitude, latitude, state.snapDistanceM)?.pole ?? null;
  };

  let drawn: { scenario: Scenario; baseline: BaselineSites } | null = null;
  const redrawSites = (state: AppState) => {
    const baseline = openScenarioBaseline(state);
    if (!state.session || !baseline) return;
    const scenario = state.session.scenario;
    if (drawn && drawn.baseline === baseline) {
      layer.applyDelta(plannerLayerDelta(drawn.scenario, scenario, baseline), () =>
        plannerSiteFeatures(scenario, baseline),
      );
    } else {
      layer.setSites(plannerSiteFeatures(scenario, baseline));
    }
    drawn = { scenario, baseline };
    layer.hideBaselineSites(baselineIdsDrawnByPlanner(scenario));
  };
  const redrawSelection = (state: AppState) => {
    const baseline = openScenarioBaseline(state);
    if (!state.session || !baseline) return layer.setSelection([]);
    layer.setSelection(selectionFeatures(state.session.scenario, baseline, state.selectedSiteIds));
  };
  subscribe(
    (state) => [state.session?.scenario, state.baseline] as const,
    () => {
      redrawSites(get());
      redrawSelection(get());
    },
    { equalityFn: (left, right) => left[0] === right[0] && left[1] === right[1] },
  );
  subscribe(
    (state) => state.selectedSiteIds,
    () => redrawSelection(get()),
  );
  redrawSites(get());

  let drag: {
    origins: DragOrigin[];
    grabbedId: string;
    /** The drag's gesture: its streamed steps stay one undo step (see editScenario). */
    gestureId: string;
    lastCommitAt: number;
    pending: boolean;
  } | null = null;
  let dragCount = 0;
  let lastDragTarget: { pointer: [number, number]; pole: SnapPole | null } | null = null;

  const commitDrag = (final: boolean) => {
    const state = get();
    const baseline = openScenarioBaseline(state);
    if (!drag || !lastDragTarget || !state.session || !baseline) return;
    const change = dragChange(
      state.session.scenario,
      baseline,
      drag.origins,
      drag.grabbedId,
      lastDragTarget.pointer,
      lastDragTarget.pole,
    );
    state.editScenario({
      kind: 'change',
      change,
      labelKey: 'command.moveSites',
      gesture: { id: drag.gestureId, done: final },
    });
    drag.lastCommitAt = performance.now();
    drag.pending = false;
  };
  let commitTimer: ReturnType<typeof setTimeout> | undefined;

  disposers.add(
    installPlannerGestures(map, layer, {
      tool: () => get().plannerTool,
      isDraggable: (id) => {
        const session = get().session;
        return session ? isDraggableSite(session.scenario, id) : false;
      },
      onAddSite(longitude, latitude, suspendSnap) {
        const state = get();
        if (!state.session) return;
        const site = newCandidateSite({
          id: createSiteId(),
          number: state.session.scenario.addedSites.length + 1,
          longitude,
          latitude,
          pole: snapFor(longitude, latitude, suspendSnap),
          namePrefix: translate(state.language, 'planner.newSiteName'),
        });
        state.editScenario({
          kind: 'change',
          change: { type: 'putSites', sites: [site] },
          labelKey: 'command.addSite',
          selection: [site.properties.id],
        });
        state.setActivePanelTab(PLANNER_TAB_ID);
      },
      onSelect(ids, additive) {
        const state = get();
        if (ids.length > 0 && state.activePanelTab !== PLANNER_TAB_ID)
          state.setActivePanelTab(PLANNER_TAB_ID);
        if (!additive) return state.setSelectedSiteIds(ids);
        const current = new Set(state.selectedSiteIds);
        // Shift-click toggles one site; a Shift box adds everything inside it.
        if (ids.length === 1 && current.has(ids[0]!)) current.delete(ids[0]!);
        else for (const id of ids) current.add(id);
        state.setSelectedSiteIds([...current]);
      },
      onHover(longitude, latitude, suspendSnap) {
        const pole = snapFor(longitude, latitude, suspendSnap);
        layer.setSnapTarget(pole ? [pole.longitude, pole.latitude] : null);
      },
      onDragStart(grabbedId) {
        const state = get();
        const baseline = openScenarioBaseline(state);
        if (!state.session || !baseline) return;
        const selected = state.selectedSiteIds.includes(grabbedId) ? state.selectedSiteIds : [grabbedId];
        if (selected !== state.selectedSiteIds) state.setSelectedSiteIds(selected);
        const scenario = state.session.scenario;
        const origins: DragOrigin[] = [];
        for (const id of selected) {
          const site = effectiveSite(scenario, baseline, id);
          if (!site || !isDraggableSite(scenario, id)) continue;
          const [longitude = 0, latitude = 0] = site.geometry.coordinates;
          origins.push({
            id,
            coordinates: [longitude, latitude],
            poleId: site.properties.poleId,
            band: site.properties.band,
          });
        }
        drag = {
          origins,
          grabbedId,
          gestureId: `drag-${++dragCount}`,
          lastCommitAt: performance.now(),
          pending: false,
        };
        lastDragTarget = null;
      },
      onDragMove(longitude, latitude, suspendSnap) {
        if (!drag) return;
        const pole = snapFor(longitude, latitude, suspendSnap);
        lastDragTarget = { pointer: [longitude, latitude], pole };
        layer.setDragged(draggedSiteFeatures(drag.origins, drag.grabbedId, [longitude, latitude], pole));
        layer.setSnapTarget(pole ? [pole.longitude, pole.latitude] : null);
        const sinceCommit = performance.now() - drag.lastCommitAt;
        if (sinceCommit >= DRAG_COMMIT_MS) commitDrag(false);
        else if (!drag.pending) {
          drag.pending = true;
          commitTimer = setTimeout(() => drag?.pending && commitDrag(false), DRAG_COMMIT_MS - sinceCommit);
        }
      },
      onDragEnd(cancelled) {
        clearTimeout(commitTimer);
        if (drag && (cancelled || !lastDragTarget))
          get().editScenario({ kind: 'cancelGesture', gestureId: drag.gestureId });
        else commitDrag(true);
        drag = null;
        lastDragTarget = null;
        layer.setDragged([]);
        layer.setSnapTarget(null);
      },
    }),
  );
  disposers.add(() => clearTimeout(commitTimer));
  subscribe(
    (state) => state.plannerTool,
    (tool) => {
      map.mapLibre.getCanvas().style.cursor = tool === 'add' ? 'crosshair' : '';
      if (tool !== 'add') layer.setSnapTarget(null);
    },
  );
  return { snapIndex, layer };
}
