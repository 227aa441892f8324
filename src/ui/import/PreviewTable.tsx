import type { MessageKey } from '../../domain/i18n/translate';
import type { ImportPreview } from '../../domain/import/import-session';
import { useTranslate } from '../store-context';
import { fieldsByColumn, type MappingRow } from './import-view';

/** Rows shown (all the preview holds); the table scrolls. */
const SHOWN_ROWS = 20;
/** Cells longer than this are cut (full text in the tooltip); a file can hold anything. */
const CELL_CHARACTERS = 40;

const cut = (text: string) => (text.length > CELL_CHARACTERS ? `${text.slice(0, CELL_CHARACTERS)}…` : text);

/** The first rows as plain text, each mapped column tagged with its field. Never HTML from the file. */
export function PreviewTable({
  preview,
  rows,
  rejected,
}: {
  preview: ImportPreview;
  rows: readonly MappingRow[];
  /** Reason text by row number, for rows the dry run rejected (marked in the table). */
  rejected?: ReadonlyMap<number, string>;
}) {
  const t = useTranslate();
  const byColumn = fieldsByColumn(rows);
  const columns = preview.mapping.columns;
  const shown = preview.rows.slice(0, SHOWN_ROWS);
  // Columns are identified by position (headers may repeat or be empty).
  const columnKeys = columns.map((_, index) => `column-${index}`);
  return (
    <section className="import-section" aria-labelledby="import-preview-title">
      <h3 id="import-preview-title" className="import-section__title">
        {t('import.preview', { count: shown.length })}
      </h3>
      <div className="import-preview">
        <table className="import-table">
          <thead>
            <tr>
              <th scope="col" className="import-table__number">
                {t(preview.summary.kind === 'table' ? 'import.preview.row' : 'import.preview.feature')}
              </th>
              {columns.map((column, index) => {
                const field = byColumn.get(index);
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are identified by position.
                  <th key={index} scope="col" className={field ? 'import-table__mapped' : undefined}>
                    <span className="import-table__header" title={column}>
                      {cut(column) || `#${index + 1}`}
                    </span>
                    {field ? (
                      <span className="import-table__field">{t(`import.field.${field}` as MessageKey)}</span>
                    ) : null}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr
                key={row.number}
                className={rejected?.has(row.number) ? 'import-table__rejected' : undefined}
                title={rejected?.get(row.number)}
              >
                <td className="import-table__number">{row.number}</td>
                {columnKeys.map((key, index) => {
                  const cell = row.cells[index] ?? '';
                  return (
                    <td
                      key={key}
                      className={byColumn.has(index) ? 'import-table__mapped' : undefined}
                      title={cell}
                    >
                      {cut(cell)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
