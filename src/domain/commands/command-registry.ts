/**
 * Commands as registered data (excalidraw's actions): one list that menus, toolbar buttons,
 * keyboard shortcuts and tests all read. A command is pure: context in, the edit it makes out (the
 * store's one door, editScenario, applies it).
 */
import type { ScenarioSession } from '../history/history';
import type { ScenarioEdit } from '../history/scenario-edit';
import type { BaselineSites } from '../scenario/baseline-sites';
import { normalizeShortcut } from './shortcuts';

export interface CommandContext {
  session: ScenarioSession;
  baseline: BaselineSites;
  /** Selected site ids. */
  selection: readonly string[];
  /** Makes a fresh site id (the app passes e.g. () => `cand-${crypto.randomUUID()}`). */
  createId: () => string;
}

export interface Command {
  name: string;
  /** i18n key of the label, e.g. 'command.undo'. */
  labelKey: string;
  /** Canonical shortcuts ('mod+z'); the first one is shown in menus. */
  shortcuts: readonly string[];
  isEnabled(context: CommandContext): boolean;
  perform(context: CommandContext): ScenarioEdit;
}

export interface CommandRegistry {
  list(): readonly Command[];
  get(name: string): Command | undefined;
  /** The command bound to a canonical shortcut (see chordToShortcut), if any. */
  forShortcut(shortcut: string): Command | undefined;
  /** Runs a command when it exists and is enabled; otherwise returns undefined. */
  run(name: string, context: CommandContext): ScenarioEdit | undefined;
}

/** Builds a registry; throws on duplicate names or shortcuts so conflicts show up in tests. */
export function createCommandRegistry(commands: readonly Command[]): CommandRegistry {
  const byName = new Map<string, Command>();
  const byShortcut = new Map<string, Command>();
  for (const command of commands) {
    if (byName.has(command.name)) throw new Error(`duplicate command name: ${command.name}`);
    byName.set(command.name, command);
    for (const shortcut of command.shortcuts) {
      const key = normalizeShortcut(shortcut);
      const holder = byShortcut.get(key);
      if (holder) throw new Error(`shortcut ${key} bound to both ${holder.name} and ${command.name}`);
      byShortcut.set(key, command);
    }
  }
  return {
    list: () => commands,
    get: (name) => byName.get(name),
    forShortcut: (shortcut) => byShortcut.get(normalizeShortcut(shortcut)),
    run(name, context) {
      const command = byName.get(name);
      if (!command?.isEnabled(context)) return undefined;
      return command.perform(context);
    },
  };
}
