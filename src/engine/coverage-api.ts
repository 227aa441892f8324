/**
 * The coverage engine's worker API: the very functions coverage-worker.ts exposes with Comlink and the
 * unit tests call directly. Calls run one at a time (a queue), except `cancel`; a full compute yields to
 * the event loop between steps so a cancel or a newer compute can stop it.
 */
import * as Comlink from 'comlink';
import type { Feature, Polygon } from 'geojson';
import type { CoverageEngine, EditResult } from '../domain/coverage/coverage-engine';
import {
  mercatorRowMap,
  type RadioLayers,
  type RasterImage,
  type RasterPatch,
  type RasterStyle,
  renderPatch,
  renderRaster,
} from '../domain/coverage/coverage-image';
import type { CellWindow } from '../domain/coverage/grid';
import { gridDigest } from '../domain/coverage/grid-digest';
import { type CoverageStats, coverageStats, siteBuffer } from '../domain/coverage/report';
import type { CoverageSettings } from '../domain/coverage/settings';
import { decodeSiteColumns, type SiteColumns } from '../domain/sample/site-columns';
import type { SiteFeature } from '../domain/types';
import { validatePosition } from '../domain/validation/site-attributes';
import { assertValidSites, InvalidSiteError } from '../domain/validation/site-feature';
import { BandPool } from './band-pool';
import { createCalibrationMethods } from './calibration-api';
import type {
  CoverageEditReply,
  CoverageInit,
  CoverageResult,
  GridInfo,
  RequestOptions,
} from './coverage-api-types';
import { GapShipping } from './gap-shipping';
import { createSuggestMethods } from './suggest-api';

export type {
  CoverageEditReply,
  CoverageInit,
  CoverageResult,
  CoverageUpdate,
  GapChanges,
  GridInfo,
  RequestOptions,
} from './coverage-api-types';

import { engineFromInit, gridInfo } from './engine-from-init';

/** Thrown when a compute is cancelled or superseded by a newer one. */
export class CancelledError extends Error {
  override name = 'CancelledError';
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Build the API object around one engine. */
export function createCoverageApi() {
  let engine: CoverageEngine | undefined;
  let rowMap: Int32Array | undefined;
  let consistent = true;
  const shipping = new GapShipping();
  let latestCompute = 0;
  const pool = new BandPool();
  const cancelled = new Set<number>();
  let queue: Promise<unknown> = Promise.resolve();

  const serial = <T>(task: () => Promise<T> | T): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };
  const requireEngine = (): CoverageEngine => {
    if (!engine) throw new Error('coverage engine not initialised: call init first');
    return engine;
  };
  const consistentEngine = (): CoverageEngine => {
    const current = requireEngine();
    if (!consistent) {
      current.computeAll(current.sites());
      consistent = true;
    }
    return current;
  };
  const styleFor = (options: RequestOptions): RasterStyle | 'none' =>
    options.raster ?? (requireEngine().settings.mode === 'pathloss' ? 'class' : 'covered');
  const image = (style: RasterStyle | 'none'): RasterImage | undefined => {
    const current = requireEngine();
    if (style === 'none') return undefined;
    rowMap ??= mercatorRowMap(current.city);
    return renderRaster(current.city, current.arrays, style, rowMap, radioLayers(current));
  };

  const fullCompute = async (
    sites: readonly SiteFeature[],
    options: RequestOptions,
    onProgress?: (fraction: number) => void,
  ): Promise<CoverageResult> => {
    const started = performance.now();
    const current = requireEngine();
    const stopped = (): boolean => cancelled.has(options.requestId) || options.requestId < latestCompute;
    if (stopped()) {
      cancelled.delete(options.requestId);
      throw new CancelledError(`compute ${options.requestId} cancelled before it started`);
    }
    // Checked before the grid is touched: a bad site (a 10⁶ m radius) is refused, never half computed.
    assertValidSites(sites);
    consistent = false;
    const run = async (steps: Iterable<number> | AsyncIterable<number>): Promise<void> => {
      for await (const fraction of steps) {
        onProgress?.(fraction);
        await yieldToEventLoop();
        if (stopped()) {
          cancelled.delete(options.requestId);
          throw new CancelledError(`compute ${options.requestId} cancelled`);
        }
      }
    };
    pool.lastBandCount = 1;
    if (!pool.usable(current, sites)) await run(current.computeSteps(sites));
    else {
      try {
        await run(pool.steps(current, sites, 4096));
      } catch (error) {
        if (error instanceof CancelledError) throw error;
        // A helper failed (out of memory, say): this worker computes alone from now on.
        pool.drop();
        pool.lastBandCount = 1;
        await run(current.computeSteps(sites));
      }
    }
    consistent = true;
    const raster = image(styleFor(options));
    const result: CoverageResult = {
      requestId: options.requestId,
      stats: coverageStats(current),
      ...shipping.all(current),
      raster,
      elapsedMs: performance.now() - started,
    };
    return Comlink.transfer(result, raster ? [raster.rgba.buffer] : []);
  };

  const applyEdit = (
    options: RequestOptions,
    edit: (engine: CoverageEngine) => EditResult,
  ): CoverageEditReply => {
    const started = performance.now();
    const current = requireEngine();
    // After a cancelled compute the grid is half-built: finish it from the site list first.
    if (!consistent) {
      current.computeAll(current.sites());
      consistent = true;
    }
    const result = edit(current);
    const style = styleFor(options);
    rowMap ??= mercatorRowMap(current.city);
    const map = rowMap;
    const rasterPatches =
      style === 'none'
        ? []
        : result.windows
            .map((window: CellWindow) =>
              renderPatch(current.city, current.arrays, style, map, window, radioLayers(current)),
            )
            .filter((patch): patch is RasterPatch => patch !== undefined);
    const update: CoverageEditReply = {
      requestId: options.requestId,
      stats: coverageStats(current),
      ...shipping.changes(current, result),
      removedGapIds: result.removedGapIds,
      addedGapIds: result.addedGapIds,
      rasterPatches,
      elapsedMs: performance.now() - started,
    };
    return Comlink.transfer(
      update,
      rasterPatches.map((patch) => patch.rgba.buffer),
    );
  };

  return {
    /** Rasterise the city (districts, land, zones) for the settings; returns the grid's shape. */
    init(input: CoverageInit): Promise<GridInfo> {
      return serial(() => {
        // First, so the helpers build their grids while this worker builds its own.
        pool.init(input);
        const built = engineFromInit(input);
        if (built.gridFileRefused) console.warn(`${built.gridFileRefused}: rasterising the city instead`);
        engine = built.engine;
        rowMap = undefined;
        consistent = true;
        return gridInfo(engine, built.gridSource);
      });
    },
    /**
     * Full compute for a site list, or for the columns it was decoded from (site-columns.ts); progress
     * 0–1 through `onProgress`; rejects with CancelledError if stopped.
     */
    compute(
      sites: readonly SiteFeature[] | SiteColumns,
      options: RequestOptions,
      onProgress?: (fraction: number) => void,
    ): Promise<CoverageResult> {
      latestCompute = Math.max(latestCompute, options.requestId);
      return serial(() =>
        fullCompute(
          Array.isArray(sites) ? sites : decodeSiteColumns(sites as SiteColumns),
          options,
          onProgress,
        ),
      );
    },
    /** Change settings (mode, threshold, cell size, radius table …) and recompute the current sites. */
    setSettings(
      patch: Partial<CoverageSettings>,
      options: RequestOptions,
      onProgress?: (fraction: number) => void,
    ): Promise<CoverageResult> {
      latestCompute = Math.max(latestCompute, options.requestId);
      return serial(async () => {
        const current = requireEngine();
        const sites = current.sites();
        const cellChanged = patch.cellM !== undefined && patch.cellM !== current.settings.cellM;
        current.setSettings(patch, false);
        if (cellChanged) rowMap = undefined;
        return fullCompute(sites, options, onProgress);
      });
    },
    /** Add a site or replace the one with its id; only the cells near it are recomputed. */
    upsertSite(site: SiteFeature, options: RequestOptions): Promise<CoverageEditReply> {
      return serial(() => {
        assertValidSites([site]);
        return applyEdit(options, (current) => current.upsertSite(site));
      });
    },
    /** Move a site to a new longitude/latitude. */
    moveSite(id: string, lon: number, lat: number, options: RequestOptions): Promise<CoverageEditReply> {
      return serial(() => {
        if (validatePosition([lon, lat]).length > 0) {
          throw new InvalidSiteError(
            `site "${String(id).slice(0, 80)}": not a WGS84 position (${lon}, ${lat})`,
          );
        }
        return applyEdit(options, (current) => current.moveSite(id, lon, lat));
      });
    },
    /** Remove a site by id. */
    removeSite(id: string, options: RequestOptions): Promise<CoverageEditReply> {
      return serial(() => applyEdit(options, (current) => current.removeSite(id)));
    },
    /**
     * Helpers for full computes (band-worker.ts), one port each: a full compute is then split by rows
     * (docs/engine.md, "Worker pool"); edits stay here.
     */
    attachPool(ports: MessagePort[]): void {
      pool.attach(ports);
    },
    /** How the last full compute was split and a digest of every land cell (tests compare engines). */
    gridReport(): Promise<{ bandCount: number; digest: string }> {
      return serial(() => ({ bandCount: pool.lastBandCount, digest: gridDigest(requireEngine().arrays) }));
    },
    /** Stop a running or queued compute (it rejects with CancelledError). */
    cancel(requestId: number): void {
      cancelled.add(requestId);
    },
    /** The whole coverage image in a style (e.g. after the user switches the legend). */
    getRaster(style: RasterStyle): Promise<RasterImage | undefined> {
      return serial(() => {
        const raster = image(style);
        return raster ? Comlink.transfer(raster, [raster.rgba.buffer]) : undefined;
      });
    },
    /** A site's served area (cells it is best server of, covered, on land) and its map buffer polygon. */
    siteFootprint(
      id: string,
    ): Promise<{ servedCells: number; servedKm2: number; buffer: Feature<Polygon> | undefined } | undefined> {
      return serial(() => {
        const current = requireEngine();
        const served = current.siteFootprint(id);
        return served ? { ...served, buffer: siteBuffer(current, id) } : undefined;
      });
    },
    /** Current statistics without recomputing. */
    getStats(): Promise<CoverageStats> {
      return serial(() => coverageStats(requireEngine()));
    },
    /** Site suggestion on this engine's grid (suggest-api.ts), queued like the calls above. */
    ...createSuggestMethods(serial, consistentEngine),
    /** Measurements against this engine's sites and model (calibration-api.ts), queued likewise. */
    ...createCalibrationMethods(serial, consistentEngine),
  };
}

/** The SINR and rate images' inputs, when the engine computes SINR. */
function radioLayers(engine: CoverageEngine): RadioLayers | undefined {
  return engine.radio ? { radio: engine.radio, slots: engine.slots } : undefined;
}

export type CoverageApiObject = ReturnType<typeof createCoverageApi>;
