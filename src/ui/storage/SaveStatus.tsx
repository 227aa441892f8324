import type { MessageKey } from '../../domain/i18n/translate';
import { formatTime } from '../report/format';
import { useAppState, useTranslate } from '../store-context';
import './storage.css';

/**
 * Always in view: whether the latest edits are saved. A failed save is an alert that stays until a save
 * lands, with the scenario file to export (the work is still in this page) and a retry.
 */
export function SaveStatus() {
  const t = useTranslate();
  const language = useAppState((state) => state.language);
  const status = useAppState((state) => state.saveStatus);
  const actions = useAppState((state) => state.saveActions);
  const available = useAppState((state) => state.plannerStorageStatus);
  if (status.state === 'failed') {
    return (
      <div className="save-alert" role="alert">
        <strong className="save-alert__title">{t('storage.failedTitle')}</strong>
        <p className="save-alert__text">{t(`storage.failed.${status.failure ?? 'unknown'}` as MessageKey)}</p>
        {status.failedSince && (
          <p className="save-alert__since">
            {t('storage.failedSince', { time: formatTime(language, status.failedSince) })}
          </p>
        )}
        <div className="save-alert__actions">
          <button type="button" onClick={() => actions?.exportOpenScenario()}>
            {t('storage.exportScenario')}
          </button>
          <button type="button" onClick={() => actions?.retry()}>
            {t('storage.retry')}
          </button>
        </div>
      </div>
    );
  }
  if (available !== 'ready' || status.state !== 'saved' || !status.lastSavedAt) return null;
  return (
    <span className="save-chip" data-testid="save-chip">
      {t('storage.savedAt', { time: formatTime(language, status.lastSavedAt) })}
    </span>
  );
}
