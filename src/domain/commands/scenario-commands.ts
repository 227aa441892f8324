/**
 * The scenario editing commands with their shortcuts. The UI adds its own tool commands
 * (select, add site…) by building a registry from [...scenarioCommands, ...its own].
 */
import {
  beginModificationChange,
  deleteSelectionChange,
  duplicateSitesChange,
  siteOrigin,
} from '../history/change-builders';
import { canRedo, canUndo, commitChange, redo, undo } from '../history/history';
import type { ScenarioChange } from '../history/scenario-change';
import { type Command, type CommandContext, createCommandRegistry } from './command-registry';

function commit(context: CommandContext, change: ScenarioChange, labelKey: string) {
  return commitChange(context.session, change, { nowIso: context.nowIso, labelKey });
}

function selectionOf(context: CommandContext, origins: readonly string[]): string[] {
  return context.selection.filter((id) =>
    origins.includes(siteOrigin(context.session.scenario, context.baseline, id)),
  );
}

const hasSelection = (origins: readonly string[]) => (context: CommandContext) =>
  selectionOf(context, origins).length > 0;

/** Undo, redo, delete, duplicate, modify/revert and plan-for-removal of the selection. */
export const scenarioCommands: readonly Command[] = [
  {
    name: 'undo',
    labelKey: 'command.undo',
    shortcuts: ['mod+z'],
    isEnabled: (context) => canUndo(context.session),
    perform: (context) => ({ session: undo(context.session, context.nowIso), selection: context.selection }),
  },
  {
    name: 'redo',
    labelKey: 'command.redo',
    shortcuts: ['mod+shift+z', 'mod+y'],
    isEnabled: (context) => canRedo(context.session),
    perform: (context) => ({ session: redo(context.session, context.nowIso), selection: context.selection }),
  },
  {
    name: 'deleteSelection',
    labelKey: 'command.deleteSelection',
    shortcuts: ['delete', 'backspace'],
    isEnabled: hasSelection(['added']),
    perform(context) {
      const ids = selectionOf(context, ['added']);
      const session = commit(context, deleteSelectionChange(ids), 'command.deleteSelection');
      return { session, selection: context.selection.filter((id) => !ids.includes(id)) };
    },
  },
  {
    name: 'duplicateSelection',
    labelKey: 'command.duplicateSelection',
    shortcuts: ['mod+d'],
    isEnabled: hasSelection(['added', 'modified', 'baseline']),
    perform(context) {
      const { change, newIds } = duplicateSitesChange(
        context.session.scenario,
        context.baseline,
        context.selection,
        context.createId,
      );
      return { session: commit(context, change, 'command.duplicateSelection'), selection: newIds };
    },
  },
  {
    name: 'modifySelection',
    labelKey: 'command.modifySelection',
    shortcuts: [],
    isEnabled: hasSelection(['baseline']),
    perform(context) {
      const ids = selectionOf(context, ['baseline']);
      const change = beginModificationChange(context.session.scenario, context.baseline, ids);
      return { session: commit(context, change, 'command.modifySelection'), selection: context.selection };
    },
  },
  {
    name: 'revertSelection',
    labelKey: 'command.revertSelection',
    shortcuts: [],
    isEnabled: hasSelection(['modified']),
    perform(context) {
      const change: ScenarioChange = { type: 'dropModifications', ids: selectionOf(context, ['modified']) };
      return { session: commit(context, change, 'command.revertSelection'), selection: context.selection };
    },
  },
  {
    name: 'planSelectionForRemoval',
    labelKey: 'command.planSelectionForRemoval',
    shortcuts: [],
    isEnabled: (context) =>
      selectionOf(context, ['baseline', 'modified']).some(
        (id) => !context.session.scenario.removedSiteIds.includes(id),
      ),
    perform(context) {
      const change: ScenarioChange = {
        type: 'markForRemoval',
        ids: selectionOf(context, ['baseline', 'modified']),
      };
      return {
        session: commit(context, change, 'command.planSelectionForRemoval'),
        selection: context.selection,
      };
    },
  },
  {
    name: 'cancelSelectionRemoval',
    labelKey: 'command.cancelSelectionRemoval',
    shortcuts: [],
    isEnabled: (context) =>
      context.selection.some((id) => context.session.scenario.removedSiteIds.includes(id)),
    perform(context) {
      const change: ScenarioChange = { type: 'unmarkForRemoval', ids: context.selection };
      return {
        session: commit(context, change, 'command.cancelSelectionRemoval'),
        selection: context.selection,
      };
    },
  },
];

/** The registry of scenario commands alone (the UI extends it with its tool commands). */
export const scenarioCommandRegistry = createCommandRegistry(scenarioCommands);
