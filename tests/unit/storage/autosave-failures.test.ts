import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyChange } from '../../../src/domain/history/apply-change';
import type { Scenario } from '../../../src/domain/scenario/scenario-types';
import { installAutosave } from '../../../src/storage/autosave';
import { ScenarioConflictError } from '../../../src/storage/save-errors';
import { emptyScenario, site } from '../support/scenario/scenario-fixtures';

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** A store with one scenario and a repository whose saves fail while `failing` says so. */
function harness(
  options: { onConflict?: (error: ScenarioConflictError, scenario: Scenario) => Promise<Scenario> } = {},
) {
  let state = { scenario: emptyScenario() };
  const listeners = new Set<(value: typeof state) => void>();
  const stored: number[] = [];
  const errors: string[] = [];
  const control = { failing: true as boolean | 'conflict' | 'hang', attempts: 0 };
  const autosave = installAutosave({
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    selectScenario: (value) => value.scenario,
    repository: {
      async saveScenario(scenario) {
        control.attempts += 1;
        if (control.failing === 'hang') {
          control.failing = false;
          return new Promise(() => undefined);
        }
        if (control.failing === 'conflict') {
          control.failing = false;
          throw new ScenarioConflictError(scenario.id, 7);
        }
        if (control.failing) throw quotaError();
        stored.push(scenario.addedSites.length);
      },
      setLastOpenScenarioId: async () => undefined,
    },
    lifecycle: null,
    onError: (error) => errors.push((error as Error).name),
    ...(options.onConflict ? { onConflict: options.onConflict } : {}),
  });
  const addSite = (index: number) => {
    state = {
      scenario: applyChange(state.scenario, {
        type: 'putSites',
        sites: [site(`C${index}`, 121 + index * 1e-4, 31.2)],
      }).scenario,
    };
    for (const listener of listeners) listener(state);
  };
  return { autosave, stored, errors, control, addSite, current: () => state.scenario };
}

describe('autosave when saves fail', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('a full disk: says so, keeps the work pending, retries with growing waits until it lands', async () => {
    const { autosave, stored, errors, control, addSite } = harness();
    addSite(1);
    await vi.advanceTimersByTimeAsync(300);
    expect(errors).toEqual(['QuotaExceededError']);
    expect(autosave.failingScenarioIds()).toEqual(['scenario-1']);
    expect(autosave.hasPendingChanges()).toBe(true);
    // Retries after 3 s, then 6 s: still failing.
    await vi.advanceTimersByTimeAsync(3000);
    expect(control.attempts).toBe(2);
    await vi.advanceTimersByTimeAsync(5999);
    expect(control.attempts).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(control.attempts).toBe(3);
    // Space again: the next retry saves the latest version and the failure is over.
    control.failing = false;
    addSite(2);
    await vi.advanceTimersByTimeAsync(300);
    expect(stored).toEqual([2]);
    expect(autosave.failingScenarioIds()).toEqual([]);
    expect(autosave.hasPendingChanges()).toBe(false);
  });

  it('retryNow saves at once after the user freed space', async () => {
    const { autosave, stored, control, addSite } = harness();
    addSite(1);
    await vi.advanceTimersByTimeAsync(300);
    control.failing = false;
    await autosave.retryNow();
    expect(stored).toEqual([1]);
    expect(autosave.failingScenarioIds()).toEqual([]);
  });

  it('a scenario written outside the edit path (save) fails into the same retry, so "saved" waits for it', async () => {
    const { autosave, stored, control } = harness();
    const other = { ...emptyScenario(), id: 'scenario-2' };
    await autosave.save(other);
    expect(autosave.failingScenarioIds()).toEqual(['scenario-2']);
    control.failing = false;
    await autosave.retryNow();
    expect(stored).toEqual([0]);
    expect(autosave.failingScenarioIds()).toEqual([]);
  });

  it('a save that never settles counts as failed after 30 s, and the retry behind it still saves', async () => {
    const { autosave, stored, errors, control, addSite } = harness();
    control.failing = 'hang';
    addSite(1);
    await vi.advanceTimersByTimeAsync(300);
    expect(control.attempts).toBe(1);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(errors).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(errors).toEqual(['Error']);
    expect(autosave.failingScenarioIds()).toEqual(['scenario-1']);
    // The user presses 重试: the write is not queued behind the hung one for ever.
    await autosave.retryNow();
    expect(stored).toEqual([1]);
    expect(autosave.failingScenarioIds()).toEqual([]);
  });

  it('a failure report that throws does not stop later saves', async () => {
    let state = { scenario: emptyScenario() };
    const listeners = new Set<(value: typeof state) => void>();
    let failing = true;
    const stored: number[] = [];
    const autosave = installAutosave({
      getState: () => state,
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      selectScenario: (value) => value.scenario,
      repository: {
        async saveScenario(scenario) {
          if (failing) throw quotaError();
          stored.push(scenario.addedSites.length);
        },
        setLastOpenScenarioId: async () => undefined,
      },
      lifecycle: null,
      onError: () => {
        throw new Error('a listener broke');
      },
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    state = {
      scenario: applyChange(state.scenario, { type: 'putSites', sites: [site('C1', 121, 31.2)] }).scenario,
    };
    for (const listener of listeners) listener(state);
    await vi.advanceTimersByTimeAsync(300);
    failing = false;
    await autosave.retryNow();
    expect(stored).toEqual([1]);
    expect(autosave.failingScenarioIds()).toEqual([]);
    warn.mockRestore();
  });

  it('another tab saved first: the merged version is saved instead, and nothing counts as failed', async () => {
    const { autosave, stored, errors, control, addSite } = harness({
      onConflict: async (error, scenario) => {
        expect(error.storedRevision).toBe(7);
        return applyChange(scenario, { type: 'putSites', sites: [site('THEIRS', 121.5, 31.2)] }).scenario;
      },
    });
    control.failing = 'conflict';
    addSite(1);
    await vi.advanceTimersByTimeAsync(300);
    // One refused attempt, then the merged version (this tab's site and the other's) is written.
    expect(control.attempts).toBe(2);
    expect(stored).toEqual([2]);
    expect(errors).toEqual([]);
    expect(autosave.failingScenarioIds()).toEqual([]);
  });

  it('without a merge, a conflict is a failure like any other (kept pending, retried)', async () => {
    const { autosave, errors, control, addSite } = harness();
    control.failing = 'conflict';
    addSite(1);
    await vi.advanceTimersByTimeAsync(300);
    expect(errors).toEqual(['ScenarioConflictError']);
    expect(autosave.hasPendingChanges()).toBe(true);
  });
});
