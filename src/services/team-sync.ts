/**
 * Keeps the open shared scenario in step with the team server. The local scenario (edited through the
 * store's one door and cached in IndexedDB by autosave) is compared with `base`, the server revision it
 * grew from: whatever differs is pending and is PUT on that revision. When the server has moved on
 * (409, or a newer revision seen by polling) the sync merges three ways — base, mine, theirs — and
 * hands the result back through the one door as a remote edit; a site both sides changed differently
 * waits for the planner's choice in the conflict dialog. Unreachable server: the edits stay pending
 * (they are in the local scenario) and go out on the next successful try.
 */
import type { Scenario } from '../domain/scenario/scenario-types';
import { applyDelta } from '../domain/sync/apply-delta';
import { diffScenarios, isEmptyDelta } from '../domain/sync/scenario-delta';
import type { SyncConflict, SyncReport, SyncStatus } from '../domain/sync/sync-report';
import { type ConflictSide, mergeScenarios } from '../domain/sync/three-way-merge';

export type { SyncConflict, SyncReport, SyncStatus } from '../domain/sync/sync-report';

import { type TeamClient, TeamError, TeamOfflineError } from './team-client';

/** What ties a local scenario to its shared original; kept in IndexedDB next to the scenario. */
export interface SyncLink {
  serverUrl: string;
  scenarioId: string;
  /** The server revision `base` is. */
  revision: number;
  /** The scenario as the server had it at `revision`. */
  base: Scenario;
}

export interface TeamSyncPorts {
  client: TeamClient;
  /** The local version of the linked scenario. */
  local(): Scenario | undefined;
  /** Makes `target` the local version, through the store's one door as a remote edit. */
  adopt(target: Scenario): void;
  /** True while a drag streams: its one undo step is pushed when it ends. */
  gestureActive(): boolean;
  saveLink(link: SyncLink): void | Promise<void>;
  report(report: SyncReport): void;
}

export interface TeamSyncOptions {
  pollMs?: number;
  /** Edits within this time go out as one write. */
  pushDelayMs?: number;
  /** Longest wait between tries while the server is unreachable. */
  maxRetryMs?: number;
}

const countPending = (base: Scenario, local: Scenario) => {
  const delta = diffScenarios(base, local);
  return delta.items.length + (delta.name ? 1 : 0);
};

export class TeamSync {
  private status: SyncStatus = 'connecting';
  private conflict: (SyncConflict & { theirs: Scenario }) | null = null;
  private refused: SyncReport['refused'] = null;
  private running: Promise<void> | null = null;
  private again = false;
  private retryMs = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private poller: ReturnType<typeof setInterval> | undefined;
  private stopped = false;

  constructor(
    private readonly ports: TeamSyncPorts,
    private link: SyncLink,
    private readonly options: TeamSyncOptions = {},
  ) {}

  get scenarioId(): string {
    return this.link.scenarioId;
  }

  start(): void {
    this.report();
    void this.sync();
    this.poller = setInterval(() => void this.sync(), this.options.pollMs ?? 3000);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.poller);
  }

  /** A local edit landed: push it shortly (edits in quick succession go out together). */
  localEdited(): void {
    this.report();
    this.later(this.options.pushDelayMs ?? 300);
  }

  /** Tries now (the browser came back online, the planner pressed "sync now"). */
  syncNow(): Promise<void> {
    this.retryMs = 0;
    return this.sync();
  }

  /** Settles the open conflict with the planner's choice per site, and pushes the result. */
  resolveConflict(choices: ReadonlyMap<string, ConflictSide>): Promise<void> {
    const conflict = this.conflict;
    const local = this.ports.local();
    if (!conflict || !local) return Promise.resolve();
    this.ports.adopt(mergeScenarios(this.link.base, local, conflict.theirs, choices).merged);
    this.conflict = null;
    this.moveBase(conflict.theirs, conflict.theirRevision);
    return this.syncNow();
  }

  /** Takes back the local changes of the refused sites (they return to the server's version). */
  revertRefused(): Promise<void> {
    const local = this.ports.local();
    const refused = new Set(this.refused?.siteIds ?? []);
    if (!local || refused.size === 0) return Promise.resolve();
    const back = diffScenarios(local, this.link.base).items.filter((change) => refused.has(change.id));
    this.ports.adopt(applyDelta(local, { items: back }));
    this.refused = null;
    return this.syncNow();
  }

  private later(delayMs: number): void {
    clearTimeout(this.timer);
    if (!this.stopped) this.timer = setTimeout(() => void this.sync(), delayMs);
  }

  private sync(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.once();
        } while (this.again && !this.stopped);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async once(): Promise<void> {
    if (this.conflict) return;
    if (this.ports.gestureActive()) return this.later(300);
    const local = this.ports.local();
    if (!local) return;
    try {
      if (!this.refused && countPending(this.link.base, local) > 0) {
        this.setStatus('syncing');
        const answer = await this.ports.client.putScenario(this.link.scenarioId, this.link.revision, local);
        if (answer.kind === 'written') {
          this.moveBase(local, answer.revision);
          if (this.ports.local() !== local) this.again = true;
        } else {
          await this.pull();
        }
      } else {
        await this.pull();
      }
      this.retryMs = 0;
      this.setStatus(this.conflict ? 'connected' : this.again ? 'syncing' : 'connected');
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    if (error instanceof TeamOfflineError) {
      this.retryMs = Math.min(
        this.options.maxRetryMs ?? 30_000,
        this.retryMs === 0 ? 2000 : this.retryMs * 2,
      );
      this.setStatus('offline');
      this.later(this.retryMs);
    } else if (error instanceof TeamError && error.status === 401) {
      this.setStatus('signedOut');
    } else if (error instanceof TeamError && error.status === 404) {
      this.setStatus('gone');
    } else if (error instanceof TeamError && error.status === 403) {
      this.refused = { reason: error.body.reason ?? 'forbidden', siteIds: error.body.siteIds ?? [] };
      this.setStatus('connected');
    } else {
      console.warn('team sync:', error instanceof Error ? error.message : error);
      this.retryMs = Math.min(
        this.options.maxRetryMs ?? 30_000,
        this.retryMs === 0 ? 2000 : this.retryMs * 2,
      );
      this.later(this.retryMs);
      this.report();
    }
  }

  /** Reads the server's revision when it is newer, and merges it in (or opens a conflict). */
  private async pull(): Promise<void> {
    const answer = await this.ports.client.getScenario(this.link.scenarioId, this.link.revision);
    if (answer === 'unchanged') return;
    const local = this.ports.local();
    if (!local) return;
    const { merged, conflicts } = mergeScenarios(this.link.base, local, answer.scenario);
    if (conflicts.length > 0) {
      const history = await this.ports.client
        .history(this.link.scenarioId, this.link.revision)
        .catch(() => []);
      this.conflict = {
        conflicts,
        theirRevision: answer.revision,
        theirAuthors: [...new Set(history.map((entry) => entry.author))],
        theirs: answer.scenario,
      };
      this.report();
      return;
    }
    if (!isEmptyDelta(diffScenarios(local, merged))) this.ports.adopt(merged);
    this.moveBase(answer.scenario, answer.revision);
    if (!isEmptyDelta(diffScenarios(answer.scenario, merged))) this.again = true;
  }

  private moveBase(base: Scenario, revision: number): void {
    this.link = { ...this.link, base, revision };
    void Promise.resolve(this.ports.saveLink(this.link)).catch((error: unknown) =>
      console.warn('team sync: keeping the link failed:', error instanceof Error ? error.message : error),
    );
    this.report();
  }

  private setStatus(status: SyncStatus): void {
    this.status = status;
    this.report();
  }

  private report(): void {
    const local = this.ports.local();
    const { theirs: _theirs, ...conflict } = this.conflict ?? { theirs: null };
    this.ports.report({
      status: this.status,
      revision: this.link.revision,
      pendingChanges: local ? countPending(this.link.base, local) : 0,
      conflict: this.conflict ? (conflict as SyncConflict) : null,
      refused: this.refused,
    });
  }
}
