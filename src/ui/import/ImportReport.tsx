import type { MessageKey } from '../../domain/i18n/translate';
import { defaultedRowCount } from '../../domain/import/import-report';
import type { ImportResult, RejectReason } from '../../domain/import/import-types';
import { useAppState, useTranslate } from '../store-context';
import { rejectionText } from './import-view';

/** Rejected rows listed in the dialog; the downloadable report has them all. */
const LISTED_ROWS = 100;

/** Counts, the rejected rows with their row numbers and reasons, and the CSV download. */
export function ImportReport({ result }: { result: ImportResult }) {
  const t = useTranslate();
  const services = useAppState((state) => state.importServices);
  const valid = result.features.length;
  const rejected = result.rejected.length;
  const byReason = new Map<RejectReason, number>();
  for (const row of result.rejected) byReason.set(row.reason, (byReason.get(row.reason) ?? 0) + 1);
  const listed = result.rejected.slice(0, LISTED_ROWS);
  const defaulted = defaultedRowCount(result);
  const unit = t(result.rowUnit === 'row' ? 'import.report.unit.row' : 'import.report.unit.feature');
  return (
    <section className="import-section" aria-labelledby="import-report-title">
      <div className="import-section__heading">
        <h3 id="import-report-title" className="import-section__title">
          {t('import.report')}
        </h3>
        <button
          type="button"
          className="import-button import-button--small"
          disabled={rejected === 0 && result.warnings.length === 0}
          onClick={() => services?.downloadReport()}
        >
          {t('import.report.download')}
        </button>
      </div>
      <p className="import-report__counts" data-testid="import-counts">
        {t('import.report.counts', {
          total: result.total.toLocaleString(),
          unit,
          valid: valid.toLocaleString(),
          rejected: rejected.toLocaleString(),
        })}
      </p>
      {defaulted > 0 ? (
        <p className="import-note" data-testid="import-defaulted">
          {t('import.report.defaulted', { count: defaulted.toLocaleString(), unit })}
        </p>
      ) : null}
      {rejected === 0 ? (
        <p className="import-note">{t('import.report.none')}</p>
      ) : (
        <>
          <ul className="import-report__reasons">
            {[...byReason].map(([reason, count]) => (
              <li key={reason} className="import-report__reason">
                {t(`import.reasonShort.${reason}` as MessageKey)} × {count.toLocaleString()}
              </li>
            ))}
          </ul>
          <div className="import-report__table">
            <table className="import-table" data-testid="import-rejected">
              <thead>
                <tr>
                  <th scope="col" className="import-table__number">
                    {t(result.rowUnit === 'row' ? 'import.preview.row' : 'import.preview.feature')}
                  </th>
                  <th scope="col">{t('import.report.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {listed.map((row) => (
                  <tr key={`${row.row}-${row.reason}`}>
                    <td className="import-table__number">{row.row}</td>
                    <td className="import-table__reason">{rejectionText(t, row)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rejected > LISTED_ROWS ? (
            <p className="import-note">
              {t('import.report.more', { count: (rejected - LISTED_ROWS).toLocaleString() })}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
