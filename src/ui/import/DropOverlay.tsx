import { useAppState, useTranslate } from '../store-context';
import './import.css';

/** Shown while a file is dragged over the map; it lets the drop through to the map below. */
export function DropOverlay() {
  const t = useTranslate();
  const active = useAppState((state) => state.importDropActive);
  if (!active) return null;
  return (
    <div className="import-drop" aria-hidden="true">
      <div className="import-drop__card">
        <div className="import-drop__title">{t('import.dropTitle')}</div>
        <div className="import-drop__formats">{t('import.dropFormats')}</div>
      </div>
    </div>
  );
}
