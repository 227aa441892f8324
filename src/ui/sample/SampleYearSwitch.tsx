import { BASE_STATIONS_BY_YEAR, SAMPLE_YEARS, type SampleYear } from '../../domain/sample/calibration';
import { formatCount } from '../coverage/format';
import { useAppState, useTranslate } from '../store-context';

const YEAR_LABEL_KEYS = { 2020: 'sample.year2020', 2025: 'sample.year2025' } as const satisfies Record<
  SampleYear,
  string
>;

/**
 * The baseline's sample network, 2020 or 2025, as a two-button switch labelled sample data (示意数据);
 * under it what the loaded sample holds, or that it is being generated. Compact for the story toolbar.
 */
export function SampleYearSwitch({ compact = false }: { compact?: boolean }) {
  const t = useTranslate();
  const language = useAppState((state) => state.language);
  const year = useAppState((state) => state.sampleYear);
  const setYear = useAppState((state) => state.setSampleYear);
  const status = useAppState((state) => state.sampleStatus);
  const loaded = useAppState((state) => state.loadedSample);
  return (
    <div
      className={compact ? 'sample-switch sample-switch--compact' : 'sample-switch'}
      data-testid="sample-switch"
    >
      <fieldset className="coverage-segmented" aria-describedby={compact ? undefined : 'sample-switch-note'}>
        <legend className={compact ? 'coverage-hidden' : 'sample-switch__legend'}>
          {t('sample.legend')} <span className="sample-switch__badge">{t('badge.sample')}</span>
        </legend>
        {SAMPLE_YEARS.map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={year === option}
            data-sample-year={option}
            title={t('sample.optionTitle', {
              year: option,
              baseStations: formatCount(language, BASE_STATIONS_BY_YEAR[option]),
            })}
            onClick={() => year !== option && setYear(option)}
          >
            {t(YEAR_LABEL_KEYS[option])}
          </button>
        ))}
      </fieldset>
      {!compact && (
        <p className="coverage-note" id="sample-switch-note" role="status" data-testid="sample-status">
          {status === 'loading'
            ? t('sample.loading', { year })
            : status === 'error'
              ? t('sample.error', { year })
              : loaded
                ? t('sample.loaded', {
                    year: loaded.year,
                    baseStations: formatCount(language, loaded.baseStations),
                    sectors: formatCount(language, loaded.sectors),
                  })
                : '\u00a0'}
        </p>
      )}
    </div>
  );
}
