/**
 * One command list for the toolbar, the keyboard and the tests: the domain's scenario commands
 * plus the planner's tools. Running a command reads the store, hands the edit it makes to the store's
 * one door (editScenario) and, for a tool, switches the tool.
 */
import {
  type Command,
  type CommandContext,
  createCommandRegistry,
} from '../../domain/commands/command-registry';
import { scenarioCommands } from '../../domain/commands/scenario-commands';
import { chordToShortcut, type KeyChord, type Platform } from '../../domain/commands/shortcuts';
import type { PlannerTool } from '../../state/planner-slice';
import { openScenarioBaseline } from '../../state/scenario-slice';
import type { AppState } from '../../state/store';

const TOOL_OF_COMMAND: Readonly<Record<string, PlannerTool>> = { selectTool: 'select', addSiteTool: 'add' };

const toolCommand = (name: string, labelKey: string, shortcuts: string[]): Command => ({
  name,
  labelKey,
  shortcuts,
  isEnabled: () => true,
  // Esc (select tool) also clears the selection; the add tool keeps it.
  perform: (context) => ({ kind: 'select', selection: name === 'selectTool' ? [] : context.selection }),
});

export const plannerCommandRegistry = createCommandRegistry([
  toolCommand('selectTool', 'command.selectTool', ['s', 'escape']),
  toolCommand('addSiteTool', 'command.addSiteTool', ['a']),
  ...scenarioCommands,
]);

/** A fresh candidate id, shared with the map's add tool format. */
const createId = (): string => `C-${crypto.randomUUID().slice(0, 8)}`;

function contextOf(state: AppState): CommandContext | null {
  const baseline = openScenarioBaseline(state);
  if (!state.session || !baseline) return null;
  return {
    session: state.session,
    baseline,
    selection: state.selectedSiteIds,
    createId,
  };
}

/** True when the command exists and can run now (for enabled states of buttons). */
export function isCommandEnabled(state: AppState, name: string): boolean {
  const context = contextOf(state);
  if (!context) return false;
  return plannerCommandRegistry.get(name)?.isEnabled(context) ?? false;
}

/** Runs a command against the store state; returns whether it ran. */
export function runPlannerCommand(state: AppState, name: string): boolean {
  const context = contextOf(state);
  const tool = TOOL_OF_COMMAND[name];
  if (!context) {
    if (tool) state.setPlannerTool(tool);
    return tool !== undefined;
  }
  const edit = plannerCommandRegistry.run(name, context);
  if (!edit) return false;
  state.editScenario(edit);
  if (tool) state.setPlannerTool(tool);
  return true;
}

/** The command a key press means, or undefined. Plain letters with Alt/Ctrl are not tools. */
export function commandForKey(chord: KeyChord, platform: Platform): Command | undefined {
  return plannerCommandRegistry.forShortcut(chordToShortcut(chord, platform));
}

/** Input types that take typed text: the only inputs that keep the keys for themselves. */
const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
]);

/**
 * Typing in a text field must never trigger a shortcut; every other control (a checkbox, a select, a
 * button just clicked) lets them through, or the tools go dead after toggling a layer.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable || element.tagName === 'TEXTAREA') return true;
  return element.tagName === 'INPUT' && TEXT_INPUT_TYPES.has((element as HTMLInputElement).type);
}
