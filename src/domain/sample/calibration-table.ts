/**
 * The samples' calibration table as markdown (docs/sample-calibration.md, written by
 * `npm run data:calibrate -- --write`): one row per central district, key suburban area, outer suburb and
 * the city, one column per year and mode, each cell the covered share and the bound it must meet.
 */
import type { CalibrationRow } from './calibration-targets';

export interface CalibrationColumn {
  /** "2020 radius", "2025 pathloss"… */
  label: string;
  rows: CalibrationRow[];
}

const percent = (fraction: number) => `${(fraction * 100).toFixed(1)} %`;

/** "96.4 % ≥ 90.0 %" (with ✗ when the bound is missed), or the share alone where no bound applies. */
export function calibrationCell(row: CalibrationRow): string {
  if (!row.bound) return percent(row.coveredFraction);
  const sign = row.bound.kind === 'min' ? '≥' : '≤';
  return `${percent(row.coveredFraction)} ${sign} ${percent(row.bound.value)}${row.meets ? '' : ' ✗'}`;
}

/** The table; every column must list the same rows in the same order (calibrationRows does). */
export function calibrationTable(columns: readonly CalibrationColumn[]): string {
  const first = columns[0];
  if (!first) return '';
  const lines = [
    `| area | group | ${columns.map((column) => column.label).join(' | ')} |`,
    `| --- | --- | ${columns.map(() => '---').join(' | ')} |`,
  ];
  first.rows.forEach((row, index) => {
    const cells = columns.map((column) => {
      const cell = column.rows[index];
      if (cell?.id !== row.id) throw new Error(`column ${column.label} lists other rows than ${first.label}`);
      return calibrationCell(cell);
    });
    lines.push(`| ${row.name} | ${row.group} | ${cells.join(' | ')} |`);
  });
  return lines.join('\n');
}

/** Every missed bound, as "2020 radius 崇明区". */
export function missedBounds(columns: readonly CalibrationColumn[]): string[] {
  return columns.flatMap((column) =>
    column.rows.filter((row) => !row.meets).map((row) => `${column.label} ${row.name}`),
  );
}
