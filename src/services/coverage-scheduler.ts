/**
 * The coverage job scheduler keeps the coverage worker in step with the store: one job at a time, the
 * latest wish pending. A full job recomputes the baseline and re-applies the open scenario's changes as
 * incremental edits; an incremental job sends only what changed, so a drag costs at most one job in
 * flight plus one pending, which reads the newest scenario when it starts.
 */
import type { CoverageStats } from '../domain/coverage/report';
import type { CoverageSettings } from '../domain/coverage/settings';
import type { BaselineSites } from '../domain/scenario/baseline-sites';
import { diffScenarioSites, materializeScenarioSites, type SiteSetDelta } from '../domain/scenario/scenario';
import type { Scenario } from '../domain/scenario/scenario-types';
import type { CoverageResult, CoverageUpdate } from '../engine/coverage-api';
import type { CoverageClient } from '../engine/coverage-client';
import { effectiveCoverageSettings } from '../state/calibration-slice';
import { effectiveRasterStyle, type CoverageRasterStyle as RasterStyle } from '../state/coverage-slice';
import { openScenarioBaseline } from '../state/scenario-slice';
import type { AppState } from '../state/store';

/** Above this many changed sites a full compute of the scenario beats one-by-one edits. */
const LARGE_DELTA = 400;

/** The engine calls the scheduler makes (CoverageClient fits as-is; tests pass a fake). */
export type CoverageEnginePort = Pick<
  CoverageClient,
  'compute' | 'setSettings' | 'upsertSite' | 'removeSite' | 'getRaster' | 'getStats' | 'cancel'
>;

/** The store fields the scheduler reads and the setters it reports through (the app store fits as-is). */
export interface CoverageStorePort {
  getState(): Pick<
    AppState,
    | 'baseline'
    | 'session'
    | 'coverageSettings'
    | 'coverageRasterStyle'
    | 'coverageStatus'
    | 'coverageProgress'
    | 'coverageGaps'
    | 'coverageQualityGaps'
    | 'setCoverageProgress'
    | 'setCoverageError'
    | 'setCoverageResult'
  >;
}

/** Where the images go (the map's coverage layers). */
export interface CoverageImageOutputs {
  /** A whole image (full compute or a style switch). */
  raster(image: NonNullable<CoverageResult['raster']>): void;
  /** Patches of an incremental edit. */
  patches(patches: CoverageUpdate['rasterPatches']): void;
  /** After every delivered result (footprint refresh, gaps layer…). */
  delivered(): void;
}

interface EngineState {
  /** False before the first compute and after a cancelled one: the engine's site list is unknown. */
  known: boolean;
  baseline: BaselineSites | null;
  /** The scenario whose sites the engine holds on top of the baseline (null: the baseline alone). */
  scenario: Scenario | null;
  settings: CoverageSettings | null;
  style: RasterStyle | null;
}

// What a job hands the store: figures, weak spots, quality gaps (none found yet: NONE) and nothing else
// (an edit's reply carries its own elapsedMs, which must not replace the full compute's).
type Delivery = Pick<CoverageResult, 'stats' | 'gaps' | 'qualityGaps'>;
const NONE: Delivery['qualityGaps'] = { type: 'FeatureCollection', features: [] };

const deltaSize = (delta: SiteSetDelta): number => delta.upserted.length + delta.removedIds.length;
const NO_CHANGES = { addedSites: [], modifiedSites: [], removedSiteIds: [] } satisfies Partial<Scenario>;
const withoutChanges = (scenario: Scenario): Scenario => ({ ...scenario, ...NO_CHANGES });

/** The sites that differ between what the engine holds (`from`) and `to` (null = baseline alone). */
function siteDelta(baseline: BaselineSites, from: Scenario | null, to: Scenario | null): SiteSetDelta {
  if (!from && !to) return { upserted: [], removedIds: [] };
  const before = from ?? withoutChanges(to!);
  const after = to ?? withoutChanges(from!);
  return diffScenarioSites(baseline, before, after);
}

export class CoverageScheduler {
  private readonly engine: EngineState = {
    known: false,
    baseline: null,
    scenario: null,
    settings: null,
    style: null,
  };
  private running = false;
  private fullPending = false;
  private editPending = false;
  private rasterPending = false;
  private fullRunning = false;
  private userCancelled = false;
  private fullJobCount = 0;

  constructor(
    private readonly client: CoverageEnginePort,
    private readonly store: CoverageStorePort,
    private readonly outputs: CoverageImageOutputs,
    /** Settings the worker was initialised with. */
    initSettings: CoverageSettings,
  ) {
    this.engine.settings = initSettings;
  }

  /** Settings, baseline or the recompute button: recompute everything (a running full is dropped). */
  requestFull(): void {
    this.fullPending = true;
    if (this.fullRunning) this.client.cancel();
    this.pump();
  }

  /** The open scenario changed. */
  requestEdit(): void {
    this.editPending = true;
    this.pump();
  }

  /** The raster colouring changed. */
  requestRaster(): void {
    this.rasterPending = true;
    this.pump();
  }

  /** The user pressed cancel: the running full compute stops; figures stay those of the last one. */
  cancel(): void {
    if (!this.fullRunning) return;
    this.userCancelled = true;
    this.fullPending = false;
    this.client.cancel();
  }

  /** True while nothing runs and nothing waits (tests and the "ready" status use it). */
  get idle(): boolean {
    return !this.running && !this.fullPending && !this.editPending && !this.rasterPending;
  }

  /** A full compute or an edit is waiting (the status then says 'updating', not 'ready'). */
  get hasPendingWork(): boolean {
    return this.fullPending || this.editPending;
  }

  private pump(): void {
    if (this.running) return;
    this.running = true;
    void this.drain().finally(() => {
      this.running = false;
      // A request may have arrived while the last job was finishing.
      if (!this.idle) this.pump();
    });
  }

  private async drain(): Promise<void> {
    while (!this.idle || this.running) {
      const state = this.store.getState();
      // The open scenario's baseline: imported existing sites count in the reference figures, and
      // importing (or undoing) them recomputes those figures in full.
      const baseline = openScenarioBaseline(state);
      if (!baseline) return;
      try {
        // A calibration applied or removed changes the model: everything is recomputed.
        const settingsChanged =
          this.engine.known && this.engine.settings !== effectiveCoverageSettings(state);
        if (this.fullPending || !this.engine.known || this.engine.baseline !== baseline || settingsChanged) {
          if (state.coverageStatus === 'cancelled' && !this.fullPending) {
            // After a cancel, edits wait for the user's recompute (the engine's grid is half-built).
            this.editPending = false;
            this.rasterPending = false;
            return;
          }
          this.fullPending = false;
          this.editPending = false;
          this.rasterPending = false;
          await this.fullJob(baseline);
        } else if (this.editPending) {
          this.editPending = false;
          await this.editJob(baseline);
        } else if (this.rasterPending) {
          this.rasterPending = false;
          await this.rasterJob();
        } else {
          // Nothing left: an 'updating' left by a result delivered while more was queued is now current.
          if (this.store.getState().coverageStatus === 'updating')
            this.store.getState().setCoverageProgress('ready', 1);
          return;
        }
      } catch (error) {
        this.engine.known = false;
        this.store.getState().setCoverageError(error instanceof Error ? error.message : String(error));
        return;
      }
    }
  }

  private currentStyle(): RasterStyle {
    const state = this.store.getState();
    return effectiveRasterStyle(state.coverageSettings, state.coverageRasterStyle);
  }

  /** Recompute the baseline under the store's settings, then re-apply the open scenario on top. */
  private async fullJob(baseline: BaselineSites): Promise<void> {
    const store = this.store;
    const settings = effectiveCoverageSettings(store.getState());
    const target = store.getState().session?.scenario ?? null;
    const style = this.currentStyle();
    const scenarioDelta = siteDelta(baseline, null, target);
    const plainBaseline = deltaSize(scenarioDelta) === 0;
    store.getState().setCoverageProgress('computing', 0);
    this.fullRunning = true;
    this.userCancelled = false;
    let result: CoverageResult | undefined;
    try {
      // Progress arrives on its own message channel and can land after the result: drop late ones.
      const job = ++this.fullJobCount;
      const onProgress = (fraction: number) => {
        if (this.fullRunning && job === this.fullJobCount)
          store.getState().setCoverageProgress('computing', fraction);
      };
      const raster = plainBaseline ? style : 'none';
      if (this.engine.known && this.engine.baseline === baseline) {
        // The engine holds this baseline: undo the scenario's edits (cheap), then recompute.
        await this.sendDelta(siteDelta(baseline, this.engine.scenario, null), 'none');
        this.engine.scenario = null;
        result =
          this.engine.settings === settings
            ? await this.client.compute(baseline.features, { raster, onProgress })
            : await this.client.setSettings(settings, { raster, onProgress });
      } else {
        this.engine.known = false;
        if (this.engine.settings !== settings) {
          // Not awaited: the compute below supersedes its recompute at its first step, keeping the settings.
          void this.client.setSettings(settings, { raster: 'none' });
        }
        result = await this.client.compute(baseline.features, { raster, onProgress });
      }
      this.engine.settings = settings;
    } finally {
      this.fullRunning = false;
    }
    // A cancel pressed as the worker was already answering still cancels: the user keeps the old figures.
    if (this.userCancelled) result = undefined;
    if (!result) {
      this.engine.known = false;
      if (this.userCancelled) store.getState().setCoverageProgress('cancelled', 0);
      return;
    }
    this.engine.known = true;
    this.engine.baseline = baseline;
    this.engine.scenario = null;
    this.engine.style = style;
    const baselineStats = result.stats;
    if (plainBaseline) {
      if (result.raster) this.outputs.raster(result.raster);
      this.deliver(result, baselineStats, result.elapsedMs);
      return;
    }
    const update = await this.applyScenario(baseline, target, style);
    if (update) this.deliver(update, baselineStats, result.elapsedMs);
  }

  /** Bring the engine from the baseline to `target`; returns the last update (stats and gaps). */
  private async applyScenario(
    baseline: BaselineSites,
    target: Scenario | null,
    style: RasterStyle,
  ): Promise<Delivery | undefined> {
    const delta = siteDelta(baseline, null, target);
    this.engine.scenario = target;
    if (deltaSize(delta) > LARGE_DELTA && target) {
      const sites = materializeScenarioSites(baseline, target);
      const result = await this.client.compute(sites, { raster: style });
      if (!result) return undefined;
      if (result.raster) this.outputs.raster(result.raster);
      return result;
    }
    const update = await this.sendDelta(delta, 'none');
    const image = await this.client.getRaster(style);
    if (image) this.outputs.raster(image);
    if (update) return update;
    const { coverageGaps, coverageQualityGaps } = this.store.getState();
    return {
      stats: await this.client.getStats(),
      gaps: coverageGaps!,
      qualityGaps: coverageQualityGaps ?? NONE,
    };
  }

  /** Follow the open scenario with incremental edits. */
  private async editJob(baseline: BaselineSites): Promise<void> {
    const target = this.store.getState().session?.scenario ?? null;
    const delta = siteDelta(baseline, this.engine.scenario, target);
    if (deltaSize(delta) === 0) {
      this.engine.scenario = target;
      return;
    }
    const style = this.currentStyle();
    if (deltaSize(delta) > LARGE_DELTA) {
      this.store.getState().setCoverageProgress('computing', 0);
      const update = await this.applyScenario(baseline, target, style);
      if (update) this.deliver(update);
      return;
    }
    this.store.getState().setCoverageProgress('updating', this.store.getState().coverageProgress);
    const previousStyle = this.engine.style;
    this.engine.scenario = target;
    const update = await this.sendDelta(delta, style);
    if (!update) return;
    if (previousStyle === style) this.outputs.patches(update.rasterPatches);
    else await this.rasterJob();
    this.deliver(update);
  }

  private async rasterJob(): Promise<void> {
    const style = this.currentStyle();
    if (style === this.engine.style || !this.engine.known) return;
    const image = await this.client.getRaster(style);
    this.engine.style = style;
    if (image) this.outputs.raster(image);
  }

  /** Sends every change of a delta; the client delivers only the last, with all patches carried. */
  private async sendDelta(
    delta: SiteSetDelta,
    raster: RasterStyle | 'none',
  ): Promise<CoverageUpdate | undefined> {
    const calls: Promise<CoverageUpdate | undefined>[] = [];
    for (const site of delta.upserted) calls.push(this.client.upsertSite(site, raster));
    for (const id of delta.removedIds) calls.push(this.client.removeSite(id, raster));
    const results = await Promise.all(calls);
    return results[results.length - 1];
  }

  private deliver({ stats, gaps, qualityGaps }: Delivery, baselineStats?: CoverageStats, elapsedMs?: number) {
    const more = this.fullPending || this.editPending;
    this.store.getState().setCoverageResult({
      stats,
      gaps,
      qualityGaps,
      ...(baselineStats ? { baselineStats } : {}),
      ...(elapsedMs !== undefined ? { elapsedMs } : {}),
      status: more ? 'updating' : 'ready',
    });
    this.outputs.delivered();
  }
}
