import { useMemo } from 'react';
import { rankGaps } from '../../domain/coverage/gap-ranking';
import type { GapKind } from '../../domain/coverage/gaps';
import { districtFacts } from '../../domain/plan/district-facts';
import { gapsOfArea } from '../../domain/report/area-gaps';
import { gapPriorityBreaks, gapPriorityLevel } from '../../state/coverage-slice';
import { useAppState, useTranslate } from '../store-context';
import { GAP_PRIORITY_CSS } from './colours';
import { formatCount, formatKm2 } from './format';

const TOP_COUNT = 8;
const PRIORITY_KEYS = {
  high: 'coverage.priority.high',
  medium: 'coverage.priority.medium',
  low: 'coverage.priority.low',
} as const;

const TEXT_KEYS = {
  coverage: {
    title: 'coverage.gaps.title',
    none: 'coverage.gaps.none',
    top: 'coverage.gaps.top',
    topDistrict: 'coverage.gaps.topDistrict',
  },
  quality: {
    title: 'coverage.qualityGaps.title',
    none: 'coverage.qualityGaps.none',
    top: 'coverage.qualityGaps.top',
    topDistrict: 'coverage.qualityGaps.topDistrict',
  },
} as const;

/**
 * Gap count and area, and the highest-priority gaps (of the picked district, if any) to fly to: weak
 * spots (no RSRP coverage) or quality gaps (covered, SINR below the threshold), ranked the same way.
 */
export function CoverageGaps({ kind }: { kind: GapKind }) {
  const t = useTranslate();
  const language = useAppState((state) => state.language);
  const stats = useAppState((state) => state.coverageStats);
  const gaps = useAppState((state) => (kind === 'quality' ? state.coverageQualityGaps : state.coverageGaps));
  const threshold = useAppState((state) => state.coverageSettings.sinrThresholdDb);
  const keys = TEXT_KEYS[kind];
  const district = useAppState((state) => state.coverageDistrict);
  const services = useAppState((state) => state.coverageServices);
  const breaks = useMemo(
    () => gapPriorityBreaks(gaps?.features.map((gap) => gap.properties.priorityScore) ?? []),
    [gaps],
  );
  if (!stats || !gaps) return null;
  const summary =
    kind === 'quality' && stats.sinr
      ? t('coverage.qualityGaps.summary', {
          count: formatCount(language, stats.sinr.qualityGaps.count),
          area: formatKm2(language, stats.sinr.qualityGaps.areaKm2),
          threshold,
        })
      : t('coverage.gaps.summary', {
          count: formatCount(language, stats.gaps.count),
          area: formatKm2(language, stats.gaps.areaKm2),
          min: formatKm2(language, stats.gaps.minAreaKm2),
        });
  const districtName = (adcode: string, fallback: string) => {
    const facts = districtFacts(adcode);
    return facts ? (language === 'en' ? facts.nameEn : facts.name) : fallback;
  };
  // The one ranking (the district view's too); in a district, each gap counts with its part there.
  const ranked = district
    ? gapsOfArea(gaps.features, { kind: 'district', adcode: district }, stats.gaps.minAreaKm2)
    : rankGaps(gaps.features).map((gap) => ({ gap, partKm2: gap.properties.areaKm2 }));
  const top = ranked.slice(0, TOP_COUNT).map(({ gap, partKm2 }) => ({ ...gap.properties, partKm2 }));
  return (
    <section className="coverage-section" aria-labelledby={`coverage-${kind}-gaps-title`}>
      <h3 id={`coverage-${kind}-gaps-title`} className="coverage-section__title">
        {t(keys.title)}
      </h3>
      <p
        className="coverage-note"
        data-testid={kind === 'quality' ? 'coverage-quality-gaps-summary' : 'coverage-gaps-summary'}
      >
        {summary}
      </p>
      <h4 className="coverage-subtitle">
        {district ? t(keys.topDistrict, { district: districtName(district, district) }) : t(keys.top)}
      </h4>
      {top.length === 0 ? (
        <p className="coverage-note">{t(keys.none)}</p>
      ) : (
        <ol className="coverage-gap-list">
          {top.map((gap) => {
            const level = gapPriorityLevel(gap.priorityScore, breaks);
            const name = districtName(gap.adcode, gap.districtName);
            return (
              <li key={gap.id}>
                <button
                  type="button"
                  className="coverage-gap"
                  onClick={() => services?.flyToGap(gap)}
                  aria-label={t('coverage.gaps.flyTo', {
                    district: name,
                    area: formatKm2(language, gap.partKm2),
                  })}
                  title={
                    gap.partKm2 < gap.areaKm2
                      ? t('coverage.gaps.crossesBorder', { total: formatKm2(language, gap.areaKm2) })
                      : undefined
                  }
                >
                  <span className="coverage-gap__name">{name}</span>
                  <span className="coverage-num">{formatKm2(language, gap.partKm2)}</span>
                  <span
                    className="coverage-pill"
                    style={{ borderColor: GAP_PRIORITY_CSS[level], color: GAP_PRIORITY_CSS[level] }}
                  >
                    {t(PRIORITY_KEYS[level])}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
