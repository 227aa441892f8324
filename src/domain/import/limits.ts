/**
 * Safety limits of the import and the error that carries a whole-file failure out of a reader.
 * Limits are sized for a browser tab: a real 工参表 of 100,000 rows is a few tens of MB.
 */
import type { ImportFailure, ImportFailureCode } from './import-types';

export const IMPORT_LIMITS = {
  /** Largest file accepted, bytes. */
  maxFileBytes: 200 * 1024 * 1024,
  /** Most entries a zip (KMZ, zipped shapefile, xlsx) may list. */
  maxZipEntries: 10_000,
  /**
   * Most bytes inflated from one file, counting only the entries we read (the declared sizes), summed
   * over every part a reader inflates (an xlsx's sheets share one budget).
   */
  maxUncompressedBytes: 256 * 1024 * 1024,
  /**
   * Most data rows or features in one file: twice the 100,000-row 工参表 the import is measured with
   * (`npm run bench:browser`), three times the plan's 70,000 sites. More would exhaust a browser tab's
   * memory before the planner could use them; the message says to split the file.
   */
  maxRows: 200_000,
  /** Most columns (or attributes) read; a 工参表 has a few dozen. Wider rows are cut, with a warning. */
  maxColumns: 1024,
  /**
   * Most cells (rows × columns kept) in one file: 200,000 rows of 100 columns. A small file can hold
   * millions of one-byte cells, each a string in memory; this bounds what a file can cost.
   */
  maxCells: 20_000_000,
} as const;

/** Thrown inside readers; the public functions turn it into `{ ok: false, failure }`. */
export class ImportFailureError extends Error {
  override name = 'ImportFailureError';
  constructor(
    readonly code: ImportFailureCode,
    readonly params?: Record<string, string | number>,
  ) {
    super(params ? `${code} ${JSON.stringify(params)}` : code);
  }

  /** The failure as data, for the UI. */
  toFailure(): ImportFailure {
    return this.params ? { code: this.code, params: this.params } : { code: this.code };
  }
}

/** Throws a DOMException named AbortError when the signal fired (the same error fetch throws). */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('The import was cancelled', 'AbortError');
}

/** True for the error throwIfAborted throws. */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
