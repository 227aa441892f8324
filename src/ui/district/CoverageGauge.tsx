import type { AreaReport } from '../../domain/report/area-report';
import { formatPercent } from '../report/format';
import { useAppState, useTranslate } from '../store-context';

/** The area's coverage as a big figure and a bar with the plan's 90% mark, or the computing state. */
export function CoverageGauge({ report }: { report: AreaReport | null }) {
  const t = useTranslate();
  const language = useAppState((state) => state.language);
  const status = useAppState((state) => state.coverageStatus);
  const progress = useAppState((state) => state.coverageProgress);
  if (!report?.coverage) {
    return (
      <p className="district-computing" role="status" data-testid="district-computing">
        <span className="district-computing__spinner" aria-hidden="true" />
        {status === 'computing' && progress > 0
          ? t('district.computingProgress', { percent: Math.round(progress * 100) })
          : t('district.computing')}
      </p>
    );
  }
  const fraction = report.coverage.coveredFraction;
  const meets = fraction > report.targetFraction;
  const points = ((report.targetFraction - fraction) * 100).toFixed(1);
  return (
    <div className="coverage-gauge" data-testid="coverage-gauge">
      <div className="coverage-gauge__head">
        <span className="coverage-gauge__label">{t('district.coverage')}</span>
        <strong className="coverage-gauge__value" data-testid="coverage-percent">
          {formatPercent(language, fraction)}
        </strong>
      </div>
      <div className="coverage-gauge__bar" aria-hidden="true">
        <div
          className={meets ? 'coverage-gauge__fill coverage-gauge__fill--ok' : 'coverage-gauge__fill'}
          style={{ width: `${fraction * 100}%` }}
        />
        <div className="coverage-gauge__target" style={{ left: `${report.targetFraction * 100}%` }} />
      </div>
      <p
        className={meets ? 'coverage-gauge__verdict coverage-gauge__verdict--ok' : 'coverage-gauge__verdict'}
      >
        {meets ? t('district.meetsTarget') : t('district.belowTarget', { points })}
      </p>
    </div>
  );
}
