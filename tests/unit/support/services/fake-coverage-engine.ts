/**
 * A fake coverage engine behind the scheduler's engine port: it keeps the site set the engine would hold
 * and answers with its ids (so a test can tell which scenario a figure belongs to), and models the
 * client's contract: a newer full request or a cancel makes an older one resolve undefined. Full
 * requests and edits can be held until the test lets them go.
 */
import type { RasterImage } from '../../../../src/domain/coverage/coverage-image';
import type { CoverageStats } from '../../../../src/domain/coverage/report';
import type { CoverageSettings } from '../../../../src/domain/coverage/settings';
import type { SiteFeature } from '../../../../src/domain/types';
import type { CoverageResult, CoverageUpdate } from '../../../../src/engine/coverage-api';
import type { ComputeCallOptions } from '../../../../src/engine/coverage-client';
import type { CoverageEnginePort } from '../../../../src/services/coverage-scheduler';

/** A full compute's and an edit's reported time differ, so a test sees which one the store shows. */
export const FULL_ELAPSED_MS = 1000;
export const EDIT_ELAPSED_MS = 5;
const EMPTY_GAPS: CoverageResult['gaps'] = { type: 'FeatureCollection', features: [] };

export interface FullJob {
  kind: 'compute' | 'setSettings';
  sites: readonly SiteFeature[] | null;
  options: ComputeCallOptions;
  resolve: (result: CoverageResult | undefined) => void;
  reject: (error: Error) => void;
}

/** Figures of the fake engine: which site ids it held, and the number of the full job behind them. */
export type FakeStats = CoverageStats & { siteIds: string[]; job: number };

export class FakeEngine implements CoverageEnginePort {
  readonly calls: string[] = [];
  readonly sites = new Map<string, SiteFeature>();
  /** Full requests wait for release() while set; edits wait for releaseEdits() while holdEdits is set. */
  holdFull = false;
  holdEdits = false;
  failNext: Error | null = null;
  /** A cancel that comes too late: the worker had already answered, so waiting requests still finish. */
  cancelTooLate = false;
  private pendingFull: FullJob[] = [];
  private pendingEdits: (() => void)[] = [];
  private jobs = 0;

  stats(): FakeStats {
    const ids = [...this.sites.keys()].sort();
    return {
      siteIds: ids,
      job: this.jobs,
      coveredKm2: ids.length,
      sites: { total: ids.length, byKind: {}, byBand: {} },
    } as unknown as FakeStats;
  }

  compute(sites: readonly SiteFeature[], options: ComputeCallOptions = {}) {
    this.calls.push(`compute:${sites.length}`);
    return this.full('compute', sites, options);
  }

  setSettings(_patch: Partial<CoverageSettings>, options: ComputeCallOptions = {}) {
    this.calls.push('setSettings');
    return this.full('setSettings', null, options);
  }

  upsertSite(feature: SiteFeature) {
    this.calls.push(`upsert:${feature.properties.id}`);
    return this.edit(() => this.sites.set(feature.properties.id, feature));
  }

  removeSite(id: string) {
    this.calls.push(`remove:${id}`);
    return this.edit(() => this.sites.delete(id));
  }

  getRaster(style: 'class' | 'covered') {
    this.calls.push(`raster:${style}`);
    return Promise.resolve({ width: 1, height: 1 } as unknown as RasterImage);
  }

  getStats() {
    return Promise.resolve(this.stats());
  }

  cancel(): void {
    this.calls.push('cancel');
    if (this.cancelTooLate) {
      for (const job of this.pendingFull.splice(0)) this.finish(job);
      return;
    }
    for (const job of this.pendingFull.splice(0)) job.resolve(undefined);
  }

  /** Finishes the newest waiting full request. */
  release(): FullJob {
    const job = this.pendingFull.pop();
    if (!job) throw new Error('no full request is waiting');
    this.finish(job);
    return job;
  }

  releaseEdits(): void {
    for (const finish of this.pendingEdits.splice(0)) finish();
  }

  get waitingFull(): FullJob | undefined {
    return this.pendingFull.at(-1);
  }

  private full(kind: FullJob['kind'], sites: readonly SiteFeature[] | null, options: ComputeCallOptions) {
    // The client's contract: a newer full request overtakes older ones, which resolve undefined.
    for (const older of this.pendingFull.splice(0)) older.resolve(undefined);
    return new Promise<CoverageResult | undefined>((resolve, reject) => {
      const job: FullJob = { kind, sites, options, resolve, reject };
      if (this.holdFull) this.pendingFull.push(job);
      else queueMicrotask(() => this.finish(job));
    });
  }

  private finish(job: FullJob): void {
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = null;
      job.reject(error);
      return;
    }
    if (job.sites) {
      this.sites.clear();
      for (const feature of job.sites) this.sites.set(feature.properties.id, feature);
    }
    this.jobs++;
    job.options.onProgress?.(1);
    job.resolve({
      requestId: this.jobs,
      stats: this.stats(),
      gaps: EMPTY_GAPS,
      qualityGaps: EMPTY_GAPS,
      raster: undefined,
      elapsedMs: FULL_ELAPSED_MS,
    });
  }

  private edit(apply: () => void): Promise<CoverageUpdate | undefined> {
    return new Promise((resolve, reject) => {
      const finish = () => {
        if (this.failNext) {
          const error = this.failNext;
          this.failNext = null;
          reject(error);
          return;
        }
        apply();
        resolve({
          requestId: 0,
          stats: this.stats(),
          gaps: EMPTY_GAPS,
          qualityGaps: EMPTY_GAPS,
          removedGapIds: [],
          addedGapIds: [],
          rasterPatches: [],
          elapsedMs: EDIT_ELAPSED_MS,
        });
      };
      if (this.holdEdits) this.pendingEdits.push(finish);
      else queueMicrotask(finish);
    });
  }
}
