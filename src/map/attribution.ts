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

/**
 * The attribution's link to the licences of the code the build ships (written at build time by
 * scripts/third-party-licences.ts, next to index.html). HTML, for the map's attribution control only.
 */
export const LICENCES_ATTRIBUTION =
  '<a href="third-party-licences.txt" target="_blank" rel="noopener">开源许可 · Licences</a>';
