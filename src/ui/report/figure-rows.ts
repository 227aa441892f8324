/**
 * The figures table of an area report as label/value rows. The side panel and the printable report both
 * render these rows, so the report's numbers are the panel's numbers, character for character.
 */
import type { Language, MessageKey } from '../../domain/i18n/translate';
import { translate } from '../../domain/i18n/translate';
import { SCENARIO_BENCHMARKS } from '../../domain/plan/indicators';
import { compareLandArea, landAreaNote } from '../../domain/plan/land-area';
import type { AreaReport } from '../../domain/report/area-report';
import { formatCount, formatDecimal, formatKm2, formatPercent } from './format';

export interface FigureRow {
  /** Stable id for tests (data-figure). */
  id: string;
  label: string;
  value: string;
}

const KIND_KEYS: Record<string, MessageKey> = {
  macro: 'value.macro',
  micro: 'value.micro',
  indoor: 'value.indoor',
};
const TIER_KEYS: Record<string, MessageKey> = {
  hub_cluster: 'value.hubCluster',
  city_agglomeration: 'value.agglomeration',
  other: 'value.otherDatacentre',
};

function breakdown(
  language: Language,
  counts: Record<string, number>,
  labelOf: (key: string) => string,
): string {
  const entries = Object.entries(counts).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return '—';
  return entries.map(([key, count]) => `${labelOf(key)} ${formatCount(language, count)}`).join(' · ');
}

/** Coverage rows (empty while the engine computes). */
export function coverageRows(language: Language, report: AreaReport): FigureRow[] {
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values);
  if (!report.coverage) return [];
  const { coverage } = report;
  const km2 = t('unit.km2');
  return [
    {
      id: 'coverageFraction',
      label: t('district.coverageFraction'),
      value: formatPercent(language, coverage.coveredFraction),
    },
    {
      id: 'coveredKm2',
      label: t('district.coveredArea'),
      value: `${formatKm2(language, coverage.coveredKm2)} ${km2}`,
    },
    {
      id: 'landKm2',
      label: t('district.landArea'),
      value: `${formatKm2(language, coverage.landKm2)} ${km2}`,
    },
    ...officialAreaRows(language, report),
    { id: 'target', label: t('district.target'), value: t('district.targetValue') },
    ...radioRows(language, report),
  ];
}

/** With SINR on: the SINR-good share and the mean rate (an estimate) against the plan's speed targets. */
function radioRows(language: Language, report: AreaReport): FigureRow[] {
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values);
  const coverage = report.coverage;
  if (coverage?.sinrGoodFraction === undefined || coverage.meanRateMbps === undefined) return [];
  const rate = SCENARIO_BENCHMARKS.fiveGRateMbps;
  return [
    {
      id: 'sinrGoodFraction',
      label: t('district.sinrGood'),
      value: formatPercent(language, coverage.sinrGoodFraction),
    },
    {
      id: 'meanRateMbps',
      label: t('district.meanRate'),
      value: `${formatDecimal(language, coverage.meanRateMbps, 0)} Mbps`,
    },
    {
      id: 'rateTarget',
      label: t('district.rateTarget'),
      value:
        report.area.kind === 'key_area'
          ? t('district.rateTargetKeyArea', { target: formatCount(language, rate.keyAreas2023) })
          : t('district.rateTargetValue', {
              value2020: formatDecimal(language, rate.value2020, 2),
              target: formatCount(language, rate.target2025),
            }),
    },
  ];
}

/** The official area beside the land the figures use, and the reason where they differ by more than 5 %. */
function officialAreaRows(language: Language, report: AreaReport): FigureRow[] {
  const { coverage } = report;
  if (!coverage || coverage.officialKm2 === undefined) return [];
  const adcode = report.area.target.kind === 'district' ? report.area.target.adcode : undefined;
  const comparison = compareLandArea(coverage.landKm2, coverage.officialKm2, adcode);
  const rows: FigureRow[] = [
    {
      id: 'officialKm2',
      label: translate(language, 'landArea.official'),
      value: `${formatKm2(language, coverage.officialKm2)} ${translate(language, 'unit.km2')}`,
    },
  ];
  const note = landAreaNote(language, comparison);
  if (note) rows.push({ id: 'landNote', label: translate(language, 'landArea.noteLabel'), value: note });
  return rows;
}

/** Site, pole and data-centre rows. */
export function siteRows(language: Language, report: AreaReport): FigureRow[] {
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values);
  const dataCentres =
    report.dataCentres.length === 0
      ? t('district.none')
      : report.dataCentres
          .map(
            (row) =>
              `${language === 'en' ? row.nameEn : row.name}（${t(TIER_KEYS[row.tier] ?? 'value.otherDatacentre')}）`,
          )
          .join('；');
  return [
    {
      id: 'sitesTotal',
      label: t('district.sitesTotal'),
      value: formatCount(language, report.sites.baseStations),
    },
    {
      id: 'sitesByKind',
      label: t('district.sitesByKind'),
      value: breakdown(language, report.sites.byKind, (kind) =>
        KIND_KEYS[kind] ? t(KIND_KEYS[kind]) : kind,
      ),
    },
    {
      id: 'sitesByBand',
      label: t('district.sitesByBand'),
      value: breakdown(language, report.sites.byBand, (band) => band),
    },
    {
      id: 'sitesPerKm2',
      label: t('district.sitesPerKm2'),
      value: report.sitesPerKm2 === null ? '—' : formatDecimal(language, report.sitesPerKm2, 2),
    },
    { id: 'poles', label: t('district.poles'), value: formatCount(language, report.polesCount) },
    { id: 'datacentres', label: t('district.datacentres'), value: dataCentres },
    {
      id: 'weakSpots',
      label: t('district.weakSpots'),
      value: report.coverage
        ? t('district.weakSpotsSummary', {
            count: formatCount(language, report.weakSpots.length),
            area: formatKm2(language, report.weakSpotAreaKm2),
          })
        : '—',
    },
  ];
}
