import area from '@turf/area';
import circle from '@turf/circle';
import { featureCollection, polygon } from '@turf/helpers';
import intersect from '@turf/intersect';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { DistrictCollection, DistrictFeature } from '../types';

/** A polygonal GeoJSON feature, the unit the plan-zone builders pass around. */
export type Polygonal = Feature<Polygon | MultiPolygon>;

/** Area of a polygonal feature, km². */
export function areaKm2(feature: Polygonal): number {
  return area(feature) / 1e6;
}

export function clip(subject: Polygonal, mask: Polygonal): Polygonal | null {
  return intersect(featureCollection([subject, mask]));
}

/**
 * A disc around a centre clipped to a mask, its radius grown by bisection until the clipped area
 * matches the target within relativeTolerance (a disc of the official area loses what the mask cuts).
 */
export function discMatchingArea(
  centre: [number, number],
  targetKm2: number,
  mask: Polygonal,
  relativeTolerance = 0.002,
): Polygonal {
  const clippedDisc = (radiusKm: number) =>
    clip(circle(centre, radiusKm, { steps: 128, units: 'kilometers' }), mask);
  // Clipping only removes area, so the disc of the official area is a lower bound on the radius.
  let low = Math.sqrt(targetKm2 / Math.PI);
  let high = low * 3;
  let radiusKm = low;
  let best = clippedDisc(radiusKm);
  for (let iteration = 0; iteration < 40; iteration++) {
    const current = best ? areaKm2(best) : 0;
    if (Math.abs(current - targetKm2) / targetKm2 <= relativeTolerance) break;
    if (current < targetKm2) low = radiusKm;
    else high = radiusKm;
    radiusKm = (low + high) / 2;
    best = clippedDisc(radiusKm);
  }
  if (!best) throw new Error(`Disc around ${centre.join(',')} does not meet its mask`);
  return best;
}

/** West edge chosen by bisection so region ∩ {lon ≥ west edge} has the target area. */
export function eastOfMeridianMatchingArea(
  region: Polygonal,
  targetKm2: number,
): { zone: Polygonal; westLon: number } {
  const eastOf = (westLon: number) =>
    clip(
      polygon([
        [
          [westLon, 30.6],
          [122.3, 30.6],
          [122.3, 31.95],
          [westLon, 31.95],
          [westLon, 30.6],
        ],
      ]),
      region,
    );
  let low = 121.3;
  let high = 122.1;
  let middle = (low + high) / 2;
  let zone = eastOf(middle);
  for (let iteration = 0; iteration < 40; iteration++) {
    const current = zone ? areaKm2(zone) : 0;
    if (Math.abs(current - targetKm2) / targetKm2 < 0.002) break;
    if (current > targetKm2) low = middle;
    else high = middle;
    middle = (low + high) / 2;
    zone = eastOf(middle);
  }
  if (!zone) throw new Error('East wing region is empty');
  return { zone, westLon: middle };
}

export function districtByName(districts: DistrictCollection, name: string): DistrictFeature {
  const found = districts.features.find((district) => district.properties.name === name);
  if (!found) throw new Error(`District ${name} missing`);
  return found;
}

/** Adcodes of the districts holding more than 1% of the zone (or 0.5 km²), in input order. */
export function hostAdcodes(zone: Polygonal, districts: DistrictCollection): string[] {
  const zoneKm2 = areaKm2(zone);
  return districts.features
    .filter((district) => {
      const shared = clip(zone, district);
      return shared !== null && areaKm2(shared) > Math.min(0.5, zoneKm2 * 0.01);
    })
    .map((district) => district.properties.adcode);
}

/** Concatenates polygonal features into one MultiPolygon geometry (parts must not overlap). */
export function mergePolygonal(features: Polygonal[]): MultiPolygon {
  return {
    type: 'MultiPolygon',
    coordinates: features.flatMap((feature) =>
      feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates,
    ),
  };
}
