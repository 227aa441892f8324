/**
 * The browser's coverage pool, held by the coverage worker: helpers (band-worker.ts) that compute row
 * bands of a full compute while the coverage worker computes the first band and keeps the whole state
 * (docs/engine.md, "Worker pool"). Edits stay in the coverage worker: an edit touches a few windows, and
 * sending them to a helper would cost more than computing them.
 */
import * as Comlink from 'comlink';
import type { CoverageEngine } from '../domain/coverage/coverage-engine';
import { type BandRunner, pooledSteps } from '../domain/coverage/pooled-compute';
import type { SiteFeature } from '../domain/types';
import type { BandApi } from './band-api';
import type { CoverageInit } from './coverage-api-types';

/**
 * Fewer sites than this are computed alone: below about these counts a full compute sweeps only the
 * cells the sites touch (docs/engine.md, "Touched sweep"), which is faster than any split by rows.
 */
export const POOL_MIN_SITES = { pathloss: 2_000, radius: 30_000 } as const;

export class BandPool {
  private helpers: Comlink.Remote<BandApi>[] = [];
  private input: CoverageInit | undefined;
  private ready: Promise<void> = Promise.resolve();
  /** How many bands the last full compute was split into (1: computed alone). */
  lastBandCount = 1;

  /** Take the helpers' ports (one per helper); they are initialised with the city when it is known. */
  attach(ports: MessagePort[]): void {
    const helpers = ports.map((port) => Comlink.wrap<BandApi>(port));
    this.helpers.push(...helpers);
    if (this.input) this.initialise(helpers, this.input);
  }

  /** The city the coverage worker was initialised with: every helper builds the same grid. */
  init(input: CoverageInit): void {
    this.input = input;
    this.initialise(this.helpers, input);
  }

  /** Whether a full compute of these sites is split: helpers at hand, enough sites, SINR off. */
  usable(engine: CoverageEngine, sites: readonly SiteFeature[]): boolean {
    const { mode, sinr } = engine.settings;
    // With SINR on, the coordinator's interference sums would cover only its own band, and edits need
    // them whole: such computes stay in one worker.
    if (this.helpers.length === 0 || (mode === 'pathloss' && sinr)) return false;
    return sites.length >= POOL_MIN_SITES[mode];
  }

  /** A full compute split over the helpers and this engine, as progress steps (pooledSteps). */
  async *steps(engine: CoverageEngine, sites: readonly SiteFeature[], chunk: number): AsyncGenerator<number> {
    await this.ready;
    const helpers = this.helpers;
    const settings = engine.settings;
    // Bands 1… are asked for in order: band k goes to helper k − 1 (the coordinator computes band 0).
    let next = 0;
    const runBand: BandRunner = (band, bandSites, globalSlots) =>
      helpers[next++ % helpers.length]!.computeBand(settings, band, bandSites, globalSlots);
    this.lastBandCount = helpers.length + 1;
    yield* pooledSteps(engine, sites, helpers.length + 1, runBand, chunk);
  }

  /** Stop using the helpers (one failed): later computes run alone. */
  drop(): void {
    for (const helper of this.helpers) helper[Comlink.releaseProxy]();
    this.helpers = [];
  }

  private initialise(helpers: Comlink.Remote<BandApi>[], input: CoverageInit): void {
    const started = Promise.all(helpers.map((helper) => helper.init(input)));
    // A helper that cannot build the grid leaves the pool; the coverage worker computes alone.
    this.ready = Promise.all([this.ready, started]).then(
      () => undefined,
      () => this.drop(),
    );
  }
}
