import { useRef } from 'react';
import { useAppState, useTranslate } from '../store-context';
import { ImportProgressBar } from './ImportProgressBar';
import { ImportReview } from './ImportReview';
import { failureText, percentText } from './import-view';
import { useFocusTrap } from './use-focus-trap';
import './import.css';

/** The import dialog: reading progress, a whole-file error, or the review (mapping, datum, report). */
export function ImportDialog() {
  const t = useTranslate();
  const phase = useAppState((state) => state.importPhase);
  const fileName = useAppState((state) => state.importFileName);
  const services = useAppState((state) => state.importServices);
  const dialogRef = useRef<HTMLDivElement>(null);
  const open = phase !== 'idle';
  useFocusTrap(dialogRef, open, () => services?.close(), phase);
  if (!open || !services) return null;
  return (
    <div className="import-backdrop">
      <div
        ref={dialogRef}
        className={`import-dialog import-dialog--${phase}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-dialog-title"
        tabIndex={-1}
      >
        <header className="import-dialog__header">
          <h2 id="import-dialog-title" className="import-dialog__title">
            {fileName ? t('import.dialogTitle', { file: fileName }) : t('import.failure.title')}
          </h2>
          <button
            type="button"
            className="import-dialog__close"
            aria-label={t('import.close')}
            onClick={() => services.close()}
          >
            ×
          </button>
        </header>
        {phase === 'reading' && <ReadingProgress />}
        {phase === 'failed' && <FailureMessage />}
        {phase === 'review' && <ImportReview />}
      </div>
    </div>
  );
}

function ReadingProgress() {
  const t = useTranslate();
  const progress = useAppState((state) => state.importProgress);
  const services = useAppState((state) => state.importServices);
  const fraction = progress?.fraction ?? 0;
  const label =
    progress?.stage === 'validate'
      ? t('import.validating', { percent: percentText(fraction) })
      : t('import.reading', { percent: percentText(fraction) });
  return (
    <div className="import-dialog__body import-dialog__body--narrow">
      <ImportProgressBar fraction={fraction} label={label} />
      <div className="import-dialog__footer">
        <button type="button" className="import-button" data-autofocus onClick={() => services?.cancel()}>
          {t('import.cancel')}
        </button>
      </div>
    </div>
  );
}

function FailureMessage() {
  const t = useTranslate();
  const failure = useAppState((state) => state.importFailure);
  const services = useAppState((state) => state.importServices);
  return (
    <div className="import-dialog__body import-dialog__body--narrow">
      <p className="import-failure" role="alert">
        {failure ? failureText(t, failure) : ''}
      </p>
      <div className="import-dialog__footer">
        <button type="button" className="import-button" data-autofocus onClick={() => services?.close()}>
          {t('import.close')}
        </button>
      </div>
    </div>
  );
}
