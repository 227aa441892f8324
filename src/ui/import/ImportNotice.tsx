import { useEffect } from 'react';
import { useAppState, useTranslate } from '../store-context';
import './import.css';

/** The notice stays this long unless closed (long enough to decide on Undo). */
const SHOWN_MS = 60_000;

/** "N imported, M rejected — Undo" after an import. */
export function ImportNotice() {
  const t = useTranslate();
  const notice = useAppState((state) => state.importNotice);
  const services = useAppState((state) => state.importServices);
  const showNotice = useAppState((state) => state.showImportNotice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => showNotice(null), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [notice, showNotice]);
  if (!notice || !services) return null;
  return (
    <div className="import-notice" role="status" data-testid="import-notice">
      <span>
        {notice.undone
          ? t('import.notice.undone')
          : t('import.notice', {
              imported: notice.imported.toLocaleString(),
              rejected: notice.rejected.toLocaleString(),
            })}
      </span>
      {notice.undone ? null : (
        <button type="button" className="import-notice__undo" onClick={() => services.undoLastImport()}>
          {t('import.notice.undo')}
        </button>
      )}
      <button
        type="button"
        className="import-notice__close"
        aria-label={t('import.close')}
        onClick={() => showNotice(null)}
      >
        ×
      </button>
    </div>
  );
}
