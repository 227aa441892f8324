/**
 * The candidate positions of a suggest form without problems (state/suggest-form.ts says what is
 * missing otherwise): the sample poles load on first use, joined by the open scenario's imported poles.
 */
import { assembleCandidates, checkGridSpacing } from '../domain/suggest/candidate-sources';
import type { SuggestCandidate } from '../domain/suggest/suggest';
import type { PoleCollection } from '../domain/types';
import type { AppState } from '../state/store';
import type { DataPort } from './ports';

/** The candidate positions of a form without problems (poles load on first use). */
export async function formCandidates(state: AppState, data: DataPort): Promise<SuggestCandidate[]> {
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
