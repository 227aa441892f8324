import type { SiteFeature } from '../../domain/types';
import { poleHeightWarning } from '../../domain/validation/pole-height';
import type { PoleAt } from '../../state/planner-slice';
import { formatDecimal } from '../report/format';
import { useAppState, useTranslate } from '../store-context';

/** Warns, per selected site, when its antenna stands above the pole it is mounted on (saved anyway). */
export function PoleHeightWarnings({
  sites,
  poleAt,
}: {
  sites: readonly SiteFeature[];
  poleAt: PoleAt | null;
}) {
  const t = useTranslate();
  const language = useAppState((state) => state.language);
  if (!poleAt) return null;
  const warnings = sites.flatMap((site) => {
    const [longitude = 0, latitude = 0] = site.geometry.coordinates;
    const warning = poleHeightWarning(site.properties, poleAt(longitude, latitude));
    return warning ? [warning] : [];
  });
  if (warnings.length === 0) return null;
  const metres = (value: number) => formatDecimal(language, value, value % 1 === 0 ? 0 : 1);
  return (
    <ul className="planner-warnings" role="status" data-testid="planner-pole-height-warning">
      {warnings.map((warning) => (
        <li key={warning.siteId}>
          {t('planner.poleHeightWarning', {
            antenna: metres(warning.antennaHeightM),
            pole: warning.poleId,
            poleHeight: metres(warning.poleHeightM),
          })}
        </li>
      ))}
    </ul>
  );
}
