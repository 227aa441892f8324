import type { MessageKey } from '../../domain/i18n/translate';
import { formatBytes, formatCount } from '../report/format';
import { useAppState, useTranslate } from '../store-context';

/** Where the scenarios are kept: the space used, whether the browser promised to keep it. */
export function StorageSpaceLine() {
  const t = useTranslate();
  const language = useAppState((state) => state.language);
  const space = useAppState((state) => state.storageSpace);
  if (!space) return null;
  return (
    <p className="planner-hint" data-testid="storage-space">
      {t('storage.space', {
        used: formatBytes(language, space.usageBytes),
        quota: formatBytes(language, space.quotaBytes),
      })}
      {' · '}
      {t(space.persisted ? 'storage.persisted' : 'storage.notPersisted')}
    </p>
  );
}

/** Damaged records recovered on load: which scenario lost what (the originals are in quarantine). */
export function RecoveredNotice() {
  const t = useTranslate();
  const language = useAppState((state) => state.language);
  const recovered = useAppState((state) => state.recoveredScenarios);
  const unreadable = useAppState((state) => state.unreadableRecordCount);
  if (recovered.length === 0 && unreadable === 0) return null;
  return (
    <div className="planner-warning" role="status" data-testid="storage-recovered">
      {recovered.length > 0 && <p>{t('storage.recoveredTitle')}</p>}
      <ul>
        {recovered.flatMap((scenario) => [
          ...scenario.lost.map((entry) => (
            <li key={`${scenario.id}-${entry.list}`}>
              {t('storage.recoveredLost', {
                name: scenario.name,
                announced: formatCount(language, entry.announced),
                lost: formatCount(language, entry.lost),
                list: t(`storage.list.${entry.list}` as MessageKey),
              })}
            </li>
          )),
          ...(scenario.repairedFields.length > 0
            ? [
                <li key={`${scenario.id}-header`}>
                  {t('storage.recoveredHeader', {
                    name: scenario.name,
                    fields: scenario.repairedFields.join(', '),
                  })}
                </li>,
              ]
            : []),
        ])}
      </ul>
      {recovered.length > 0 && <p>{t('storage.recoveredKept')}</p>}
      {unreadable > 0 && <p>{t('storage.unreadable', { count: formatCount(language, unreadable) })}</p>}
    </div>
  );
}

/** Another tab's merge or deletion, said once, dismissable. */
export function TabNotices() {
  const t = useTranslate();
  const notices = useAppState((state) => state.storageNotices);
  const dismiss = useAppState((state) => state.dismissStorageNotice);
  if (notices.length === 0) return null;
  return (
    <ul className="storage-notices" aria-live="polite">
      {notices.map((notice) => (
        <li key={notice.id} className="storage-notice">
          <span>
            {notice.kind === 'deletedElsewhere'
              ? t('storage.deletedElsewhere', { name: notice.scenarioName })
              : notice.conflicts > 0
                ? t('storage.mergedConflicts', { name: notice.scenarioName, count: notice.conflicts })
                : t('storage.merged', { name: notice.scenarioName })}
          </span>
          <button type="button" onClick={() => dismiss(notice.id)}>
            {t('storage.dismiss')}
          </button>
        </li>
      ))}
    </ul>
  );
}
