import type { SourceSummary } from '../../domain/import/import-file';
import { useTranslate } from '../store-context';
import { delimiterText } from './import-view';

const FORMAT_NAMES: Record<SourceSummary['format'], string> = {
  csv: 'CSV / TSV',
  xlsx: 'Excel (.xlsx)',
  geojson: 'GeoJSON',
  kml: 'KML',
  kmz: 'KMZ',
  shapefile: 'Shapefile',
  geopackage: 'GeoPackage',
};

/** One line of what was detected: format, encoding, delimiter, sheet, header row, row count. */
export function SourceFacts({ summary, total }: { summary: SourceSummary; total: number }) {
  const t = useTranslate();
  const delimiter = delimiterText(t, summary.delimiter);
  const facts: { label?: string; value: string }[] = [
    { label: t('import.source.format'), value: FORMAT_NAMES[summary.format] },
  ];
  if (summary.encoding && summary.encoding !== 'xlsx')
    facts.push({ label: t('import.source.encoding'), value: summary.encoding.toUpperCase() });
  if (delimiter) facts.push({ label: t('import.source.delimiter'), value: delimiter });
  if (summary.sheetName) facts.push({ label: t('import.source.sheet'), value: summary.sheetName });
  if (summary.headerRowNumber !== undefined)
    facts.push({ value: t('import.source.headerRow', { row: summary.headerRowNumber }) });
  facts.push({
    value: t(summary.kind === 'table' ? 'import.source.total' : 'import.source.totalFeatures', {
      count: total.toLocaleString(),
    }),
  });
  return (
    <ul className="import-facts" data-testid="import-facts">
      {facts.map((fact) => (
        <li key={`${fact.label ?? ''}${fact.value}`} className="import-facts__item">
          {fact.label ? <span className="import-facts__label">{fact.label}</span> : null}
          <span className="import-facts__value">{fact.value}</span>
        </li>
      ))}
    </ul>
  );
}
