/**
 * What a slide PNG says, from the app's state: the heading (chapter in story mode, else the district
 * or scenario), the key figures (coverage with its mode against the plan's target, the scenario), the
 * date in the app's language, the legend of what the map shows (coverage raster, gaps, visible layers),
 * the sources line and the 示意数据 badge whenever sample data is drawn.
 */
import type { MessageKey } from '../domain/i18n/translate';
import { translate } from '../domain/i18n/translate';
import { LAYER_CATALOGUE } from '../domain/layers/catalogue';
import { PLAN_FIGURES } from '../domain/plan/district-facts';
import { areaCoverage } from '../domain/report/area-report';
import { storyChapter } from '../domain/story/chapters';
import { ATTRIBUTIONS } from '../map/attribution';
import type { PngExportOptions, PngLegendSection } from '../map/export-png';
import { effectiveRasterStyle } from '../state/coverage-slice';
import type { DistrictChoice } from '../state/district-slice';
import type { AppState } from '../state/store';
import {
  COVERED_CSS,
  GAP_PRIORITY_CSS,
  NO_COVERAGE_CSS,
  RSRP_CLASS_CSS,
  RSRP_CLASS_LABEL_KEYS,
  RSRP_CLASS_ORDER,
  SINR_GRADE_CSS,
  SINR_GRADE_KEYS,
  UNCOVERED_CSS,
} from '../ui/coverage/colours';
import { formatDate, formatPercent } from '../ui/report/format';

export type SlideContent = Omit<PngExportOptions, 'scale'>;

function scenarioName(state: AppState): string {
  const { language } = state;
  return (
    state.session?.scenario.name ?? translate(language, 'district.reportBaseline', { year: state.sampleYear })
  );
}

function coverageLegend(state: AppState): PngLegendSection[] {
  const { language, coverageStats: stats, coverageLayers: layers } = state;
  if (!stats) return [];
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values);
  const sections: PngLegendSection[] = [];
  if (layers.raster) {
    const style = effectiveRasterStyle(
      { ...state.coverageSettings, mode: stats.mode, sinr: stats.sinr !== undefined },
      state.coverageRasterStyle,
    );
    const load = formatPercent(language, stats.sinr?.loadFraction ?? state.coverageSettings.loadFraction);
    if (style === 'class')
      sections.push({
        title: t('coverage.legend.rsrp'),
        entries: RSRP_CLASS_ORDER.map((key) => ({
          label: t(RSRP_CLASS_LABEL_KEYS[key]),
          color: RSRP_CLASS_CSS[key],
          shape: 'fill' as const,
        })),
      });
    else if (style === 'sinr')
      sections.push({
        title: t('coverage.legend.sinr', { load }),
        entries: [
          ...Object.entries(SINR_GRADE_KEYS).map(([grade, key]) => ({
            label: t(key),
            color: SINR_GRADE_CSS[grade as keyof typeof SINR_GRADE_CSS],
            shape: 'fill' as const,
          })),
          { label: t('coverage.legend.noCoverage'), color: NO_COVERAGE_CSS, shape: 'fill' },
        ],
      });
    // Covered / not covered also stands for the rate image, whose bins the panel's legend lists.
    else
      sections.push({
        title: t('coverage.layer.raster'),
        entries: [
          { label: t('coverage.legend.covered'), color: COVERED_CSS, shape: 'fill' },
          { label: t('coverage.legend.uncovered'), color: UNCOVERED_CSS, shape: 'fill' },
        ],
      });
  }
  if (layers.gaps)
    sections.push({
      title: t('coverage.layer.gaps'),
      entries: (['high', 'medium', 'low'] as const).map((level) => ({
        label: t(`coverage.legend.gap${level === 'high' ? 'High' : level === 'medium' ? 'Medium' : 'Low'}`),
        color: GAP_PRIORITY_CSS[level],
        shape: 'fill' as const,
      })),
    });
  return sections;
}

function layerLegend(state: AppState): PngLegendSection {
  const { language, visibleLayers } = state;
  return {
    title: translate(language, 'png.layers'),
    entries: LAYER_CATALOGUE.filter((layer) => visibleLayers[layer.id]).flatMap((layer) =>
      layer.legend.map((entry) => ({
        label: translate(language, entry.labelKey),
        color: entry.swatch.color,
        shape: entry.swatch.shape,
      })),
    ),
  };
}

/** Choice of the district or zone in view (the district tab's), if any. */
function areaInView(state: AppState): DistrictChoice | undefined {
  const target = state.districtTarget;
  if (!target) return undefined;
  return state.districtChoices.find((entry) => JSON.stringify(entry.target) === JSON.stringify(target));
}

/** The coverage figure of the area in view (or the city), its mode and the plan's target. */
function coverageFigure(state: AppState, area: DistrictChoice | undefined): string {
  const { language, coverageStats: stats } = state;
  if (!stats) return translate(language, 'story.computing');
  const figures = (area && areaCoverage(stats, area.target)) || stats;
  const areaName = area && figures !== stats ? (language === 'en' ? area.nameEn : area.name) : null;
  return translate(language, 'png.coverage', {
    area: areaName ?? translate(language, 'coverage.city'),
    percent: formatPercent(language, figures.coveredFraction),
    mode: translate(language, stats.mode === 'pathloss' ? 'district.mode.pathloss' : 'district.mode.radius'),
    target: formatPercent(language, PLAN_FIGURES.coverageTargetFraction2025),
  });
}

/** Whether the image shows synthetic data: sample layers, or coverage computed on the sample baseline. */
function showsSample(state: AppState): boolean {
  const sampleLayer = LAYER_CATALOGUE.some((layer) => layer.sample && state.visibleLayers[layer.id]);
  const coverageShown =
    state.coverageStats !== null && (state.coverageLayers.raster || state.coverageLayers.gaps);
  return sampleLayer || coverageShown;
}

/** The slide's heading, figures, legend, sources and badge for the state as it is now. */
export function slideContent(state: AppState, now: Date): SlideContent {
  const { language, story } = state;
  const date = formatDate(language, now.toISOString());
  const scenario = scenarioName(state);
  const area = story ? undefined : areaInView(state);
  const title = story
    ? translate(language, storyChapter(story.chapter).titleKey)
    : area
      ? language === 'en'
        ? area.nameEn
        : area.name
      : scenario;
  const figures = [coverageFigure(state, area)];
  if (title !== scenario) figures.push(translate(language, 'png.scenario', { name: scenario }));
  return {
    title,
    figures,
    subtitle: `${translate(language, 'app.title')} · ${date}`,
    legend: [...coverageLegend(state), layerLegend(state)],
    attribution: translate(language, 'png.sources', { sources: ATTRIBUTIONS.join(' · ') }),
    sample: showsSample(state)
      ? { label: translate(language, 'png.sampleLabel'), note: translate(language, 'png.sampleNote') }
      : null,
  };
}
