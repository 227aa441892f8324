import { compareLandArea, landAreaNote } from '../../domain/plan/land-area';
import { useAppState, useTranslate } from '../store-context';
import { formatKm2 } from './format';

/**
 * The official area beside the land the figures use; where they differ by more than 5 % (浦东, 崇明, the
 * city) the reason, one line closed and the whole explanation open (data/geo/SOURCES.md, "Land mask").
 */
export function OfficialArea({
  landKm2,
  officialKm2,
  adcode,
  testId,
}: {
  landKm2: number;
  officialKm2: number | undefined;
  /** The district's adcode, undefined for the city. */
  adcode: string | undefined;
  testId: string;
}) {
  const t = useTranslate();
  const language = useAppState((state) => state.language);
  if (officialKm2 === undefined) return null;
  const comparison = compareLandArea(landKm2, officialKm2, adcode);
  const official = `${t('landArea.official')} ${formatKm2(language, officialKm2)}`;
  if (!comparison.differs) {
    return (
      <p className="coverage-card__official" data-testid={testId}>
        {official}
      </p>
    );
  }
  return (
    <details className="coverage-card__official" data-testid={testId}>
      <summary>
        {official} · {landAreaNote(language, comparison, 'short')}
      </summary>
      <p>{landAreaNote(language, comparison)}</p>
    </details>
  );
}
