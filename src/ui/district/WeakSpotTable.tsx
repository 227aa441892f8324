import type { WeakSpotRow } from '../../domain/report/area-report';
import { formatCount, formatDecimal, formatKm2, formatMetres } from '../report/format';
import { useAppState, useTranslate } from '../store-context';
import { formatLocation, formatNearby, PRIORITY_KEYS } from './weak-spot-cells';

interface WeakSpotTableProps {
  rows: readonly WeakSpotRow[];
  /** With a click handler the rows become buttons that fly to the gap. */
  onPick?: (gapId: number) => void;
  highlightedGapId?: number | null;
  /** The printed report locates each spot (coordinates, nearest road and place) instead of counting poles. */
  variant?: 'panel' | 'report';
}

/**
 * The ranked weak spots: rank, area, priority class (the score in its tooltip), and the poles near it
 * (panel) or where it is (report).
 */
export function WeakSpotTable({ rows, onPick, highlightedGapId, variant = 'panel' }: WeakSpotTableProps) {
  const report = variant === 'report';
  const t = useTranslate();
  const language = useAppState((state) => state.language);
  return (
    <table className="weak-spots" data-testid="weak-spots">
      <thead>
        <tr>
          <th scope="col">{t('district.rank')}</th>
          {report && <th scope="col">{t('district.location')}</th>}
          {report && <th scope="col">{t('district.nearby')}</th>}
          <th scope="col">{t('district.area')}</th>
          <th scope="col">{t('district.priority')}</th>
          {!report && <th scope="col">{t('district.polesNear')}</th>}
          <th scope="col">{t('district.nearestPole')}</th>
        </tr>
      </thead>
      <tbody>
        {/* The rank button in each row is the keyboard path; the row click is the pointer's larger target. */}
        {rows.map((row) => (
          <tr
            key={row.gapId}
            data-gap-id={row.gapId}
            className={[
              'weak-spots__row',
              row.gapId === highlightedGapId ? 'weak-spots__row--active' : '',
              onPick ? 'weak-spots__row--pickable' : '',
            ]
              .filter(Boolean)
              .join(' ')}
            onClick={onPick ? () => onPick(row.gapId) : undefined}
          >
            <td>
              {onPick ? (
                <button
                  type="button"
                  className="weak-spots__go"
                  aria-label={t('district.flyTo', { rank: row.rank })}
                  onClick={(event) => {
                    event.stopPropagation();
                    onPick(row.gapId);
                  }}
                >
                  {row.rank}
                </button>
              ) : (
                row.rank
              )}
            </td>
            {report && <td data-cell="location">{formatLocation(language, row.centroid)}</td>}
            {report && <td data-cell="nearby">{formatNearby(t, language, row)}</td>}
            <td>{formatKm2(language, row.areaKm2)}</td>
            <td
              data-cell="priority"
              data-priority={row.priorityLevel}
              title={t('district.priorityScoreTitle', {
                score: formatDecimal(language, row.priorityScore, 0),
              })}
            >
              <span className={`weak-spots__priority weak-spots__priority--${row.priorityLevel}`}>
                {t(PRIORITY_KEYS[row.priorityLevel])}
              </span>
            </td>
            {!report && <td>{formatCount(language, row.polesWithinRadius)}</td>}
            <td>{formatMetres(language, row.nearestPoleM)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
