import './indicators.css';
import type { MessageKey } from '../../domain/i18n/translate';
import {
  comparisonSign,
  PLAN_INDICATORS,
  progressToward2025,
  SCENARIO_BENCHMARKS,
} from '../../domain/plan/indicators';
import { formatCount, formatPercent } from '../report/format';
import { useAppState, useTranslate } from '../store-context';

const PILLAR_KEYS: Record<string, MessageKey> = {
  connectivity: 'pillar.connectivity',
  computing: 'pillar.computing',
  sensing: 'pillar.sensing',
  hub: 'pillar.hub',
  innovation: 'pillar.innovation',
};

/** A small inline bar: how far a value stands toward its target (0–1), with the target at the right end. */
export function ProgressBar({
  fraction,
  label,
  tone = 'plan',
}: {
  fraction: number;
  label: string;
  tone?: 'plan' | 'map';
}) {
  const width = 80;
  const clamped = Math.max(0, Math.min(1, fraction));
  return (
    <svg
      className="progress-bar"
      width={width}
      height={10}
      viewBox={`0 0 ${width} 10`}
      role="img"
      aria-label={label}
    >
      <rect x={0} y={2} width={width} height={6} rx={3} fill="#e9ecef" />
      <rect
        x={0}
        y={2}
        width={width * clamped}
        height={6}
        rx={3}
        fill={tone === 'map' ? '#1c7ed6' : '#5b6776'}
      />
      <line x1={width - 1} x2={width - 1} y1={0} y2={10} stroke="#1f2933" strokeWidth={1.5} />
    </svg>
  );
}

/** The plan's 12 indicators with 2020, 2025 target and a progress bar; the map's own figures beside two. */
export function IndicatorTable({ compact = false }: { compact?: boolean }) {
  const t = useTranslate();
  const language = useAppState((state) => state.language);
  const stats = useAppState((state) => state.coverageStats);
  const number = (value: number) =>
    value.toLocaleString(language === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: 2 });
  const sitesFraction = stats ? stats.sites.baseStations / SCENARIO_BENCHMARKS.fiveGSites.target : 0;
  const coverageFraction = stats ? stats.coveredFraction / SCENARIO_BENCHMARKS.coverageFraction.target : 0;
  const rateFraction = (stats?.meanRateMbps ?? 0) / SCENARIO_BENCHMARKS.fiveGRateMbps.target2025;
  return (
    <div className={compact ? 'indicators indicators--compact' : 'indicators'}>
      <table className="indicators__table" data-testid="indicator-table">
        <thead>
          <tr>
            <th scope="col">{t('indicators.number')}</th>
            {!compact && <th scope="col">{t('indicators.pillar')}</th>}
            <th scope="col">{t('indicators.name')}</th>
            <th scope="col">{t('indicators.value2020')}</th>
            <th scope="col">{t('indicators.target2025')}</th>
            <th scope="col">{t('indicators.progress')}</th>
          </tr>
        </thead>
        <tbody>
          {PLAN_INDICATORS.map((indicator) => {
            const unit = language === 'en' ? indicator.unitEn : indicator.unitZh;
            const progress = progressToward2025(indicator);
            return (
              <tr key={indicator.id} data-indicator={indicator.id}>
                <td>{indicator.number}</td>
                {!compact && <td>{t(PILLAR_KEYS[indicator.pillar]!)}</td>}
                <td>
                  {language === 'en' ? indicator.nameEn : indicator.nameZh}
                  {unit && <span className="indicators__unit"> ({unit})</span>}
                </td>
                <td className="indicators__number">
                  {indicator.approximate2020 ? t('indicators.approximate') : ''}
                  {number(indicator.value2020)}
                </td>
                <td className="indicators__number">
                  {comparisonSign(indicator.comparison)}
                  {number(indicator.target2025)}
                </td>
                <td>
                  <ProgressBar
                    fraction={progress}
                    label={t('indicators.progressLabel', { percent: Math.round(progress * 100) })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <table className="indicators__table indicators__scenario" data-testid="indicator-scenario">
        <caption>{t('indicators.scenario')}</caption>
        <tbody>
          <tr data-indicator="scenarioSites">
            <td>{t('indicators.scenarioSites')}</td>
            <td className="indicators__number indicators__map">
              {stats ? formatCount(language, stats.sites.baseStations) : '…'}
            </td>
            <td className="indicators__number">
              &gt;{formatCount(language, SCENARIO_BENCHMARKS.fiveGSites.target)}
            </td>
            <td>
              <ProgressBar
                fraction={sitesFraction}
                tone="map"
                label={formatPercent(language, sitesFraction)}
              />
            </td>
          </tr>
          <tr data-indicator="scenarioCoverage">
            <td>{t('indicators.scenarioCoverage')}</td>
            <td className="indicators__number indicators__map">
              {stats ? formatPercent(language, stats.coveredFraction) : '…'}
            </td>
            <td className="indicators__number">&gt;90%</td>
            <td>
              <ProgressBar
                fraction={coverageFraction}
                tone="map"
                label={formatPercent(language, coverageFraction)}
              />
            </td>
          </tr>
          <tr data-indicator="scenarioRate">
            <td>
              {t('indicators.scenarioRate')}{' '}
              <span className="badge badge--estimate">{t('badge.estimate')}</span>
            </td>
            <td className="indicators__number indicators__map" data-testid="indicator-map-rate">
              {stats?.meanRateMbps !== undefined
                ? number(Math.round(stats.meanRateMbps))
                : stats
                  ? t('indicators.scenarioRateOff')
                  : '…'}
            </td>
            <td className="indicators__number">{number(SCENARIO_BENCHMARKS.fiveGRateMbps.target2025)}</td>
            <td>
              {stats?.meanRateMbps !== undefined && (
                <ProgressBar
                  fraction={rateFraction}
                  tone="map"
                  label={formatPercent(language, rateFraction)}
                />
              )}
            </td>
          </tr>
        </tbody>
      </table>
      <p className="indicators__source indicators__source--plan">{t('indicators.fromPlan')}</p>
      <p className="indicators__source indicators__source--map">{t('indicators.fromMap')}</p>
      {!compact && <p className="indicators__source">{t('indicators.planSites')}</p>}
    </div>
  );
}

/** The 指标 / Indicators side-panel tab. */
export function IndicatorPanel() {
  const t = useTranslate();
  return (
    <div className="indicator-panel">
      <h2 className="indicators__title">{t('indicators.title')}</h2>
      <IndicatorTable />
    </div>
  );
}
