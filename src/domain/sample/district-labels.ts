import type { Point } from 'geojson';
import { roundCoordinate } from '../geo/geodesy';
import { labelPoint } from '../geo/label-point';
import type { DistrictCollection } from '../types';
import { type CollectionWithMetadata, SAMPLE_NOTE } from './sample-metadata';

export interface DistrictLabelProperties {
  adcode: string;
  name: string;
  name_en: string;
}

export type DistrictLabelCollection = CollectionWithMetadata<Point, DistrictLabelProperties>;

/** One label point per district, inside its largest part (approximate pole of inaccessibility). */
export function buildDistrictLabels(districts: DistrictCollection): DistrictLabelCollection {
  return {
    type: 'FeatureCollection',
    metadata: {
      generator: 'buildDistrictLabels (src/domain/sample/district-labels.ts)',
      count: districts.features.length,
      calibration: 'point farthest from the edges of each district’s largest part (grid search, ~1%)',
      note: `derived from districts.geojson (not ${SAMPLE_NOTE})`,
    },
    features: districts.features.map((district) => {
      const [lon, lat] = labelPoint(district.geometry);
      const { adcode, name, name_en } = district.properties;
      return {
        type: 'Feature',
        properties: { adcode, name, name_en },
        geometry: { type: 'Point', coordinates: [roundCoordinate(lon), roundCoordinate(lat)] },
      };
    }),
  };
}
