/**
 * File-level hints about coordinates: latitude and longitude swapped, or positions that look shifted
 * because a GCJ-02/BD-09 file was read as WGS84 (or the other way round). A wrong datum moves every
 * point 0.5–1 km; inland that is invisible, but along the coast and the estuary points leave the
 * land outline (17 m precision). So each datum is tried and the number of points off land compared:
 * the right one has the fewest. This is a hint for the dialog, never an automatic change.
 */

import { SHANGHAI_BBOX } from '../plan/district-facts';
import { toWgs84Many } from './coordinate-systems';
import { type ImportGeography, insideShanghaiBox } from './geography';
import type { CoordinateSystem, ImportWarning } from './import-types';

/** Points sampled for the datum comparison: enough for a signal, cheap for 100,000 rows. */
const MAX_SAMPLE = 10_000;
/** The chosen datum must put at least this many more sampled points off land than the best one … */
const MIN_EXTRA_OFF_LAND = 3;
/** … and at least this many times as many. */
const MIN_OFF_LAND_RATIO = 2;
/** "Many in water": at least this share of points (and MIN_EXTRA_OFF_LAND points) off land or in water. */
const MANY_IN_WATER_FRACTION = 0.1;

/** Most points are latitude/longitude swapped: read as (lon, lat) they are off the map, swapped they are in Shanghai. */
export function looksSwapped(rawPositions: readonly (readonly [number, number])[]): boolean {
  let swapped = 0;
  let straight = 0;
  for (const [x, y] of rawPositions) {
    if (insideShanghaiBoxLoose(x, y)) straight++;
    else if (insideShanghaiBoxLoose(y, x)) swapped++;
  }
  return swapped > 0 && swapped > straight;
}

/** Shanghai's box grown by 0.1° so datum shifts do not matter here. */
function insideShanghaiBoxLoose(lon: number, lat: number): boolean {
  const [west, south, east, north] = SHANGHAI_BBOX;
  return lon >= west - 0.1 && lon <= east + 0.1 && lat >= south - 0.1 && lat <= north + 0.1;
}

function sample<T>(items: readonly T[]): readonly T[] {
  if (items.length <= MAX_SAMPLE) return items;
  const step = items.length / MAX_SAMPLE;
  return Array.from({ length: MAX_SAMPLE }, (_, index) => items[Math.floor(index * step)]!);
}

/** Counts of sampled points off land under each datum, for the warning and for tests. */
export function offLandByDatum(
  rawPositions: readonly (readonly [number, number])[],
  geography: ImportGeography,
): Record<'wgs84' | 'gcj02' | 'bd09', number> {
  const points = sample(rawPositions);
  const count = (crs: CoordinateSystem) =>
    toWgs84Many(points, crs).filter(([lon, lat]) => !geography.onLand(lon, lat)).length;
  return { wgs84: count('wgs84'), gcj02: count('gcj02'), bd09: count('bd09') };
}

/** Warnings about a likely wrong datum and about many points in water, for positions read in `crs`. */
export function datumWarnings(
  rawPositions: readonly (readonly [number, number])[],
  crs: CoordinateSystem,
  geography: ImportGeography | undefined,
): ImportWarning[] {
  if (!geography || rawPositions.length === 0) return [];
  const warnings: ImportWarning[] = [];
  const chosen = crs === 'cgcs2000' ? 'wgs84' : crs;
  if (geography.hasLand) {
    const counts = offLandByDatum(rawPositions, geography);
    const best = (['wgs84', 'gcj02', 'bd09'] as const).reduce((a, b) => (counts[b] < counts[a] ? b : a));
    const chosenCount = counts[chosen];
    if (
      best !== chosen &&
      chosenCount - counts[best] >= MIN_EXTRA_OFF_LAND &&
      chosenCount >= MIN_OFF_LAND_RATIO * counts[best]
    ) {
      warnings.push({
        code: 'looksShifted',
        params: {
          suggestedCrs: best,
          offLand: chosenCount,
          offLandSuggested: counts[best],
          sampled: sample(rawPositions).length,
        },
      });
    }
  }
  const points = sample(rawPositions);
  const wet = toWgs84Many(points, chosen).filter(
    ([lon, lat]) =>
      insideShanghaiBox(lon, lat) && (!geography.onLand(lon, lat) || geography.inWater(lon, lat)),
  ).length;
  if (wet >= MIN_EXTRA_OFF_LAND && wet >= MANY_IN_WATER_FRACTION * points.length) {
    warnings.push({ code: 'manyInWater', params: { count: wet, sampled: points.length } });
  }
  return warnings;
}
