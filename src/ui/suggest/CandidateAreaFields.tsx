import { useMemo } from 'react';
import {
  checkGridSpacing,
  type GridPreview,
  previewGridCandidates,
} from '../../domain/suggest/candidate-sources';
import { useAppState, useTranslate } from '../store-context';

const SPACING_MESSAGES = {
  empty: 'suggest.gridSpacing.empty',
  notNumber: 'suggest.gridSpacing.notNumber',
  tooSmall: 'suggest.gridSpacing.tooSmall',
  tooLarge: 'suggest.gridSpacing.tooLarge',
} as const;
const REFUSAL_MESSAGES = {
  tooFewCorners: 'suggest.drawRefused.tooFewCorners',
  crossesItself: 'suggest.drawRefused.crossesItself',
} as const;

/** The number an area is shown with (its id is A<number>, kept when others are deleted). */
export const areaNumberOf = (id: string): number => Number(id.slice(1));

/**
 * Candidate positions on a grid inside areas the planner draws on the map: the switch, the grid
 * spacing (checked as typed), draw / cancel with the how-to hint, and each area with its point count.
 */
export function CandidateAreaFields() {
  const t = useTranslate();
  const usePolygonGrid = useAppState((state) => state.suggestForm.usePolygonGrid);
  const spacingText = useAppState((state) => state.suggestForm.gridSpacingText);
  const setForm = useAppState((state) => state.setSuggestForm);
  const areas = useAppState((state) => state.suggestAreas);
  const drawing = useAppState((state) => state.suggestDrawing);
  const refusal = useAppState((state) => state.suggestDrawRefusal);
  const setDrawing = useAppState((state) => state.setSuggestDrawing);
  const removeArea = useAppState((state) => state.removeSuggestArea);
  const clearAreas = useAppState((state) => state.clearSuggestAreas);
  const spacing = checkGridSpacing(spacingText);
  const spacingM = spacing.ok ? spacing.spacingM : null;
  const preview: GridPreview | null = useMemo(
    () => (spacingM !== null && areas.length > 0 ? previewGridCandidates(areas, spacingM) : null),
    [areas, spacingM],
  );

  return (
    <div className="suggest-areas" data-testid="suggest-areas">
      <label className="suggest-check">
        <input
          type="checkbox"
          checked={usePolygonGrid}
          data-testid="suggest-use-grid"
          onChange={(event) => setForm({ usePolygonGrid: event.target.checked })}
        />
        {t('suggest.usePolygonGrid')}
      </label>
      <label className="suggest-field">
        <span>{t('suggest.gridSpacing')}</span>
        <input
          type="text"
          inputMode="decimal"
          value={spacingText}
          aria-invalid={!spacing.ok}
          data-testid="suggest-grid-spacing"
          onChange={(event) => setForm({ gridSpacingText: event.target.value })}
        />
      </label>
      {!spacing.ok && (
        <p className="suggest-note suggest-note--warn" role="alert" data-testid="suggest-grid-spacing-error">
          {t(SPACING_MESSAGES[spacing.reason])}
        </p>
      )}
      <div className="suggest-areas__actions">
        {drawing ? (
          <button type="button" className="suggest-button" onClick={() => setDrawing(false)}>
            {t('suggest.stopDrawing')}
          </button>
        ) : (
          <button
            type="button"
            className="suggest-button"
            data-testid="suggest-draw-area"
            onClick={() => setDrawing(true)}
          >
            {t('suggest.drawArea')}
          </button>
        )}
        {areas.length > 0 && !drawing && (
          <button type="button" className="suggest-button" onClick={clearAreas}>
            {t('suggest.clearAreas')}
          </button>
        )}
      </div>
      {drawing && (
        <p className="suggest-note suggest-hint" role="status" data-testid="suggest-draw-hint">
          {t('suggest.drawHint')}
        </p>
      )}
      {refusal && (
        <p className="suggest-note suggest-note--warn" role="alert">
          {t(REFUSAL_MESSAGES[refusal])}
        </p>
      )}
      {areas.length === 0 && !drawing && <p className="suggest-note">{t('suggest.noAreas')}</p>}
      {areas.length > 0 && (
        <ul className="suggest-area-list">
          {areas.map((area, index) => {
            const number = areaNumberOf(area.id);
            return (
              <li key={area.id} data-testid="suggest-area-item">
                <span>
                  {preview?.ok
                    ? t('suggest.areaItem', { number, count: preview.perArea[index] ?? 0 })
                    : t('suggest.areaLabel', { number })}
                </span>
                <button
                  type="button"
                  className="suggest-link"
                  aria-label={t('suggest.deleteArea', { number })}
                  title={t('suggest.deleteArea', { number })}
                  onClick={() => removeArea(area.id)}
                >
                  ✕
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {preview && (
        <p
          className={preview.ok ? 'suggest-note' : 'suggest-note suggest-note--warn'}
          role={preview.ok ? 'status' : 'alert'}
          data-testid="suggest-grid-count"
        >
          {preview.ok
            ? t('suggest.gridTotal', { count: preview.total })
            : t('suggest.gridTooMany', { limit: preview.limit })}
        </p>
      )}
    </div>
  );
}
