/**
 * One measurement file from bytes to a MeasurementSet, in the import worker: read with the site
 * import's readers (encoding, delimiter, xlsx, column detection), then built as measurements with the
 * chosen datum. Says why when the file cannot be used; never touches the scenario (the caller does,
 * through the edit door).
 */
import type { MeasurementSet } from '../domain/calibration/measurement-set';
import type { CoordinateSystem, ImportFailure, ProgressCallback } from '../domain/import/import-types';
import { IMPORT_LIMITS } from '../domain/import/limits';
import type { ImportClient } from '../engine/import-client';
import type { MeasurementImportSummary } from '../state/calibration-slice';

export type MeasurementImportOutcome =
  | { kind: 'set'; set: MeasurementSet; summary: MeasurementImportSummary }
  | {
      kind: 'failed';
      summary: MeasurementImportSummary;
      messageKey?: 'calibration.noRsrp' | 'calibration.noSamples';
    }
  | { kind: 'cancelled' };

const failed = (fileName: string, failure: ImportFailure): MeasurementImportOutcome => ({
  kind: 'failed',
  summary: { fileName, total: 0, imported: 0, rejected: [], warnings: [], failure },
});

/** A fresh id that sorts by import time (sets are kept sorted by id). */
export function measurementSetId(now = new Date()): string {
  return `m-${now.toISOString().replace(/[-:.]/g, '')}-${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
}

export async function importMeasurementFile(
  client: Pick<ImportClient, 'read' | 'buildMeasurements' | 'release'>,
  file: File,
  crs: CoordinateSystem,
  onProgress: ProgressCallback,
): Promise<MeasurementImportOutcome> {
  if (file.size > IMPORT_LIMITS.maxFileBytes)
    return failed(file.name, {
      code: 'fileTooLarge',
      params: { sizeMb: Math.round(file.size / 2 ** 20), limitMb: IMPORT_LIMITS.maxFileBytes / 2 ** 20 },
    });
  const read = await client.read(file, onProgress);
  if (!read) return { kind: 'cancelled' };
  if (!read.ok) return failed(file.name, read.failure);
  try {
    const result = await client.buildMeasurements(read.sourceId, { crs }, onProgress);
    if (!result) return { kind: 'cancelled' };
    const summary: MeasurementImportSummary = {
      fileName: file.name,
      total: result.total,
      imported: result.measurements.count,
      rejected: result.rejected,
      warnings: result.warnings,
    };
    if (result.mapping.fields.rsrp.column === undefined)
      return { kind: 'failed', summary, messageKey: 'calibration.noRsrp' };
    if (result.measurements.count === 0)
      return { kind: 'failed', summary, messageKey: 'calibration.noSamples' };
    const set: MeasurementSet = {
      ...result.measurements,
      id: measurementSetId(),
      name: file.name.slice(0, 200),
      importedAt: new Date().toISOString(),
      crs,
    };
    return { kind: 'set', set, summary };
  } finally {
    void client.release(read.sourceId).catch(() => undefined);
  }
}
