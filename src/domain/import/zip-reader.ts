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

/** Lists the zip and inflates the entries `wanted` accepts, within IMPORT_LIMITS. */
export function unzipWithLimits(
  bytes: Uint8Array,
  wanted: (entry: ZipEntryInfo) => boolean,
  limits: { maxEntries: number; maxUncompressedBytes: number } = {
    maxEntries: IMPORT_LIMITS.maxZipEntries,
    maxUncompressedBytes: IMPORT_LIMITS.maxUncompressedBytes,
  },
): UnzippedFiles {
  const names: string[] = [];
  let selectedBytes = 0;
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
    throw new ImportFailureError('invalidZip', {
      detail: error instanceof Error ? error.message : String(error),
    });
  }
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
