import { useEffect, useState } from 'react';
import { progressStage } from '../domain/coverage/progress-stage';
import { LAYER_CATALOGUE } from '../domain/layers/catalogue';
import { useAppState, useTranslate } from './store-context';
import './map-progress.css';

/** A compute that runs longer than this offers a cancel button. */
const CANCEL_AFTER_MS = 1000;

const HEAVY_SOURCES = new Set(
  LAYER_CATALOGUE.filter((layer) => layer.heavy).flatMap((layer) => layer.sources),
);

/**
 * Over the map: what the first figure is waiting for (basemap, sample sites, the coverage grid), then
 * the full compute's stage with a bar, and a cancel button once it has run over a second. The same bar
 * shows for a settings change or a mode switch (each a full compute). Nothing shows while a figure is
 * on screen and nothing runs: edits update in milliseconds.
 */
export function MapProgress() {
  const t = useTranslate();
  const status = useAppState((state) => state.coverageStatus);
  const fraction = useAppState((state) => state.coverageProgress);
  const hasFigure = useAppState((state) => state.coverageStats !== null);
  const mapLoading = useAppState((state) =>
    Object.entries(state.dataStatus).some(
      ([id, value]) => value === 'loading' && !HEAVY_SOURCES.has(id as keyof typeof state.dataStatus),
    ),
  );
  const sitesLoading = useAppState((state) => state.sampleStatus === 'loading');
  const year = useAppState((state) => state.sampleYear);
  const services = useAppState((state) => state.coverageServices);
  const [longRunning, setLongRunning] = useState(false);
  const computing = status === 'computing';
  useEffect(() => {
    setLongRunning(false);
    if (!computing) return;
    const timer = window.setTimeout(() => setLongRunning(true), CANCEL_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [computing]);

  if (status === 'cancelled') {
    return (
      <div className="map-progress map-progress--warn" role="status" data-testid="map-progress">
        <span>{t('progress.cancelled')}</span>
        <button type="button" className="map-progress__button" onClick={() => services?.recompute()}>
          {t('progress.recompute')}
        </button>
      </div>
    );
  }
  const stage = progressStage({
    coverageStatus: status,
    coverageProgress: fraction,
    hasFigure,
    mapLoading,
    sitesLoading,
  });
  if (!stage) return null;
  const percent = `${Math.round(fraction * 100)}%`;
  const label = t(`progress.stage.${stage}`, { year, percent });
  return (
    <div className="map-progress" role="status" data-testid="map-progress" data-stage={stage}>
      <div className="map-progress__row">
        <span className="map-progress__label">{label}</span>
        {computing && longRunning && (
          <button type="button" className="map-progress__button" onClick={() => services?.cancel()}>
            {t('progress.cancel')}
          </button>
        )}
      </div>
      {/* Before the compute starts the bar is indeterminate (no value): nothing to count yet. */}
      <progress max={1} {...(computing ? { value: fraction } : {})} aria-label={label} />
    </div>
  );
}
