/**
 * The shared baseline every team scenario is drawn on: the shipped 2020 sample sites
 * (data/geo/sample-sites-2020.geojson). The id matches the one the app gives the same file.
 */
export const SHARED_BASELINE_ID = 'sample-2020';
export const SHARED_BASELINE_FILE = 'sample-sites-2020.geojson';
