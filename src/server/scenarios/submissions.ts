/**
 * District submissions: a district planner hands their district plan, as it stands at a revision, to
 * the city. The plan is kept as submitted (later edits do not change a submission), listed per district
 * for the city, compared across district borders for near-duplicate sites, and merged into a city plan.
 */
import type { Scenario } from '../../domain/scenario/scenario-types';
import { findNearPairs, type NearPair, type PlanSite } from '../../domain/sync/near-sites';
import type { Queryable } from '../database/database';
import type { Geography } from '../geo/geography';

export interface SubmissionSummary {
  id: number;
  scenarioId: string;
  scenarioName: string;
  district: string;
  revision: number;
  submittedBy: string;
  submittedAt: string;
  note: string;
  /** What the plan holds: its own sites, modified and removed baseline sites. */
  counts: { added: number; modified: number; removed: number; existing: number; poles: number };
  merged: { into: string; revision: number; at: string; by: string } | null;
}

const iso = (value: unknown) => (value instanceof Date ? value : new Date(String(value))).toISOString();

function summaryOf(row: Record<string, unknown>): SubmissionSummary {
  const scenario = row.scenario as Scenario;
  return {
    id: Number(row.id),
    scenarioId: row.scenario_id as string,
    scenarioName: scenario.name,
    district: row.district as string,
    revision: Number(row.revision),
    submittedBy: row.submitted_by as string,
    submittedAt: iso(row.submitted_at),
    note: row.note as string,
    counts: {
      added: scenario.addedSites.length,
      modified: scenario.modifiedSites.length,
      removed: scenario.removedSiteIds.length,
      existing: scenario.existingSites.length,
      poles: scenario.poles.length,
    },
    merged: row.merged_into
      ? {
          into: row.merged_into as string,
          revision: Number(row.merged_revision),
          at: iso(row.merged_at),
          by: row.merged_by as string,
        }
      : null,
  };
}

export async function insertSubmission(
  queryable: Queryable,
  submission: {
    scenarioId: string;
    revision: number;
    district: string;
    by: string;
    note: string;
    scenario: Scenario;
  },
): Promise<number> {
  const [row] = await queryable.query<{ id: number }>(
    `INSERT INTO submissions (scenario_id, revision, district, submitted_by, submitted_at, note, scenario)
      VALUES ($1, $2, $3, $4, now(), $5, $6::jsonb) RETURNING id`,
    [
      submission.scenarioId,
      submission.revision,
      submission.district,
      submission.by,
      submission.note,
      JSON.stringify(submission.scenario),
    ],
  );
  return Number(row!.id);
}

/** Every submission, newest first. */
export async function listSubmissions(queryable: Queryable): Promise<SubmissionSummary[]> {
  const rows = await queryable.query<Record<string, unknown>>(
    'SELECT * FROM submissions ORDER BY submitted_at DESC, id DESC',
  );
  return rows.map(summaryOf);
}

/** The submissions with these ids, with their plans, in the order asked; throws naming a missing id. */
export async function loadSubmissions(queryable: Queryable, ids: readonly number[]) {
  const rows = await queryable.query<Record<string, unknown>>(
    'SELECT * FROM submissions WHERE id = ANY($1::int[])',
    [ids],
  );
  const byId = new Map(rows.map((row) => [Number(row.id), row]));
  return ids.map((id) => {
    const row = byId.get(id);
    if (!row) throw new RangeError(`no submission ${id}`);
    return { ...summaryOf(row), scenario: row.scenario as Scenario };
  });
}

/** The newest submission of each district that has one. */
export async function latestPerDistrict(queryable: Queryable) {
  const rows = await queryable.query<Record<string, unknown>>(
    `SELECT DISTINCT ON (district) * FROM submissions ORDER BY district, submitted_at DESC, id DESC`,
  );
  return rows.map((row) => ({ ...summaryOf(row), scenario: row.scenario as Scenario }));
}

export async function markMerged(
  queryable: Queryable,
  ids: readonly number[],
  into: string,
  revision: number,
  by: string,
) {
  await queryable.query(
    `UPDATE submissions SET merged_into = $2, merged_revision = $3, merged_at = now(), merged_by = $4
      WHERE id = ANY($1::int[])`,
    [ids, into, revision, by],
  );
}

/** A plan's own sites, where they stand: added sites and the new positions of modified baseline sites. */
export function planSites(
  planId: string,
  scenario: Scenario,
  geography: Pick<Geography, 'districtOf'>,
): PlanSite[] {
  return [...scenario.addedSites, ...scenario.modifiedSites].map((site) => {
    const [lon = 0, lat = 0] = site.geometry.coordinates;
    return {
      planId,
      siteId: site.properties.id,
      district: geography.districtOf(lon, lat),
      coordinates: [lon, lat],
    };
  });
}

/** Near pairs across district borders among the plans given (each plan's id names it in the result). */
export function nearPairsOf(
  plans: readonly { planId: string; scenario: Scenario }[],
  distanceM: number,
  geography: Pick<Geography, 'districtOf'>,
): NearPair[] {
  return findNearPairs(
    plans.flatMap((plan) => planSites(plan.planId, plan.scenario, geography)),
    distanceM,
  );
}
