/**
 * The CLI's worker pool for `coverage --workers N`: N − 1 worker_threads (the main thread computes the
 * first band itself), started before the site file is read so each builds the city's engine meanwhile; a
 * band is then sent with its sites (structured clone) and computed into the main engine's shared arrays.
 * Each worker computes one row band per compute (domain/coverage/pooled-compute.ts) until closed.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { localArrays } from '../domain/coverage/engine-arrays';
import type { BandRunner } from '../domain/coverage/pooled-compute';
import type { BandResult } from '../domain/coverage/row-bands';
import type { CoverageSettings } from '../domain/coverage/settings';
import type { CoverageArrays } from '../domain/coverage/statistics';
import type { BandRequest, BandWorkerData } from './coverage-band-worker';

/**
 * The CLI runs TypeScript through tsx, and so do its workers: Node 20 does not apply an `--import tsx`
 * loader to a worker's own entry file, so a one-line script loads the entry through tsx's API.
 */
const WORKER_ENTRY = new URL('./coverage-band-worker.ts', import.meta.url).href;
// tsx's ESM API (its exports map puts it beside the CommonJS one that require.resolve finds).
const TSX_API = pathToFileURL(
  createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs'),
).href;
const WORKER_BOOTSTRAP = `import(${JSON.stringify(TSX_API)}).then((api) => api.tsImport(${JSON.stringify(WORKER_ENTRY)}, ${JSON.stringify(WORKER_ENTRY)}))`;

/** Default pool size: one thread per core. */
export const defaultWorkerCount = (): number => availableParallelism();

/**
 * The main engine's per-cell arrays on SharedArrayBuffers (its `allocateArrays`): the helpers compute their
 * bands straight into them, so no band is copied back and no helper holds a full-size grid.
 */
export function sharedArrays(cellCount: number): CoverageArrays {
  return {
    best: new Float32Array(new SharedArrayBuffer(cellCount * 4)),
    server: new Int32Array(new SharedArrayBuffer(cellCount * 4)).fill(-1),
    cellState: new Uint8Array(new SharedArrayBuffer(cellCount)),
  };
}

export class CoveragePool {
  private readonly workers: Worker[] = [];
  private next = 0;
  /** The main engine's arrays, which the helpers write into (set by `engineOptions`' allocator). */
  private arrays: CoverageArrays | undefined;

  /** Options for the main engine: its arrays shared with the helpers when there are any. */
  readonly engineOptions = {
    allocateArrays: (cellCount: number): CoverageArrays => {
      this.arrays = this.workers.length > 0 ? sharedArrays(cellCount) : localArrays(cellCount);
      return this.arrays;
    },
  };

  /** Start `count − 1` helper threads with the engine settings the main thread uses. */
  constructor(count: number, settings: Partial<CoverageSettings>) {
    for (let index = 1; index < count; index++) {
      const workerData: BandWorkerData = { settings };
      const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData });
      // A failure is reported by the band it fails (runBand); until then it must not go unhandled.
      worker.on('error', () => {});
      this.workers.push(worker);
    }
  }

  /** How many bands the compute is split into: the helpers plus the main thread. */
  get bandCount(): number {
    return this.workers.length + 1;
  }

  /** Sends a band to its helper (helper k − 1 computes band k, every compute); resolves with its result. */
  readonly runBand: BandRunner = (band, sites, globalSlots) => {
    const worker = this.workers[this.next];
    this.next = (this.next + 1) % this.workers.length;
    if (!worker) return Promise.reject(new Error('no coverage worker to compute a band'));
    return new Promise<BandResult>((resolve, reject) => {
      const stopped = (code: number) => fail(new Error(`coverage worker stopped (exit code ${code})`));
      const done = (result: BandResult | { error: string }) => {
        worker.off('error', fail).off('exit', stopped);
        if ('error' in result) reject(new Error(`coverage worker: ${result.error}`));
        else resolve(result);
      };
      const fail = (error: Error) => {
        worker.off('message', done).off('exit', stopped).off('error', fail);
        reject(error);
      };
      worker.once('message', done).once('error', fail).once('exit', stopped);
      if (!this.arrays) throw new Error("the main engine was not made with the pool's engineOptions");
      const request: BandRequest = { band, sites, globalSlots, arrays: this.arrays };
      worker.postMessage(request);
    });
  };

  /** Stop every helper (after the compute, or when it failed). */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
