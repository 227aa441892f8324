import { baselineDeltas } from '../../domain/coverage/baseline-deltas';
import { formatDecimal, formatPercent } from '../report/format';
import { useAppState, useTranslate } from '../store-context';

/** Signed figure with a real minus sign and an explicit plus, so a gain and a loss read apart at a glance. */
function signed(text: string, value: number): string {
  if (value > 0) return `+${text}`;
  return text.replace('-', '−');
}

/**
 * The open scenario against its baseline (示意数据): covered share and the change in km² and percentage
 * points for the city, every district, the five new towns and the other plan zones. Live: it follows
 * every edit, as the coverage figures do.
 */
export function BaselineDeltaTable() {
  const t = useTranslate();
  const language = useAppState((state) => state.language);
  const current = useAppState((state) => state.coverageStats);
  const baseline = useAppState((state) => state.baselineCoverageStats);
  const sampleYear = useAppState((state) => state.sampleYear);
  if (!current || !baseline) return <p className="planner-hint">{t('planner.baselineDeltaWaiting')}</p>;
  const rows = baselineDeltas(current, baseline);
  const areaLabel = (area: string) =>
    area === 'new_town'
      ? t('planner.baselineDeltaNewTown')
      : area === 'district'
        ? ''
        : t('planner.baselineDeltaZone');
  return (
    <div className="planner-compare" data-testid="baseline-deltas">
      <h4>{t('planner.baselineDeltaTitle', { year: sampleYear })}</h4>
      <table className="planner-table">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">{t('planner.baselineDeltaBaseline')}</th>
            <th scope="col">{t('planner.baselineDeltaNow')}</th>
            <th scope="col">Δ km²</th>
            <th scope="col">{t('planner.baselineDeltaPp')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-row={row.key}>
              <th scope="row">
                {row.area === 'city' ? t('planner.compareCityCoverage') : row.name}
                {areaLabel(row.area) && <span className="planner-notes"> · {areaLabel(row.area)}</span>}
              </th>
              <td>{formatPercent(language, row.baselineFraction)}</td>
              <td>{formatPercent(language, row.currentFraction)}</td>
              <td data-cell="delta-km2">{signed(formatDecimal(language, row.deltaKm2, 2), row.deltaKm2)}</td>
              <td data-cell="delta-pp">{signed(formatDecimal(language, row.deltaPp, 2), row.deltaPp)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="planner-notes">{t('planner.baselineDeltaNote')}</p>
    </div>
  );
}
