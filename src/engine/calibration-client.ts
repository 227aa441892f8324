/**
 * Main-thread client for the calibration in the coverage worker (the same Worker the coverage and
 * suggest clients wrap). Sends each measurement set once, then asks for reports; one comparison at a
 * time: a new one cancels the previous, and a cancelled or overtaken one resolves `undefined`.
 */
import * as Comlink from 'comlink';
import type { EnvironmentCorrection } from '../domain/calibration/corrections';
import type { MeasurementSet } from '../domain/calibration/measurement-set';
import type { CalibrationReply } from './calibration-api';
import type { CoverageApiObject } from './coverage-api';

export class CalibrationClient {
  private readonly remote: Comlink.Remote<CoverageApiObject>;
  private nextRequestId = 0;
  private running: number | undefined;
  /** Sets the worker holds, by object (a set replaced under the same id is sent again). */
  private readonly sent = new Map<string, MeasurementSet>();

  constructor(endpoint: Comlink.Endpoint) {
    this.remote = Comlink.wrap<CoverageApiObject>(endpoint);
  }

  /** Compares the sets with the engine's sites; "after" uses `corrections`, or the fit's own when null. */
  async report(
    sets: readonly MeasurementSet[],
    corrections: readonly EnvironmentCorrection[] | null,
    onProgress?: (fraction: number) => void,
  ): Promise<CalibrationReply | undefined> {
    this.cancel();
    const requestId = ++this.nextRequestId;
    this.running = requestId;
    try {
      await this.sync(sets);
      if (requestId !== this.nextRequestId) return undefined;
      const reply = await this.remote.calibrationReport(
        requestId,
        sets.map((set) => set.id),
        corrections,
        onProgress ? Comlink.proxy(onProgress) : undefined,
      );
      return requestId === this.nextRequestId ? reply : undefined;
    } catch (error) {
      if (error instanceof Error && error.name === 'CalibrationCancelledError') return undefined;
      throw error;
    } finally {
      if (this.running === requestId) this.running = undefined;
    }
  }

  /** Sends the sets the worker lacks and lets it forget the others. */
  private async sync(sets: readonly MeasurementSet[]): Promise<void> {
    for (const set of sets) {
      if (this.sent.get(set.id) === set) continue;
      // Copied, not transferred: the scenario (and its undo history) keeps the set.
      await this.remote.putMeasurementSet(set);
      this.sent.set(set.id, set);
    }
    const wanted = new Set(sets.map((set) => set.id));
    for (const id of this.sent.keys()) if (!wanted.has(id)) this.sent.delete(id);
    await this.remote.keepMeasurementSets([...wanted]);
  }

  /** Stops the running comparison, if any. */
  cancel(): void {
    if (this.running !== undefined) void this.remote.cancelCalibration(this.running);
  }
}
