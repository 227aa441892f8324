import { describe, expect, it } from 'vitest';
import { type CommandContext, createCommandRegistry } from '../../../../src/domain/commands/command-registry';
import { scenarioCommandRegistry, scenarioCommands } from '../../../../src/domain/commands/scenario-commands';
import { chordToShortcut, formatShortcut } from '../../../../src/domain/commands/shortcuts';
import { editSitesChange, moveSitesChange } from '../../../../src/domain/history/change-builders';
import { commitChange, createSession } from '../../../../src/domain/history/history';
import { applyEdit } from '../../../../src/domain/history/scenario-edit';
import { emptyScenario, NOW, site, smallBaseline } from '../../support/scenario/scenario-fixtures';

const chord = (
  key: string,
  modifiers: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {},
) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...modifiers,
});

function context(selection: string[]): CommandContext {
  let counter = 0;
  const session = commitChange(createSession(emptyScenario()), {
    type: 'putSites',
    sites: [site('C1', 121.4, 31.2), site('C2', 121.41, 31.2)],
  });
  return {
    session,
    baseline: smallBaseline,
    selection,
    createId: () => {
      counter += 1;
      return `N${counter}`;
    },
  };
}

/** Runs a command and applies the edit it makes, as the store's door would: the session and selection after. */
function runCommand(name: string, start: CommandContext) {
  const edit = scenarioCommandRegistry.run(name, start);
  if (!edit) return undefined;
  const selection = 'selection' in edit && edit.selection ? edit.selection : start.selection;
  return { session: applyEdit(start.session, edit, NOW), selection };
}

describe('shortcuts', () => {
  it('maps Ctrl+Shift+Z (Windows) and ⌘⇧Z (macOS) to the same redo command', () => {
    const windows = chordToShortcut(
      { ...chord('Z', { ctrlKey: true, shiftKey: true }), code: 'KeyZ' },
      'other',
    );
    const mac = chordToShortcut({ ...chord('z', { metaKey: true, shiftKey: true }), code: 'KeyZ' }, 'mac');
    expect(windows).toBe('mod+shift+z');
    expect(mac).toBe('mod+shift+z');
    expect(scenarioCommandRegistry.forShortcut(windows)?.name).toBe('redo');
    expect(scenarioCommandRegistry.forShortcut('mod+z')?.name).toBe('undo');
    expect(scenarioCommandRegistry.forShortcut(chordToShortcut(chord('Delete'), 'other'))?.name).toBe(
      'deleteSelection',
    );
    expect(scenarioCommandRegistry.forShortcut('mod+d')?.name).toBe('duplicateSelection');
  });

  it('reads the physical key so a Chinese IME or another layout still undoes', () => {
    expect(chordToShortcut({ ...chord('Process', { ctrlKey: true }), code: 'KeyZ' }, 'other')).toBe('mod+z');
  });

  it('formats shortcuts for menus per platform', () => {
    expect(formatShortcut('mod+shift+z', 'mac')).toBe('⌘⇧Z');
    expect(formatShortcut('mod+shift+z', 'other')).toBe('Ctrl+Shift+Z');
  });

  it('refuses two commands on one shortcut', () => {
    const [undoCommand] = scenarioCommands;
    expect(() => createCommandRegistry([undoCommand!, { ...undoCommand!, name: 'other' }])).toThrow(/mod\+z/);
  });
});

describe('scenario commands', () => {
  it('delete removes the selected candidates but never a baseline site', () => {
    const outcome = runCommand('deleteSelection', context(['C1', 'B1']))!;
    expect(outcome.session.scenario.addedSites.map((s) => s.properties.id)).toEqual(['C2']);
    expect(outcome.session.scenario.removedSiteIds).toEqual([]);
    expect(outcome.selection).toEqual(['B1']);
  });

  it('delete is disabled when only baseline sites are selected', () => {
    expect(runCommand('deleteSelection', context(['B1']))).toBeUndefined();
  });

  it('duplicate makes new candidates beside the originals, selects them, and is one undo step', () => {
    const start = context(['C1', 'B2']);
    const outcome = runCommand('duplicateSelection', start)!;
    const copies = outcome.session.scenario.addedSites.slice(2);
    expect(outcome.selection).toEqual(['N1', 'N2']);
    expect(copies.map((s) => s.properties.status)).toEqual(['candidate', 'candidate']);
    expect(copies[1]!.properties.band).toBe('n78');
    expect(copies[0]!.geometry.coordinates[0]).toBeCloseTo(121.4005, 9);
    const undone = runCommand('undo', { ...start, session: outcome.session })!;
    expect(undone.session.scenario.addedSites).toHaveLength(2);
  });

  it('planning baseline sites for removal, then undo, then redo', () => {
    const start = context(['B1', 'B2']);
    const planned = runCommand('planSelectionForRemoval', start)!;
    expect(planned.session.scenario.removedSiteIds).toEqual(['B1', 'B2']);
    const undone = runCommand('undo', { ...start, session: planned.session })!;
    expect(undone.session.scenario.removedSiteIds).toEqual([]);
    const redone = runCommand('redo', { ...start, session: undone.session })!;
    expect(redone.session.scenario.removedSiteIds).toEqual(['B1', 'B2']);
  });
});

describe('the baseline stays read-only unless "modify" is chosen', () => {
  it('editing a baseline site without modify changes nothing', () => {
    const scenario = emptyScenario();
    const session = commitChange(
      createSession(scenario),
      editSitesChange(scenario, smallBaseline, ['B1'], { heightM: 60 }),
    );
    expect(session.scenario).toBe(scenario);
  });

  it('modify copies the baseline site into the scenario and edits the copy, as one step', () => {
    const scenario = emptyScenario();
    let session = commitChange(
      createSession(scenario),
      moveSitesChange(scenario, smallBaseline, [{ id: 'B1', coordinates: [121.5, 31.5] }], true),
    );
    expect(session.undoStack).toHaveLength(1);
    expect(session.scenario.modifiedSites.map((s) => s.geometry.coordinates)).toEqual([[121.5, 31.5]]);
    expect(smallBaseline.get('B1')!.geometry.coordinates).toEqual([121.003, 31]);
    session = runCommand('undo', { ...context([]), session })!.session;
    expect(session.scenario.modifiedSites).toEqual([]);
  });
});
