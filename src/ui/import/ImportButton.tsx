import { useRef } from 'react';
import { useAppState, useTranslate } from '../store-context';
import './import.css';

/** What the file picker offers; anything else is still read and reported if it is not importable. */
const ACCEPT = '.csv,.tsv,.txt,.xlsx,.geojson,.json,.kml,.kmz,.zip,.shp,.dbf,.prj,.cpg';

/** "导入 / Import" over the map: opens the file picker. */
export function ImportButton() {
  const t = useTranslate();
  const services = useAppState((state) => state.importServices);
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
        // Several files only make sense as a shapefile's loose parts (.shp, .dbf, .prj, .cpg).
        multiple
        data-testid="import-file-input"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          // Cleared so picking the same file again still fires a change.
          event.target.value = '';
          if (files.length > 1) services.openFiles(files);
          else if (files[0]) services.openFile(files[0]);
        }}
      />
    </div>
  );
}
