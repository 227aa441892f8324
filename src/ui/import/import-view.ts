/**
 * Pure view helpers of the import dialog: what each mapping dropdown shows and whether it needs the
 * user's eye, and the translated sentence for every reject reason, warning and failure code the
 * import core reports (codes plus parameters, never sentences, so both languages read naturally).
 */

import type { MessageKey } from '../../domain/i18n/translate';
import type { ImportPreview } from '../../domain/import/import-session';
import type {
  CoordinateSystem,
  ImportField,
  ImportWarning,
  MappingChoice,
  RejectedRow,
} from '../../domain/import/import-types';
import type { ImportDialogFailure } from '../../state/import-slice';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** ok: detected exactly or chosen; ambiguous: ties; partial: guessed; missing: a coordinate without a column. */
export type MappingState = 'ok' | 'ambiguous' | 'partial' | 'missing' | 'geometry' | 'absent';

export interface MappingRow {
  field: ImportField;
  /** Column index shown in the dropdown; undefined = "(not in file)". */
  column: number | undefined;
  state: MappingState;
  /** Columns that matched as well as the detected one. */
  alternatives: number[];
}

const COORDINATE_FIELDS: readonly ImportField[] = ['lon', 'lat'];

/** The dropdowns of the mapping grid for the fields of a layer, with detection and the user's choices. */
export function mappingRows(
  preview: Pick<ImportPreview, 'mapping' | 'summary'>,
  choice: MappingChoice,
  fields: readonly ImportField[],
): MappingRow[] {
  const fromGeometry = preview.summary.kind === 'features';
  return fields.map((field) => {
    if (fromGeometry && COORDINATE_FIELDS.includes(field)) {
      return { field, column: undefined, state: 'geometry', alternatives: [] };
    }
    const detected = preview.mapping.fields[field];
    const chosen = choice[field];
    if (chosen !== undefined) {
      if (chosen !== null) return { field, column: chosen, state: 'ok', alternatives: [] };
      const state = COORDINATE_FIELDS.includes(field) ? 'missing' : 'absent';
      return { field, column: undefined, state, alternatives: [] };
    }
    const column = detected.column;
    let state: MappingState;
    if (column === undefined) state = COORDINATE_FIELDS.includes(field) ? 'missing' : 'absent';
    else if (detected.alternatives.length > 0) state = 'ambiguous';
    else if (detected.confidence === 'partial') state = 'partial';
    else state = 'ok';
    return { field, column, state, alternatives: detected.alternatives };
  });
}

/** Which field (if any) each column feeds, for the badges over the preview table. */
export function fieldsByColumn(rows: readonly MappingRow[]): Map<number, ImportField> {
  const byColumn = new Map<number, ImportField>();
  for (const row of rows) if (row.column !== undefined) byColumn.set(row.column, row.field);
  return byColumn;
}

/** True when lon and lat both have a source (a column or the geometry). */
export function coordinatesMapped(rows: readonly MappingRow[]): boolean {
  return rows
    .filter((row) => COORDINATE_FIELDS.includes(row.field))
    .every((row) => row.state === 'geometry' || row.column !== undefined);
}

const fieldName = (t: Translate, field: unknown): string =>
  typeof field === 'string' ? t(`import.field.${field}` as MessageKey) : '';

/** The translated reason of a rejected row. */
export function rejectionText(t: Translate, rejected: Pick<RejectedRow, 'reason' | 'params'>): string {
  const params = { ...(rejected.params ?? {}) };
  if ('field' in params) params.field = fieldName(t, params.field);
  switch (rejected.reason) {
    case 'duplicateId':
      return params.firstRow === undefined
        ? t('import.reason.duplicateId', params)
        : t('import.reason.duplicateIdInFile', params);
    default:
      return t(`import.reason.${rejected.reason}` as MessageKey, params);
  }
}

/** The translated text of a warning (datum names spelled for people). */
export function warningText(t: Translate, warning: ImportWarning, crs: CoordinateSystem): string {
  const params = { ...(warning.params ?? {}) };
  if (warning.code === 'defaultApplied') {
    const field = String(params.field);
    params.fallback = t(`import.fallback.${field}` as MessageKey);
    const name = fieldName(t, field);
    // Mid-sentence: "Height" reads "height" (an acronym such as "ID" stays as it is).
    params.field = /^[A-Z][a-z]/.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name;
    return t(`import.default.${params.fix}` as MessageKey, params);
  }
  if (warning.code === 'looksShifted') {
    params.chosen = crsName(t, crs);
    params.suggested = crsName(t, String(params.suggestedCrs ?? ''));
  }
  return t(`import.warning.${warning.code}` as MessageKey, params);
}

/** Short name of a datum ("GCJ-02"). */
export function crsName(t: Translate, crs: string): string {
  return t(`import.crs.short.${crs}` as MessageKey);
}

/** The translated message of a whole-file failure. */
export function failureText(t: Translate, failure: ImportDialogFailure): string {
  return t(`import.failure.${failure.code}` as MessageKey, failure.params ?? {});
}

/** Rejected rows outside Shanghai: the "import them anyway" offer. */
export function outsideShanghaiCount(rejected: readonly RejectedRow[]): number {
  let count = 0;
  for (const row of rejected) if (row.reason === 'outsideShanghai') count++;
  return count;
}

/** Whole percent for a progress label. */
export function percentText(fraction: number): string {
  return `${Math.round(Math.min(1, Math.max(0, fraction)) * 100)}%`;
}

/** A delimiter as a word. */
export function delimiterText(t: Translate, delimiter: string | undefined): string | undefined {
  if (delimiter === undefined) return undefined;
  if (delimiter === ',') return t('import.delimiter.comma');
  if (delimiter === ';') return t('import.delimiter.semicolon');
  if (delimiter === '\t') return t('import.delimiter.tab');
  return `“${delimiter}”`;
}
