/**
 * Autosave: every scenario change reaches IndexedDB within a second. Saves are debounced (a drag
 * does not write 60 times a second) but capped by maxWaitMs (a long drag still saves), and pending
 * work is flushed when the page is hidden or closed (pagehide / visibilitychange), so a reload or
 * crash loses at most the last second. The app wires it; nothing here knows about zustand.
 *
 * A save that fails (a full disk, storage gone) keeps its scenario pending in memory and is retried,
 * sooner after each edit and at growing intervals otherwise, until it lands; `failingScenarioIds` says
 * which scenarios are not saved meanwhile. A save refused because another tab saved the scenario first
 * goes to `onConflict` (the app merges both versions; the merged version then comes back as an edit).
 */
import type { Scenario } from '../domain/scenario/scenario-types';
import { prepareStoredMeasurementSets } from './measurement-blobs';
import { ScenarioConflictError } from './save-errors';
import type { ScenarioRepository } from './scenario-repository';

/** The part of window/document autosave listens to; injectable for tests. */
export interface PageLifecycle {
  addEventListener(type: 'pagehide' | 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'pagehide' | 'visibilitychange', listener: () => void): void;
  isHidden(): boolean;
}

export interface AutosaveOptions<State> {
  getState: () => State;
  /** zustand's store.subscribe fits as-is. */
  subscribe: (listener: (state: State) => void) => () => void;
  /** The open scenario in the state, or undefined when none is open. */
  selectScenario: (state: State) => Scenario | undefined;
  repository: {
    saveScenario(scenario: Scenario): Promise<unknown>;
    setLastOpenScenarioId: ScenarioRepository['setLastOpenScenarioId'];
  };
  /** Quiet time before a save. Default 300 ms. */
  debounceMs?: number;
  /** Longest a change waits while edits keep coming. Default 1000 ms. */
  maxWaitMs?: number;
  /** Default: the browser's window and document; pass null to listen to nothing. */
  lifecycle?: PageLifecycle | null;
  /** First wait before retrying a failed save; it doubles up to maxRetryMs. Default 3000 ms. */
  retryMs?: number;
  /** Default 60,000 ms. */
  maxRetryMs?: number;
  /**
   * A save still unsettled after this long counts as failed, so the writes queued behind it (retries,
   * the user's 重试) are not held up for ever. Default 30,000 ms.
   */
  writeTimeoutMs?: number;
  onSaved?: (scenario: Scenario) => void;
  onError?: (error: unknown, scenario: Scenario) => void;
  /**
   * Another tab saved the scenario since this one read it: nothing was written. Resolves to the merged
   * version to save instead (already put in the store when it is the open scenario).
   */
  onConflict?: (error: ScenarioConflictError, scenario: Scenario) => Promise<Scenario>;
}

export interface Autosave {
  /** Writes everything pending now; resolves when written. */
  flush(): Promise<void>;
  /** Forgets pending writes of a scenario (call before deleting it, so it is not written back). */
  discard(scenarioId: string): void;
  /** True while a change has not been written yet. */
  hasPendingChanges(): boolean;
  /** Scenarios whose last save failed and that are not saved since (retried until they are). */
  failingScenarioIds(): string[];
  /** Retries failed saves now (e.g. after the user freed space). */
  retryNow(): Promise<void>;
  /**
   * Writes a scenario now, open or not (a scenario action's save, the first scenario's first write), on
   * the same path as edits: a failure joins the failed saves, retried until it lands, so the app never
   * says "saved" while it is unsaved. Resolves when written or failed; never rejects.
   */
  save(scenario: Scenario): Promise<void>;
  /** Flushes and stops listening. */
  dispose(): Promise<void>;
}

function browserLifecycle(): PageLifecycle | null {
  if (typeof window === 'undefined' || typeof document === 'undefined') return null;
  return {
    addEventListener: (type, listener) =>
      (type === 'pagehide' ? window : document).addEventListener(type, listener),
    removeEventListener: (type, listener) =>
      (type === 'pagehide' ? window : document).removeEventListener(type, listener),
    isHidden: () => document.visibilityState === 'hidden',
  };
}

/** Starts autosaving the open scenario of a store; see the module comment for the guarantees. */
export function installAutosave<State>(options: AutosaveOptions<State>): Autosave {
  const debounceMs = options.debounceMs ?? 300;
  const maxWaitMs = Math.max(options.maxWaitMs ?? 1000, debounceMs);
  const lifecycle = options.lifecycle === undefined ? browserLifecycle() : options.lifecycle;
  const pending = new Map<string, Scenario>();
  let lastSeen = options.selectScenario(options.getState());
  let openId = lastSeen?.id;
  let firstPendingAt: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();
  const retryMs = options.retryMs ?? 3000;
  const maxRetryMs = Math.max(options.maxRetryMs ?? 60_000, retryMs);
  /** Failed scenarios not saved since, and when the next retry is due. */
  const failing = new Set<string>();
  let retryDelay = retryMs;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const scheduleRetry = () => {
    if (retryTimer !== undefined) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void flush();
    }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, maxRetryMs);
  };

  const writeTimeoutMs = options.writeTimeoutMs ?? 30_000;
  /** The repository's save, or a rejection once it has taken longer than writeTimeoutMs. */
  const saveWithin = (scenario: Scenario): Promise<unknown> => {
    const saving = options.repository.saveScenario(scenario);
    let timeout: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_resolve, reject) => {
      timeout = setTimeout(
        () => reject(new Error(`saving ${scenario.id} did not finish within ${writeTimeoutMs} ms`)),
        writeTimeoutMs,
      );
    });
    // A save that settles after its timeout is left to settle on its own (the retry writes it again).
    saving.catch(() => undefined);
    return Promise.race([saving, late]).finally(() => clearTimeout(timeout));
  };

  /** Conflicts in a row for one save before it counts as failed (another tab saving non-stop). */
  const MAX_MERGES = 5;
  const writeOne = async (scenario: Scenario, merges = 0): Promise<void> => {
    try {
      await saveWithin(scenario);
      failing.delete(scenario.id);
      if (failing.size === 0) retryDelay = retryMs;
      options.onSaved?.(scenario);
    } catch (error) {
      if (error instanceof ScenarioConflictError && options.onConflict && merges < MAX_MERGES) {
        let merged: Scenario;
        try {
          merged = await options.onConflict(error, scenario);
        } catch (mergeError) {
          return fail(mergeError, scenario);
        }
        // A newer edit of the merged version may be pending already; it is written by the next flush.
        if (pending.has(scenario.id)) return;
        return writeOne(merged, merges + 1);
      }
      fail(error, scenario);
    }
  };

  const fail = (error: unknown, scenario: Scenario) => {
    // Keep it pending unless a newer version arrived meanwhile, so the retry writes it.
    if (!pending.has(scenario.id)) pending.set(scenario.id, scenario);
    failing.add(scenario.id);
    scheduleRetry();
    try {
      options.onError?.(error, scenario);
    } catch (reportError) {
      // Reporting must never break the write chain (a rejected chain would stop every later save).
      console.warn('reporting a failed save failed:', reportError);
    }
  };

  const write = async (scenarios: Scenario[], newOpenId: string | undefined) => {
    if (newOpenId !== undefined) {
      await options.repository.setLastOpenScenarioId(newOpenId).catch(() => undefined);
    }
    for (const scenario of scenarios) await writeOne(scenario);
  };

  let openIdToWrite: string | undefined;
  const flush = (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    firstPendingAt = undefined;
    const scenarios = [...pending.values()];
    const newOpenId = openIdToWrite;
    pending.clear();
    openIdToWrite = undefined;
    if (scenarios.length === 0 && newOpenId === undefined) return writing;
    // Chain writes so an older version can never land after a newer one. The chain never rejects: a
    // rejected link would skip every later write, retries and 重试 included, while the app says "failed".
    writing = writing
      .then(() => write(scenarios, newOpenId))
      .catch((error: unknown) => {
        for (const scenario of scenarios) fail(error, scenario);
      });
    return writing;
  };

  const schedule = () => {
    const now = Date.now();
    firstPendingAt ??= now;
    const delay = Math.max(0, Math.min(debounceMs, firstPendingAt + maxWaitMs - now));
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void flush(), delay);
  };

  const unsubscribe = options.subscribe((state) => {
    const scenario = options.selectScenario(state);
    if (scenario === lastSeen) return;
    lastSeen = scenario;
    if (!scenario) return;
    pending.set(scenario.id, scenario);
    // New measurement sets get their stored form made in slices now, so that the save does not.
    if (scenario.measurements.length > 0) void prepareStoredMeasurementSets(scenario.measurements);
    if (scenario.id !== openId) {
      openId = scenario.id;
      openIdToWrite = scenario.id;
    }
    schedule();
  });

  const onPageHide = () => void flush();
  const onVisibilityChange = () => {
    if (lifecycle?.isHidden()) void flush();
  };
  lifecycle?.addEventListener('pagehide', onPageHide);
  lifecycle?.addEventListener('visibilitychange', onVisibilityChange);

  return {
    flush,
    discard: (scenarioId) => {
      pending.delete(scenarioId);
      failing.delete(scenarioId);
    },
    hasPendingChanges: () => pending.size > 0,
    failingScenarioIds: () => [...failing],
    save(scenario) {
      pending.set(scenario.id, scenario);
      return flush();
    },
    retryNow() {
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      retryTimer = undefined;
      retryDelay = retryMs;
      return flush();
    },
    async dispose() {
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      unsubscribe();
      lifecycle?.removeEventListener('pagehide', onPageHide);
      lifecycle?.removeEventListener('visibilitychange', onVisibilityChange);
      await flush();
    },
  };
}
