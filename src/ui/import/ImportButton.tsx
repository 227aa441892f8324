import { useRef } from 'react';
import { usePlanner, useTranslate } from '../store-context';
import './import.css';

/** What the file picker offers; anything else is still read and reported if it is not importable. */
const ACCEPT = '.csv,.tsv,.txt,.xlsx,.geojson,.json,.kml,.kmz,.zip';

/** "导入 / Import" over the map: opens the file picker. */
export function ImportButton() {
  const t = useTranslate();
  const services = usePlanner((state) => state.importServices);
  const inputRef = useRef<HTMLInputElement>(null);
  if (!services) return null;
  return (
    <div className="import-entry">
      <button
        type="button"
        className="import-entry__button"
        title={t('import.buttonTitle')}
        onClick={() => inputRef.current?.click()}
      >
        <span aria-hidden="true" className="import-entry__icon">
          ⤒
        </span>
        {t('import.button')}
      </button>
      <input
        ref={inputRef}
        className="import-entry__input"
        type="file"
        accept={ACCEPT}
        tabIndex={-1}
        aria-hidden="true"
        data-testid="import-file-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared so picking the same file again still fires a change.
          event.target.value = '';
          if (file) services.openFile(file);
        }}
      />
    </div>
  );
}
