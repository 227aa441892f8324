import type { CoordinateSystem, ImportResult, ImportWarningCode } from '../../domain/import/import-types';
import type { ImportChoices } from '../../state/import-slice';
import { useAppState, useTranslate } from '../store-context';
import { crsName, outsideShanghaiCount, type Translate, warningText } from './import-view';

/** Warnings that can make every figure wrong: shown first, in the warning colour. */
const SERIOUS: ReadonlySet<ImportWarningCode> = new Set([
  'looksShifted',
  'latLonSwapped',
  'manyInWater',
  'projectedCoordinates',
  'truncatedShapefile',
]);

interface WarningItem {
  key: string;
  serious: boolean;
  text: string;
  fix?: { label: string; choices: Partial<ImportChoices> };
}

function warningItems(t: Translate, result: ImportResult, choices: ImportChoices): WarningItem[] {
  const items: WarningItem[] = [];
  for (const warning of result.warnings) {
    const item: WarningItem = {
      // Defaults come one warning per field and fix: the key tells them apart.
      key: [warning.code, warning.params?.field, warning.params?.fix].filter(Boolean).join(':'),
      serious: SERIOUS.has(warning.code),
      text: warningText(t, warning, choices.crs),
    };
    if (warning.code === 'looksShifted') {
      const suggested = String(warning.params?.suggestedCrs ?? '') as CoordinateSystem;
      item.fix = {
        label: t('import.fix.useCrs', { crs: crsName(t, suggested) }),
        choices: { crs: suggested },
      };
    } else if (warning.code === 'latLonSwapped') {
      item.fix = { label: t('import.fix.swap'), choices: { swapLatLon: true } };
    } else if (warning.code === 'outsideShanghaiImported') {
      item.fix = { label: t('import.fix.rejectOutside'), choices: { allowOutsideShanghai: false } };
    }
    items.push(item);
  }
  const outside = outsideShanghaiCount(result.rejected);
  if (outside > 0) {
    items.push({
      key: 'outsideShanghai',
      serious: true,
      text: t('import.warning.outsideShanghai', { count: outside.toLocaleString() }),
      // With a datum warning these points are "outside" because of the datum: fix that, not this.
      ...(result.warnings.some((warning) => warning.code === 'looksShifted')
        ? {}
        : { fix: { label: t('import.fix.allowOutside'), choices: { allowOutsideShanghai: true } } }),
    });
  }
  // Serious first; the order within each group is the core's.
  return [...items.filter((item) => item.serious), ...items.filter((item) => !item.serious)];
}

/** The core's warnings in words, each with its one-click fix where there is one. */
export function ImportWarnings({ result }: { result: ImportResult }) {
  const t = useTranslate();
  const choices = useAppState((state) => state.importChoices);
  const setChoices = useAppState((state) => state.setImportChoices);
  const items = warningItems(t, result, choices);
  if (items.length === 0) return null;
  return (
    <section className="import-section" aria-labelledby="import-warnings-title">
      <h3 id="import-warnings-title" className="import-section__title">
        {t('import.warnings')}
      </h3>
      <ul className="import-warnings">
        {items.map((item) => (
          <li
            key={item.key}
            className={`import-warning${item.serious ? ' import-warning--serious' : ''}`}
            data-warning={item.key}
            role={item.serious ? 'alert' : undefined}
          >
            <span className="import-warning__text">{item.text}</span>
            {item.fix ? (
              <button
                type="button"
                className="import-button import-button--small"
                onClick={() => setChoices(item.fix!.choices)}
              >
                {item.fix.label}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
