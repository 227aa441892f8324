/**
 * The team server's HTTP API as the app sees it: the shapes of its answers (see the OpenAPI document
 * at GET /api/openapi.json, and docs/server.md). Shared by the app's client and the tests.
 */
import type { Scenario } from '../scenario/scenario-types';
import type { DeltaCounts } from './delta-summary';
import type { NearPair } from './near-sites';
import type { ScenarioDelta } from './scenario-delta';

export type TeamRole = 'city' | 'district' | 'viewer';

export interface TeamUser {
  name: string;
  role: TeamRole;
  /** Adcode of a district planner's district. */
  district: string | null;
  districtName?: string | null;
  districtNameEn?: string | null;
}

export interface SharedScenarioSummary {
  id: string;
  name: string;
  revision: number;
  updatedAt: string;
  updatedBy: string;
  /** The district whose plan it is; null for city plans. */
  district: string | null;
}

export interface SharedScenario extends SharedScenarioSummary {
  scenario: Scenario;
}

export type RevisionKind = 'create' | 'edit' | 'restore' | 'merge';

export interface RevisionEntry {
  revision: number;
  author: string;
  at: string;
  /** English summary; the app words `counts` itself. */
  summary: string;
  kind: RevisionKind;
  counts: DeltaCounts;
  detail: Record<string, unknown> | null;
}

export interface RevisionDelta {
  revision: number;
  author: string;
  delta: ScenarioDelta;
}

export interface SubmissionSummary {
  id: number;
  scenarioId: string;
  scenarioName: string;
  district: string;
  revision: number;
  submittedBy: string;
  submittedAt: string;
  note: string;
  counts: { added: number; modified: number; removed: number; existing: number; poles: number };
  merged: { into: string; revision: number; at: string; by: string } | null;
}

export interface MergeReport {
  submissionId: number;
  district: string;
  merged: number;
  outsideDistrict: string[];
  leftOut: string[];
}

export interface NearPairsAnswer {
  distanceM: number;
  pairs: NearPair[];
}

/** An error answer: a stable code the app translates, and English detail. */
export interface TeamErrorBody {
  error: string;
  message: string;
  revision?: number;
  reason?: string;
  siteIds?: string[];
  retryAfterSeconds?: number;
}
