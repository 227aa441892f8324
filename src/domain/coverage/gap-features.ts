/** Gap components as users see them: properties (area, district, centroid, priority) and outlines. */
import type { Feature, MultiPolygon } from 'geojson';
import type { CityRaster } from './city-raster';
import { gapDistrictAreas, gapZoneAreas } from './gap-area-breakdown';
import { traceComponentRings, traceRunRings } from './gap-outline';
import { rankGaps } from './gap-ranking';
import type { GapComponent, GapIndex, GapProperties } from './gaps';

/** Properties of a component as reported to users. */
export function describeGap(index: GapIndex, city: CityRaster, component: GapComponent): GapProperties {
  const { grid, districts } = city;
  let districtIndex = 0;
  for (let district = 1; district < districts.length; district++) {
    if (component.districtAreaKm2[district]! > component.districtAreaKm2[districtIndex]!)
      districtIndex = district;
  }
  const info = districts[districtIndex]!;
  const weight = component.weightedAreaKm2 / component.areaKm2;
  return {
    id: component.id,
    kind: index.kind,
    areaKm2: component.areaKm2,
    cellCount: component.cellCount,
    adcode: info.adcode,
    districtName: info.name,
    centroid: [
      grid.west + (component.sumLonArea / component.areaKm2) * grid.lonStepDeg,
      grid.north - (component.sumLatArea / component.areaKm2) * grid.latStepDeg,
    ],
    weight,
    priorityScore: component.areaKm2 * info.populationDensity * weight,
    districtAreasKm2: gapDistrictAreas(city, component),
    zoneAreasKm2: gapZoneAreas(city, component, () => index.labels),
  };
}

/**
 * The component's outline (cached): its cell-edge rings traced from its runs or its labels (see
 * gap-outline.ts), one outer ring and its holes, so the outline's area is the cells' area.
 */
export function gapPolygon(index: GapIndex, city: CityRaster, component: GapComponent): MultiPolygon {
  if (component.polygon) return component.polygon;
  const { grid } = city;
  const west = grid.west + (component.column0 - 1) * grid.lonStepDeg;
  const north = grid.north - (component.row0 - 1) * grid.latStepDeg;
  const corner = (x: number, y: number): number[] => [
    west + x * grid.lonStepDeg,
    north - y * grid.latStepDeg,
  ];
  const polygon = component.runs
    ? traceRunRings(component.runs.data, component.runs.members, component, corner)
    : traceComponentRings(index.labels, grid.columns, component.id, component, corner);
  component.polygon = { type: 'MultiPolygon', coordinates: polygon.length > 0 ? [polygon] : [] };
  return component.polygon;
}

/** A component's feature (cached on it: callers must not change it). */
export function gapFeature(
  index: GapIndex,
  city: CityRaster,
  component: GapComponent,
): Feature<MultiPolygon, GapProperties> {
  component.feature ??= {
    type: 'Feature',
    properties: describeGap(index, city, component),
    geometry: gapPolygon(index, city, component),
  };
  return component.feature;
}

/**
 * Gaps at least minAreaKm2 in size as GeoJSON features, in the one ranking (gap-ranking.ts). The features
 * are the components' cached ones: callers must not change them.
 */
export function gapFeatures(
  index: GapIndex,
  city: CityRaster,
  minAreaKm2: number,
): Feature<MultiPolygon, GapProperties>[] {
  const features: Feature<MultiPolygon, GapProperties>[] = [];
  for (const component of index.components.values()) {
    if (component.areaKm2 >= minAreaKm2) features.push(gapFeature(index, city, component));
  }
  return rankGaps(features);
}
