/**
 * The open scenario: the read-only baseline and an undoable session of changes on top of it, and the
 * ONE door every edit of it goes through: `editScenario`. Drawing, drags, toolbar commands and
 * shortcuts, the attribute panel, imports, accepted suggestions and a team server's sync all call it
 * with a ScenarioEdit (src/domain/history/scenario-edit.ts), so every user action is one undo step and
 * autosave, the coverage engine and the map see every edit the same way.
 *
 * A team server's sync (not built yet) uses the door in both directions:
 * - remote edits come in as `editScenario({ kind: 'change', change, origin: 'remote' })`: applied
 *   without an undo step (the user's undo reverts only the user's own edits), and rebased under a drag
 *   in progress so the drag stays one step;
 * - local edits go out from `onScenarioEdit`: push those with origin 'local' (for a gesture, when
 *   `gesture.final`), never those with origin 'remote'.
 */
import { createSession, type ScenarioSession } from '../domain/history/history';
import {
  type AppliedEdit,
  applyEdit,
  applyRemoteChange,
  type ScenarioEdit,
} from '../domain/history/scenario-edit';
import type { BaselineSites } from '../domain/scenario/baseline-sites';
import { scenarioBaseline } from '../domain/scenario/baseline-with-imports';
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
  /**
   * The one door for edits of the open scenario. A local change is one undo step (a no-op change adds
   * none); the steps of a gesture replace each other, so a whole drag is one step. Returns true when the
   * scenario changed.
   */
  editScenario: (edit: ScenarioEdit) => boolean;
  /** Hears every edit that changed the scenario (a team sync pushes the local ones); returns a disposer. */
  onScenarioEdit: (listener: (edit: AppliedEdit) => void) => () => void;
  /** True while a gesture (a site drag) streams versions of its one undo step. */
  siteDragActive: boolean;
}

interface OpenGesture {
  id: string;
  /** The session before the gesture: every step is applied to it, so the gesture is one undo step. */
  base: ScenarioSession;
  /** The session the last step produced; if the store holds another, the user moved on (undo mid-drag). */
  last: ScenarioSession;
}

const now = (): string => new Date().toISOString();

export const createScenarioSlice: Slice<ScenarioSlice> = (set, get) => {
  // Per store, not module-wide: tests build many stores.
  let gesture: OpenGesture | null = null;
  const listeners = new Set<(edit: AppliedEdit) => void>();
  const tell = (edit: AppliedEdit) => {
    for (const listener of listeners) listener(edit);
  };

  const closeGesture = () => {
    gesture = null;
    if (get().siteDragActive) set({ siteDragActive: false });
  };

  /** Applies a session (and selection) and reports the change; false when nothing changed. */
  const commit = (
    before: ScenarioSession,
    after: ScenarioSession,
    selection: readonly string[] | undefined,
    heard: Omit<AppliedEdit, 'scenarioId'> | null,
  ): boolean => {
    const changed = after !== before;
    const selectionChanged = selection !== undefined && selection !== get().selectedSiteIds;
    if (changed && selectionChanged) set({ session: after, selectedSiteIds: selection });
    else if (changed) set({ session: after });
    else if (selectionChanged) set({ selectedSiteIds: selection });
    if (changed && heard) tell({ ...heard, scenarioId: after.scenario.id });
    return changed;
  };

  const gestureStep = (
    session: ScenarioSession,
    edit: Extract<ScenarioEdit, { kind: 'change' }>,
    step: NonNullable<Extract<ScenarioEdit, { kind: 'change' }>['gesture']>,
  ): boolean => {
    if (!gesture || gesture.id !== step.id || session !== gesture.last) {
      // A new gesture, or the session moved on under it (undo pressed mid-drag): start the step afresh.
      gesture = { id: step.id, base: session, last: session };
      if (!get().siteDragActive) set({ siteDragActive: true });
    }
    const options = { nowIso: now(), ...(edit.labelKey !== undefined ? { labelKey: edit.labelKey } : {}) };
    const after = applyEdit(gesture.base, { ...edit, gesture: undefined }, options.nowIso);
    gesture.last = after;
    const changed = commit(session, after, edit.selection, {
      origin: 'local',
      change: edit.change,
      gesture: { id: step.id, final: step.done === true },
    });
    if (step.done) closeGesture();
    return changed;
  };

  return {
    baseline: null,
    session: null,
    siteDragActive: false,
    setBaseline: (baseline) => set({ baseline }),
    openScenario: (scenario) => {
      closeGesture();
      set({ session: createSession(scenario) });
    },
    onScenarioEdit: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    editScenario: (edit) => {
      if (edit.kind === 'select') {
        if (edit.selection !== get().selectedSiteIds) set({ selectedSiteIds: edit.selection });
        return false;
      }
      const session = get().session;
      if (!session) return false;
      if (edit.kind === 'cancelGesture') {
        if (gesture?.id !== edit.gestureId) return false;
        const restore = session === gesture.last ? gesture.base : session;
        closeGesture();
        return commit(session, restore, undefined, {
          origin: 'local',
          change: { type: 'batch', changes: [] },
          gesture: { id: edit.gestureId, final: true },
        });
      }
      if (edit.kind === 'change' && edit.origin === 'remote') {
        const after = applyRemoteChange(session, edit.change, now());
        if (gesture && session === gesture.last) {
          // Rebase the open gesture under the remote edit: the drag stays one undo step.
          gesture.base = applyRemoteChange(gesture.base, edit.change);
          gesture.last = after;
        }
        return commit(session, after, edit.selection, { origin: 'remote', change: edit.change });
      }
      if (edit.kind === 'change' && edit.gesture) return gestureStep(session, edit, edit.gesture);
      const entry =
        edit.kind === 'undo'
          ? session.undoStack.at(-1)
          : edit.kind === 'redo'
            ? session.redoStack.at(-1)
            : null;
      const after = applyEdit(session, edit, now());
      const change = edit.kind === 'change' ? edit.change : entry?.change;
      return commit(session, after, edit.selection, change ? { origin: 'local', change } : null);
    },
  };
};

/**
 * The open scenario's baseline: the shared baseline plus the existing sites imported into the
 * scenario (the same object while neither changes). What planner code treats as "existing sites".
 */
export function openScenarioBaseline(
  state: Pick<ScenarioSlice, 'baseline' | 'session'>,
): BaselineSites | null {
  return state.baseline ? scenarioBaseline(state.baseline, state.session?.scenario) : null;
}
