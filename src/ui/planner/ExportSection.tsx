import { type ChangeEvent, useState } from 'react';
import type { MessageKey } from '../../domain/i18n/translate';
import type { ExportFormat } from '../../state/planner-slice';
import { useAppState, useTranslate } from '../store-context';

const FORMATS: readonly { format: ExportFormat; labelKey: MessageKey }[] = [
  { format: 'geojson', labelKey: 'planner.exportGeoJson' },
  { format: 'csv', labelKey: 'planner.exportCsv' },
  { format: 'kml', labelKey: 'planner.exportKml' },
];

/** Downloads of the candidates or the whole scenario, and import of a scenario file. */
export function ExportSection() {
  const t = useTranslate();
  const services = useAppState((state) => state.plannerServices);
  const [scope, setScope] = useState<'candidates' | 'scenario'>('candidates');
  const [importMessage, setImportMessage] = useState<string | null>(null);
  if (!services) return null;
  const onImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const error = await services.importScenarioFile(await file.text());
    setImportMessage(error ? t('planner.importFailed', { code: error }) : t('planner.importDone'));
  };
  return (
    <section className="planner-section" aria-labelledby="planner-export-title">
      <h3 id="planner-export-title">{t('planner.exportTitle')}</h3>
      <fieldset className="planner-scope">
        <legend>{t('planner.exportScope')}</legend>
        {(['candidates', 'scenario'] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="planner-export-scope"
              value={value}
              checked={scope === value}
              onChange={() => setScope(value)}
            />
            {t(`planner.exportScope.${value}`)}
          </label>
        ))}
      </fieldset>
      <div className="planner-actions">
        {FORMATS.map(({ format, labelKey }) => (
          <button
            key={format}
            type="button"
            data-export={format}
            onClick={() => services.exportScenario(format, scope)}
          >
            {t(labelKey)}
          </button>
        ))}
        <button
          type="button"
          data-export="scenario"
          onClick={() => services.exportScenario('scenario', 'scenario')}
        >
          {t('planner.exportScenarioFile')}
        </button>
      </div>
      <label className="planner-import">
        {t('planner.importScenarioFile')}
        <input type="file" accept=".json,application/json" onChange={(event) => void onImport(event)} />
      </label>
      {importMessage && (
        <p className="planner-hint" role="status">
          {importMessage}
        </p>
      )}
    </section>
  );
}
