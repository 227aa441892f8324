/**
 * The land the figures are computed over (data/geo/land-mask.geojson) against the official district areas
 * (Shanghai Statistical Yearbook 上海统计年鉴, administrative areas; total 6,340.5 km², carried in
 * districts.geojson `area_km2_official`). Where they differ by more than LAND_AREA_TOLERANCE the app says
 * so beside the area, with the reason: the yearbook's registered areas do not follow the land reclaimed from
 * the tidal flats since they were fixed. Method and figures: data/geo/SOURCES.md ("Land mask").
 */
import { type Language, type MessageKey, translate } from '../i18n/translate';

/** A mask area within this share of the official area needs no note. */
export const LAND_AREA_TOLERANCE = 0.05;

/**
 * Districts whose land on the map exceeds the official area beyond the tolerance, and where that land is:
 * the reclamation the district polygons (OSM 2017) hold and the yearbook area predates.
 */
export const RECLAIMED_LAND_PLACES: Readonly<Record<string, MessageKey>> = {
  '310115': 'landArea.places.pudong',
  '310151': 'landArea.places.chongming',
};

export interface LandAreaComparison {
  /** Land the figures are computed over, km². */
  landKm2: number;
  officialKm2: number;
  /** (land − official) / official. */
  difference: number;
  /** |difference| > LAND_AREA_TOLERANCE: the UI shows both areas and the reason. */
  differs: boolean;
  /** Where the extra land is, when known (a district in RECLAIMED_LAND_PLACES, or the city). */
  placesKey: MessageKey | undefined;
}

/** Compares a district's land (adcode) or the whole city's (adcode undefined) with the official area. */
export function compareLandArea(
  landKm2: number,
  officialKm2: number,
  adcode: string | undefined,
): LandAreaComparison {
  const difference = officialKm2 > 0 ? (landKm2 - officialKm2) / officialKm2 : 0;
  const differs = Math.abs(difference) > LAND_AREA_TOLERANCE;
  const placesKey = adcode === undefined ? 'landArea.places.city' : RECLAIMED_LAND_PLACES[adcode];
  return { landKm2, officialKm2, difference, differs, placesKey };
}

/** The explanation shown beside an area that differs from the official one, or undefined when it does not. */
export function landAreaNote(
  language: Language,
  comparison: LandAreaComparison,
  length: 'short' | 'long' = 'long',
): string | undefined {
  if (!comparison.differs) return undefined;
  const difference = (comparison.difference * 100).toFixed(1);
  if (length === 'short') return translate(language, 'landArea.noteShort', { difference });
  const places = comparison.placesKey ? translate(language, comparison.placesKey) : '';
  return translate(language, 'landArea.note', { difference, places });
}
