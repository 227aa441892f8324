import { useRef, useState } from 'react';
import { NAME_KEY } from '../../domain/sync/three-way-merge';
import { useFocusTrap } from '../import/use-focus-trap';
import { useAppState, useTranslate } from '../store-context';
import { describeCounts } from './team-words';

type Side = 'mine' | 'theirs';

/**
 * What collided when the planner's edits met a newer revision on the server: per site, what each side
 * did, and the planner's choice. Nothing is applied until a button is pressed; "later" keeps the sync
 * paused (the header says a conflict waits) without losing either side.
 */
export function ConflictDialog() {
  const t = useTranslate();
  const conflict = useAppState((state) => state.team.sync?.conflict ?? null);
  const services = useAppState((state) => state.teamServices);
  const [choices, setChoices] = useState<Record<string, Side>>({});
  const [laterFor, setLaterFor] = useState<number | null>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const open = conflict !== null && laterFor !== conflict.theirRevision && services !== null;
  useFocusTrap(
    dialogRef,
    open,
    () => setLaterFor(conflict?.theirRevision ?? null),
    String(conflict?.theirRevision),
  );
  if (!open || !conflict || !services) return null;
  const choiceOf = (key: string): Side => choices[key] ?? 'mine';
  const settle = (side?: Side) => {
    const all = Object.fromEntries(
      conflict.conflicts.map((entry) => [entry.key, side ?? choiceOf(entry.key)]),
    );
    setChoices({});
    void services.resolveConflict(all);
  };
  const others = conflict.theirAuthors.join(', ') || t('team.conflict.someoneElse');
  return (
    <div className="import-backdrop team-backdrop">
      <div
        ref={dialogRef}
        className="team-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="team-conflict-title"
        tabIndex={-1}
        data-testid="team-conflict"
      >
        <header className="team-dialog__header">
          <h2 id="team-conflict-title">{t('team.conflict.title')}</h2>
        </header>
        <div className="team-dialog__body">
          <p>
            {t('team.conflict.explain', {
              revision: conflict.theirRevision,
              authors: others,
              count: conflict.conflicts.length,
            })}
          </p>
          <table className="team-conflicts">
            <thead>
              <tr>
                <th>{t('team.conflict.site')}</th>
                <th>{t('team.conflict.mine')}</th>
                <th>{t('team.conflict.theirs', { authors: others })}</th>
                <th>{t('team.conflict.keep')}</th>
              </tr>
            </thead>
            <tbody>
              {conflict.conflicts.map((entry) => (
                <tr key={entry.key} data-conflict-key={entry.key}>
                  <td>{entry.key === NAME_KEY ? t('team.conflict.name') : entry.key}</td>
                  <td>{entry.names ? entry.names.mine : describeCounts(t, entry.mine)}</td>
                  <td>{entry.names ? entry.names.theirs : describeCounts(t, entry.theirs)}</td>
                  <td>
                    {(['mine', 'theirs'] as const).map((side) => (
                      <label key={side} className="team-choice">
                        <input
                          type="radio"
                          name={`conflict-${entry.key}`}
                          value={side}
                          checked={choiceOf(entry.key) === side}
                          onChange={() => setChoices({ ...choices, [entry.key]: side })}
                        />{' '}
                        {t(side === 'mine' ? 'team.conflict.keepMine' : 'team.conflict.takeTheirs')}
                      </label>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="planner-hint">{t('team.conflict.others')}</p>
        </div>
        <footer className="team-dialog__footer">
          <button type="button" onClick={() => setLaterFor(conflict.theirRevision)}>
            {t('team.conflict.later')}
          </button>
          <button type="button" data-action="conflict-theirs" onClick={() => settle('theirs')}>
            {t('team.conflict.allTheirs')}
          </button>
          <button type="button" data-action="conflict-mine" onClick={() => settle('mine')}>
            {t('team.conflict.allMine')}
          </button>
          <button
            type="button"
            className="team-primary"
            data-action="conflict-merge"
            onClick={() => settle()}
          >
            {t('team.conflict.merge')}
          </button>
        </footer>
      </div>
    </div>
  );
}
