import { EXACT_MAX_CANDIDATES } from '../../domain/suggest/exact';
import { useAppState, useTranslate } from '../store-context';

/**
 * The exact (HiGHS) switch with the candidate count it depends on: offered while the form's choice
 * puts at most EXACT_MAX_CANDIDATES positions in the area, otherwise disabled with the reason.
 */
export function ExactField() {
  const t = useTranslate();
  const exact = useAppState((state) => state.suggestForm.method === 'exact');
  const setForm = useAppState((state) => state.setSuggestForm);
  const count = useAppState((state) => state.suggestCandidateCount);
  const tooMany = count !== null && count > EXACT_MAX_CANDIDATES;
  return (
    <div className="suggest-exact">
      <label className="suggest-check">
        <input
          type="checkbox"
          checked={exact && !tooMany}
          disabled={tooMany}
          aria-describedby={tooMany ? 'suggest-exact-reason' : undefined}
          data-testid="suggest-exact"
          onChange={(event) => setForm({ method: event.target.checked ? 'exact' : 'lazy-greedy' })}
        />
        {t('suggest.exact')}
      </label>
      {count !== null && (
        <p className="suggest-note" data-testid="suggest-candidate-count">
          {t('suggest.candidateCount', { count })}
        </p>
      )}
      {tooMany && (
        <p
          className="suggest-note suggest-note--warn"
          id="suggest-exact-reason"
          data-testid="suggest-exact-reason"
        >
          {t('suggest.exactTooMany', { count, limit: EXACT_MAX_CANDIDATES })}
        </p>
      )}
    </div>
  );
}
