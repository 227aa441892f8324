import type { WeakSpotRow } from '../../domain/report/area-report';
import { formatCount, formatDecimal, formatKm2, formatMetres } from '../report/format';
import { useAppState, useTranslate } from '../store-context';

interface WeakSpotTableProps {
  rows: readonly WeakSpotRow[];
  /** With a click handler the rows become buttons that fly to the gap. */
  onPick?: (gapId: number) => void;
  highlightedGapId?: number | null;
}

/** The ranked weak spots: rank, area, priority, poles within 300 m and the nearest pole. */
export function WeakSpotTable({ rows, onPick, highlightedGapId }: WeakSpotTableProps) {
  const t = useTranslate();
  const language = useAppState((state) => state.language);
  return (
    <table className="weak-spots" data-testid="weak-spots">
      <thead>
        <tr>
          <th scope="col">{t('district.rank')}</th>
          <th scope="col">{t('district.area')}</th>
          <th scope="col">{t('district.priority')}</th>
          <th scope="col">{t('district.polesNear')}</th>
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
            <td>{formatKm2(language, row.areaKm2)}</td>
            <td>{formatDecimal(language, row.priorityScore, 0)}</td>
            <td>{formatCount(language, row.polesWithinRadius)}</td>
            <td>{formatMetres(language, row.nearestPoleM)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
