import { useState } from 'react';
import { useAppState, useTranslate } from '../store-context';
import { OpenSharedSection } from './OpenSharedSection';
import { SubmissionsSection } from './SubmissionsSection';
import { districtLabel, shortTime } from './team-words';
import './team.css';

/**
 * The 团队 / Team tab: which server (none: the app works alone, offline), signing in, the shared
 * scenarios, the open shared scenario's sync and history, and district submissions.
 */
export function TeamPanel() {
  const t = useTranslate();
  const team = useAppState((state) => state.team);
  const services = useAppState((state) => state.teamServices);
  if (!services) return <p className="planner-hint">{t('team.loading')}</p>;
  return (
    <div className="planner-panel team-panel" data-testid="team-panel">
      {team.notice && (
        <p
          className={`team-notice team-notice--${team.notice.tone}`}
          role={team.notice.tone === 'error' ? 'alert' : 'status'}
          data-testid="team-notice"
        >
          {t(team.notice.key, team.notice.values)}
        </p>
      )}
      <ServerSection />
      {team.connection === 'signedOut' && <SignInSection />}
      {team.connection === 'signedIn' && (
        <>
          <SharedListSection />
          <OpenSharedSection />
          <SubmissionsSection />
        </>
      )}
    </div>
  );
}

function ServerSection() {
  const t = useTranslate();
  const team = useAppState((state) => state.team);
  const language = useAppState((state) => state.language);
  const services = useAppState((state) => state.teamServices)!;
  const [url, setUrl] = useState('');
  if (team.serverUrl === null) {
    return (
      <section className="planner-section">
        <h3>{t('team.server')}</h3>
        <p className="planner-hint">{t('team.offlineFirst')}</p>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void services.connect(url);
          }}
        >
          <div className="planner-field">
            <label htmlFor="team-server-url">{t('team.serverUrl')}</label>
            <input
              id="team-server-url"
              type="url"
              placeholder="http://127.0.0.1:8787"
              value={url}
              onChange={(event) => setUrl(event.target.value)}
            />
          </div>
          <div className="planner-actions">
            <button type="submit" data-action="team-connect" disabled={url.trim() === ''}>
              {t('team.connect')}
            </button>
          </div>
        </form>
      </section>
    );
  }
  const user = team.user;
  return (
    <section className="planner-section">
      <h3>{t('team.server')}</h3>
      <p className="team-server-line">
        <code>{team.serverUrl}</code>
      </p>
      {team.connection === 'checking' && <p className="planner-hint">{t('team.checking')}</p>}
      {team.connection === 'unreachable' && <p className="planner-hint">{t('team.unreachable')}</p>}
      {user && (
        <p className="planner-hint" data-testid="team-user">
          {t('team.signedInAs', {
            name: user.name,
            role: t(`team.role.${user.role}`),
            district: districtLabel(user.district, team.districtNames, language),
          })}
        </p>
      )}
      <div className="planner-actions">
        {team.connection === 'unreachable' && (
          <button type="button" onClick={() => void services.connect(team.serverUrl!)}>
            {t('team.retry')}
          </button>
        )}
        {user && (
          <button type="button" data-action="team-sign-out" onClick={() => void services.signOut()}>
            {t('team.signOut')}
          </button>
        )}
        <button type="button" onClick={() => void services.disconnect()}>
          {t('team.disconnect')}
        </button>
      </div>
    </section>
  );
}

function SignInSection() {
  const t = useTranslate();
  const services = useAppState((state) => state.teamServices)!;
  const busy = useAppState((state) => state.team.busy);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  return (
    <section className="planner-section">
      <h3>{t('team.signIn')}</h3>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void services.signIn(name, password).then(() => setPassword(''));
        }}
      >
        <div className="planner-field">
          <label htmlFor="team-name">{t('team.name')}</label>
          <input
            id="team-name"
            autoComplete="username"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <div className="planner-field">
          <label htmlFor="team-password">{t('team.password')}</label>
          <input
            id="team-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <div className="planner-actions">
          <button type="submit" data-action="team-sign-in" disabled={busy || name === '' || password === ''}>
            {t('team.signIn')}
          </button>
        </div>
      </form>
    </section>
  );
}

function SharedListSection() {
  const t = useTranslate();
  const team = useAppState((state) => state.team);
  const language = useAppState((state) => state.language);
  const openId = useAppState((state) => state.session?.scenario.id);
  const services = useAppState((state) => state.teamServices)!;
  const shared = team.sharedScenarios.some((entry) => entry.id === openId);
  return (
    <section className="planner-section" aria-labelledby="team-shared-title">
      <h3 id="team-shared-title">{t('team.sharedScenarios')}</h3>
      {team.sharedScenarios.length === 0 && <p className="planner-hint">{t('team.noShared')}</p>}
      <ul className="team-list" data-testid="team-shared-list">
        {team.sharedScenarios.map((entry) => (
          <li
            key={entry.id}
            className={entry.id === openId ? 'team-list__item team-list__item--open' : 'team-list__item'}
          >
            <div>
              <strong>{entry.name}</strong>
              {entry.district && (
                <span className="team-tag">
                  {districtLabel(entry.district, team.districtNames, language)}
                </span>
              )}
              <div className="planner-hint">
                {t('team.revisionLine', {
                  revision: entry.revision,
                  author: entry.updatedBy,
                  at: shortTime(entry.updatedAt),
                })}
              </div>
            </div>
            {entry.id === openId ? (
              <span className="team-tag team-tag--open">{t('team.openNow')}</span>
            ) : (
              <button
                type="button"
                data-action="team-open"
                disabled={team.busy}
                onClick={() => void services.openShared(entry.id)}
              >
                {t('team.open')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <div className="planner-actions">
        <button type="button" onClick={() => void services.refresh()} disabled={team.busy}>
          {t('team.refresh')}
        </button>
        {team.user?.role !== 'viewer' && !shared && (
          <button
            type="button"
            data-action="team-share"
            onClick={() => void services.shareCurrent()}
            disabled={team.busy}
          >
            {t('team.shareCurrent')}
          </button>
        )}
      </div>
    </section>
  );
}
