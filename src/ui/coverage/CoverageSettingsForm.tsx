import { useEffect, useState } from 'react';
import { DENSITY_CLASSES, defaultCoverageSettings } from '../../domain/coverage/settings';
import { rsrpClass } from '../../domain/propagation/link-budget';
import { BANDS, SITE_KINDS } from '../../domain/types';
import { useAppState, useTranslate } from '../store-context';
import { RSRP_CLASS_LABEL_KEYS } from './colours';
import {
  draftFromSettings,
  parseNumber,
  radiusKey,
  type SettingsDraft,
  validateDraft,
} from './settings-draft';

const KIND_KEYS = {
  macro: 'coverage.kind.macro',
  micro: 'coverage.kind.micro',
  indoor: 'coverage.kind.indoor',
} as const;

function Field({
  id,
  label,
  value,
  error,
  hint,
  onChange,
  step,
}: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  hint?: string | undefined;
  onChange: (value: string) => void;
  step?: string;
}) {
  return (
    <div className="coverage-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={value}
        step={step}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error ? (
        <span id={`${id}-error`} className="coverage-field__error" role="alert">
          {error}
        </span>
      ) : (
        hint && (
          <span id={`${id}-hint`} className="coverage-field__hint">
            {hint}
          </span>
        )
      )}
    </div>
  );
}

/** Mode, threshold, cell size, minimum gap and the radius table; applied together (one recompute). */
export function CoverageSettingsForm() {
  const t = useTranslate();
  const settings = useAppState((state) => state.coverageSettings);
  const setSettings = useAppState((state) => state.setCoverageSettings);
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFromSettings(settings));
  useEffect(() => setDraft(draftFromSettings(settings)), [settings]);
  const { patch, errors } = validateDraft(draft, settings);
  const hasErrors = Object.keys(errors).length > 0;
  const changed = Object.keys(patch).length > 0;
  const edit = (change: Partial<SettingsDraft>) => setDraft((current) => ({ ...current, ...change }));
  const threshold = parseNumber(draft.thresholdDbm);
  const errorText = (key: string) => {
    const message = errors[key];
    return message ? t(message) : undefined;
  };
  return (
    <form
      className="coverage-settings"
      aria-label={t('coverage.settings.title')}
      onSubmit={(event) => {
        event.preventDefault();
        if (!hasErrors && changed) setSettings(patch);
      }}
    >
      <div className="coverage-settings__grid">
        <Field
          id="coverage-threshold"
          label={t('coverage.settings.threshold')}
          value={draft.thresholdDbm}
          error={errorText('thresholdDbm')}
          hint={
            threshold !== undefined
              ? t('coverage.settings.thresholdClass', {
                  class: t(RSRP_CLASS_LABEL_KEYS[rsrpClass(threshold)]),
                })
              : undefined
          }
          onChange={(thresholdDbm) => edit({ thresholdDbm })}
        />
        <Field
          id="coverage-cell"
          label={t('coverage.settings.cell')}
          value={draft.cellM}
          error={errorText('cellM')}
          hint="25 – 200"
          onChange={(cellM) => edit({ cellM })}
        />
        <Field
          id="coverage-min-gap"
          label={t('coverage.settings.minGap')}
          value={draft.minGapAreaKm2}
          error={errorText('minGapAreaKm2')}
          onChange={(minGapAreaKm2) => edit({ minGapAreaKm2 })}
        />
      </div>
      <fieldset className="coverage-settings__radio" disabled={settings.mode !== 'pathloss'}>
        <label className="coverage-check">
          <input
            type="checkbox"
            data-testid="coverage-sinr-toggle"
            checked={draft.sinr}
            onChange={(event) => edit({ sinr: event.target.checked })}
          />
          {t('coverage.settings.sinr')}
        </label>
        <div className="coverage-settings__grid">
          <Field
            id="coverage-load"
            label={t('coverage.settings.load')}
            value={draft.loadPercent}
            error={errorText('loadPercent')}
            hint="0 – 100"
            onChange={(loadPercent) => edit({ loadPercent })}
          />
          <Field
            id="coverage-noise-figure"
            label={t('coverage.settings.noiseFigure')}
            value={draft.noiseFigureDb}
            error={errorText('noiseFigureDb')}
            hint="0 – 20"
            onChange={(noiseFigureDb) => edit({ noiseFigureDb })}
          />
          <Field
            id="coverage-sinr-threshold"
            label={t('coverage.settings.sinrThreshold')}
            value={draft.sinrThresholdDb}
            error={errorText('sinrThresholdDb')}
            hint="−20 – 50"
            onChange={(sinrThresholdDb) => edit({ sinrThresholdDb })}
          />
        </div>
      </fieldset>
      <details className="coverage-radius">
        <summary>{t('coverage.settings.radiusTable')}</summary>
        <p className="coverage-note">{t('coverage.settings.radiusHint')}</p>
        {SITE_KINDS.map((kind) => (
          <table key={kind} className="coverage-table coverage-radius__table">
            <caption>{t(KIND_KEYS[kind])}</caption>
            <thead>
              <tr>
                <th scope="col">{t('coverage.settings.band')}</th>
                {DENSITY_CLASSES.map((environment) => (
                  <th key={environment} scope="col">
                    {t(`coverage.settings.env.${environment}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {BANDS.map((band) => (
                <tr key={band}>
                  <th scope="row">{band}</th>
                  {DENSITY_CLASSES.map((environment) => {
                    const key = radiusKey(kind, band, environment);
                    const error = errorText(key);
                    return (
                      <td key={environment}>
                        <input
                          type="text"
                          inputMode="numeric"
                          aria-label={`${t(KIND_KEYS[kind])} ${band} ${t(`coverage.settings.env.${environment}`)}`}
                          aria-invalid={error ? true : undefined}
                          title={error}
                          value={draft.radius[key] ?? ''}
                          onChange={(event) =>
                            edit({ radius: { ...draft.radius, [key]: event.target.value } })
                          }
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        ))}
        {Object.keys(errors).some((key) => key.includes('.')) && (
          <p className="coverage-field__error" role="alert">
            {t('coverage.invalid.radius')}
          </p>
        )}
      </details>
      <div className="coverage-settings__actions">
        <button
          type="submit"
          className="coverage-button coverage-button--primary"
          disabled={hasErrors || !changed}
        >
          {t('coverage.settings.apply')}
        </button>
        <button
          type="button"
          className="coverage-button"
          onClick={() => setDraft(draftFromSettings(defaultCoverageSettings()))}
        >
          {t('coverage.settings.reset')}
        </button>
      </div>
    </form>
  );
}
