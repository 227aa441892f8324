/** What a team sync tells the app about the open shared scenario (see src/services/team-sync.ts). */
import type { MergeConflict } from './three-way-merge';

export type SyncStatus = 'connecting' | 'connected' | 'syncing' | 'offline' | 'signedOut' | 'gone';

export interface SyncConflict {
  conflicts: MergeConflict[];
  theirRevision: number;
  /** Who wrote the revisions since ours. */
  theirAuthors: string[];
}

export interface SyncReport {
  status: SyncStatus;
  revision: number;
  /** Changed items not yet on the server. */
  pendingChanges: number;
  conflict: SyncConflict | null;
  /** Sites the server refused (outside the planner's district): they stay local until reverted. */
  refused: { reason: string; siteIds: string[] } | null;
}
