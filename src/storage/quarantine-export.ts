/**
 * The "export set-aside data" file. A quarantined record holds whatever was stored, which can be more
 * than JSON spells (BigInt, Map, cycles, NaN…): every entry is encoded with toJsonSafe, and an entry
 * that still cannot be written is replaced by a note saying so, so the export always produces a file.
 */
import { toJsonSafe } from '../domain/export/json-safe';
import type { QuarantineEntry } from './database';

export const QUARANTINE_EXPORT_FORMAT = 'shanghai-infra-planner/quarantine';

/** The export file's text: pretty JSON with every entry the quarantine holds. */
export function quarantineExportText(entries: readonly QuarantineEntry[], nowIso: string): string {
  const encoded = entries.map((entry) => {
    try {
      return toJsonSafe(entry);
    } catch (error) {
      return {
        quarantineId: entry.quarantineId ?? null,
        sourceKey: String(entry.sourceKey),
        exportError: error instanceof Error ? error.message : String(error),
      };
    }
  });
  return `${JSON.stringify({ format: QUARANTINE_EXPORT_FORMAT, exportedAt: nowIso, entries: encoded }, null, 2)}\n`;
}
