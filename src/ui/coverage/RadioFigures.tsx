/**
 * The radio model's figures in the coverage panel: each area's SINR-good share and mean user rate beside
 * the plan's speed targets (indicator 3), and the covered land per SINR grade. Every figure is a model
 * estimate under the load setting, and says so (docs/radio.md).
 */
import type { AreaFigures, CoverageStats } from '../../domain/coverage/report';
import { SCENARIO_BENCHMARKS } from '../../domain/plan/indicators';
import { SINR_GRADE_EDGES_DB } from '../../domain/propagation/throughput';
import { useAppState, useTranslate } from '../store-context';
import { SINR_GRADE_CSS, SINR_GRADE_KEYS } from './colours';
import { formatKm2, formatPercent } from './format';

const RATE = SCENARIO_BENCHMARKS.fiveGRateMbps;

/** Mbit/s with no decimals (the model is not that precise), grouped by locale. */
export const formatRate = (language: string, rateMbps: number): string =>
  rateMbps.toLocaleString(language === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: 0 });

/** SINR-good share and mean rate of one area against the plan (nothing while SINR is off). */
export function RateRows({ figures, testId }: { figures: AreaFigures; testId: string }) {
  const t = useTranslate();
  const language = useAppState((state) => state.language);
  const settings = useAppState((state) => state.coverageSettings);
  if (figures.sinrGoodFraction === undefined || figures.meanRateMbps === undefined) return null;
  const rate = figures.meanRateMbps;
  return (
    <div className="coverage-card__rows coverage-card__radio">
      <span>{t('coverage.radio.sinrGood', { threshold: settings.sinrThresholdDb })}</span>
      <span data-testid={`${testId}-sinr-good`}>{formatPercent(language, figures.sinrGoodFraction)}</span>
      <span>{t('coverage.radio.meanRate')}</span>
      <span
        data-testid={`${testId}-rate`}
        className={rate >= RATE.target2025 ? 'coverage-met' : 'coverage-short'}
      >
        {formatRate(language, rate)} Mbps
      </span>
      <span className="coverage-card__plan">
        {t('coverage.radio.planRate', {
          value2020: RATE.value2020,
          target: RATE.target2025,
          keyArea: RATE.keyAreas2023,
        })}
      </span>
    </div>
  );
}

/** Covered land per SINR grade, with the estimate's settings; or how to switch SINR on. */
export function SinrBreakdown({ stats }: { stats: CoverageStats }) {
  const t = useTranslate();
  const language = useAppState((state) => state.language);
  if (stats.mode !== 'pathloss') return null;
  const sinr = stats.sinr;
  if (!sinr) {
    return (
      <p className="coverage-note" data-testid="coverage-radio-off">
        {t('coverage.radio.off')}
      </p>
    );
  }
  return (
    <section className="coverage-section" aria-labelledby="coverage-radio-title" data-testid="coverage-radio">
      <h3 id="coverage-radio-title" className="coverage-section__title">
        {t('coverage.radio.title')} <span className="badge badge--estimate">{t('badge.estimate')}</span>
      </h3>
      <p className="coverage-note">
        {t('coverage.radio.note', {
          load: formatPercent(language, sinr.loadFraction, 0),
          noise: sinr.noiseFigureDb,
        })}
      </p>
      <h4 className="coverage-subtitle">{t('coverage.radio.grades')}</h4>
      <table className="coverage-table">
        <tbody>
          {SINR_GRADE_EDGES_DB.map(({ grade }) => (
            <tr key={grade} data-grade={grade}>
              <td>
                <span className="coverage-swatch" style={{ background: SINR_GRADE_CSS[grade] }} />
                {t(SINR_GRADE_KEYS[grade])}
              </td>
              <td className="coverage-num">{formatKm2(language, sinr.gradesKm2[grade])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
