/**
 * Credits every shipped source that asks for attribution (see data/geo/SOURCES.md).
 * Natural Earth is not used by any shipped file, so it is not credited.
 */
export const ATTRIBUTIONS: readonly string[] = [
  '© OpenStreetMap contributors',
  'geoBoundaries',
  '© OpenMapTiles',
  'Metro data © metromancn (MIT)',
  'Cable landings: TeleGeography (CC BY-NC-SA 3.0)',
];

/**
 * The attribution's link to the licences of the code the build ships (written at build time by
 * scripts/third-party-licences.ts, next to index.html). HTML, for the map's attribution control only.
 */
export const LICENCES_ATTRIBUTION =
  '<a href="third-party-licences.txt" target="_blank" rel="noopener">开源许可 · Licences</a>';
