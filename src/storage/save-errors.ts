/** Why a save did not land, in terms the app can act on (and translate). */

/**
 * The stored scenario is not the version this tab last read or wrote: another tab (or window) saved it
 * meanwhile, or deleted it. Nothing was written; merge with the stored version and save again.
 */
export class ScenarioConflictError extends Error {
  constructor(
    readonly scenarioId: string,
    /** The revision now stored, or undefined when the record was deleted. */
    readonly storedRevision: number | undefined,
  ) {
    super(
      storedRevision === undefined
        ? `scenario ${scenarioId} was deleted elsewhere`
        : `scenario ${scenarioId} is at revision ${storedRevision} in storage, saved elsewhere`,
    );
    this.name = 'ScenarioConflictError';
  }
}

export type SaveFailureKind = 'quota' | 'conflict' | 'invalid' | 'unavailable' | 'unknown';

/** Sorts a failed save: a full disk, another tab's newer version, bad data, or storage gone. */
export function classifySaveError(error: unknown): SaveFailureKind {
  if (error instanceof ScenarioConflictError) return 'conflict';
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(message)) return 'quota';
  if (/refusing to save an invalid scenario/.test(message)) return 'invalid';
  if (name === 'InvalidStateError' || name === 'UnknownError' || /closing|closed/i.test(message)) {
    return 'unavailable';
  }
  return 'unknown';
}
