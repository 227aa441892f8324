import { type DragEvent, useState } from 'react';
import { COORDINATE_SYSTEMS } from '../../domain/import/import-types';
import { formatDecimal } from '../report/format';
import { useAppState, useTranslate } from '../store-context';
import { CalibrationReportView } from './CalibrationReportView';
import { MeasurementImportNotes } from './MeasurementImportNotes';
import './calibration.css';

/** "Calibrated on N samples, RMSE x dB (was y dB)", or "not calibrated", with the remove button. */
function CalibrationStatusLine() {
  const t = useTranslate();
  const language = useAppState((state) => state.language);
  const calibration = useAppState((state) => state.session?.scenario.calibration ?? null);
  const services = useAppState((state) => state.calibrationServices);
  if (!calibration) return <p className="calibration-status">{t('calibration.status.plain')}</p>;
  return (
    <div className="calibration-status calibration-status--on" data-testid="calibration-status">
      <span>
        {t('calibration.status.calibrated', {
          samples: calibration.samples.toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB'),
          after: formatDecimal(language, calibration.after.rmseDb, 1),
          before: formatDecimal(language, calibration.before.rmseDb, 1),
        })}
      </span>
      <button type="button" className="calibration-button" onClick={() => services?.remove()}>
        {t('calibration.remove')}
      </button>
    </div>
  );
}

/** File picker, drop zone and datum; progress with cancel while a file is read or compared. */
function MeasurementInput() {
  const t = useTranslate();
  const services = useAppState((state) => state.calibrationServices);
  const status = useAppState((state) => state.calibrationStatus);
  const progress = useAppState((state) => state.calibrationProgress);
  const crs = useAppState((state) => state.calibrationCrs);
  const setCrs = useAppState((state) => state.setCalibrationCrs);
  const [over, setOver] = useState(false);
  const take = (files: FileList | null) => {
    const file = files?.[0];
    if (file) services?.importFile(file);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    take(event.dataTransfer.files);
  };
  const busy = status === 'importing' || status === 'comparing';
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is a shortcut; the file button inside does the same from the keyboard
    <div
      className={`calibration-drop${over ? ' calibration-drop--over' : ''}`}
      data-testid="calibration-drop"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <label className="calibration-button calibration-button--primary">
        {t('calibration.choose')}
        <input
          type="file"
          accept=".csv,.tsv,.txt,.xlsx,.geojson,.json"
          data-testid="calibration-file"
          hidden
          onChange={(event) => {
            take(event.currentTarget.files);
            event.currentTarget.value = '';
          }}
        />
      </label>
      <span className="calibration-note">{t('calibration.dropHint')}</span>
      <label className="calibration-field">
        {t('calibration.crs')}
        <select value={crs} onChange={(event) => setCrs(event.currentTarget.value as typeof crs)}>
          {COORDINATE_SYSTEMS.map((system) => (
            <option key={system} value={system}>
              {system.toUpperCase()}
            </option>
          ))}
        </select>
      </label>
      {busy && (
        <div className="calibration-progress" role="status" data-testid="calibration-progress">
          <span>{t(status === 'importing' ? 'calibration.reading' : 'calibration.comparing')}</span>
          <progress max={1} value={progress} />
          <button type="button" className="calibration-button" onClick={() => services?.cancel()}>
            {t('calibration.cancel')}
          </button>
        </div>
      )}
    </div>
  );
}

/** The scenario's measurement sets, each deletable (one undo step). */
function MeasurementSets() {
  const t = useTranslate();
  const sets = useAppState((state) => state.session?.scenario.measurements ?? []);
  const services = useAppState((state) => state.calibrationServices);
  if (sets.length === 0) return <p className="calibration-note">{t('calibration.empty')}</p>;
  return (
    <section>
      <h3>{t('calibration.sets')}</h3>
      <ul className="calibration-sets" data-testid="calibration-sets">
        {sets.map((set) => (
          <li key={set.id}>
            <span>{t('calibration.setLine', { name: set.name, count: set.count })}</span>
            <button
              type="button"
              className="calibration-button"
              aria-label={t('calibration.deleteSetLabel', { name: set.name })}
              onClick={() => services?.deleteSet(set.id)}
            >
              {t('calibration.deleteSet')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The 校准 / Calibration tab. */
export function CalibrationPanel() {
  const t = useTranslate();
  const view = useAppState((state) => state.calibrationView);
  const hasSets = useAppState((state) => (state.session?.scenario.measurements.length ?? 0) > 0);
  const error = useAppState((state) => (state.calibrationStatus === 'error' ? state.calibrationError : null));
  return (
    <div className="calibration-panel" data-testid="calibration-panel">
      <h2>{t('calibration.title')}</h2>
      <p className="calibration-note">{t('calibration.intro')}</p>
      <CalibrationStatusLine />
      <MeasurementInput />
      {error && (
        <p className="calibration-note calibration-note--warn" role="alert">
          {error}
        </p>
      )}
      <MeasurementImportNotes />
      <MeasurementSets />
      {hasSets && view && <CalibrationReportView view={view} />}
    </div>
  );
}
