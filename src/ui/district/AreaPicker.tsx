import type { ReportTarget } from '../../domain/report/area-report';
import type { DistrictChoice } from '../../state/district-slice';
import { useAppState, useTranslate } from '../store-context';

/** A target as the select's option value. */
export const targetKey = (target: ReportTarget) =>
  target.kind === 'district' ? `district:${target.adcode}` : `zone:${target.id}`;

const GROUPS = [
  { kind: 'district', labelKey: 'district.groupDistricts' },
  { kind: 'new_town', labelKey: 'district.groupNewTowns' },
  { kind: 'wing', labelKey: 'district.groupWings' },
  { kind: 'key_area', labelKey: 'district.groupKeyAreas' },
] as const;

/** The district / plan-zone picker (grouped select). */
export function AreaPicker() {
  const t = useTranslate();
  const language = useAppState((state) => state.language);
  const choices = useAppState((state) => state.districtChoices);
  const target = useAppState((state) => state.districtTarget);
  const setTarget = useAppState((state) => state.setDistrictTarget);
  const byKey = new Map<string, DistrictChoice>(choices.map((choice) => [targetKey(choice.target), choice]));
  return (
    <label className="district-picker">
      <span>{t('district.pick')}</span>
      <select
        value={target ? targetKey(target) : ''}
        onChange={(event) => setTarget(byKey.get(event.target.value)?.target ?? null)}
      >
        <option value="">{t('district.pickPlaceholder')}</option>
        {GROUPS.map((group) => (
          <optgroup key={group.kind} label={t(group.labelKey)}>
            {choices
              .filter((choice) => choice.kind === group.kind)
              .map((choice) => (
                <option key={targetKey(choice.target)} value={targetKey(choice.target)}>
                  {language === 'en' ? choice.nameEn : choice.name}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
