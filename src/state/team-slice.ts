/**
 * The team server as the app knows it: the server URL the planner configured (none: the app works
 * alone, offline, exactly as without this feature), who is signed in, the shared scenarios, and the
 * sync state of the open shared scenario (connected / syncing / offline, pending edits, a conflict
 * waiting for the planner, sites the server refused). Actions that talk to the server are installed by
 * app/features/team.ts as `teamServices`.
 */
import type { MessageKey } from '../domain/i18n/translate';
import type { SyncReport } from '../domain/sync/sync-report';
import type {
  MergeReport,
  NearPairsAnswer,
  RevisionEntry,
  SharedScenarioSummary,
  SubmissionSummary,
  TeamUser,
} from '../domain/sync/team-api';
import type { ConflictSide } from '../domain/sync/three-way-merge';
import type { Slice } from './slices';

export type TeamConnection = 'off' | 'checking' | 'signedOut' | 'signedIn' | 'unreachable';

export interface TeamNotice {
  key: MessageKey;
  values?: Record<string, string | number>;
  tone: 'info' | 'error';
}

export interface TeamState {
  serverUrl: string | null;
  connection: TeamConnection;
  user: TeamUser | null;
  sharedScenarios: readonly SharedScenarioSummary[];
  /** The sync of the open scenario when it is a shared one. */
  sync: (SyncReport & { scenarioId: string }) | null;
  history: readonly RevisionEntry[] | null;
  submissions: readonly SubmissionSummary[] | null;
  nearPairs: NearPairsAnswer | null;
  mergeReport: readonly MergeReport[] | null;
  /** The outcome of the last action, shown under the panel's title. */
  notice: TeamNotice | null;
  busy: boolean;
  /** District adcode → names, for labels (from the districts layer's data). */
  districtNames: ReadonlyMap<string, { name: string; nameEn: string }>;
}

/** Talks to the server; installed by app/features/team.ts. Failures end up in `team.notice`. */
export interface TeamServices {
  connect(serverUrl: string): Promise<void>;
  /** Forgets the server: the app is on its own again (shared scenarios stay as local copies). */
  disconnect(): Promise<void>;
  signIn(name: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  refresh(): Promise<void>;
  openShared(id: string): Promise<void>;
  /** Puts the open local scenario on the server as a new shared scenario and opens the shared copy. */
  shareCurrent(): Promise<void>;
  syncNow(): Promise<void>;
  resolveConflict(choices: Readonly<Record<string, ConflictSide>>): Promise<void>;
  revertRefused(): Promise<void>;
  loadHistory(): Promise<void>;
  restoreRevision(revision: number): Promise<void>;
  submitPlan(note: string): Promise<void>;
  loadSubmissions(): Promise<void>;
  findNearPairs(distanceM: number): Promise<void>;
  mergeSubmissions(submissionIds: number[], leaveOut: string[]): Promise<void>;
  /** Moves the map to a site (a near pair's). */
  showSite(coordinates: readonly [number, number]): void;
}

export interface TeamSlice {
  team: TeamState;
  setTeam: (patch: Partial<TeamState>) => void;
  teamServices: TeamServices | null;
  setTeamServices: (services: TeamServices | null) => void;
}

export const INITIAL_TEAM_STATE: TeamState = {
  serverUrl: null,
  connection: 'off',
  user: null,
  sharedScenarios: [],
  sync: null,
  history: null,
  submissions: null,
  nearPairs: null,
  mergeReport: null,
  notice: null,
  busy: false,
  districtNames: new Map(),
};

export const createTeamSlice: Slice<TeamSlice> = (set, get) => ({
  team: INITIAL_TEAM_STATE,
  setTeam: (patch) => set({ team: { ...get().team, ...patch } }),
  teamServices: null,
  setTeamServices: (teamServices) => set({ teamServices }),
});

/** What the header says about the team server, or null when none is configured. */
export type TeamIndicator = 'connected' | 'syncing' | 'offline' | 'signedOut' | 'conflict' | 'refused';

export function teamIndicator(team: TeamState): TeamIndicator | null {
  if (team.serverUrl === null || team.connection === 'off') return null;
  if (team.connection === 'unreachable') return 'offline';
  if (team.connection === 'signedOut' || team.connection === 'checking') return 'signedOut';
  const sync = team.sync;
  if (!sync) return 'connected';
  if (sync.conflict) return 'conflict';
  if (sync.status === 'offline') return 'offline';
  if (sync.status === 'signedOut') return 'signedOut';
  if (sync.refused) return 'refused';
  if (sync.status === 'syncing' || sync.status === 'connecting' || sync.pendingChanges > 0) return 'syncing';
  return 'connected';
}
