import { DISTRICT_FACTS } from '../../domain/plan/district-facts';
import { effectiveRasterStyle } from '../../state/coverage-slice';
import { CalibratedModelNote } from '../calibration/CalibratedModelNote';
import { SampleYearSwitch } from '../sample/SampleYearSwitch';
import { useAppState, useTranslate } from '../store-context';
import { AreaCard, RsrpBreakdown, SitesTable } from './CoverageFigures';
import { CoverageGaps } from './CoverageGaps';
import { CoverageSettingsForm } from './CoverageSettingsForm';
import { SinrBreakdown } from './RadioFigures';
import './coverage.css';
import { formatDistance, formatKm2, formatPercent, formatSeconds } from './format';

/** Progress bar with cancel while a full recompute runs; notices for updating, cancelled, error. */
function CoverageStatusBar() {
  const t = useTranslate();
  const language = useAppState((state) => state.language);
  const status = useAppState((state) => state.coverageStatus);
  const progress = useAppState((state) => state.coverageProgress);
  const error = useAppState((state) => state.coverageError);
  const services = useAppState((state) => state.coverageServices);
  if (status === 'computing') {
    return (
      <div className="coverage-status" role="status" data-testid="coverage-progress">
        <div className="coverage-status__row">
          <span>{t('coverage.status.computing', { percent: formatPercent(language, progress, 0) })}</span>
          <button type="button" className="coverage-button" onClick={() => services?.cancel()}>
            {t('coverage.cancel')}
          </button>
        </div>
        <progress max={1} value={progress} aria-label={t('coverage.status.computing', { percent: '' })} />
      </div>
    );
  }
  if (status === 'cancelled' || status === 'error') {
    return (
      <div className="coverage-status coverage-status--warn" role="status">
        <span>
          {status === 'error'
            ? t('coverage.status.error', { message: error ?? '' })
            : t('coverage.status.cancelled')}
        </span>
        <button type="button" className="coverage-button" onClick={() => services?.recompute()}>
          {t('coverage.recompute')}
        </button>
      </div>
    );
  }
  if (status === 'idle') return <p className="coverage-note">{t('coverage.status.idle')}</p>;
  return (
    <p className="coverage-note coverage-note--quiet" role="status">
      {status === 'updating' ? t('coverage.status.updating') : '\u00a0'}
    </p>
  );
}

function ModeSwitch() {
  const t = useTranslate();
  const settings = useAppState((state) => state.coverageSettings);
  const setSettings = useAppState((state) => state.setCoverageSettings);
  return (
    <fieldset className="coverage-segmented">
      <legend className="coverage-hidden">{t('coverage.settings.mode')}</legend>
      {(['radius', 'pathloss'] as const).map((mode) => (
        <button
          key={mode}
          type="button"
          aria-pressed={settings.mode === mode}
          data-mode={mode}
          onClick={() => settings.mode !== mode && setSettings({ mode })}
        >
          {t(mode === 'radius' ? 'coverage.settings.modeRadius' : 'coverage.settings.modePathloss')}
        </button>
      ))}
    </fieldset>
  );
}

const STYLE_OPTIONS = ['class', 'covered', 'sinr', 'rate'] as const;
const STYLE_KEYS = {
  class: 'coverage.style.class',
  covered: 'coverage.style.covered',
  sinr: 'coverage.style.sinr',
  rate: 'coverage.style.rate',
} as const;

function LayerSwitches() {
  const t = useTranslate();
  const layers = useAppState((state) => state.coverageLayers);
  const setVisible = useAppState((state) => state.setCoverageLayerVisible);
  const settings = useAppState((state) => state.coverageSettings);
  const chosen = useAppState((state) => state.coverageRasterStyle);
  const setStyle = useAppState((state) => state.setCoverageRasterStyle);
  const style = effectiveRasterStyle(settings, chosen);
  return (
    <section className="coverage-section" aria-labelledby="coverage-layers-title">
      <h3 id="coverage-layers-title" className="coverage-section__title">
        {t('coverage.layers.title')}
      </h3>
      {(['raster', 'gaps', 'footprint'] as const).map((layer) => (
        <label key={layer} className="coverage-check">
          <input
            type="checkbox"
            checked={layers[layer]}
            onChange={(event) => setVisible(layer, event.target.checked)}
          />
          {t(`coverage.layer.${layer}`)}
        </label>
      ))}
      <fieldset className="coverage-inline" disabled={settings.mode !== 'pathloss'}>
        <legend>{t('coverage.style.title')}</legend>
        {STYLE_OPTIONS.map((option) => (
          <label key={option}>
            <input
              type="radio"
              name="coverage-style"
              value={option}
              checked={style === option}
              onChange={() => setStyle(option)}
            />
            {t(STYLE_KEYS[option])}
          </label>
        ))}
        {settings.mode !== 'pathloss' ? (
          <span className="coverage-note">{t('coverage.style.classRadiusHint')}</span>
        ) : (
          !settings.sinr && <span className="coverage-note">{t('coverage.style.radioHint')}</span>
        )}
      </fieldset>
    </section>
  );
}

/** The "覆盖 / Coverage" side-panel tab. */
export function CoveragePanel() {
  const t = useTranslate();
  const language = useAppState((state) => state.language);
  const stats = useAppState((state) => state.coverageStats);
  const sampleYear = useAppState((state) => state.sampleYear);
  const baseline = useAppState((state) => state.baselineCoverageStats);
  const elapsedMs = useAppState((state) => state.coverageElapsedMs);
  const district = useAppState((state) => state.coverageDistrict);
  const setDistrict = useAppState((state) => state.setCoverageDistrict);
  const footprint = useAppState((state) => state.coverageFootprint);
  const districtFigures = stats?.districts.find((item) => item.adcode === district);
  const districtBaseline = baseline?.districts.find((item) => item.adcode === district);
  const districtName = (adcode: string) => {
    const facts = DISTRICT_FACTS.find((item) => item.adcode === adcode);
    return facts ? (language === 'en' ? facts.nameEn : facts.name) : adcode;
  };
  return (
    <div className="coverage-panel">
      <header className="coverage-panel__head">
        <h2>{t('coverage.title')}</h2>
        <span className="badge badge--sample">{t('badge.sample')}</span>
      </header>
      <SampleYearSwitch />
      <p className="coverage-note">{t('coverage.sampleNote', { year: sampleYear })}</p>
      <ModeSwitch />
      {stats && (
        <p className="coverage-note" data-testid="coverage-summary">
          {stats.mode === 'radius'
            ? t('coverage.summary.radius', { cell: stats.cellM })
            : t('coverage.summary.pathloss', { cell: stats.cellM, threshold: stats.thresholdDbm })}
          {elapsedMs !== null &&
            ` · ${t('coverage.summary.elapsed', { seconds: formatSeconds(language, elapsedMs) })}`}
        </p>
      )}
      {stats && <CalibratedModelNote mode={stats.mode} />}
      <CoverageStatusBar />
      {stats && (
        <>
          <AreaCard
            title={t('coverage.city')}
            figures={stats}
            baseline={baseline ?? undefined}
            testId="coverage-city"
          />
          <div className="coverage-field coverage-field--inline">
            <label htmlFor="coverage-district">{t('coverage.district')}</label>
            <select
              id="coverage-district"
              value={district ?? ''}
              onChange={(event) => setDistrict(event.target.value || null)}
            >
              <option value="">{t('coverage.districtNone')}</option>
              {stats.districts.map((item) => (
                <option key={item.adcode} value={item.adcode}>
                  {districtName(item.adcode)}
                </option>
              ))}
            </select>
          </div>
          {districtFigures && (
            <AreaCard
              title={districtName(districtFigures.adcode)}
              figures={districtFigures}
              baseline={districtBaseline}
              testId="coverage-district"
              adcode={districtFigures.adcode}
            />
          )}
          {footprint && (
            <p className="coverage-footprint" data-testid="coverage-footprint">
              <b>{t('coverage.footprint.title', { id: footprint.siteId })}</b>
              <br />
              {t('coverage.footprint.body', {
                served: formatKm2(language, footprint.servedKm2),
                radius: formatDistance(language, Math.round(footprint.radiusM)),
              })}
            </p>
          )}
          <RsrpBreakdown stats={stats} />
          <SinrBreakdown stats={stats} />
          <CoverageGaps kind="coverage" />
          {stats.sinr && <CoverageGaps kind="quality" />}
          <SitesTable stats={stats} />
        </>
      )}
      <LayerSwitches />
      <details className="coverage-section coverage-settings-box">
        <summary className="coverage-section__title">{t('coverage.settings.title')}</summary>
        <CoverageSettingsForm />
      </details>
    </div>
  );
}
