import { useAppState, useTranslate } from '../store-context';
import { describeCounts, shortTime } from './team-words';

/** The open scenario when it is shared: its sync, refused sites, and its history with restore. */
export function OpenSharedSection() {
  const t = useTranslate();
  const team = useAppState((state) => state.team);
  const services = useAppState((state) => state.teamServices)!;
  const sync = team.sync;
  if (!sync) {
    return (
      <section className="planner-section">
        <h3>{t('team.openScenario')}</h3>
        <p className="planner-hint">{t('team.localOnly')}</p>
      </section>
    );
  }
  const canWrite = team.user?.role !== 'viewer';
  return (
    <section className="planner-section" aria-labelledby="team-open-title" data-testid="team-open-shared">
      <h3 id="team-open-title">{t('team.openScenario')}</h3>
      <p className="planner-hint" data-testid="team-sync-line">
        {t('team.syncLine', { revision: sync.revision, status: t(`team.sync.${sync.status}`) })}
        {sync.pendingChanges > 0 && ` · ${t('team.pending', { count: sync.pendingChanges })}`}
      </p>
      {sync.refused && (
        <div className="planner-warning" role="alert" data-testid="team-refused">
          <p>
            {t(sync.refused.reason === 'readOnlyRole' ? 'team.refusedReadOnly' : 'team.refusedSites', {
              ids: sync.refused.siteIds.join(', '),
            })}
          </p>
          <button type="button" onClick={() => void services.revertRefused()}>
            {t('team.revertRefused')}
          </button>
        </div>
      )}
      {sync.conflict && (
        <p className="planner-warning">
          {t('team.conflictWaiting', { count: sync.conflict.conflicts.length })}
        </p>
      )}
      <div className="planner-actions">
        <button type="button" onClick={() => void services.syncNow()}>
          {t('team.syncNow')}
        </button>
        <button
          type="button"
          data-action="team-history"
          onClick={() => void services.loadHistory()}
          disabled={team.busy}
        >
          {t('team.showHistory')}
        </button>
      </div>
      {team.history && (
        <ol className="team-history" data-testid="team-history">
          {team.history.map((entry) => (
            <li key={entry.revision}>
              <div>
                <strong>{t('team.revision', { revision: entry.revision })}</strong> · {entry.author} ·{' '}
                {shortTime(entry.at)}
                <div className="planner-hint">
                  {t(`team.kind.${entry.kind}`)}: {describeCounts(t, entry.counts)}
                </div>
              </div>
              {canWrite && entry.revision !== sync.revision && (
                <button
                  type="button"
                  onClick={() => {
                    if (window.confirm(t('team.restoreConfirm', { revision: entry.revision })))
                      void services.restoreRevision(entry.revision);
                  }}
                >
                  {t('team.restore')}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
