/** Public API of the import: read a file, preview and map its columns, build features and a report. */
export { buildImport, DEFAULT_POLE_HEIGHT_M, detectSourceMapping, layerFields } from './build-import';
export { applyMappingChoice, detectColumns, findHeaderRow } from './column-detection';
export { bd09ToWgs84, gcj02ToWgs84, toWgs84, wgs84ToBd09, wgs84ToGcj02 } from './coordinate-systems';
export { detectFormat } from './detect-format';
export { type ImportGeography, type ImportGeographyData, prepareImportGeography } from './geography';
export {
  type ImportOutcome,
  importFile,
  previewSource,
  type SourceSummary,
  summariseSource,
} from './import-file';
export { importReportCsv, type ReportLabeler } from './import-report';
export * from './import-types';
export { IMPORT_LIMITS, isAbortError } from './limits';
export { type ImportFileInput, type ReadOptions, type ReadOutcome, readImportSource } from './read-source';
export { parseBand, parseCoordinateCell, parseNumberCell, parseSiteKind } from './value-parsing';
