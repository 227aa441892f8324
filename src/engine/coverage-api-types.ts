/**
 * The messages of the coverage worker's API (coverage-api.ts): what it is started with, what a request
 * asks for and what a compute or an edit answers.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { CityInput, ZoneCollection } from '../domain/coverage/city-raster';
import type { RasterImage, RasterPatch, RasterStyle } from '../domain/coverage/coverage-image';
import type { GapProperties } from '../domain/coverage/gaps';
import type { CoverageStats } from '../domain/coverage/report';
import type { CoverageSettings } from '../domain/coverage/settings';
import type { DistrictCollection } from '../domain/types';

export interface CoverageInit {
  districts: DistrictCollection;
  metroStations: FeatureCollection<Point>;
  /** Any polygons with an id (plan-zones.geojson: new towns, wings, key areas). */
  zones?: ZoneCollection;
  /** The land mask (data/geo/land-mask.geojson). */
  land?: FeatureCollection<Polygon | MultiPolygon>;
  /** Environment classes as nested polygons (data/geo/environment.geojson). */
  environment?: CityInput['environment'];
  sea?: FeatureCollection<Polygon | MultiPolygon>;
  settings?: Partial<CoverageSettings>;
  /**
   * The build's grid file of the shipped city (city-grid-file.ts) and the digest of the inputs the build
   * made it from: used when it was made for these settings and that digest, else the city is rasterised.
   * Only a caller whose other fields are the shipped files may pass it.
   */
  cityGrid?: { bytes: ArrayBuffer; inputDigest: string };
}

export interface GridInfo {
  columns: number;
  rows: number;
  cellM: number;
  /** [west, south, east, north] of the grid. */
  bounds: [number, number, number, number];
  landKm2: number;
  /** Whether the grid was read from the build's file or rasterised in the worker. */
  gridSource: 'file' | 'built';
}

export interface RequestOptions {
  requestId: number;
  /**
   * Raster to return: RSRP classes, covered/uncovered, SINR grades or rate bins (the last two with SINR
   * on), or none. Default: 'class' in path-loss mode.
   */
  raster?: RasterStyle | 'none';
}

export type GapCollection = FeatureCollection<MultiPolygon, GapProperties>;

export interface CoverageResult {
  requestId: number;
  stats: CoverageStats;
  gaps: GapCollection;
  /** Quality gaps (covered, SINR below the threshold); empty while SINR is off. */
  qualityGaps: GapCollection;
  raster: RasterImage | undefined;
  elapsedMs: number;
}

export interface CoverageUpdate {
  requestId: number;
  stats: CoverageStats;
  gaps: GapCollection;
  qualityGaps: GapCollection;
  removedGapIds: number[];
  addedGapIds: number[];
  /** Image patches for the changed windows (apply with putImageData at x, y). */
  rasterPatches: RasterPatch[];
  elapsedMs: number;
}

/**
 * Gaps that changed since the previous reply: an edit touches a few gaps, and sending the whole
 * collection (every gap's outline) each time cost the main thread its deserialisation and garbage at
 * every drag step. A gap's id changes whenever its cells do, so ids say what is new.
 */
export interface GapChanges {
  removedIds: number[];
  added: Feature<MultiPolygon, GapProperties>[];
}

/** What the worker sends for an edit; CoverageClient turns it into a CoverageUpdate with all gaps. */
export interface CoverageEditReply extends Omit<CoverageUpdate, 'gaps' | 'qualityGaps'> {
  gapChanges: GapChanges;
  qualityGapChanges: GapChanges;
}
