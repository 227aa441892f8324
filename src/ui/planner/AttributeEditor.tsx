import { useContext } from 'react';
import { editSitesChange } from '../../domain/history/change-builders';
import type { SitePropertiesPatch } from '../../domain/history/scenario-change';
import type { MessageKey } from '../../domain/i18n/translate';
import { antennaDefaults } from '../../domain/propagation/antenna-pattern';
import { BANDS, SITE_KINDS, type SiteProperties } from '../../domain/types';
import {
  ADDED_SITE_STATUSES,
  type SiteAttributeIssue,
  validateSitePatch,
} from '../../domain/validation/site-attributes';
import { openScenarioBaseline } from '../../state/scenario-slice';
import { StoreContext, useAppState, useTranslate } from '../store-context';
import { InputField, SelectField } from './AttributeFields';
import { commonValue, describeSelection, isEditable, parseNumberInput } from './attribute-values';
import { PoleHeightWarnings } from './PoleHeightWarnings';
import { isCommandEnabled, runPlannerCommand } from './planner-commands';

const NUMBER_FIELDS = ['heightM', 'powerDbm', 'antennaGainDbi'] as const;
const SECTOR_FIELDS = ['azimuthDeg', 'beamwidthDeg'] as const;
/** Downtilt and vertical beam (docs/radio.md); empty means the kind's and band's default, shown as a hint. */
const TILT_FIELDS = ['mechanicalTiltDeg', 'electricalTiltDeg', 'verticalBeamwidthDeg'] as const;
const DEFAULT_BEAMWIDTH_DEG = 65;
const ACTIONS = [
  'modifySelection',
  'revertSelection',
  'planSelectionForRemoval',
  'cancelSelectionRemoval',
] as const;

/** Edits the selected sites (one or many; one undo step per edit); baseline sites stay read-only. */
export function AttributeEditor() {
  const t = useTranslate();
  const store = useContext(StoreContext);
  const scenario = useAppState((state) => state.session?.scenario);
  const baseline = useAppState(openScenarioBaseline);
  const ids = useAppState((state) => state.selectedSiteIds);
  const poleAt = useAppState((state) => state.poleAt);
  const enabledActions = useAppState((state) =>
    ACTIONS.filter((name) => isCommandEnabled(state, name)).join(','),
  );
  if (!scenario || !baseline || !store) return null;
  if (ids.length === 0) return <p className="planner-hint">{t('planner.noSelection')}</p>;

  const selected = describeSelection(scenario, baseline, ids);
  const editable = selected.filter(isEditable);
  const sites = (editable.length > 0 ? editable : selected).map((entry) => entry.site);
  const readOnly = editable.length === 0;
  const onlyAdded = editable.every((entry) => entry.origin === 'added');

  const message = (issue: SiteAttributeIssue): string => {
    const values: Record<string, string | number> = {
      field: t(`planner.field.${issue.field}` as MessageKey),
    };
    for (const [name, value] of Object.entries(issue.params ?? {})) {
      values[name] = Array.isArray(value) ? value.join(', ') : (value as string | number);
    }
    return t(`validation.${issue.code}` as MessageKey, values);
  };
  const apply = (patch: SitePropertiesPatch): string | null => {
    const issues = validateSitePatch(
      patch,
      editable.map((entry) => entry.site.properties),
      onlyAdded ? { allowedStatuses: ADDED_SITE_STATUSES } : {},
    );
    const first = issues[0];
    if (first) return message(first);
    const state = store.getState();
    const current = openScenarioBaseline(state);
    if (!state.session || !current) return null;
    const targetIds = editable.map((entry) => entry.site.properties.id);
    state.editScenario({
      kind: 'change',
      change: editSitesChange(state.session.scenario, current, targetIds, patch),
      labelKey: 'command.editSites',
    });
    return null;
  };
  const numberCommit = (field: keyof SiteProperties) => (text: string) => {
    const value = parseNumberInput(text);
    if (Number.isNaN(value)) return message({ field, code: 'notANumber' });
    return apply({ [field]: value } as SitePropertiesPatch);
  };

  const single = sites.length === 1 ? sites[0] : undefined;
  const azimuth = commonValue(sites, 'azimuthDeg');
  const pattern =
    azimuth.kind === 'mixed'
      ? 'mixed'
      : azimuth.kind === 'same' && azimuth.value !== undefined
        ? 'sector'
        : 'omni';
  const kind = commonValue(sites, 'kind');
  const band = commonValue(sites, 'band');
  // The default a blank tilt field stands for, when the selection shares a kind and band.
  const tiltDefaults =
    kind.kind === 'same' && band.kind === 'same'
      ? antennaDefaults(kind.value ?? 'macro', band.value ?? 'n78')
      : undefined;
  const poleIds = commonValue(sites, 'poleId');
  const origins = [...new Set(selected.map((entry) => entry.origin))];
  const common = { mixedLabel: t('planner.mixed'), disabled: readOnly };

  return (
    <div className="planner-attributes" key={ids.join(',')}>
      <p className="planner-attributes__count">{t('planner.selectionCount', { count: selected.length })}</p>
      <dl className="planner-facts">
        <dt>{t('planner.field.origin')}</dt>
        <dd data-testid="planner-origin">
          {origins.map((origin) => t(`planner.origin.${origin}` as MessageKey)).join(' / ')}
        </dd>
        {single && (
          <>
            <dt>{t('planner.field.id')}</dt>
            <dd data-testid="planner-site-id">{single.properties.id}</dd>
          </>
        )}
        <dt>{t('planner.field.poleId')}</dt>
        <dd data-testid="planner-pole-id">
          {poleIds.kind === 'mixed'
            ? t('planner.mixed')
            : poleIds.kind === 'same' && poleIds.value
              ? poleIds.value
              : t('planner.noPole')}
        </dd>
      </dl>
      {readOnly && <p className="planner-hint">{t('planner.readOnlyHint')}</p>}
      <PoleHeightWarnings sites={sites} poleAt={poleAt} />
      <InputField
        id="planner-name"
        label={t('planner.field.name')}
        value={commonValue(sites, 'name')}
        {...common}
        onCommit={(text) => apply({ name: text.trim() === '' ? null : text.trim() })}
      />
      <SelectField
        id="planner-kind"
        label={t('planner.field.kind')}
        value={commonValue(sites, 'kind')}
        {...common}
        options={SITE_KINDS.map((kind) => ({ value: kind, label: t(`planner.kind.${kind}` as MessageKey) }))}
        onCommit={(value) => apply({ kind: value as SiteProperties['kind'] })}
      />
      <SelectField
        id="planner-band"
        label={t('planner.field.band')}
        value={commonValue(sites, 'band')}
        {...common}
        options={BANDS.map((band) => ({ value: band, label: band }))}
        onCommit={(value) => apply({ band: value as SiteProperties['band'] })}
      />
      {NUMBER_FIELDS.map((field) => (
        <InputField
          key={field}
          id={`planner-${field}`}
          label={t(`planner.field.${field}` as MessageKey)}
          value={commonValue(sites, field)}
          numeric
          {...common}
          onCommit={numberCommit(field)}
        />
      ))}
      <SelectField
        id="planner-pattern"
        label={t('planner.field.pattern')}
        value={pattern === 'mixed' ? { kind: 'mixed' } : { kind: 'same', value: pattern }}
        {...common}
        options={[
          { value: 'omni', label: t('planner.omni') },
          { value: 'sector', label: t('planner.sector') },
        ]}
        onCommit={(value) =>
          value === 'omni'
            ? apply({ azimuthDeg: null, beamwidthDeg: null })
            : apply({ azimuthDeg: 0, beamwidthDeg: DEFAULT_BEAMWIDTH_DEG })
        }
      />
      {pattern !== 'omni' &&
        SECTOR_FIELDS.map((field) => (
          <InputField
            key={field}
            id={`planner-${field}`}
            label={t(`planner.field.${field}` as MessageKey)}
            value={commonValue(sites, field)}
            numeric
            {...common}
            onCommit={numberCommit(field)}
          />
        ))}
      {TILT_FIELDS.map((field) => (
        <InputField
          key={field}
          id={`planner-${field}`}
          label={t(`planner.field.${field}` as MessageKey)}
          value={commonValue(sites, field)}
          numeric
          {...common}
          {...(tiltDefaults ? { hint: t('planner.defaultValue', { value: tiltDefaults[field] }) } : {})}
          onCommit={numberCommit(field)}
        />
      ))}
      <SelectField
        id="planner-status"
        label={t('planner.field.status')}
        value={commonValue(sites, 'status')}
        mixedLabel={t('planner.mixed')}
        disabled={readOnly || !onlyAdded}
        options={(onlyAdded && !readOnly
          ? ADDED_SITE_STATUSES
          : (['existing', 'planned', 'candidate'] as const)
        ).map((status) => ({
          value: status,
          label: t(`planner.status.${status}` as MessageKey),
        }))}
        onCommit={(value) => apply({ status: value as SiteProperties['status'] })}
      />
      <div className="planner-actions">
        {ACTIONS.filter((name) => enabledActions.split(',').includes(name)).map((name) => (
          <button
            key={name}
            type="button"
            data-command={name}
            onClick={() => runPlannerCommand(store.getState(), name)}
          >
            {t(`command.${name}` as MessageKey)}
          </button>
        ))}
      </div>
    </div>
  );
}
