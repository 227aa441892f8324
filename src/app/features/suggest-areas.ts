/**
 * Candidate areas of the suggest feature on the map: the store's drawing flag starts and stops the
 * outline tool (which holds the map's pointer, so the planner's tools and popups stand aside), the
 * drawn areas and the grid points they yield are shown. Leaving the Suggest tab or picking a planner
 * tool ends drawing.
 */
import { type Disposer, Disposers } from '../../domain/disposers';
import { translate } from '../../domain/i18n/translate';
import {
  checkDrawnOutline,
  checkGridSpacing,
  gridCandidatesOf,
} from '../../domain/suggest/candidate-sources';
import { CandidateAreaLayer } from '../../map/candidate-area-layer';
import type { AppContext } from '../app-context';
import { trackedSubscribe } from '../subscriptions';

export const SUGGEST_TAB_ID = 'suggest';
/** Grid points are drawn on the map up to this many (beyond, only the count is shown). */
const MAX_SHOWN_GRID_POINTS = 5000;

/** Wires the candidate-area drawing and display. */
export function wireSuggestAreas({ store, map }: AppContext): Disposer {
  const disposers = new Disposers();
  const subscribe = trackedSubscribe(store, disposers);
  const layer = disposers.add(new CandidateAreaLayer(map));
  const get = () => store.getState();

  subscribe(
    (state) => state.suggestDrawing,
    (drawing) => {
      if (!drawing) return layer.stopDrawing();
      void layer.startDrawing({
        onFinish: (corners) => get().finishSuggestArea(corners, checkDrawnOutline(corners)),
        onCancel: () => get().setSuggestDrawing(false),
      });
    },
  );
  // Drawing belongs to the Suggest tab: leaving it, or taking a planner tool, ends it.
  subscribe(
    (state) => state.activePanelTab,
    (tab) => {
      if (tab !== SUGGEST_TAB_ID && get().suggestDrawing) get().setSuggestDrawing(false);
    },
  );
  subscribe(
    (state) => state.plannerTool,
    () => {
      if (get().suggestDrawing) get().setSuggestDrawing(false);
    },
  );

  const redraw = () => {
    const state = get();
    const { suggestAreas: areas, language } = state;
    void layer.setAreas(
      areas.map((area) => ({
        id: area.id,
        corners: area.corners,
        label: translate(language, 'suggest.areaLabel', { number: Number(area.id.slice(1)) }),
      })),
    );
    const spacing = checkGridSpacing(state.suggestForm.gridSpacingText);
    let points: [number, number][] = [];
    if (state.suggestForm.usePolygonGrid && spacing.ok && areas.length > 0) {
      try {
        const grid = gridCandidatesOf(areas, spacing.spacingM);
        if (grid.length <= MAX_SHOWN_GRID_POINTS) points = grid.map((point) => [point.lon, point.lat]);
      } catch {
        // Too many points: the panel says so; the map shows the outlines only.
      }
    }
    void layer.setGridPoints(points);
  };
  subscribe(
    (state) =>
      [
        state.suggestAreas,
        state.suggestForm.gridSpacingText,
        state.suggestForm.usePolygonGrid,
        state.language,
      ] as const,
    redraw,
    { equalityFn: (a, b) => a.every((value, index) => value === b[index]) },
  );
  return disposers.disposer;
}
