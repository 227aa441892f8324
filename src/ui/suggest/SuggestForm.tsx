import type { ReactNode } from 'react';
import { districtFacts } from '../../domain/plan/district-facts';
import { BANDS, type SiteKind } from '../../domain/types';
import type { SuggestAreaKind } from '../../state/suggest-slice';
import { formatDecimal } from '../report/format';
import { useAppState, useTranslate } from '../store-context';
import { CandidateAreaFields } from './CandidateAreaFields';
import { ExactField } from './ExactField';

const AREA_KINDS: readonly SuggestAreaKind[] = ['city', 'district', 'zone', 'gaps'];
const AREA_LABELS = {
  city: 'suggest.areaCity',
  district: 'suggest.areaDistrict',
  zone: 'suggest.areaZone',
  gaps: 'suggest.areaGaps',
} as const;
const KIND_LABELS = {
  macro: 'suggest.kindMacro',
  micro: 'suggest.kindMicro',
  indoor: 'suggest.kindIndoor',
} as const;
/** Weak spots offered for the "selected weak spots" area: the highest priorities. */
const GAP_CHOICES = 12;

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the child passed in, inside the label.
    <label className="suggest-field">
      <span>{label}</span>
      {children}
    </label>
  );
}

/** Number input that keeps the last valid value (the store never holds NaN). */
function NumberInput(props: {
  value: number;
  min: number;
  max: number;
  step?: number;
  onChange: (value: number) => void;
  testId?: string;
}) {
  return (
    <input
      type="number"
      value={props.value}
      min={props.min}
      max={props.max}
      step={props.step ?? 1}
      data-testid={props.testId}
      onChange={(event) => {
        const value = Number(event.target.value);
        if (event.target.value !== '' && Number.isFinite(value))
          props.onChange(Math.min(props.max, Math.max(props.min, value)));
      }}
    />
  );
}

function AreaFields() {
  const t = useTranslate();
  const language = useAppState((state) => state.language);
  const form = useAppState((state) => state.suggestForm);
  const setForm = useAppState((state) => state.setSuggestForm);
  const choices = useAppState((state) => state.districtChoices);
  const gaps = useAppState((state) => state.coverageGaps);
  const nameOf = (choice: (typeof choices)[number]) => (language === 'en' ? choice.nameEn : choice.name);
  return (
    <fieldset className="suggest-group">
      <legend>{t('suggest.area')}</legend>
      <select
        aria-label={t('suggest.area')}
        data-testid="suggest-area-kind"
        value={form.areaKind}
        onChange={(event) => setForm({ areaKind: event.target.value as SuggestAreaKind })}
      >
        {AREA_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(AREA_LABELS[kind])}
          </option>
        ))}
      </select>
      {form.areaKind === 'district' && (
        <select
          aria-label={t('suggest.areaDistrict')}
          data-testid="suggest-district"
          value={form.adcode}
          onChange={(event) => setForm({ adcode: event.target.value })}
        >
          <option value="">{t('suggest.pickDistrict')}</option>
          {choices.flatMap((choice) =>
            choice.target.kind === 'district'
              ? [
                  <option key={choice.target.adcode} value={choice.target.adcode}>
                    {nameOf(choice)}
                  </option>,
                ]
              : [],
          )}
        </select>
      )}
      {form.areaKind === 'zone' && (
        <select
          aria-label={t('suggest.areaZone')}
          value={form.zoneId}
          onChange={(event) => setForm({ zoneId: event.target.value })}
        >
          <option value="">{t('suggest.pickZone')}</option>
          {choices.flatMap((choice) =>
            choice.target.kind === 'zone'
              ? [
                  <option key={choice.target.id} value={choice.target.id}>
                    {nameOf(choice)}
                  </option>,
                ]
              : [],
          )}
        </select>
      )}
      {form.areaKind === 'gaps' && (
        <div className="suggest-gaps">
          {(gaps?.features.length ?? 0) === 0 && <p className="suggest-note">{t('suggest.noGaps')}</p>}
          {gaps?.features.slice(0, GAP_CHOICES).map((gap, index) => {
            const id = gap.properties.id;
            const checked = form.gapIds.includes(id);
            return (
              <label key={id} className="suggest-check">
                <input
                  type="checkbox"
                  checked={checked}
                  onChange={() =>
                    setForm({
                      gapIds: checked ? form.gapIds.filter((other) => other !== id) : [...form.gapIds, id],
                    })
                  }
                />
                {t('suggest.gapOption', {
                  rank: index + 1,
                  district:
                    (language === 'en' ? districtFacts(gap.properties.adcode)?.nameEn : undefined) ??
                    gap.properties.districtName,
                  area: formatDecimal(language, gap.properties.areaKm2, 2),
                })}
              </label>
            );
          })}
        </div>
      )}
    </fieldset>
  );
}

/** The planner's choices: area, candidate positions, template, budget, spacing, method. */
export function SuggestFormFields() {
  const t = useTranslate();
  const form = useAppState((state) => state.suggestForm);
  const setForm = useAppState((state) => state.setSuggestForm);
  return (
    <div className="suggest-form">
      <AreaFields />
      <fieldset className="suggest-group">
        <legend>{t('suggest.candidates')}</legend>
        <label className="suggest-check">
          <input
            type="checkbox"
            checked={form.usePoles}
            data-testid="suggest-use-poles"
            onChange={(event) => setForm({ usePoles: event.target.checked })}
          />
          {t('suggest.usePoles')}
        </label>
        <label className="suggest-check">
          <input
            type="checkbox"
            checked={form.usePlannerCandidates}
            onChange={(event) => setForm({ usePlannerCandidates: event.target.checked })}
          />
          {t('suggest.usePlannerCandidates')}
        </label>
        <CandidateAreaFields />
      </fieldset>
      <fieldset className="suggest-group suggest-group--grid">
        <legend>{t('suggest.template')}</legend>
        <Field label={t('suggest.kind')}>
          <select value={form.kind} onChange={(event) => setForm({ kind: event.target.value as SiteKind })}>
            {(Object.keys(KIND_LABELS) as SiteKind[]).map((kind) => (
              <option key={kind} value={kind}>
                {t(KIND_LABELS[kind])}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('suggest.band')}>
          <select
            value={form.band}
            onChange={(event) => setForm({ band: event.target.value as (typeof BANDS)[number] })}
          >
            {BANDS.map((band) => (
              <option key={band} value={band}>
                {band}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('suggest.heightM')}>
          <NumberInput value={form.heightM} min={1} max={150} onChange={(heightM) => setForm({ heightM })} />
        </Field>
        <Field label={t('suggest.powerDbm')}>
          <input
            type="number"
            value={form.powerDbm ?? ''}
            min={0}
            max={60}
            onChange={(event) => {
              const value = Number(event.target.value);
              setForm({ powerDbm: event.target.value === '' || !Number.isFinite(value) ? null : value });
            }}
          />
        </Field>
        <p className="suggest-note">{t('suggest.templateNote')}</p>
      </fieldset>
      <fieldset className="suggest-group suggest-group--grid">
        <legend>{t('suggest.budget')}</legend>
        <select
          aria-label={t('suggest.budget')}
          value={form.budgetKind}
          onChange={(event) => setForm({ budgetKind: event.target.value as 'count' | 'target' })}
        >
          <option value="count">{t('suggest.budgetCount')}</option>
          <option value="target">{t('suggest.budgetTarget')}</option>
        </select>
        {form.budgetKind === 'count' ? (
          <Field label={t('suggest.count')}>
            <NumberInput
              value={form.count}
              min={1}
              max={500}
              testId="suggest-count"
              onChange={(count) => setForm({ count })}
            />
          </Field>
        ) : (
          <Field label={t('suggest.targetPercent')}>
            <NumberInput
              value={form.targetPercent}
              min={1}
              max={100}
              step={0.5}
              onChange={(targetPercent) => setForm({ targetPercent })}
            />
          </Field>
        )}
        <Field label={t('suggest.spacing')}>
          <NumberInput
            value={form.minSpacingM}
            min={0}
            max={5000}
            step={50}
            onChange={(minSpacingM) => setForm({ minSpacingM })}
          />
        </Field>
        <label className="suggest-check">
          <input
            type="checkbox"
            checked={form.spacingFromExistingSites}
            onChange={(event) => setForm({ spacingFromExistingSites: event.target.checked })}
          />
          {t('suggest.spacingExisting')}
        </label>
        <ExactField />
      </fieldset>
    </div>
  );
}
