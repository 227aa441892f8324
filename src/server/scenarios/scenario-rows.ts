/**
 * A scenario in the database: one row of its own fields in `scenarios` and one row per item (site,
 * pole or planned removal) in `scenario_items`. A write touches only the rows of the items it changes,
 * so saving one moved site of a scenario with 32,000 of its own costs one row, not 32,000.
 * Added sites keep their order through `ord`, a number between the neighbours' (renumbered when
 * the gap runs out or the order was rearranged).
 */
import { migrateScenarioRecord } from '../../domain/scenario/migrations';
import { describeIssues, validateScenario } from '../../domain/scenario/scenario-schema';
import { CURRENT_SCENARIO_SCHEMA_VERSION, type Scenario } from '../../domain/scenario/scenario-types';
import { FEATURE_LISTS, type ScenarioDelta } from '../../domain/sync/scenario-delta';
import type { SiteFeature } from '../../domain/types';
import type { Queryable } from '../database/database';

export interface ScenarioRow {
  id: string;
  name: string;
  district: string | null;
  revision: number;
  schemaVersion: number;
  baselineRef: Scenario['baselineRef'];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** Added-site id → ord. */
export type AddedOrds = ReadonlyMap<string, number>;

const iso = (value: unknown) =>
  value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();

export const SCENARIO_COLUMNS = `id, name, district, revision, schema_version, baseline_ref, created_at, created_by,
  updated_at, updated_by`;

export function rowFromDatabase(row: Record<string, unknown>): ScenarioRow {
  return {
    id: row.id as string,
    name: row.name as string,
    district: (row.district as string | null) ?? null,
    revision: Number(row.revision),
    schemaVersion: Number(row.schema_version),
    baselineRef: row.baseline_ref as Scenario['baselineRef'],
    createdAt: iso(row.created_at),
    createdBy: row.created_by as string,
    updatedAt: iso(row.updated_at),
    updatedBy: row.updated_by as string,
  };
}

const compareIds = (left: string, right: string) => (left < right ? -1 : left > right ? 1 : 0);

/** Reads a scenario's items and assembles the scenario (migrated when it was stored by an older schema). */
export async function readScenario(database: Queryable, row: ScenarioRow) {
  const items = await database.query<{ list: string; item_id: string; ord: number; body: unknown }>(
    'SELECT list, item_id, ord, body FROM scenario_items WHERE scenario_id = $1',
    [row.id],
  );
  const lists: Record<string, { id: string; ord: number; body: unknown }[]> = {};
  for (const item of items) {
    const list = lists[item.list] ?? [];
    lists[item.list] = list;
    list.push({ id: item.item_id, ord: Number(item.ord), body: item.body });
  }
  const added = (lists.addedSites ?? []).sort(
    (left, right) => left.ord - right.ord || compareIds(left.id, right.id),
  );
  const sorted = (list: string) => (lists[list] ?? []).sort((left, right) => compareIds(left.id, right.id));
  const record = {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    schemaVersion: row.schemaVersion,
    baselineRef: row.baselineRef,
    addedSites: added.map((item) => item.body),
    modifiedSites: sorted('modifiedSites').map((item) => item.body),
    removedSiteIds: sorted('removedSiteIds').map((item) => item.id),
    existingSites: sorted('existingSites').map((item) => item.body),
    poles: sorted('poles').map((item) => item.body),
    // The team server shares a scenario's sites and poles. Drive-test measurements and the calibration
    // fitted to them stay in the planner's own browser (docs/server.md): sets of 100,000s of samples
    // are per-planner evidence, not shared plan content, so a shared copy carries none.
    ...(row.schemaVersion >= 5 ? { measurements: [], calibration: null } : {}),
  };
  const ords: AddedOrds = new Map(added.map((item) => [item.id, item.ord]));
  if (row.schemaVersion === CURRENT_SCENARIO_SCHEMA_VERSION)
    return { scenario: record as unknown as Scenario, ords };
  const migrated = migrateScenarioRecord(record);
  if (!migrated.ok) throw new Error(`scenario ${row.id} cannot be migrated: ${migrated.message}`);
  const validation = validateScenario(migrated.record);
  if (!validation.ok)
    throw new Error(`scenario ${row.id} is invalid after migration: ${describeIssues(validation.issues)}`);
  return { scenario: validation.scenario, ords };
}

/**
 * Ords for the added sites of `next`: kept sites keep theirs, inserted ones get a number between
 * their neighbours'. `renumbered` is true when every site needed a new one.
 */
export function planOrds(previous: AddedOrds, next: readonly SiteFeature[], delta: ScenarioDelta) {
  const addedChanges = delta.items.filter((change) => change.list === 'addedSites');
  const structural = addedChanges.some((change) => change.before === undefined || change.after === undefined);
  if (!structural && !delta.addedOrder) return { ords: previous, renumbered: false };
  const renumber = () => ({
    ords: new Map(next.map((site, index) => [site.properties.id, index])),
    renumbered: true,
  });
  if (delta.addedOrder) return renumber();
  const ords = new Map(previous);
  for (const change of addedChanges) if (change.after === undefined) ords.delete(change.id);
  // The ord of the first kept site after each index, found in one backward pass.
  const following: (number | undefined)[] = new Array(next.length + 1);
  for (let index = next.length - 1; index >= 0; index--) {
    following[index] = ords.get(next[index]!.properties.id) ?? following[index + 1];
  }
  let previousOrd: number | undefined;
  for (let index = 0; index < next.length; index++) {
    const id = next[index]!.properties.id;
    let ord = ords.get(id);
    if (ord === undefined) {
      const after = following[index + 1];
      ord =
        previousOrd === undefined
          ? after === undefined
            ? 0
            : after - 1
          : after === undefined
            ? previousOrd + 1
            : (previousOrd + after) / 2;
      if ((previousOrd !== undefined && ord <= previousOrd) || (after !== undefined && ord >= after))
        return renumber();
      ords.set(id, ord);
    }
    previousOrd = ord;
  }
  return { ords, renumbered: false };
}

/** Writes the item rows a delta changes (and the added sites' ords). */
export async function writeItems(
  transaction: Queryable,
  scenarioId: string,
  delta: ScenarioDelta,
  ords: AddedOrds,
  renumbered: boolean,
): Promise<void> {
  const upserts: { list: string; id: string; ord: number; body: unknown }[] = [];
  const deletes: { list: string; id: string }[] = [];
  for (const change of delta.items) {
    if (change.after === undefined) deletes.push({ list: change.list, id: change.id });
    else
      upserts.push({ list: change.list, id: change.id, ord: ords.get(change.id) ?? 0, body: change.after });
  }
  if (deletes.length > 0) {
    await transaction.query(
      `DELETE FROM scenario_items WHERE scenario_id = $1 AND (list, item_id) IN
        (SELECT e->>'list', e->>'id' FROM jsonb_array_elements($2::jsonb) AS e)`,
      [scenarioId, JSON.stringify(deletes)],
    );
  }
  if (upserts.length > 0) await insertItems(transaction, scenarioId, upserts);
  if (renumbered) {
    const entries = [...ords].map(([id, ord]) => ({ id, ord }));
    await transaction.query(
      `UPDATE scenario_items AS s SET ord = (e->>'ord')::float8 FROM jsonb_array_elements($2::jsonb) AS e
        WHERE s.scenario_id = $1 AND s.list = 'addedSites' AND s.item_id = e->>'id'`,
      [scenarioId, JSON.stringify(entries)],
    );
  }
}

export async function insertItems(
  transaction: Queryable,
  scenarioId: string,
  items: readonly { list: string; id: string; ord: number; body: unknown }[],
): Promise<void> {
  await transaction.query(
    `INSERT INTO scenario_items (scenario_id, list, item_id, ord, body)
      SELECT $1, e->>'list', e->>'id', (e->>'ord')::float8, e->'body' FROM jsonb_array_elements($2::jsonb) AS e
      ON CONFLICT (scenario_id, list, item_id) DO UPDATE SET ord = EXCLUDED.ord, body = EXCLUDED.body`,
    [scenarioId, JSON.stringify(items)],
  );
}

/** Every item of a scenario as rows (a new scenario's first write). */
export function itemsOf(scenario: Scenario) {
  const rows: { list: string; id: string; ord: number; body: unknown }[] = [];
  for (const list of FEATURE_LISTS) {
    scenario[list].forEach((feature, index) => {
      rows.push({ list, id: feature.properties.id, ord: list === 'addedSites' ? index : 0, body: feature });
    });
  }
  for (const id of scenario.removedSiteIds) rows.push({ list: 'removedSiteIds', id, ord: 0, body: true });
  return rows;
}
