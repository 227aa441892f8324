/**
 * Credits every shipped source that asks for attribution (see data/geo/SOURCES.md and
 * data/sources/SOURCES.md). The environment classes are derived from WorldPop (CC BY 4.0); the land mask
 * uses Natural Earth (public domain, credited as it asks).
 */
export const ATTRIBUTIONS: readonly string[] = [
  '© OpenStreetMap contributors',
  'geoBoundaries',
  '© OpenMapTiles',
  'Population: WorldPop (CC BY 4.0)',
  'Made with Natural Earth',
  'Metro data © metromancn (MIT)',
  'Cable landings: TeleGeography (CC BY-NC-SA 3.0)',
];
