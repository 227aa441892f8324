import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyChange } from '../../../src/domain/history/apply-change';
import type { Scenario } from '../../../src/domain/scenario/scenario-types';
import { installAutosave, type PageLifecycle } from '../../../src/storage/autosave';
import { emptyScenario, site } from '../support/scenario/scenario-fixtures';

/** A minimal store (zustand's getState/subscribe contract) and a recording repository. */
function harness() {
  let state: { scenario: Scenario | undefined } = { scenario: emptyScenario() };
  const listeners = new Set<(value: typeof state) => void>();
  const saved: { id: string; count: number }[] = [];
  const lastOpen: string[] = [];
  const lifecycleListeners = new Map<string, () => void>();
  let hidden = false;
  const lifecycle: PageLifecycle = {
    addEventListener: (type, listener) => lifecycleListeners.set(type, listener),
    removeEventListener: (type) => lifecycleListeners.delete(type),
    isHidden: () => hidden,
  };
  const autosave = installAutosave({
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    selectScenario: (value) => value.scenario,
    repository: {
      saveScenario: async (scenario) =>
        void saved.push({ id: scenario.id, count: scenario.addedSites.length }),
      setLastOpenScenarioId: async (id) => void lastOpen.push(id),
    },
    lifecycle,
  });
  const setScenario = (scenario: Scenario) => {
    state = { scenario };
    for (const listener of listeners) listener(state);
  };
  const addSite = (index: number) =>
    setScenario(
      applyChange(state.scenario!, { type: 'putSites', sites: [site(`C${index}`, 121 + index * 1e-4, 31.2)] })
        .scenario,
    );
  const fire = (type: string, isHidden = hidden) => {
    hidden = isHidden;
    lifecycleListeners.get(type)?.();
  };
  return { autosave, saved, lastOpen, addSite, setScenario, fire };
}

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('debounces a burst of edits into one save of the latest state', async () => {
    const { saved, addSite } = harness();
    addSite(1);
    addSite(2);
    addSite(3);
    await vi.advanceTimersByTimeAsync(299);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual([{ id: 'scenario-1', count: 3 }]);
  });

  it('saves within one second even while edits never pause (a long drag)', async () => {
    const { saved, addSite } = harness();
    for (let index = 0; index < 10; index += 1) {
      addSite(index);
      await vi.advanceTimersByTimeAsync(100);
    }
    // Edits every 100 ms for 1 s: the debounce alone would never fire, maxWait does at 1000 ms.
    expect(saved).toEqual([{ id: 'scenario-1', count: 10 }]);
  });

  it('flushes at once when the page is hidden or closed', async () => {
    const { saved, addSite, fire } = harness();
    addSite(1);
    fire('visibilitychange', false);
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual([]);
    fire('visibilitychange', true);
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual([{ id: 'scenario-1', count: 1 }]);
    addSite(2);
    fire('pagehide');
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual([
      { id: 'scenario-1', count: 1 },
      { id: 'scenario-1', count: 2 },
    ]);
  });

  it('switching scenarios saves both and records the newly open one', async () => {
    const { saved, lastOpen, addSite, setScenario } = harness();
    addSite(1);
    setScenario({ ...emptyScenario(), id: 'scenario-2' });
    await vi.advanceTimersByTimeAsync(300);
    expect(saved.map((entry) => entry.id).sort()).toEqual(['scenario-1', 'scenario-2']);
    expect(lastOpen).toEqual(['scenario-2']);
  });

  it('a discarded (deleted) scenario is not written back', async () => {
    const { autosave, saved, addSite } = harness();
    addSite(1);
    autosave.discard('scenario-1');
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toEqual([]);
    expect(autosave.hasPendingChanges()).toBe(false);
  });
});
