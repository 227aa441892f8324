import type { MessageKey } from '../../domain/i18n/translate';
import { useAppState, useTranslate } from '../store-context';
import type { MappingRow } from './import-view';

const STATE_HINT: Partial<Record<MappingRow['state'], MessageKey>> = {
  ambiguous: 'import.mapping.ambiguous',
  partial: 'import.mapping.partial',
  missing: 'import.mapping.missing',
};

/** Which column feeds each field: one dropdown per field, flagged when detection was unsure. */
export function ColumnMapping({
  rows,
  columns,
}: {
  rows: readonly MappingRow[];
  columns: readonly string[];
}) {
  const t = useTranslate();
  const setMapping = useAppState((state) => state.setImportMapping);
  const columnLabel = (index: number) => columns[index]?.trim() || `#${index + 1}`;
  return (
    <fieldset className="import-fieldset import-mapping">
      <legend className="import-fieldset__legend">{t('import.mapping')}</legend>
      {rows.map((row) => {
        const hint = STATE_HINT[row.state];
        const id = `import-map-${row.field}`;
        return (
          <div key={row.field} className={`import-mapping__row import-mapping__row--${row.state}`}>
            <label htmlFor={id} className="import-mapping__field">
              {t(`import.field.${row.field}` as MessageKey)}
            </label>
            {row.state === 'geometry' ? (
              <span id={id} className="import-mapping__geometry">
                {t('import.mapping.fromGeometry')}
              </span>
            ) : (
              <select
                id={id}
                className="import-mapping__select"
                data-field={row.field}
                value={row.column === undefined ? '' : String(row.column)}
                aria-invalid={row.state === 'missing' ? true : undefined}
                aria-describedby={hint ? `${id}-hint` : undefined}
                onChange={(event) =>
                  setMapping({ [row.field]: event.target.value === '' ? null : Number(event.target.value) })
                }
              >
                <option value="">{t('import.mapping.none')}</option>
                {columns.map((_, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are identified by position.
                  <option key={index} value={String(index)}>
                    {columnLabel(index)}
                    {row.alternatives.includes(index) ? ' ?' : ''}
                  </option>
                ))}
              </select>
            )}
            {hint ? (
              <span id={`${id}-hint`} className="import-mapping__hint">
                {t(hint)}
              </span>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
