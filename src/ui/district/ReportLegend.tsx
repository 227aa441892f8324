import { effectiveRasterStyle } from '../../state/coverage-slice';
import type { DistrictReportMap } from '../../state/district-slice';
import {
  COVERED_CSS,
  GAP_PRIORITY_CSS,
  RSRP_CLASS_CSS,
  RSRP_CLASS_LABEL_KEYS,
  RSRP_CLASS_ORDER,
  UNCOVERED_CSS,
} from '../coverage/colours';
import { formatCount } from '../report/format';
import { useAppState, useTranslate } from '../store-context';

function Swatch({ colour, kind }: { colour: string; kind: 'fill' | 'line' | 'marker' }) {
  if (kind === 'marker') return <span className="report-legend__marker">1</span>;
  return (
    <span
      className="report-legend__swatch"
      style={kind === 'line' ? { borderTop: `2px solid ${colour}` } : { background: colour }}
    />
  );
}

/** The report map's legend, scale and numbering note: what an official needs to read the printed map. */
export function ReportLegend({ map }: { map: DistrictReportMap | null }) {
  const t = useTranslate();
  const language = useAppState((state) => state.language);
  const stats = useAppState((state) => state.coverageStats);
  const settings = useAppState((state) => state.coverageSettings);
  const chosen = useAppState((state) => state.coverageRasterStyle);
  const style = stats
    ? effectiveRasterStyle({ ...settings, mode: stats.mode, sinr: stats.sinr !== undefined }, chosen)
    : 'covered';
  const raster =
    style === 'class'
      ? RSRP_CLASS_ORDER.map((key) => ({ colour: RSRP_CLASS_CSS[key], label: t(RSRP_CLASS_LABEL_KEYS[key]) }))
      : [
          { colour: COVERED_CSS, label: t('coverage.legend.covered') },
          { colour: UNCOVERED_CSS, label: t('coverage.legend.uncovered') },
        ];
  const lengthM = map?.scaleBarM ?? 0;
  const length =
    lengthM >= 1000 ? `${formatCount(language, lengthM / 1000)} km` : `${formatCount(language, lengthM)} m`;
  return (
    <div className="report-legend" data-testid="report-legend">
      <h3>{t('district.reportLegend')}</h3>
      <ul>
        {raster.map((row) => (
          <li key={row.label}>
            <Swatch colour={row.colour} kind="fill" />
            {row.label}
          </li>
        ))}
        {(['high', 'medium', 'low'] as const).map((level) => (
          <li key={level}>
            <Swatch colour={GAP_PRIORITY_CSS[level]} kind="fill" />
            {t(`coverage.legend.gap${level === 'high' ? 'High' : level === 'medium' ? 'Medium' : 'Low'}`)}
          </li>
        ))}
        <li>
          <Swatch colour="#0b3d91" kind="line" />
          {t('district.legendDistrict')}
        </li>
        <li>
          <Swatch colour="#c92a2a" kind="marker" />
          {t('district.legendMarker')}
        </li>
      </ul>
      {map && (
        <p data-testid="report-scale" data-scale-m={lengthM}>
          {t('district.reportScale', { length })}
          {map.drawnRanks.length > 0 && (
            <> {t('district.reportMapNote', { drawn: map.drawnRanks.join('、') })}</>
          )}
        </p>
      )}
    </div>
  );
}
