/**
 * Typed main-thread client for the coverage worker. Every request gets an id; a result overtaken by a
 * newer request resolves to `undefined` (stale results are dropped), except that raster patches of dropped
 * edits are carried into the next delivered edit so the image stays whole. Progress goes through a
 * Comlink proxy; `cancel()` stops the running compute.
 */
import * as Comlink from 'comlink';
import type { Feature, MultiPolygon } from 'geojson';
import type { RasterImage, RasterStyle } from '../domain/coverage/coverage-image';
import { rankGaps } from '../domain/coverage/gap-ranking';
import type { GapProperties } from '../domain/coverage/gaps';
import type { CoverageStats } from '../domain/coverage/report';
import type { CoverageSettings } from '../domain/coverage/settings';
import { siteColumnsOf } from '../domain/sample/site-columns';
import type { SiteFeature } from '../domain/types';
import type {
  CoverageApiObject,
  CoverageEditReply,
  CoverageInit,
  CoverageResult,
  CoverageUpdate,
  GridInfo,
} from './coverage-api';

type GapFeature = Feature<MultiPolygon, GapProperties>;

export interface ComputeCallOptions {
  raster?: RasterStyle | 'none';
  onProgress?: (fraction: number) => void;
}

export class CoverageClient {
  private readonly remote: Comlink.Remote<CoverageApiObject>;
  private nextRequestId = 0;
  private latestCompute = 0;
  private latestRequest = 0;
  private runningCompute: number | undefined;
  private carriedPatches: CoverageUpdate['rasterPatches'] = [];
  /** The worker's gaps as of its last reply: full computes replace them, edits send changes. */
  private gaps = new Map<number, GapFeature>();
  private qualityGaps = new Map<number, GapFeature>();

  /** Wrap a Worker (or any Comlink endpoint, e.g. a MessagePort in tests). */
  constructor(endpoint: Comlink.Endpoint) {
    this.remote = Comlink.wrap<CoverageApiObject>(endpoint);
  }

  /** Rasterise the city once; call again when the district/zone data change. */
  init(input: CoverageInit): Promise<GridInfo> {
    return this.remote.init(input);
  }

  /**
   * Full compute; resolves undefined when cancelled or overtaken by a newer compute. A list decoded from
   * site columns (the sample) goes as its columns (site-columns.ts, siteColumnsOf).
   */
  compute(
    sites: readonly SiteFeature[],
    options: ComputeCallOptions = {},
  ): Promise<CoverageResult | undefined> {
    const sent = siteColumnsOf(sites) ?? sites;
    return this.fullRequest(
      (requestId, progress) => this.remote.compute(sent, { requestId, raster: options.raster }, progress),
      options,
    );
  }

  /** Change settings and recompute; resolves undefined when cancelled or overtaken. */
  setSettings(
    patch: Partial<CoverageSettings>,
    options: ComputeCallOptions = {},
  ): Promise<CoverageResult | undefined> {
    return this.fullRequest(
      (requestId, progress) =>
        this.remote.setSettings(patch, { requestId, raster: options.raster }, progress),
      options,
    );
  }

  /** Add or replace one site; resolves undefined when a newer request overtook it. */
  upsertSite(site: SiteFeature, raster?: RasterStyle | 'none'): Promise<CoverageUpdate | undefined> {
    return this.editRequest((requestId) => this.remote.upsertSite(site, { requestId, raster }));
  }

  /** Move one site. */
  moveSite(
    id: string,
    lon: number,
    lat: number,
    raster?: RasterStyle | 'none',
  ): Promise<CoverageUpdate | undefined> {
    return this.editRequest((requestId) => this.remote.moveSite(id, lon, lat, { requestId, raster }));
  }

  /** Remove one site. */
  removeSite(id: string, raster?: RasterStyle | 'none'): Promise<CoverageUpdate | undefined> {
    return this.editRequest((requestId) => this.remote.removeSite(id, { requestId, raster }));
  }

  /** The full image in another style. */
  getRaster(style: RasterStyle): Promise<RasterImage | undefined> {
    return this.remote.getRaster(style);
  }

  /** Hand the worker its pool helpers' ports (band-worker.ts): full computes are then split by rows. */
  attachPool(ports: MessagePort[]): void {
    void this.remote.attachPool(Comlink.transfer(ports, ports));
  }

  /** How the last full compute was split, and a digest of every land cell (tests compare workers). */
  gridReport(): Promise<{ bandCount: number; digest: string }> {
    return this.remote.gridReport();
  }

  /** Current statistics. */
  getStats(): Promise<CoverageStats> {
    return this.remote.getStats();
  }

  /** A site's served area and map buffer. */
  siteFootprint(id: string) {
    return this.remote.siteFootprint(id);
  }

  /** Stop the running compute, if any (its promise resolves undefined). */
  cancel(): void {
    if (this.runningCompute !== undefined) void this.remote.cancel(this.runningCompute);
  }

  /** Release the proxy (terminate the worker separately if you own it). */
  dispose(): void {
    this.remote[Comlink.releaseProxy]();
  }

  private async fullRequest(
    call: (requestId: number, progress: ((fraction: number) => void) | undefined) => Promise<CoverageResult>,
    options: ComputeCallOptions,
  ): Promise<CoverageResult | undefined> {
    const requestId = ++this.nextRequestId;
    this.latestCompute = requestId;
    this.latestRequest = requestId;
    this.runningCompute = requestId;
    // A full compute supersedes any patches still waiting: its image is whole.
    this.carriedPatches = [];
    const progress = options.onProgress ? Comlink.proxy(options.onProgress) : undefined;
    try {
      const result = await call(requestId, progress);
      // Even a stale result is the worker's state now: the next edit's gap changes build on it.
      this.gaps = new Map(result.gaps.features.map((gap) => [gap.properties.id, gap]));
      this.qualityGaps = new Map(result.qualityGaps.features.map((gap) => [gap.properties.id, gap]));
      return requestId === this.latestCompute ? result : undefined;
    } catch (error) {
      if (error instanceof Error && error.name === 'CancelledError') return undefined;
      throw error;
    } finally {
      if (this.runningCompute === requestId) this.runningCompute = undefined;
    }
  }

  private async editRequest(
    call: (requestId: number) => Promise<CoverageEditReply>,
  ): Promise<CoverageUpdate | undefined> {
    const requestId = ++this.nextRequestId;
    this.latestRequest = requestId;
    const { gapChanges, qualityGapChanges, ...reply } = await call(requestId);
    // Applied for every reply, delivered or not, so the maps follow the worker's.
    for (const [gaps, changes] of [
      [this.gaps, gapChanges],
      [this.qualityGaps, qualityGapChanges],
    ] as const) {
      for (const id of changes.removedIds) gaps.delete(id);
      for (const gap of changes.added) gaps.set(gap.properties.id, gap);
    }
    if (requestId < this.latestCompute) return undefined;
    const update: CoverageUpdate = {
      ...reply,
      // Changed gaps arrive as new ids at the end of the map: rank them again, once, for every panel.
      gaps: { type: 'FeatureCollection', features: rankGaps([...this.gaps.values()]) },
      qualityGaps: { type: 'FeatureCollection', features: rankGaps([...this.qualityGaps.values()]) },
    };
    const patches = [...this.carriedPatches, ...update.rasterPatches];
    if (requestId !== this.latestRequest) {
      this.carriedPatches = patches;
      return undefined;
    }
    this.carriedPatches = [];
    return { ...update, rasterPatches: patches };
  }
}
