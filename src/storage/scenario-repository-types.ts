/** The scenario repository's interface and the shapes it returns (scenario-repository.ts implements it). */
import type { LostItems } from '../domain/scenario/recover-record';
import type { Scenario } from '../domain/scenario/scenario-types';
import type { QuarantineReason } from '../domain/scenario/stored-record';
import type { QuarantineEntry } from './database';

/** A scenario that came back from a damaged record, with what it lost. */
export interface RecoveredNotice {
  id: string;
  name: string;
  lost: LostItems[];
  repairedFields: string[];
}

export interface LoadedScenarios {
  /** Valid scenarios (recovered ones included), most recently updated first. */
  scenarios: Scenario[];
  /** Scenarios that were read from an older schema version (saved in the new shape on next save). */
  migrated: { id: string; fromVersion: number }[];
  /** Records moved to quarantine by this load. */
  quarantined: QuarantineEntry[];
  /** Damaged records whose intact part was recovered (their originals are among `quarantined`). */
  recovered: RecoveredNotice[];
  /** Records that could not even be read; left where they are, untouched. */
  unreadable: { key: string; message: string }[];
  /** The last open scenario, if it is among `scenarios`. */
  lastOpenScenarioId: string | undefined;
}

export type LoadedScenario =
  | { kind: 'valid'; scenario: Scenario; revision: number }
  | { kind: 'missing' }
  | { kind: 'damaged'; reason: QuarantineReason };

export interface SaveOptions {
  /** Write even if another tab saved or deleted it meanwhile (after the user chose this version). */
  overwrite?: boolean;
}

export interface ScenarioRepository {
  /**
   * Validates and writes a scenario; throws (writing nothing) if it is not a valid scenario, if the
   * stored version is not the one this tab knows (ScenarioConflictError), or if the disk is full. Long
   * site lists go to chunks, of which only those that changed since the last save are written. A
   * scenario that is exactly the version last read or written is not written again.
   */
  saveScenario(
    scenario: Scenario,
    options?: SaveOptions,
  ): Promise<{ chunksWritten: number; measurementSetsWritten: number; revision: number }>;
  deleteScenario(id: string): Promise<void>;
  /** Loads every record; `fallbackName` names a recovered scenario whose record lost its name. */
  loadScenarios(options?: { fallbackName?: (key: string) => string }): Promise<LoadedScenarios>;
  /** Reads one scenario as stored now (after another tab saved it). */
  loadScenario(id: string): Promise<LoadedScenario>;
  /** The version of a scenario this tab last read or wrote: the base for merging another tab's version. */
  knownScenario(id: string): Scenario | undefined;
  /** Hears other tabs' saves and deletions; returns a disposer. */
  onOtherTabChange(
    listener: (change: { type: 'saved' | 'deleted'; scenarioId: string; revision?: number }) => void,
  ): () => void;
  /** The revision this tab last read or wrote for a scenario. */
  knownRevision(id: string): number | undefined;
  /**
   * Records that `scenario` holds exactly what is stored (the stored version, re-made by applying it as
   * an edit), so saving it writes nothing: tabs that only follow another's saves never write back.
   */
  acceptAsStored(scenario: Scenario): void;
  /** Forgets what this tab knew of a scenario deleted elsewhere, so saving it writes it afresh. */
  forget(id: string): void;
  /** Every scenario's stored settings (scenario-settings.ts reads them), by scenario id. */
  loadAllSettings(): Promise<Map<string, unknown>>;
  saveSettings(id: string, settings: unknown): Promise<void>;
  getLastOpenScenarioId(): Promise<string | undefined>;
  setLastOpenScenarioId(id: string): Promise<void>;
  listQuarantine(): Promise<QuarantineEntry[]>;
  /** All quarantined records as pretty JSON text; always a file, whatever the records hold. */
  exportQuarantine(nowIso?: string): Promise<string>;
  /** Deletes one quarantined record (after the planner exported it). */
  deleteQuarantined(quarantineId: number): Promise<void>;
  close(): void;
}
