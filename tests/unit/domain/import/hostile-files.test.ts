/**
 * Issue 14, hostile and broken files: a seeded set of a few hundred inputs of the kinds a fuzzing of
 * `cli import` found trouble with (support/hostile-inputs.ts), each run in a worker thread that is
 * bounded in CPU time (terminated when it has used too much) and in heap (resourceLimits). Every input
 * must end in a result or a refusal with a known code — never a hang, a crash or an unforeseen error.
 *
 * The bound is CPU time, not wall time: on a shared machine at load 15 a three-second import takes
 * thirty seconds of wall time but still three of CPU, while a hang (a backtracking pattern, an
 * inflation loop) burns CPU until it is stopped. While an input runs, this thread only waits, so the
 * process's CPU time since the input started is the import's own.
 */
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { type HostileInput, hostileInputs } from '../../support/domain/import/hostile-inputs';
import type { HostileOutcome } from '../../support/domain/import/hostile-runner';

const SEED = 14_2026;
const COUNT = Number(process.env.HOSTILE_COUNT ?? 300);
/** Each import's CPU bound (the slowest take a few seconds of CPU); independent of the machine's load. */
const CPU_LIMIT_MS = 30_000;
/** How often the CPU used by a running import is read. */
const CPU_POLL_MS = 250;
/** A last resort for an import that waits forever without using CPU (no input is expected to). */
const WALL_LIMIT_MS = 600_000;
/** Building the largest inputs (a 300 MB bomb, a 199 MiB CSV) on a loaded machine. */
const MAKE_LIMIT_MS = 180_000;
const HEAP_LIMIT_MB = 1024;

class BoundedRunner {
  private worker: Worker | undefined;

  private start(): Promise<Worker> {
    const worker = new Worker(new URL('../../support/domain/import/worker-boot.mjs', import.meta.url), {
      workerData: { module: new URL('../../support/domain/import/hostile-runner.ts', import.meta.url).href },
      resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB },
    });
    return new Promise((resolve, reject) => {
      worker.once('message', () => resolve(worker));
      worker.once('error', reject);
    });
  }

  /** Runs one input; a timeout or a worker death is reported as the input's failure. */
  async run(input: HostileInput): Promise<HostileOutcome | { name: string; failure: string }> {
    this.worker ??= await this.start();
    const worker = this.worker;
    return new Promise((resolve) => {
      const making = setTimeout(
        () => done({ name: input.name, failure: `not made after ${MAKE_LIMIT_MS} ms` }, true),
        MAKE_LIMIT_MS,
      );
      const done = (value: HostileOutcome | { name: string; failure: string }, restart: boolean) => {
        clearTimeout(making);
        clearTimeout(timer);
        clearInterval(poll);
        worker.removeAllListeners('message');
        worker.removeAllListeners('error');
        worker.removeAllListeners('exit');
        if (restart) {
          void worker.terminate();
          this.worker = undefined;
        }
        resolve(value);
      };
      let timer: ReturnType<typeof setTimeout> | undefined;
      let poll: ReturnType<typeof setInterval> | undefined;
      worker.on('message', (message: { started?: boolean; result?: HostileOutcome; crash?: string }) => {
        // The bound runs from when the input is made to when its import ends.
        if (message.started) {
          clearTimeout(making);
          const cpuAtStart = process.cpuUsage();
          poll = setInterval(() => {
            const used = process.cpuUsage(cpuAtStart);
            const usedMs = (used.user + used.system) / 1000;
            if (usedMs > CPU_LIMIT_MS)
              done({ name: input.name, failure: `no end after ${Math.round(usedMs)} ms of CPU` }, true);
          }, CPU_POLL_MS);
          timer = setTimeout(
            () => done({ name: input.name, failure: `no end after ${WALL_LIMIT_MS} ms` }, true),
            WALL_LIMIT_MS,
          );
          return;
        }
        done(message.result ?? { name: input.name, failure: `threw ${message.crash}` }, !message.result);
      });
      worker.on('error', (error: Error) =>
        done({ name: input.name, failure: `worker died: ${error.message}` }, true),
      );
      worker.on('exit', (code) => done({ name: input.name, failure: `worker exited ${code}` }, true));
      worker.postMessage(input);
    });
  }

  async stop(): Promise<void> {
    await this.worker?.terminate();
  }
}

const runner = new BoundedRunner();
afterAll(() => runner.stop());

describe(`hostile files (seed ${SEED}, ${COUNT} inputs)`, () => {
  it(
    'every input ends in a result or a one-line refusal with a known code, in bounded time and heap',
    async () => {
      const failures: string[] = [];
      const byKind = new Map<
        string,
        { count: number; slowestMs: number; slowestCpuMs: number; peakMb: number; codes: Set<string> }
      >();
      for (const input of hostileInputs(SEED, COUNT)) {
        const outcome = await runner.run(input);
        if ('failure' in outcome) {
          failures.push(`${outcome.name}: ${outcome.failure}`);
          continue;
        }
        if (outcome.code === 'unreadable')
          failures.push(`${outcome.name}: unforeseen error ${outcome.message}`);
        if (/[\r\n]/.test(outcome.message)) failures.push(`${outcome.name}: message spans lines`);
        const stats = byKind.get(input.kind) ?? {
          count: 0,
          slowestMs: 0,
          slowestCpuMs: 0,
          peakMb: 0,
          codes: new Set(),
        };
        stats.count++;
        stats.slowestMs = Math.max(stats.slowestMs, outcome.milliseconds);
        stats.slowestCpuMs = Math.max(stats.slowestCpuMs, outcome.cpuMilliseconds);
        stats.peakMb = Math.max(stats.peakMb, outcome.peakHeapMb);
        stats.codes.add(outcome.code ?? outcome.ended);
        byKind.set(input.kind, stats);
      }
      for (const [kind, stats] of byKind) {
        console.log(
          `${kind.padEnd(22)} ${String(stats.count).padStart(4)} inputs, slowest ${stats.slowestMs} ms (${stats.slowestCpuMs} ms of CPU), heap ≤ ${stats.peakMb} MB: ${[...stats.codes].join(', ')}`,
        );
      }
      expect(failures).toEqual([]);
    },
    COUNT * WALL_LIMIT_MS,
  );
});
