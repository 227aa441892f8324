import { SINR_GRADE_EDGES_DB } from '../../domain/propagation/throughput';
import { effectiveRasterStyle } from '../../state/coverage-slice';
import { useAppState, useTranslate } from '../store-context';
import {
  COVERED_CSS,
  FOOTPRINT_CSS,
  GAP_PRIORITY_CSS,
  NO_COVERAGE_CSS,
  QUALITY_GAP_CSS,
  RATE_BINS,
  RSRP_CLASS_CSS,
  RSRP_CLASS_LABEL_KEYS,
  RSRP_CLASS_ORDER,
  SINR_GRADE_CSS,
  SINR_GRADE_KEYS,
  UNCOVERED_CSS,
} from './colours';
import { formatPercent } from './format';
import './coverage.css';

interface RowProps {
  colour: string;
  label: string;
  outline?: 'solid' | 'dashed';
  testId?: string;
}

function Row({ colour, label, outline, testId }: RowProps) {
  return (
    <li className="coverage-legend__row" data-testid={testId}>
      <span
        className="coverage-swatch"
        style={
          outline
            ? { background: `${colour}40`, border: `1.5px ${outline} ${colour}` }
            : { background: colour, opacity: 0.85 }
        }
      />
      {label}
    </li>
  );
}

/** The coverage legend over the map: the raster's classes for the mode shown, gaps, footprint. */
export function CoverageLegend() {
  const t = useTranslate();
  const stats = useAppState((state) => state.coverageStats);
  const layers = useAppState((state) => state.coverageLayers);
  const chosen = useAppState((state) => state.coverageRasterStyle);
  const footprint = useAppState((state) => state.coverageFootprint);
  const settings = useAppState((state) => state.coverageSettings);
  const language = useAppState((state) => state.language);
  const sampleYear = useAppState((state) => state.sampleYear);
  if (!stats || !(layers.raster || layers.gaps)) return null;
  // What the map shows: the figures' mode, and SINR/rate only once the figures carry SINR.
  const style = effectiveRasterStyle(
    { ...settings, mode: stats.mode, sinr: stats.sinr !== undefined },
    chosen,
  );
  const load = formatPercent(language, stats.sinr?.loadFraction ?? settings.loadFraction, 0);
  return (
    <aside className="coverage-legend" aria-label={t('coverage.legend.title')} data-testid="coverage-legend">
      {layers.raster && style === 'class' && (
        <>
          <h4>{t('coverage.legend.rsrp')}</h4>
          <ul>
            {RSRP_CLASS_ORDER.map((key) => (
              <Row key={key} colour={RSRP_CLASS_CSS[key]} label={t(RSRP_CLASS_LABEL_KEYS[key])} />
            ))}
          </ul>
        </>
      )}
      {layers.raster && style === 'covered' && (
        <>
          <h4>{t('coverage.layer.raster')}</h4>
          <ul>
            <Row colour={COVERED_CSS} label={t('coverage.legend.covered')} />
            <Row colour={UNCOVERED_CSS} label={t('coverage.legend.uncovered')} />
          </ul>
        </>
      )}
      {layers.raster && style === 'sinr' && (
        <>
          <h4 data-testid="coverage-legend-sinr">{t('coverage.legend.sinr', { load })}</h4>
          <ul>
            {SINR_GRADE_EDGES_DB.map(({ grade }) => (
              <Row key={grade} colour={SINR_GRADE_CSS[grade]} label={t(SINR_GRADE_KEYS[grade])} />
            ))}
            <Row colour={NO_COVERAGE_CSS} label={t('coverage.legend.noCoverage')} />
          </ul>
        </>
      )}
      {layers.raster && style === 'rate' && (
        <>
          <h4 data-testid="coverage-legend-rate">{t('coverage.legend.rate', { load })}</h4>
          <ul>
            {[...RATE_BINS].reverse().map((bin) => (
              <Row
                key={bin.colour}
                colour={bin.colour}
                label={
                  bin.fromMbps === undefined
                    ? t('coverage.rate.below', { to: bin.toMbps! })
                    : bin.toMbps === undefined
                      ? t('coverage.rate.above', { from: bin.fromMbps })
                      : t('coverage.rate.between', { from: bin.fromMbps, to: bin.toMbps })
                }
              />
            ))}
            <Row colour={NO_COVERAGE_CSS} label={t('coverage.legend.noCoverage')} />
          </ul>
        </>
      )}
      {layers.gaps && (
        <>
          <h4>{t('coverage.layer.gaps')}</h4>
          <ul>
            <Row colour={GAP_PRIORITY_CSS.high} label={t('coverage.legend.gapHigh')} outline="solid" />
            <Row colour={GAP_PRIORITY_CSS.medium} label={t('coverage.legend.gapMedium')} outline="solid" />
            <Row colour={GAP_PRIORITY_CSS.low} label={t('coverage.legend.gapLow')} outline="solid" />
            {stats.sinr && (
              <Row
                colour={QUALITY_GAP_CSS}
                label={t('coverage.legend.qualityGap')}
                outline="dashed"
                testId="coverage-legend-quality-gap"
              />
            )}
          </ul>
        </>
      )}
      {layers.footprint && footprint && (
        <ul>
          <Row colour={FOOTPRINT_CSS} label={t('coverage.legend.footprint')} outline="solid" />
        </ul>
      )}
      <p className="coverage-legend__note">{t('coverage.sampleNote', { year: sampleYear })}</p>
    </aside>
  );
}
