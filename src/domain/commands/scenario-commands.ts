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
import { canRedo, canUndo } from '../history/history';
import type { ScenarioChange } from '../history/scenario-change';
import type { ScenarioEdit } from '../history/scenario-edit';
import { type Command, type CommandContext, createCommandRegistry } from './command-registry';

const edit = (change: ScenarioChange, labelKey: string, selection: readonly string[]): ScenarioEdit => ({
  kind: 'change',
  change,
  labelKey,
  selection,
});

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
    perform: () => ({ kind: 'undo' }),
  },
  {
    name: 'redo',
    labelKey: 'command.redo',
    shortcuts: ['mod+shift+z', 'mod+y'],
    isEnabled: (context) => canRedo(context.session),
    perform: () => ({ kind: 'redo' }),
  },
  {
    name: 'deleteSelection',
    labelKey: 'command.deleteSelection',
    shortcuts: ['delete', 'backspace'],
    isEnabled: hasSelection(['added']),
    perform(context) {
      const ids = selectionOf(context, ['added']);
      const selection = context.selection.filter((id) => !ids.includes(id));
      return edit(deleteSelectionChange(ids), 'command.deleteSelection', selection);
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
      return edit(change, 'command.duplicateSelection', newIds);
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
      return edit(change, 'command.modifySelection', context.selection);
    },
  },
  {
    name: 'revertSelection',
    labelKey: 'command.revertSelection',
    shortcuts: [],
    isEnabled: hasSelection(['modified']),
    perform(context) {
      const change: ScenarioChange = { type: 'dropModifications', ids: selectionOf(context, ['modified']) };
      return edit(change, 'command.revertSelection', context.selection);
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
      return edit(change, 'command.planSelectionForRemoval', context.selection);
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
      return edit(change, 'command.cancelSelectionRemoval', context.selection);
    },
  },
];

/** The registry of scenario commands alone (the UI extends it with its tool commands). */
export const scenarioCommandRegistry = createCommandRegistry(scenarioCommands);
