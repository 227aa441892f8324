/** Cell texts of a weak-spot row shared by the panel and the printable report. */
import type { GapPriorityLevel } from '../../domain/coverage/gap-priority';
import type { Language, MessageKey } from '../../domain/i18n/translate';
import type { WeakSpotRow } from '../../domain/report/area-report';
import type { RoadClass } from '../../domain/report/nearest-road';
import { formatDecimal, formatMetres } from '../report/format';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export const PRIORITY_KEYS: Record<GapPriorityLevel, MessageKey> = {
  high: 'district.priorityHigh',
  medium: 'district.priorityMedium',
  low: 'district.priorityLow',
};

const ROAD_KEYS: Record<RoadClass, MessageKey> = {
  motorway: 'district.road.motorway',
  trunk: 'district.road.trunk',
  primary: 'district.road.primary',
  secondary: 'district.road.secondary',
  other: 'district.road.other',
};

/** Latitude, longitude in degrees to 4 decimals (about 10 m), as a GPS or a map search takes them. */
export function formatLocation(language: Language, centroid: readonly [number, number]): string {
  return `${formatDecimal(language, centroid[1], 4)}, ${formatDecimal(language, centroid[0], 4)}`;
}

/** "主干路 120 米 · 莘庄站 1,200 米", or a dash when neither is known. */
export function formatNearby(t: Translate, language: Language, row: WeakSpotRow): string {
  const parts: string[] = [];
  if (row.nearestRoad) {
    parts.push(
      t('district.roadDistance', {
        road: t(ROAD_KEYS[row.nearestRoad.roadClass]),
        distance: formatMetres(language, row.nearestRoad.distanceM),
      }),
    );
  }
  if (row.nearestPlace) {
    parts.push(
      t('district.placeDistance', {
        place: (language === 'en' ? row.nearestPlace.nameEn : undefined) ?? row.nearestPlace.name,
        distance: formatMetres(language, row.nearestPlace.distanceM),
      }),
    );
  }
  return parts.length > 0 ? parts.join(' · ') : '—';
}
