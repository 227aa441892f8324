import { useAppState, useTranslate } from '../store-context';
import {
  COVERED_CSS,
  FOOTPRINT_CSS,
  GAP_PRIORITY_CSS,
  RSRP_CLASS_CSS,
  RSRP_CLASS_ORDER,
  UNCOVERED_CSS,
} from './colours';
import './coverage.css';

const RSRP_LABEL_KEYS = {
  excellent: 'coverage.rsrp.excellent',
  good: 'coverage.rsrp.good',
  fair: 'coverage.rsrp.fair',
  poor: 'coverage.rsrp.poor',
  very_poor: 'coverage.rsrp.veryPoor',
} as const;

function Row({ colour, label, outline }: { colour: string; label: string; outline?: boolean }) {
  return (
    <li className="coverage-legend__row">
      <span
        className="coverage-swatch"
        style={
          outline
            ? { background: `${colour}40`, border: `1.5px solid ${colour}` }
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
  if (!stats || !(layers.raster || layers.gaps)) return null;
  const style = stats.mode === 'pathloss' ? chosen : 'covered';
  return (
    <aside className="coverage-legend" aria-label={t('coverage.legend.title')} data-testid="coverage-legend">
      {layers.raster && style === 'class' && (
        <>
          <h4>{t('coverage.legend.rsrp')}</h4>
          <ul>
            {RSRP_CLASS_ORDER.map((key) => (
              <Row key={key} colour={RSRP_CLASS_CSS[key]} label={t(RSRP_LABEL_KEYS[key])} />
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
      {layers.gaps && (
        <>
          <h4>{t('coverage.layer.gaps')}</h4>
          <ul>
            <Row colour={GAP_PRIORITY_CSS.high} label={t('coverage.legend.gapHigh')} outline />
            <Row colour={GAP_PRIORITY_CSS.medium} label={t('coverage.legend.gapMedium')} outline />
            <Row colour={GAP_PRIORITY_CSS.low} label={t('coverage.legend.gapLow')} outline />
          </ul>
        </>
      )}
      {layers.footprint && footprint && (
        <ul>
          <Row colour={FOOTPRINT_CSS} label={t('coverage.legend.footprint')} outline />
        </ul>
      )}
      <p className="coverage-legend__note">{t('coverage.sampleNote')}</p>
    </aside>
  );
}
