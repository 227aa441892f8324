import { layerFields } from '../../domain/import/build-import';
import { useAppState, useTranslate } from '../store-context';
import { ColumnMapping } from './ColumnMapping';
import { ImportCheck } from './ImportCheck';
import { ImportProgressBar } from './ImportProgressBar';
import { ImportReport } from './ImportReport';
import { ImportSettings } from './ImportSettings';
import { ImportWarnings } from './ImportWarnings';
import { coordinatesMapped, mappingRows, percentText, rejectionText } from './import-view';
import { PreviewTable } from './PreviewTable';
import { SourceFacts } from './SourceFacts';

/** The review: what was read, the choices on the left, warnings, preview and report on the right. */
export function ImportReview() {
  const t = useTranslate();
  const preview = useAppState((state) => state.importPreview);
  const choices = useAppState((state) => state.importChoices);
  const result = useAppState((state) => state.importResult);
  const building = useAppState((state) => state.importBuilding);
  const progress = useAppState((state) => state.importProgress);
  const hasSession = useAppState((state) => state.session !== null);
  const services = useAppState((state) => state.importServices);
  if (!preview || !services) return null;
  const rows = mappingRows(preview, choices.mapping, layerFields(choices.layer));
  const count = result?.features.length ?? 0;
  const rejectedByRow = new Map(
    (building ? [] : (result?.rejected.slice(0, 200) ?? [])).map((row) => [row.row, rejectionText(t, row)]),
  );
  const ready = !building && result !== null && coordinatesMapped(rows);
  const canApply = ready && count > 0 && hasSession;
  const applyLabel =
    building || !result
      ? t('import.report.building')
      : count === 0
        ? t('import.apply.none')
        : t(choices.layer === 'poles' ? 'import.apply.poles' : 'import.apply.sites', {
            count: count.toLocaleString(),
          });
  return (
    <>
      <div className="import-dialog__body">
        <SourceFacts summary={preview.summary} total={preview.total} />
        <div className="import-review">
          <div className="import-review__choices">
            <ImportSettings />
          </div>
          <div className="import-review__results">
            {building ? (
              <ImportProgressBar
                fraction={progress?.fraction ?? 0}
                label={t('import.validating', { percent: percentText(progress?.fraction ?? 0) })}
              />
            ) : null}
            {result && !building ? <ImportWarnings result={result} /> : null}
            <ColumnMapping rows={rows} columns={preview.mapping.columns} />
            <PreviewTable preview={preview} rows={rows} rejected={rejectedByRow} />
            {result && !building ? <ImportReport result={result} /> : null}
            {result && !building ? <ImportCheck result={result} /> : null}
          </div>
        </div>
      </div>
      <div className="import-dialog__footer">
        {!hasSession ? (
          <span className="import-dialog__hint">{t('import.noScenario')}</span>
        ) : result && !building ? (
          <span className="import-dialog__summary">
            {t('import.report.counts', {
              total: result.total.toLocaleString(),
              unit: t(result.rowUnit === 'row' ? 'import.report.unit.row' : 'import.report.unit.feature'),
              valid: count.toLocaleString(),
              rejected: result.rejected.length.toLocaleString(),
            })}
          </span>
        ) : null}
        <button type="button" className="import-button" onClick={() => services.close()}>
          {t('import.cancel')}
        </button>
        <button
          type="button"
          className="import-button import-button--primary"
          disabled={!canApply}
          onClick={() => services.apply()}
        >
          {applyLabel}
        </button>
      </div>
    </>
  );
}
