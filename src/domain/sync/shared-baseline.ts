/**
 * The shared baseline every team scenario is drawn on: the 2020 sample network (示意数据), generated
 * from the shipped files with the shipped seed exactly as the app and `cli sample --year 2020` generate
 * it. The id matches the one the app gives the same sample.
 */
export const SHARED_BASELINE_ID = 'sample-2020';
export const SHARED_BASELINE_YEAR = 2020;
