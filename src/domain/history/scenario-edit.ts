/**
 * Every edit of the open scenario as one value, for the store's single door (`editScenario` in
 * src/state/scenario-slice.ts), as Placemark routes every write through one `transact`. Drawing,
 * drags, toolbar commands and shortcuts, the attribute panel, imports, accepted suggestions and a team
 * server's sync all describe what they want as a ScenarioEdit; the door turns it into a new session, so
 * undo, autosave and the coverage engine see every edit the same way.
 */

import { applyChange } from './apply-change';
import { commitChange, redo as redoSession, type ScenarioSession, undo as undoSession } from './history';
import type { ScenarioChange } from './scenario-change';

/**
 * Who made an edit. 'local': this user, one undo step, reported to edit listeners for pushing.
 * 'remote': a collaborator's edit that arrived through the team server: applied without an undo step
 * and reported as remote, so a sync never pushes it back.
 */
export type EditOrigin = 'local' | 'remote';

/** One step of a continuous gesture (a drag): every step replaces the gesture's single undo step. */
export interface GestureStep {
  /** The same id for every step of one gesture (e.g. one per drag). */
  id: string;
  /** The last step: the gesture closes and its undo step is final. */
  done?: boolean;
}

export type ScenarioEdit =
  | {
      kind: 'change';
      change: ScenarioChange;
      /** i18n key of the undo entry ("Undo <label>"), e.g. 'command.addSite'. */
      labelKey?: string;
      /** The selected site ids after the edit; omitted: the selection stays. */
      selection?: readonly string[];
      /** Default 'local'. */
      origin?: EditOrigin;
      /** Part of a gesture (local edits only). */
      gesture?: GestureStep;
    }
  | { kind: 'undo' | 'redo'; selection?: readonly string[] }
  /** Ends a gesture without keeping it: the scenario returns to where it was before its first step. */
  | { kind: 'cancelGesture'; gestureId: string }
  /** Changes only the selection (a tool command such as Esc). */
  | { kind: 'select'; selection: readonly string[] };

/** What an edit listener hears after an edit changed the scenario. */
export interface AppliedEdit {
  origin: EditOrigin;
  /** The change that took the scenario from before to after this edit (for undo/redo: the history entry's). */
  change: ScenarioChange;
  scenarioId: string;
  /**
   * Set while a gesture streams: `change` is the whole gesture so far from where it started, and
   * replaces the one heard before with the same id. A sync pushes when `final` is true.
   */
  gesture?: { id: string; final: boolean };
}

/**
 * Applies a remote change: the scenario changes, the history stays (no undo step, redo kept). The user's
 * own undo entries then apply to the changed scenario, so undo reverts only the user's own edits.
 */
export function applyRemoteChange(
  session: ScenarioSession,
  change: ScenarioChange,
  nowIso?: string,
): ScenarioSession {
  const applied = applyChange(session.scenario, change);
  if (applied.scenario === session.scenario) return session;
  const scenario = nowIso === undefined ? applied.scenario : { ...applied.scenario, updatedAt: nowIso };
  return { ...session, scenario };
}

/**
 * A session after an edit that is not a gesture step (gestures need the door's memory of where they
 * started). Returns the same session when nothing changes, so no empty undo steps pile up.
 */
export function applyEdit(session: ScenarioSession, edit: ScenarioEdit, nowIso?: string): ScenarioSession {
  switch (edit.kind) {
    case 'change':
      if (edit.origin === 'remote') return applyRemoteChange(session, edit.change, nowIso);
      return commitChange(session, edit.change, {
        ...(nowIso !== undefined ? { nowIso } : {}),
        ...(edit.labelKey !== undefined ? { labelKey: edit.labelKey } : {}),
      });
    case 'undo':
      return undoSession(session, nowIso);
    case 'redo':
      return redoSession(session, nowIso);
    default:
      return session;
  }
}
