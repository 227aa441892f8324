/**
 * Shared scenarios with revisions. Every write names the revision it was based on; the scenario row
 * is locked for the write, so of two writers on one revision exactly one lands and the other hears
 * which revision is current (no lost update). Each revision stores its delta, its author and time.
 * The current scenario of recently used ids is kept in memory, tagged with its revision, so a write
 * compares the sent scenario with it instead of reading every row.
 */
import { createScenario } from '../../domain/scenario/scenario';
import { CURRENT_SCENARIO_SCHEMA_VERSION, type Scenario } from '../../domain/scenario/scenario-types';
import { applyDelta } from '../../domain/sync/apply-delta';
import { countDelta, type DeltaCounts, describeCounts } from '../../domain/sync/delta-summary';
import {
  diffScenarios,
  invertDelta,
  isEmptyDelta,
  type ScenarioDelta,
} from '../../domain/sync/scenario-delta';
import type { Database, Queryable } from '../database/database';
import type { Geography } from '../geo/geography';
import {
  type AddedOrds,
  insertItems,
  itemsOf,
  planOrds,
  readScenario,
  rowFromDatabase,
  SCENARIO_COLUMNS,
  type ScenarioRow,
  writeItems,
} from './scenario-rows';

export type RevisionKind = 'create' | 'edit' | 'restore' | 'merge';

export class StaleRevisionError extends Error {
  constructor(readonly currentRevision: number) {
    super(`the scenario is at revision ${currentRevision}`);
  }
}
export class ScenarioNotFoundError extends Error {}

/** Thrown by a write's `check` to refuse the change (the route turns it into 403). */
export class WriteRefusedError extends Error {
  constructor(
    readonly reason: string,
    readonly siteIds: readonly string[],
  ) {
    super(reason);
  }
}

export interface LoadedScenario {
  row: ScenarioRow;
  scenario: Scenario;
  ords: AddedOrds;
}

export interface HistoryEntry {
  revision: number;
  author: string;
  at: string;
  summary: string;
  kind: RevisionKind;
  counts: DeltaCounts;
  detail: Record<string, unknown> | null;
}

export interface WriteRequest {
  id: string;
  baseRevision: number;
  next: Scenario;
  author: string;
  kind: RevisionKind;
  detail?: Record<string, unknown>;
  /** Sees the stored scenario and the delta before anything is written; throws WriteRefusedError to refuse. */
  check?: (loaded: LoadedScenario, delta: ScenarioDelta) => void;
  /** More writes in the same transaction (audit entries, submissions marked merged). */
  within?: (transaction: Queryable, revision: number) => Promise<void>;
}

const CACHED_SCENARIOS = 16;

export class ScenarioStore {
  private readonly cache = new Map<string, LoadedScenario>();

  constructor(
    private readonly database: Database,
    private readonly geography: Geography,
  ) {}

  async list(): Promise<ScenarioRow[]> {
    const rows = await this.database.query(
      `SELECT ${SCENARIO_COLUMNS} FROM scenarios ORDER BY updated_at DESC, id`,
    );
    return rows.map(rowFromDatabase);
  }

  async row(id: string, queryable: Queryable = this.database): Promise<ScenarioRow> {
    const [row] = await queryable.query(`SELECT ${SCENARIO_COLUMNS} FROM scenarios WHERE id = $1`, [id]);
    if (!row) throw new ScenarioNotFoundError(`no scenario ${id}`);
    return rowFromDatabase(row);
  }

  /** The current scenario: from memory when the cached revision is still current, else from its rows. */
  async load(id: string): Promise<LoadedScenario> {
    const row = await this.row(id);
    const cached = this.cache.get(id);
    if (cached && cached.row.revision === row.revision) {
      this.remember({ ...cached, row });
      return this.cache.get(id)!;
    }
    const { scenario, ords } = await readScenario(this.database, row);
    const loaded = { row, scenario, ords };
    this.remember(loaded);
    return loaded;
  }

  private remember(loaded: LoadedScenario): void {
    this.cache.delete(loaded.row.id);
    this.cache.set(loaded.row.id, loaded);
    if (this.cache.size > CACHED_SCENARIOS) this.cache.delete(this.cache.keys().next().value!);
  }

  /** Stores a new scenario (revision 1) under a fresh id; `scenario` is already validated. */
  async create(options: {
    id: string;
    scenario: Scenario;
    district: string | null;
    author: string;
    within?: (transaction: Queryable) => Promise<void>;
  }) {
    const now = new Date().toISOString();
    const scenario: Scenario = { ...options.scenario, id: options.id, createdAt: now, updatedAt: now };
    const empty = createScenario({
      id: options.id,
      name: scenario.name,
      baselineRef: scenario.baselineRef,
      nowIso: now,
    });
    const delta = diffScenarios(empty, scenario);
    const counts = countDelta(delta, (siteId) => this.geography.baseline.get(siteId));
    await this.database.transaction(async (transaction) => {
      await transaction.query(
        `INSERT INTO scenarios (${SCENARIO_COLUMNS}) VALUES ($1, $2, $3, 1, $4, $5::jsonb, $6, $7, $6, $7)`,
        [
          options.id,
          scenario.name,
          options.district,
          CURRENT_SCENARIO_SCHEMA_VERSION,
          JSON.stringify(scenario.baselineRef),
          now,
          options.author,
        ],
      );
      await insertItems(transaction, options.id, itemsOf(scenario));
      await this.insertRevision(transaction, options.id, 1, options.author, now, 'create', delta, counts);
      await options.within?.(transaction);
    });
    return { id: options.id, revision: 1 };
  }

  /** Writes `next` as the revision after `baseRevision`; unchanged content keeps the current revision. */
  /**
   * The scenario a write is compared with. The copy this process wrote last is trusted without asking
   * the database when it is at the revision the writer names; anything else (another server process
   * wrote, or the writer is behind) is settled by reading the database. The write itself checks the
   * revision again under the row lock, so a stale copy can never land a write.
   */
  private async current(id: string, baseRevision: number): Promise<LoadedScenario> {
    const cached = this.cache.get(id);
    if (cached && cached.row.revision === baseRevision) return cached;
    return this.load(id);
  }

  async write(request: WriteRequest): Promise<{ revision: number; changed: boolean; counts: DeltaCounts }> {
    const loaded = await this.current(request.id, request.baseRevision);
    if (loaded.row.revision !== request.baseRevision) throw new StaleRevisionError(loaded.row.revision);
    const delta = diffScenarios(loaded.scenario, request.next);
    request.check?.(loaded, delta);
    const counts = countDelta(delta, (siteId) => this.geography.baseline.get(siteId));
    if (isEmptyDelta(delta)) return { revision: loaded.row.revision, changed: false, counts };
    const { ords, renumbered } = planOrds(loaded.ords, request.next.addedSites, delta);
    const now = new Date().toISOString();
    const revision = request.baseRevision + 1;
    try {
      await this.database.transaction(async (transaction) => {
        // The conditional update takes the row lock: of two writers on one revision, one updates a row.
        const updated = await transaction.query(
          `UPDATE scenarios SET revision = $2, name = $3, baseline_ref = $4::jsonb, schema_version = $5,
            updated_at = $6, updated_by = $7 WHERE id = $1 AND revision = $8 RETURNING revision`,
          [
            request.id,
            revision,
            request.next.name,
            JSON.stringify(request.next.baselineRef),
            CURRENT_SCENARIO_SCHEMA_VERSION,
            now,
            request.author,
            request.baseRevision,
          ],
        );
        if (updated.length === 0) {
          const [row] = await transaction.query<{ revision: number }>(
            'SELECT revision FROM scenarios WHERE id = $1',
            [request.id],
          );
          if (!row) throw new ScenarioNotFoundError(`no scenario ${request.id}`);
          throw new StaleRevisionError(Number(row.revision));
        }
        await writeItems(transaction, request.id, delta, ords, renumbered);
        await this.insertRevision(
          transaction,
          request.id,
          revision,
          request.author,
          now,
          request.kind,
          delta,
          counts,
          request.detail,
        );
        await request.within?.(transaction, revision);
      });
    } catch (error) {
      this.cache.delete(request.id);
      throw error;
    }
    const row: ScenarioRow = {
      ...loaded.row,
      revision,
      name: request.next.name,
      baselineRef: request.next.baselineRef,
      schemaVersion: CURRENT_SCENARIO_SCHEMA_VERSION,
      updatedAt: now,
      updatedBy: request.author,
    };
    const scenario: Scenario = {
      ...request.next,
      id: request.id,
      createdAt: loaded.row.createdAt,
      updatedAt: now,
    };
    this.remember({ row, scenario, ords });
    return { revision, changed: true, counts };
  }

  private async insertRevision(
    transaction: Queryable,
    id: string,
    revision: number,
    author: string,
    at: string,
    kind: RevisionKind,
    delta: ScenarioDelta,
    counts: DeltaCounts,
    detail?: Record<string, unknown>,
  ): Promise<void> {
    await transaction.query(
      `INSERT INTO scenario_revisions (scenario_id, revision, author, at, kind, summary, counts, delta, detail)
        VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9::jsonb)`,
      [
        id,
        revision,
        author,
        at,
        kind,
        describeCounts(counts),
        JSON.stringify(counts),
        JSON.stringify(delta),
        detail ? JSON.stringify(detail) : null,
      ],
    );
  }

  /** The scenario's revisions, oldest first (from `since` on, when given). */
  async history(id: string, since = 0): Promise<HistoryEntry[]> {
    await this.row(id);
    const rows = await this.database.query<Record<string, unknown>>(
      `SELECT revision, author, at, kind, summary, counts, detail FROM scenario_revisions
        WHERE scenario_id = $1 AND revision > $2 ORDER BY revision`,
      [id, since],
    );
    return rows.map((row) => ({
      revision: Number(row.revision),
      author: row.author as string,
      at: (row.at instanceof Date ? row.at : new Date(String(row.at))).toISOString(),
      summary: row.summary as string,
      kind: row.kind as RevisionKind,
      counts: row.counts as DeltaCounts,
      detail: (row.detail as Record<string, unknown> | null) ?? null,
    }));
  }

  /** The deltas of the revisions after `since`, oldest first: what a client applies to catch up. */
  async deltasSince(
    id: string,
    since: number,
  ): Promise<{ revision: number; author: string; delta: ScenarioDelta }[]> {
    const rows = await this.database.query<{ revision: number; author: string; delta: ScenarioDelta }>(
      'SELECT revision, author, delta FROM scenario_revisions WHERE scenario_id = $1 AND revision > $2 ORDER BY revision',
      [id, since],
    );
    return rows.map((row) => ({ revision: Number(row.revision), author: row.author, delta: row.delta }));
  }

  /** The scenario as it was at `revision`: the current one with every later revision undone. */
  async atRevision(id: string, revision: number): Promise<Scenario> {
    const loaded = await this.load(id);
    if (!Number.isInteger(revision) || revision < 1 || revision > loaded.row.revision) {
      throw new ScenarioNotFoundError(`scenario ${id} has no revision ${revision}`);
    }
    const later = await this.deltasSince(id, revision);
    let scenario = loaded.scenario;
    for (const entry of later.reverse()) {
      if (entry.revision > loaded.row.revision) continue;
      scenario = applyDelta(scenario, invertDelta(entry.delta));
    }
    return scenario;
  }
}
