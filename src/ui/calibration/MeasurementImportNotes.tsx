import { failureText, rejectionText, warningText } from '../import/import-view';
import { useAppState, useTranslate } from '../store-context';

const ROWS_SHOWN = 12;

/** What the last measurement import and the comparison left out, row by row, and the file's warnings. */
export function MeasurementImportNotes() {
  const t = useTranslate();
  const summary = useAppState((state) => state.calibrationImport);
  const crs = useAppState((state) => state.calibrationCrs);
  const view = useAppState((state) => state.calibrationView);
  return (
    <>
      {summary && (
        <section className="calibration-import" data-testid="calibration-import">
          {summary.failure ? (
            <p className="calibration-note calibration-note--warn" role="alert">
              {summary.fileName}: {failureText(t, summary.failure as Parameters<typeof failureText>[1])}
            </p>
          ) : (
            <p className="calibration-note">
              {summary.fileName}:{' '}
              {t('calibration.imported', {
                imported: summary.imported,
                total: summary.total,
                rejected: summary.rejected.length,
              })}
            </p>
          )}
          {summary.warnings.map((warning) => (
            <p key={warning.code} className="calibration-note calibration-note--warn">
              {warningText(t, warning, crs)}
            </p>
          ))}
          {summary.rejected.length > 0 && (
            <details>
              <summary>{t('calibration.rejectedTitle')}</summary>
              <ul className="calibration-rejected" data-testid="calibration-rejected">
                {summary.rejected.slice(0, ROWS_SHOWN).map((rejected) => (
                  <li key={rejected.row}>
                    {t('calibration.rejectedRow', { row: rejected.row, reason: rejectionText(t, rejected) })}
                  </li>
                ))}
                {summary.rejected.length > ROWS_SHOWN && (
                  <li>{t('calibration.rejectedMore', { count: summary.rejected.length - ROWS_SHOWN })}</li>
                )}
              </ul>
            </details>
          )}
        </section>
      )}
      {view && view.farFromSites > 0 && (
        <details className="calibration-far">
          <summary className="calibration-note calibration-note--warn">
            {t('calibration.farFromSites', { count: view.farFromSites })}
          </summary>
          <ul className="calibration-rejected" data-testid="calibration-far-rows">
            {view.farRows.slice(0, ROWS_SHOWN).map((rejected) => (
              <li key={`${rejected.setName}:${rejected.row}`}>
                {t('calibration.rejectedSetRow', {
                  name: rejected.setName,
                  row: rejected.row,
                  reason: rejectionText(t, rejected),
                })}
              </li>
            ))}
            {view.farFromSites > ROWS_SHOWN && (
              <li>{t('calibration.rejectedMore', { count: view.farFromSites - ROWS_SHOWN })}</li>
            )}
          </ul>
        </details>
      )}
      {view && view.unmatchedIds > 0 && (
        <p className="calibration-note calibration-note--warn">
          {t('calibration.unmatchedIds', { count: view.unmatchedIds })}
        </p>
      )}
    </>
  );
}
