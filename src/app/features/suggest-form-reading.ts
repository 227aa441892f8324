/**
 * Reads the suggest form into what a run needs: the area and the candidate positions, or the message
 * that says what is missing. The run and the live candidate count read it the same way.
 */
import type { SuggestArea } from '../../domain/coverage/engine-footprints';
import type { MessageKey } from '../../domain/i18n/translate';
import {
  assembleCandidates,
  checkGridSpacing,
  previewGridCandidates,
} from '../../domain/suggest/candidate-sources';
import type { SuggestCandidate } from '../../domain/suggest/suggest';
import { MAX_GRID_CANDIDATES } from '../../domain/suggest/suggest-candidates';
import type { PoleCollection } from '../../domain/types';
import type { AppState } from '../../state/store';
import type { SuggestForm } from '../../state/suggest-slice';
import type { DataLoader } from '../data-loading';

export type FormProblem = { key: MessageKey; values?: Record<string, string | number> };

/** The area of the form, or null when its choice is incomplete. */
export function areaOf(form: SuggestForm): SuggestArea | null {
  if (form.areaKind === 'city') return { kind: 'city' };
  if (form.areaKind === 'district') return form.adcode ? { kind: 'district', adcode: form.adcode } : null;
  if (form.areaKind === 'zone') return form.zoneId ? { kind: 'zone', id: form.zoneId } : null;
  return form.gapIds.length > 0 ? { kind: 'gaps', gapIds: form.gapIds } : null;
}

/** What is wrong with the form's area and candidate choice (null: nothing). */
export function formProblem(state: AppState): FormProblem | null {
  const form = state.suggestForm;
  if (!areaOf(form)) return { key: 'suggest.needArea' };
  if (!form.usePoles && !form.usePolygonGrid && !form.usePlannerCandidates) {
    return { key: 'suggest.needCandidates' };
  }
  if (!form.usePolygonGrid) return null;
  const spacing = checkGridSpacing(form.gridSpacingText);
  if (!spacing.ok) return { key: `suggest.gridSpacing.${spacing.reason}` };
  if (state.suggestAreas.length === 0) return { key: 'suggest.needDrawnArea' };
  if (!previewGridCandidates(state.suggestAreas, spacing.spacingM).ok) {
    return { key: 'suggest.gridTooMany', values: { limit: MAX_GRID_CANDIDATES } };
  }
  return null;
}

/** The candidate positions of a form without problems (poles load on first use). */
export async function formCandidates(state: AppState, data: DataLoader): Promise<SuggestCandidate[]> {
  const form = state.suggestForm;
  const spacing = checkGridSpacing(form.gridSpacingText);
  // The sample poles and the poles imported into the open scenario.
  const poles = form.usePoles
    ? [...((await data.ensure('poles')) as PoleCollection).features, ...(state.session?.scenario.poles ?? [])]
    : [];
  return assembleCandidates(form, {
    poles,
    areas: state.suggestAreas,
    gridSpacingM: spacing.ok ? spacing.spacingM : 0,
    plannerSites: state.session?.scenario.addedSites ?? [],
  });
}
