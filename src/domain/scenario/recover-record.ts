/**
 * What can be saved from a damaged scenario record: every site, pole and removal mark that is valid on
 * its own, under the record's own header (or a stand-in where the header itself is broken). One bad site
 * or a lost chunk of 2,000 sites then costs those sites, not the whole scenario; the original record is
 * kept aside in quarantine by the caller, so nothing is deleted. Records of a newer schema are never
 * rewritten (a newer build may understand them): they are not recovered.
 */
import { migrateScenarioRecord } from './migrations';
import { validateScenario } from './scenario-schema';
import { CURRENT_SCENARIO_SCHEMA_VERSION, type Scenario } from './scenario-types';

/** The lists of a scenario that recovery filters item by item. */
export const RECOVERABLE_LISTS = [
  'addedSites',
  'modifiedSites',
  'existingSites',
  'poles',
  'removedSiteIds',
  'measurements',
] as const;
export type RecoverableList = (typeof RECOVERABLE_LISTS)[number];

export interface LostItems {
  list: RecoverableList;
  /** Items that could not be read or were invalid. */
  lost: number;
  /** Items the record announced (kept + lost). */
  announced: number;
}

export interface RecoveredScenario {
  scenario: Scenario;
  /** Lists that lost items; empty when only the header needed repair. */
  lost: LostItems[];
  /** Header fields replaced by a stand-in (e.g. 'name', 'createdAt'). */
  repairedFields: string[];
}

export interface RecoveryOptions {
  /** The key the record was stored under (the scenario's id from now on). */
  id: string;
  nowIso: string;
  /** Name to use when the record has none. */
  fallbackName: string;
  /** Items a list announced that were not found at all (lost chunks), per list. */
  missing?: Partial<Record<RecoverableList, number>>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isIso = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));

/** Most recovery rounds: each drops every item an issue names, so two or three suffice. */
const MAX_ROUNDS = 8;

/** The header of a damaged record with stand-ins for broken fields. */
function repairHeader(record: Record<string, unknown>, options: RecoveryOptions, repaired: string[]) {
  const stand = <Value>(field: string, ok: boolean, value: unknown, fallback: Value): Value => {
    if (ok) return value as Value;
    repaired.push(field);
    return fallback;
  };
  const ref = record.baselineRef;
  const refOk = isRecord(ref) && typeof ref.id === 'string' && ref.id.trim() !== '';
  return {
    id: options.id,
    name: stand('name', typeof record.name === 'string', record.name, options.fallbackName),
    createdAt: stand('createdAt', isIso(record.createdAt), record.createdAt, options.nowIso),
    updatedAt: stand('updatedAt', isIso(record.updatedAt), record.updatedAt, options.nowIso),
    schemaVersion: CURRENT_SCENARIO_SCHEMA_VERSION,
    // A sound reference is kept whole; validation below drops a broken count or hash.
    baselineRef: stand<{ id: string }>('baselineRef', refOk, ref, { id: 'unknown' }),
  };
}

/**
 * Recovers the valid part of a stored record (a broken calibration is dropped: the plain model applies
 * until the planner fits again), or returns null when nothing can be: not an object, a
 * newer or unreadable schema version, or a failed migration.
 */
export function recoverScenarioRecord(raw: unknown, options: RecoveryOptions): RecoveredScenario | null {
  if (!isRecord(raw)) return null;
  const migrated = migrateScenarioRecord(raw);
  if (!migrated.ok) return null;
  const record = migrated.record;
  const repairedFields: string[] = [];
  const header = repairHeader(record, options, repairedFields);
  const lists: Record<RecoverableList, unknown[]> = {} as Record<RecoverableList, unknown[]>;
  const announced: Record<RecoverableList, number> = {} as Record<RecoverableList, number>;
  for (const list of RECOVERABLE_LISTS) {
    const value = record[list];
    lists[list] = Array.isArray(value) ? [...value] : [];
    announced[list] = (Array.isArray(value) ? value.length : 0) + (options.missing?.[list] ?? 0);
  }
  let calibration = record.calibration ?? null;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const candidate = { ...header, ...lists, calibration };
    const validation = validateScenario(candidate, Number.POSITIVE_INFINITY);
    if (validation.ok) {
      const lost = RECOVERABLE_LISTS.map((list) => ({
        list,
        lost: announced[list] - lists[list].length,
        announced: announced[list],
      })).filter((entry) => entry.lost > 0);
      return { scenario: validation.scenario, lost, repairedFields };
    }
    const drop = new Map<RecoverableList, Set<number>>();
    for (const issue of validation.issues) {
      const match = /^(\w+)\[(\d+)\]/.exec(issue.path);
      const list = match?.[1] as RecoverableList | undefined;
      if (match && list && RECOVERABLE_LISTS.includes(list)) {
        const indices = drop.get(list) ?? new Set<number>();
        indices.add(Number(match[2]));
        drop.set(list, indices);
      } else if (issue.path === 'baselineRef' || issue.path.startsWith('baselineRef.')) {
        header.baselineRef = { id: header.baselineRef.id };
      } else if (issue.path === 'calibration' || issue.path.startsWith('calibration.')) {
        if (calibration !== null) repairedFields.push('calibration');
        calibration = null;
      } else return null;
    }
    for (const [list, indices] of drop) lists[list] = lists[list].filter((_, index) => !indices.has(index));
  }
  return null;
}
