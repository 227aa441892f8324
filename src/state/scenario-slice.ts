/**
 * The planner's scenario: the read-only baseline and an undoable session of changes on top of it.
 * Everything that edits sites (drawing, attribute panel, import, accepted suggestions) goes through
 * commitScenarioChange, so every edit is one undoable step and the coverage engine sees every change.
 */
import { applyChange } from '../domain/history/apply-change';
import { commitChange, createSession, redo, type ScenarioSession, undo } from '../domain/history/history';
import type { ScenarioChange } from '../domain/history/scenario-change';
import type { BaselineSites } from '../domain/scenario/baseline';
import { scenarioBaseline } from '../domain/scenario/scenario-baseline';
import type { Scenario } from '../domain/scenario/scenario-types';
import type { Slice } from './slices';

export interface ScenarioSlice {
  /** The existing sites (sample 2020 baseline or an imported one); null until loaded. */
  baseline: BaselineSites | null;
  /** The open scenario with its undo/redo history; null until one is opened. */
  session: ScenarioSession | null;
  setBaseline: (baseline: BaselineSites) => void;
  /** Opens a scenario with fresh history (switching scenarios does not carry undo steps over). */
  openScenario: (scenario: Scenario) => void;
  /** Applies one change as one undoable step. A no-op change adds no step. */
  commitScenarioChange: (change: ScenarioChange, labelKey?: string) => void;
  undoScenario: () => void;
  redoScenario: () => void;
  /**
   * Applies another tab's (or a server's) edit: the scenario changes, the history stays, so the user's
   * undo reverts only the user's own edits.
   */
  applyRemoteScenarioChange: (change: ScenarioChange) => void;
}

const now = (): string => new Date().toISOString();

export const createScenarioSlice: Slice<ScenarioSlice> = (set) => ({
  baseline: null,
  session: null,
  setBaseline: (baseline) => set({ baseline }),
  openScenario: (scenario) => set({ session: createSession(scenario) }),
  commitScenarioChange: (change, labelKey) =>
    set((state) => {
      if (!state.session) return {};
      const options = labelKey === undefined ? { nowIso: now() } : { nowIso: now(), labelKey };
      return { session: commitChange(state.session, change, options) };
    }),
  undoScenario: () => set((state) => (state.session ? { session: undo(state.session, now()) } : {})),
  redoScenario: () => set((state) => (state.session ? { session: redo(state.session, now()) } : {})),
  applyRemoteScenarioChange: (change) =>
    set((state) => {
      if (!state.session) return {};
      const applied = applyChange(state.session.scenario, change).scenario;
      return applied === state.session.scenario ? {} : { session: { ...state.session, scenario: applied } };
    }),
});

/**
 * The open scenario's baseline: the shared baseline plus the existing sites imported into the
 * scenario (the same object while neither changes). What planner code treats as "existing sites".
 */
export function openScenarioBaseline(
  state: Pick<ScenarioSlice, 'baseline' | 'session'>,
): BaselineSites | null {
  return state.baseline ? scenarioBaseline(state.baseline, state.session?.scenario) : null;
}
