import { polePicksInGaps } from '../../domain/suggest/pole-gap-check';
import type { SuggestResult } from '../../domain/suggest/suggest';
import { formatCount, formatKm2, formatPercent } from '../coverage/format';
import { useAppState, useTranslate } from '../store-context';
import { SuggestChart } from './SuggestChart';

const percent = (fraction: number) => (fraction * 100).toFixed(2);

/** Below this share of the uncovered land within the candidates' reach, the result is explained. */
const LOW_REACH_SHARE = 0.5;

/**
 * Why a run gains little: the candidates (poles, typically) lie away from the uncovered land. Says how
 * much of it they can reach at all and offers the grid inside drawn areas, which can sit in the gaps.
 */
function ReachNote({ result }: { result: SuggestResult }) {
  const t = useTranslate();
  const language = useAppState((state) => state.language);
  const form = useAppState((state) => state.suggestForm);
  const setForm = useAppState((state) => state.setSuggestForm);
  const setDrawing = useAppState((state) => state.setSuggestDrawing);
  const uncoveredKm2 = result.areaLandKm2 - result.coveredKm2Before;
  const reachable = result.reachableUncoveredKm2;
  if (reachable === undefined || uncoveredKm2 <= 0 || reachable / uncoveredKm2 >= LOW_REACH_SHARE)
    return null;
  return (
    <div className="suggest-note suggest-note--warn" data-testid="suggest-reach">
      <p>
        {t('suggest.lowReach', {
          share: formatPercent(language, reachable / uncoveredKm2),
          reachable: formatKm2(language, reachable),
          uncovered: formatKm2(language, uncoveredKm2),
        })}
      </p>
      {!form.usePolygonGrid && (
        <button
          type="button"
          data-testid="suggest-offer-grid"
          onClick={() => {
            setForm({ usePolygonGrid: true });
            setDrawing(true);
          }}
        >
          {t('suggest.offerGrid')}
        </button>
      )}
    </div>
  );
}

/** The ranked picks with their marginal gains, the curve, and accept / discard. */
export function SuggestResults({ result }: { result: SuggestResult }) {
  const t = useTranslate();
  const language = useAppState((state) => state.language);
  const checked = useAppState((state) => state.suggestChecked);
  const toggle = useAppState((state) => state.toggleSuggestChecked);
  const services = useAppState((state) => state.suggestServices);
  const form = useAppState((state) => state.suggestForm);
  const land = result.areaLandKm2;
  return (
    <section className="suggest-results" data-testid="suggest-results">
      <p className="suggest-summary" data-testid="suggest-summary">
        {result.picks.length === 0
          ? t('suggest.noPicks')
          : t('suggest.resultSummary', {
              count: result.picks.length,
              before: percent(result.coveredKm2Before / land),
              after: percent(result.coveredKm2After / land),
              km2: (result.coveredKm2After - result.coveredKm2Before).toFixed(3),
            })}
        {form.budgetKind === 'target' && result.picks.length > 0 && (
          <> · {t(result.targetReached ? 'suggest.targetReached' : 'suggest.targetMissed')}</>
        )}
      </p>
      <PolesOutsideGaps result={result} />
      <p className="suggest-note" data-testid="suggest-meta">
        {t('suggest.resultMeta', {
          candidates: formatCount(language, result.consideredCandidateCount ?? result.candidateCount),
          useful: formatCount(language, result.usefulCandidateCount),
          ms: formatCount(language, Math.round(result.elapsedMs)),
        })}
      </p>
      <ReachNote result={result} />
      <SuggestChart
        curve={result.curve}
        {...(form.budgetKind === 'target' ? { targetFraction: form.targetPercent / 100 } : {})}
      />
      {result.picks.length > 0 && (
        <table className="suggest-table">
          <thead>
            <tr>
              <th scope="col" aria-label={t('suggest.acceptSelected', { count: '' })} />
              <th scope="col">{t('suggest.rank')}</th>
              <th scope="col">{t('suggest.site')}</th>
              <th scope="col">{t('suggest.gainKm2')}</th>
              <th scope="col">{t('suggest.gainPoints')}</th>
              <th scope="col">{t('suggest.gapsClosed')}</th>
            </tr>
          </thead>
          <tbody>
            {result.picks.map((pick) => (
              <tr key={pick.id} data-testid="suggest-pick">
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${pick.rank}`}
                    checked={checked.includes(pick.id)}
                    onChange={() => toggle(pick.id)}
                  />
                </td>
                <td>{pick.rank}</td>
                <td>
                  <button type="button" className="suggest-link" onClick={() => services?.flyTo(pick.id)}>
                    {pick.source === 'planner'
                      ? t('suggest.planned', { id: pick.id })
                      : pick.poleId
                        ? t('suggest.onPole', { pole: pick.poleId })
                        : `${pick.lon.toFixed(5)}, ${pick.lat.toFixed(5)}`}
                  </button>
                </td>
                <td className="suggest-number">{pick.gainKm2.toFixed(3)}</td>
                <td className="suggest-number">
                  {pick.gainPercentagePoints.toFixed(pick.gainPercentagePoints < 0.1 ? 3 : 2)}
                </td>
                <td className="suggest-number">{pick.gapsClosed.length || '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="suggest-actions">
        {result.picks.length > 0 && (
          <>
            <button
              type="button"
              className="suggest-button suggest-button--primary"
              data-testid="suggest-accept-all"
              onClick={() => services?.accept(result.picks.map((pick) => pick.id))}
            >
              {t('suggest.acceptAll')}
            </button>
            <button
              type="button"
              className="suggest-button"
              disabled={checked.length === 0}
              onClick={() => services?.accept(checked)}
            >
              {t('suggest.acceptSelected', { count: checked.length })}
            </button>
          </>
        )}
        <button type="button" className="suggest-button" onClick={() => services?.discard()}>
          {t('suggest.discard')}
        </button>
      </div>
    </section>
  );
}

/**
 * When the picks stand on poles and none of them inside a weak spot, the gain is small for a reason the
 * planner should see: say so, and offer the drawn-area grid (positions inside the gaps) instead.
 */
function PolesOutsideGaps({ result }: { result: SuggestResult }) {
  const t = useTranslate();
  const gaps = useAppState((state) => state.coverageGaps);
  const setForm = useAppState((state) => state.setSuggestForm);
  const { polePicks, inGaps } = polePicksInGaps(result.picks, gaps);
  if (polePicks === 0 || inGaps > 0) return null;
  return (
    <div className="suggest-notice" role="note" data-testid="suggest-poles-outside-gaps">
      <p>{t('suggest.polesOutsideGaps', { count: polePicks })}</p>
      <button
        type="button"
        className="suggest-link"
        onClick={() => setForm({ usePoles: false, usePolygonGrid: true })}
      >
        {t('suggest.useAreaGrid')}
      </button>
    </div>
  );
}
