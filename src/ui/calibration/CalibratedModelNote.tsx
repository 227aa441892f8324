import { formatDecimal } from '../report/format';
import { useAppState, useTranslate } from '../store-context';

/**
 * Beside coverage figures: says that the figures come from the calibrated model (and on how many
 * samples), so an estimate is never read as the plain model's, or that radius mode ignores it.
 */
export function CalibratedModelNote({ mode }: { mode: 'radius' | 'pathloss' }) {
  const t = useTranslate();
  const language = useAppState((state) => state.language);
  const calibration = useAppState((state) => state.session?.scenario.calibration ?? null);
  if (!calibration) return null;
  if (mode === 'radius') return <p className="coverage-note">{t('calibration.radiusIgnores')}</p>;
  return (
    <p className="coverage-note" data-testid="coverage-calibrated">
      {t('calibration.status.calibrated', {
        samples: calibration.samples.toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB'),
        after: formatDecimal(language, calibration.after.rmseDb, 1),
        before: formatDecimal(language, calibration.before.rmseDb, 1),
      })}
    </p>
  );
}
