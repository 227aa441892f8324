/**
 * What a GeoPackage export holds: the sites (points), the scenario's poles (points), the coverage
 * gaps (multipolygons, already OGC-valid from gap-outline.ts) and the candidate areas drawn for a
 * suggestion (polygons, closed and wound counter-clockwise as RFC 7946 and QGIS expect). Each layer is
 * left out when it has nothing. Gap centroids become two columns, so every column is a plain value.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { GapProperties } from '../coverage/gaps';
import type { GpkgLayer } from '../geopackage/gpkg-writer';
import type { PoleFeature, SiteFeature } from '../types';
import { roundCoordinate } from './labels';

export interface GeoPackageContent {
  sites: readonly SiteFeature[];
  poles?: readonly PoleFeature[];
  gaps?: FeatureCollection<MultiPolygon, GapProperties> | null;
  /** Drawn candidate areas: an id and the corners in drawing order (the ring is closed here). */
  candidateAreas?: readonly { id: string; corners: readonly (readonly [number, number])[] }[];
}

/** Twice the signed area of a ring in lon/lat (positive = counter-clockwise). */
function doubledArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let index = 0; index + 1 < ring.length; index++) {
    sum += ring[index]![0]! * ring[index + 1]![1]! - ring[index + 1]![0]! * ring[index]![1]!;
  }
  return sum;
}

/** A drawn outline as a closed, counter-clockwise polygon (corners repeated in a row are dropped). */
export function candidateAreaPolygon(corners: readonly (readonly [number, number])[]): Polygon {
  const ring: Position[] = [];
  for (const [lon, lat] of corners) {
    const last = ring.at(-1);
    if (!last || last[0] !== lon || last[1] !== lat) ring.push([lon, lat]);
  }
  if (ring.length > 1 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1]) ring.pop();
  ring.push([...ring[0]!]);
  if (doubledArea(ring) < 0) ring.reverse();
  return { type: 'Polygon', coordinates: [ring] };
}

const point = (feature: SiteFeature | PoleFeature): Feature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: feature.geometry.coordinates.slice(0, 2).map(roundCoordinate) },
  properties: { ...feature.properties },
});

/** The layers of a GeoPackage export. */
export function geoPackageLayers(content: GeoPackageContent): GpkgLayer[] {
  const layers: GpkgLayer[] = [
    {
      name: 'sites',
      identifier: '5G sites',
      description: '5G base stations (WGS84); sample data is marked synthetic',
      geometryType: 'POINT',
      features: content.sites.map(point),
    },
  ];
  if (content.poles && content.poles.length > 0) {
    layers.push({
      name: 'poles',
      identifier: 'Comprehensive poles',
      description: 'Comprehensive poles (综合杆) of the scenario',
      geometryType: 'POINT',
      features: content.poles.map(point),
    });
  }
  if (content.gaps && content.gaps.features.length > 0) {
    layers.push({
      name: 'gaps',
      identifier: 'Coverage gaps',
      description: 'Weak-spot gaps of the coverage computed for the scenario (model estimate)',
      geometryType: 'MULTIPOLYGON',
      features: content.gaps.features.map((gap) => {
        const { centroid, ...properties } = gap.properties;
        return {
          type: 'Feature',
          geometry: gap.geometry,
          properties: { ...properties, centroidLon: centroid[0], centroidLat: centroid[1] },
        };
      }),
    });
  }
  if (content.candidateAreas && content.candidateAreas.length > 0) {
    layers.push({
      name: 'candidate_areas',
      identifier: 'Candidate areas',
      description: 'Areas drawn for the site suggestion',
      geometryType: 'POLYGON',
      features: content.candidateAreas.map((area) => ({
        type: 'Feature',
        geometry: candidateAreaPolygon(area.corners),
        properties: { id: area.id },
      })),
    });
  }
  return layers;
}
