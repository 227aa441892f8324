import type { AreaFigures, CoverageStats } from '../../domain/coverage/report';
import { PLAN_FIGURES } from '../../domain/plan/district-facts';
import { BANDS, SITE_KINDS } from '../../domain/types';
import { useAppState, useTranslate } from '../store-context';
import { RSRP_CLASS_CSS, RSRP_CLASS_LABEL_KEYS, RSRP_CLASS_ORDER } from './colours';
import { formatCount, formatKm2, formatPercent, formatSigned } from './format';
import { OfficialArea } from './OfficialArea';
import { RateRows } from './RadioFigures';

const TARGET = PLAN_FIGURES.coverageTargetFraction2025;

/** Covered share of land against the plan's 90 % target, with the change against the baseline. */
export function AreaCard({
  title,
  figures,
  baseline,
  testId,
  adcode,
}: {
  title: string;
  figures: AreaFigures & { officialKm2?: number | undefined };
  baseline: AreaFigures | undefined;
  testId: string;
  /** The district shown (undefined: the city), for the note on its official area. */
  adcode?: string;
}) {
  const t = useTranslate();
  const language = useAppState((state) => state.language);
  const shortPoints = (TARGET - figures.coveredFraction) * 100;
  const deltaPoints = baseline ? (figures.coveredFraction - baseline.coveredFraction) * 100 : 0;
  const deltaKm2 = baseline ? figures.coveredKm2 - baseline.coveredKm2 : 0;
  const unchanged = Math.abs(deltaKm2) < 0.0005;
  return (
    <section className="coverage-card" data-testid={testId} aria-label={title}>
      <div className="coverage-card__head">
        <h3 className="coverage-card__title">{title}</h3>
        <span className="coverage-card__land">{formatKm2(language, figures.landKm2)}</span>
      </div>
      <div className="coverage-card__figure">
        <span className="coverage-card__percent" data-testid={`${testId}-fraction`}>
          {formatPercent(language, figures.coveredFraction)}
        </span>
        <span className="coverage-card__sub">
          {t('coverage.coveredOfLand', {
            covered: formatKm2(language, figures.coveredKm2),
            land: formatKm2(language, figures.landKm2),
          })}
        </span>
      </div>
      <OfficialArea
        landKm2={figures.landKm2}
        officialKm2={figures.officialKm2}
        adcode={adcode}
        testId={`${testId}-official`}
      />
      <div className="coverage-meter" aria-hidden="true">
        <div className="coverage-meter__fill" style={{ width: `${figures.coveredFraction * 100}%` }} />
        <div className="coverage-meter__target" style={{ left: `${TARGET * 100}%` }} />
      </div>
      <div className="coverage-card__rows">
        <span>{t('coverage.target', { target: formatPercent(language, TARGET, 0) })}</span>
        <span className={shortPoints > 0 ? 'coverage-short' : 'coverage-met'}>
          {shortPoints > 0
            ? t('coverage.targetShort', { points: formatSigned(language, shortPoints).replace('+', '') })
            : t('coverage.targetMet')}
        </span>
        {baseline && (
          <>
            <span>{t('coverage.vsBaseline')}</span>
            <span data-testid={`${testId}-delta`} className={deltaKm2 > 0 ? 'coverage-up' : ''}>
              {unchanged
                ? t('coverage.noChange')
                : `${t('coverage.points', { value: formatSigned(language, deltaPoints, 2) })} · ${formatSigned(language, deltaKm2, 2)} km²`}
            </span>
          </>
        )}
      </div>
      <RateRows figures={figures} testId={testId} />
    </section>
  );
}

/** Land area per RSRP class (path-loss mode) as a stacked bar and a table. */
export function RsrpBreakdown({ stats }: { stats: CoverageStats }) {
  const t = useTranslate();
  const language = useAppState((state) => state.language);
  const classes = stats.rsrpClassesKm2;
  if (!classes) return null;
  const total = RSRP_CLASS_ORDER.reduce((sum, key) => sum + classes[key], 0);
  return (
    <section className="coverage-section" aria-labelledby="coverage-rsrp-title">
      <h3 id="coverage-rsrp-title" className="coverage-section__title">
        {t('coverage.rsrp.title')}
      </h3>
      <div className="coverage-stack" aria-hidden="true">
        {RSRP_CLASS_ORDER.map((key) => (
          <span
            key={key}
            style={{
              width: `${total > 0 ? (classes[key] / total) * 100 : 0}%`,
              background: RSRP_CLASS_CSS[key],
            }}
          />
        ))}
      </div>
      <table className="coverage-table">
        <tbody>
          {RSRP_CLASS_ORDER.map((key) => (
            <tr key={key}>
              <td>
                <span className="coverage-swatch" style={{ background: RSRP_CLASS_CSS[key] }} />
                {t(RSRP_CLASS_LABEL_KEYS[key])}
              </td>
              <td className="coverage-num">{formatKm2(language, classes[key])}</td>
              <td className="coverage-num">
                {formatPercent(language, total > 0 ? classes[key] / total : 0)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Sites the engine counted, by kind and by band. */
export function SitesTable({ stats }: { stats: CoverageStats }) {
  const t = useTranslate();
  const language = useAppState((state) => state.language);
  const kindKey = {
    macro: 'coverage.kind.macro',
    micro: 'coverage.kind.micro',
    indoor: 'coverage.kind.indoor',
  } as const;
  return (
    <section className="coverage-section" aria-labelledby="coverage-sites-title">
      <h3 id="coverage-sites-title" className="coverage-section__title">
        {t('coverage.sites.title')}
        <span className="coverage-section__aside">
          {t('coverage.sites.total', {
            baseStations: formatCount(language, stats.sites.baseStations),
            sectors: formatCount(language, stats.sites.total),
          })}
        </span>
      </h3>
      <div className="coverage-chips">
        {SITE_KINDS.map((kind) => (
          <span key={kind} className="coverage-chip">
            {t(kindKey[kind])} <b>{formatCount(language, stats.sites.byKind[kind] ?? 0)}</b>
          </span>
        ))}
      </div>
      <div className="coverage-chips">
        {BANDS.filter((band) => (stats.sites.byBand[band] ?? 0) > 0).map((band) => (
          <span key={band} className="coverage-chip coverage-chip--band">
            {band} <b>{formatCount(language, stats.sites.byBand[band] ?? 0)}</b>
          </span>
        ))}
      </div>
    </section>
  );
}
