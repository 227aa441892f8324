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
