/**
 * Reads the suggest form into what a run needs: the area, or the message that says what is missing.
 * The run and the live candidate count read it the same way (services/suggest-form-candidates.ts
 * adds the candidate positions).
 */
import type { SuggestArea } from '../domain/coverage/engine-footprints';
import type { MessageKey } from '../domain/i18n/translate';
import { checkGridSpacing, previewGridCandidates } from '../domain/suggest/candidate-sources';
import { MAX_GRID_CANDIDATES } from '../domain/suggest/suggest-candidates';
import type { AppState } from './store';
import type { SuggestForm } from './suggest-slice';

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
