import type { MessageKey } from '../../domain/i18n/translate';
import { COORDINATE_SYSTEMS, type CoordinateSystem } from '../../domain/import/import-types';
import type { ImportChoices } from '../../state/import-slice';
import { useAppState, useTranslate } from '../store-context';

type Target = 'existing' | 'candidate' | 'poles';
const TARGETS: readonly Target[] = ['existing', 'candidate', 'poles'];

const targetOf = (choices: ImportChoices): Target => (choices.layer === 'poles' ? 'poles' : choices.siteRole);
const choicesFor = (target: Target): Partial<ImportChoices> =>
  target === 'poles' ? { layer: 'poles' } : { layer: 'sites', siteRole: target };

/** Target layer and coordinate system, as radio groups, plus the lat/lon swap. */
export function ImportSettings() {
  const t = useTranslate();
  const choices = useAppState((state) => state.importChoices);
  const setChoices = useAppState((state) => state.setImportChoices);
  const target = targetOf(choices);
  return (
    <>
      <fieldset className="import-fieldset">
        <legend className="import-fieldset__legend">{t('import.target')}</legend>
        {TARGETS.map((option) => (
          <label key={option} className="import-radio">
            <input
              type="radio"
              name="import-target"
              value={option}
              checked={target === option}
              onChange={() => setChoices(choicesFor(option))}
            />
            {t(`import.target.${option}` as MessageKey)}
          </label>
        ))}
        {target === 'existing' ? <p className="import-note">{t('import.target.existingNote')}</p> : null}
        {target === 'poles' ? <p className="import-note">{t('import.target.polesNote')}</p> : null}
      </fieldset>
      <fieldset className="import-fieldset">
        <legend className="import-fieldset__legend">{t('import.crs')}</legend>
        {COORDINATE_SYSTEMS.map((crs: CoordinateSystem) => (
          <label key={crs} className="import-radio">
            <input
              type="radio"
              name="import-crs"
              value={crs}
              checked={choices.crs === crs}
              onChange={() => setChoices({ crs })}
            />
            {t(`import.crs.${crs}` as MessageKey)}
          </label>
        ))}
        <label className="import-radio import-radio--check">
          <input
            type="checkbox"
            checked={choices.swapLatLon}
            onChange={(event) => setChoices({ swapLatLon: event.target.checked })}
          />
          {t('import.swap')}
        </label>
      </fieldset>
    </>
  );
}
