import { describe, expect, it } from 'vitest';
import {
  canRedo,
  canUndo,
  commitChange,
  createSession,
  DEFAULT_HISTORY_LIMIT,
  redo,
  undo,
} from '../../../../src/domain/history/history';
import { emptyScenario, site } from '../../support/scenario/scenario-fixtures';

const addSite = (index: number) => ({
  type: 'putSites' as const,
  sites: [site(`C${index}`, 121 + index * 1e-4, 31.2)],
});

describe('undo/redo history', () => {
  it('keeps 200 steps by default, dropping the oldest', () => {
    let session = createSession(emptyScenario());
    for (let index = 0; index < 250; index += 1) session = commitChange(session, addSite(index));
    expect(DEFAULT_HISTORY_LIMIT).toBe(200);
    expect(session.undoStack).toHaveLength(200);
    while (canUndo(session)) session = undo(session);
    // The first 50 steps fell off the stack, so undo stops with 50 sites left.
    expect(session.scenario.addedSites).toHaveLength(50);
    expect(session.redoStack).toHaveLength(200);
  });

  it('holds at least the 100 steps the issue asks for with a smaller limit', () => {
    let session = createSession(emptyScenario(), 100);
    for (let index = 0; index < 101; index += 1) session = commitChange(session, addSite(index));
    expect(session.undoStack).toHaveLength(100);
  });

  it('an import of many sites is one step', () => {
    const sites = Array.from({ length: 500 }, (_, index) => site(`I${index}`, 121 + index * 1e-4, 31.3));
    let session = commitChange(createSession(emptyScenario()), addSite(1));
    session = commitChange(session, { type: 'putSites', sites });
    expect(session.scenario.addedSites).toHaveLength(501);
    session = undo(session);
    expect(session.scenario.addedSites.map((s) => s.properties.id)).toEqual(['C1']);
  });

  it('a multi-site batch edit is one step', () => {
    let session = commitChange(createSession(emptyScenario()), {
      type: 'putSites',
      sites: [site('C1', 121, 31), site('C2', 121.1, 31)],
    });
    session = commitChange(session, {
      type: 'batch',
      changes: [
        { type: 'setProperties', ids: ['C1', 'C2'], patch: { heightM: 35 } },
        { type: 'moveSites', moves: [{ id: 'C1', coordinates: [121.01, 31.01] }] },
      ],
    });
    expect(session.undoStack).toHaveLength(2);
    session = undo(session);
    expect(session.scenario.addedSites.map((s) => s.properties.heightM)).toEqual([undefined, undefined]);
    expect(session.scenario.addedSites[0]!.geometry.coordinates).toEqual([121, 31]);
  });

  it('redo after undo returns the same state, and a new edit clears redo', () => {
    let session = createSession(emptyScenario());
    session = commitChange(session, addSite(1));
    session = commitChange(session, { type: 'rename', name: '浦东补盲' });
    const edited = session.scenario;
    session = redo(undo(undo(session)));
    session = redo(session);
    expect(session.scenario).toEqual(edited);
    session = undo(session);
    expect(canRedo(session)).toBe(true);
    session = commitChange(session, addSite(2));
    expect(canRedo(session)).toBe(false);
  });

  it('an edit that changes nothing adds no step and keeps the session object', () => {
    const session = createSession(emptyScenario());
    expect(commitChange(session, { type: 'deleteSites', ids: ['C9'] })).toBe(session);
    expect(undo(session)).toBe(session);
  });

  it('stamps updatedAt on edit, undo and redo when given a time', () => {
    let session = commitChange(createSession(emptyScenario()), addSite(1), {
      nowIso: '2025-03-02T00:00:00.000Z',
    });
    expect(session.scenario.updatedAt).toBe('2025-03-02T00:00:00.000Z');
    session = undo(session, '2025-03-03T00:00:00.000Z');
    expect(session.scenario.updatedAt).toBe('2025-03-03T00:00:00.000Z');
    expect(session.scenario.addedSites).toHaveLength(0);
  });
});
