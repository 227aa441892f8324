/**
 * Area data for the district view and story mode, what they read beyond the store: the areas (districts and plan zones) with
 * their outlines, the scenario's effective sites and the poles with a nearest-pole index. Loaded
 * through the shared data loader and memoised on the objects they derive from.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { ReportArea, ReportTarget } from '../domain/report/area-report';
import { PointIndex } from '../domain/report/point-index';
import { materializeScenarioSites } from '../domain/scenario/scenario';
import type { PlanZoneProperties, SiteFeature } from '../domain/types';
import type { DistrictChoice } from '../state/district-slice';
import type { AppState } from '../state/store';
import type { DataPort } from './ports';

export type PointFeature = Feature<Point, Record<string, unknown>>;

/** Every area the district view offers: the 16 districts, then new towns, wings and key areas. */
export async function loadAreas(data: DataPort): Promise<ReportArea[]> {
  const [districts, zones] = await Promise.all([data.ensure('districts'), data.ensure('planZones')]);
  const areas: ReportArea[] = [];
  for (const feature of districts.features) {
    const properties = feature.properties as { adcode: string; name: string; name_en?: string };
    areas.push({
      target: { kind: 'district', adcode: properties.adcode },
      kind: 'district',
      name: properties.name,
      nameEn: properties.name_en ?? properties.name,
      geometry: feature.geometry as Polygon | MultiPolygon,
    });
  }
  const order = { new_town: 0, wing: 1, key_area: 2 } as const;
  const zoneFeatures = [
    ...(zones as FeatureCollection<Polygon | MultiPolygon, PlanZoneProperties>).features,
  ].sort((a, b) => order[a.properties.kind] - order[b.properties.kind]);
  for (const feature of zoneFeatures) {
    areas.push({
      target: { kind: 'zone', id: feature.properties.id },
      kind: feature.properties.kind,
      name: feature.properties.name,
      nameEn: feature.properties.name_en,
      geometry: feature.geometry,
    });
  }
  return areas;
}

/** The picker entries (no geometry in the store). */
export function toChoices(areas: readonly ReportArea[]): DistrictChoice[] {
  return areas.map(({ target, kind, name, nameEn }) => ({ target, kind, name, nameEn }));
}

/** The area a target names. */
export function findArea(areas: readonly ReportArea[], target: ReportTarget): ReportArea | undefined {
  return areas.find((area) =>
    target.kind === 'district'
      ? area.target.kind === 'district' && area.target.adcode === target.adcode
      : area.target.kind === 'zone' && area.target.id === target.id,
  );
}

/**
 * The scenario's effective sites: baseline − removed + modified + added when a baseline and session are
 * in the store, else the shipped sample baseline. Memoised on the scenario object.
 */
export function effectiveSitesSource(
  store: { getState(): Pick<AppState, 'baseline' | 'session'> },
  data: DataPort,
) {
  let cacheKey: unknown = null;
  let cached: readonly SiteFeature[] = [];
  return async (): Promise<readonly SiteFeature[]> => {
    const { baseline, session } = store.getState();
    if (baseline && session) {
      if (cacheKey !== session.scenario) {
        cacheKey = session.scenario;
        cached = materializeScenarioSites(baseline, session.scenario);
      }
      return cached;
    }
    const sites = await data.ensure('sites');
    if (cacheKey !== sites) {
      cacheKey = sites;
      cached = sites.features as SiteFeature[];
    }
    return cached;
  };
}

/** Poles and their nearest-pole index, built once. */
export function polesSource(data: DataPort) {
  let loaded: Promise<{ poles: Feature<Point, { adcode?: string }>[]; index: PointIndex }> | null = null;
  return () => {
    loaded ??= data.ensure('poles').then((collection) => {
      const poles = collection.features as Feature<Point, { adcode?: string }>[];
      return {
        poles,
        index: new PointIndex(poles.map((pole) => pole.geometry.coordinates as [number, number])),
      };
    });
    return loaded;
  };
}
