/**
 * Each district's land in data/geo/land-mask.geojson (`areaKm2`, one decimal), for places that show a
 * district's area without the file loaded (the district popup). A test compares it with the file, so a
 * regenerated mask cannot leave it behind.
 */
export const DISTRICT_LAND_KM2: Readonly<Record<string, number>> = {
  '310101': 20.6,
  '310104': 54.7,
  '310105': 37.2,
  '310106': 36.8,
  '310107': 55.8,
  '310109': 23.4,
  '310110': 60.6,
  '310112': 373.4,
  '310113': 283.1,
  '310114': 461.9,
  '310115': 1375.6,
  '310116': 603.6,
  '310117': 605.0,
  '310118': 668.0,
  '310120': 714.8,
  '310151': 1361.8,
};
