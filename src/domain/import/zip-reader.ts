/**
 * Unzipping with limits against zip bombs. Only the entries a reader asks for are inflated, and the
 * sizes the central directory declares are checked before any inflation. fflate inflates each entry
 * into a buffer of exactly the declared size and never grows it, so an entry that lies about its size
 * yields truncated (then rejected) data, not an exhausted tab.
 */
import { unzipSync } from 'fflate';
import { IMPORT_LIMITS, ImportFailureError } from './limits';

export interface ZipEntryInfo {
  name: string;
  compressedBytes: number;
  uncompressedBytes: number;
}

export interface UnzippedFiles {
  /** Every entry name in the zip, in order. */
  names: string[];
  /** The inflated entries that `wanted` selected. */
  files: Map<string, Uint8Array>;
}

/**
 * What one file may inflate: entries listed per zip, and bytes summed over every unzip of the file
 * (an xlsx reader unzips its workbook parts and then each sheet it tries, all against one budget).
 */
export interface InflationBudget {
  maxEntries: number;
  maxUncompressedBytes: number;
  /** Bytes already inflated under this budget. */
  usedBytes?: number;
}

/** A fresh budget at IMPORT_LIMITS, for one file. */
export function createInflationBudget(): InflationBudget {
  return {
    maxEntries: IMPORT_LIMITS.maxZipEntries,
    maxUncompressedBytes: IMPORT_LIMITS.maxUncompressedBytes,
    usedBytes: 0,
  };
}

/** Lists the zip and inflates the entries `wanted` accepts, within the budget (IMPORT_LIMITS by default). */
export function unzipWithLimits(
  bytes: Uint8Array,
  wanted: (entry: ZipEntryInfo) => boolean,
  limits: InflationBudget = createInflationBudget(),
): UnzippedFiles {
  const names: string[] = [];
  let selectedBytes = limits.usedBytes ?? 0;
  let inflated: Record<string, Uint8Array>;
  try {
    inflated = unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        if (names.length > limits.maxEntries) {
          throw new ImportFailureError('zipTooManyEntries', { limit: limits.maxEntries });
        }
        const entry = { name: file.name, compressedBytes: file.size, uncompressedBytes: file.originalSize };
        if (!wanted(entry)) return false;
        selectedBytes += file.originalSize;
        if (selectedBytes > limits.maxUncompressedBytes) {
          throw new ImportFailureError('zipTooLarge', {
            limitMb: Math.round(limits.maxUncompressedBytes / 2 ** 20),
          });
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ImportFailureError) throw error;
    if (error instanceof RangeError) {
      // An allocation the engine refused (an entry declaring more than it can hold): the same as too large.
      throw new ImportFailureError('zipTooLarge', {
        limitMb: Math.round(limits.maxUncompressedBytes / 2 ** 20),
      });
    }
    throw new ImportFailureError('invalidZip', {
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  limits.usedBytes = selectedBytes;
  return { names, files: new Map(Object.entries(inflated)) };
}

/** Base name of a zip entry path, lower-cased ("dir/Sites.SHP" → "sites.shp"). */
export function entryBaseName(name: string): string {
  return (name.split('/').pop() ?? name).toLowerCase();
}

/** True for macOS resource forks and other hidden entries that are never data. */
export function isHiddenEntry(name: string): boolean {
  return name.startsWith('__MACOSX/') || entryBaseName(name).startsWith('.');
}
