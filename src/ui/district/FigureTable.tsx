import type { FigureRow } from '../report/figure-rows';

/** Label/value rows as a two-column table; each row carries data-figure for tests and print. */
export function FigureTable({ rows, caption }: { rows: readonly FigureRow[]; caption?: string }) {
  return (
    <table className="figure-table">
      {caption && <caption>{caption}</caption>}
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-figure={row.id}>
            <th scope="row">{row.label}</th>
            <td>{row.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
