import { useAppState, useTranslate } from '../store-context';
import { SuggestFormFields } from './SuggestForm';
import { SuggestResults } from './SuggestResults';
import './suggest.css';

const PHASE_KEYS = {
  demand: 'suggest.phase.demand',
  footprints: 'suggest.phase.footprints',
  selecting: 'suggest.phase.selecting',
} as const;

/** Run button, or progress bar with cancel while the worker suggests; notices after. */
function SuggestRunBar() {
  const t = useTranslate();
  const status = useAppState((state) => state.suggestStatus);
  const progress = useAppState((state) => state.suggestProgress);
  const error = useAppState((state) => state.suggestError);
  const accepted = useAppState((state) => state.suggestAcceptedCount);
  const services = useAppState((state) => state.suggestServices);
  if (status === 'running') {
    return (
      <div className="suggest-status" role="status" data-testid="suggest-progress">
        <div className="suggest-status__row">
          <span>{t(PHASE_KEYS[progress?.phase ?? 'demand'])}</span>
          <button type="button" className="suggest-button" onClick={() => services?.cancel()}>
            {t('suggest.cancel')}
          </button>
        </div>
        <progress
          max={1}
          value={progress?.fraction ?? 0}
          aria-label={t(PHASE_KEYS[progress?.phase ?? 'demand'])}
        />
      </div>
    );
  }
  return (
    <div className="suggest-status">
      <button
        type="button"
        className="suggest-button suggest-button--primary"
        data-testid="suggest-run"
        disabled={!services}
        onClick={() => services?.run()}
      >
        {t('suggest.run')}
      </button>
      {status === 'cancelled' && <p className="suggest-note">{t('suggest.cancelled')}</p>}
      {status === 'error' && (
        <p className="suggest-note suggest-note--warn" role="alert">
          {t('suggest.error', { message: error ?? '' })}
        </p>
      )}
      {accepted !== null && status === 'idle' && (
        <p className="suggest-note" role="status" data-testid="suggest-accepted">
          {t('suggest.accepted', { count: accepted })}
        </p>
      )}
    </div>
  );
}

/** The 选址 / Suggest tab. */
export function SuggestPanel() {
  const t = useTranslate();
  const result = useAppState((state) => state.suggestResult);
  return (
    <div className="suggest-panel" data-testid="suggest-panel">
      <h2>{t('suggest.title')}</h2>
      <p className="suggest-note">{t('suggest.intro')}</p>
      {result ? <SuggestResults result={result} /> : <SuggestFormFields />}
      <SuggestRunBar />
    </div>
  );
}
