/**
 * The CLI's worker pool for `coverage --workers N`: N − 1 worker_threads (the main thread computes the
 * first band itself), started before the site file is read so each builds the city's engine meanwhile.
 * Each worker computes one row band (domain/coverage/pooled-compute.ts) and exits.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BandRunner } from '../domain/coverage/pooled-compute';
import type { BandResult } from '../domain/coverage/row-bands';
import type { CoverageSettings } from '../domain/coverage/settings';
import type { BandRequest } from './coverage-band-worker';

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

export class CoveragePool {
  private readonly workers: Worker[] = [];
  private next = 0;

  /** Start `count − 1` helper threads with the engine settings the main thread uses. */
  constructor(count: number, settings: Partial<CoverageSettings>) {
    for (let index = 1; index < count; index++) {
      this.workers.push(new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: { settings } }));
    }
  }

  /** How many bands the compute is split into: the helpers plus the main thread. */
  get bandCount(): number {
    return this.workers.length + 1;
  }

  /** Sends a band to the next idle helper; resolves with its result. */
  readonly runBand: BandRunner = (band, sites, globalSlots) => {
    const worker = this.workers[this.next++];
    if (!worker) return Promise.reject(new Error('more bands than coverage workers'));
    return new Promise<BandResult>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`coverage worker stopped (exit code ${code})`)));
      const request: BandRequest = { band, sites, globalSlots };
      worker.postMessage(request);
    });
  };

  /** Stop every helper (after the compute, or when it failed). */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
