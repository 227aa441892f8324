import { checkGroups } from '../../domain/import/check-report';
import type { ImportResult } from '../../domain/import/import-types';
import { useAppState, useTranslate } from '../store-context';
import './import-check.css';

/**
 * The parameter check (工参体检) of the dry run: each check that found something, with its count and
 * rows, and the download of every finding as CSV. Findings never block the import.
 */
export function ImportCheck({ result }: { result: ImportResult }) {
  const t = useTranslate();
  const services = useAppState((state) => state.importServices);
  const check = result.check;
  if (!check || check.checkedRows === 0) return null;
  const groups = checkGroups(check);
  return (
    <section className="import-section" aria-labelledby="import-check-title" data-testid="import-check">
      <div className="import-section__heading">
        <h3 id="import-check-title" className="import-section__title">
          {t('import.check.title')}
        </h3>
        <button
          type="button"
          className="import-button import-button--small"
          disabled={groups.length === 0}
          onClick={() => services?.downloadCheck()}
        >
          {t('import.check.download')}
        </button>
      </div>
      <p className="import-note">
        {groups.length === 0
          ? t('import.check.clean', { checked: check.checkedRows.toLocaleString() })
          : t('import.check.summary', {
              checked: check.checkedRows.toLocaleString(),
              count: check.findings.length.toLocaleString(),
            })}
      </p>
      {groups.length > 0 ? (
        <ul className="import-check">
          {groups.map((group) => (
            <li key={group.code} className="import-check__item" data-check={group.code}>
              <span className="import-check__name">{t(`import.check.code.${group.code}`)}</span>
              <span className="import-check__count">× {group.rows.length.toLocaleString()}</span>
              <span className="import-check__rows">{t('import.check.rows', { rows: group.rowText })}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
