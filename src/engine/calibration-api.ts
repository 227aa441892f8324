/**
 * The calibration inside the coverage worker, where the engine's sites and city raster live: these
 * methods are spread into the coverage API (coverage-api.ts), queued with its other calls. Measurement
 * sets are sent once and kept by id; a comparison is kept for the sets and the site list it was made
 * with, so a new calibration only recomputes the figures. The residual dots go back as typed arrays,
 * transferred, for the map's WebGL layer (domain/calibration/residual-dots.ts says why).
 */
import * as Comlink from 'comlink';
import {
  buildCalibrationReport,
  type CalibrationReport,
  correctedErrors,
} from '../domain/calibration/calibration-report';
import {
  compareMeasurementSteps,
  type MeasurementComparison,
} from '../domain/calibration/compare-measurements';
import type { EnvironmentCorrection } from '../domain/calibration/corrections';
import type { MeasurementSet } from '../domain/calibration/measurement-set';
import { type ResidualDots, residualDots } from '../domain/calibration/residual-dots';
import type { CoverageEngine } from '../domain/coverage/coverage-engine';
import type { RejectedRow } from '../domain/import/import-types';
import type { SiteFeature } from '../domain/types';

type Serial = <T>(task: () => Promise<T> | T) => Promise<T>;

/** Thrown when a comparison is cancelled (crosses Comlink as an Error with this name). */
export class CalibrationCancelledError extends Error {
  override name = 'CalibrationCancelledError';
}

export interface CalibrationReply {
  report: CalibrationReport;
  /** Residual dots (residual-dots.ts), coloured by the error with the corrections given. */
  residuals: ResidualDots;
  /** Samples with no site in range, across the sets. */
  farFromSites: number;
  /** The first FAR_ROWS_SENT of them, each with its set, row and reason (the rest only counted). */
  farRows: ({ setId: string } & RejectedRow)[];
  unmatchedIds: number;
}

/** Rejected rows listed back to the page; a file far from the sites would otherwise send 10⁶ of them. */
export const FAR_ROWS_SENT = 1_000;
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function createCalibrationMethods(serial: Serial, engineOf: () => CoverageEngine) {
  const sets = new Map<string, MeasurementSet>();
  let cached:
    | { setIds: string; sites: readonly SiteFeature[]; comparison: MeasurementComparison; setOrder: string[] }
    | undefined;
  const cancelled = new Set<number>();

  const sameSites = (left: readonly SiteFeature[], right: readonly SiteFeature[]) =>
    left.length === right.length && left.every((site, index) => site === right[index]);

  return {
    /** Keeps a measurement set in the worker (send each set once). */
    putMeasurementSet(set: MeasurementSet): Promise<void> {
      return serial(() => {
        sets.set(set.id, set);
      });
    },
    /** Forgets the sets not listed. */
    keepMeasurementSets(ids: readonly string[]): Promise<void> {
      return serial(() => {
        const keep = new Set(ids);
        for (const id of sets.keys()) if (!keep.has(id)) sets.delete(id);
      });
    },
    /** The sets this worker holds (the client sends only the missing ones). */
    measurementSetIds(): Promise<string[]> {
      return serial(() => [...sets.keys()]);
    },
    /**
     * Compares the sets with the engine's current sites (plain model), fits, and reports with
     * `corrections` as "after": the scenario's calibration, or null for the fit's own (a preview).
     */
    calibrationReport(
      requestId: number,
      setIds: readonly string[],
      corrections: readonly EnvironmentCorrection[] | null,
      onProgress?: (fraction: number) => void,
    ): Promise<CalibrationReply> {
      return serial(async () => {
        const engine = engineOf();
        const chosen = setIds.map((id) => {
          const set = sets.get(id);
          if (!set) throw new Error(`measurement set ${id} not sent to the worker`);
          return set;
        });
        const key = setIds.join('\u0000');
        const sites = engine.sites();
        if (!cached || cached.setIds !== key || !sameSites(cached.sites, sites)) {
          const steps = compareMeasurementSteps(sites, chosen, engine.city, engine.settings);
          let step = steps.next();
          while (!step.done) {
            onProgress?.(step.value);
            await yieldToEventLoop();
            if (cancelled.delete(requestId)) throw new CalibrationCancelledError('calibration cancelled');
            step = steps.next();
          }
          cached = { setIds: key, sites, comparison: step.value, setOrder: [...setIds] };
        }
        const { comparison, setOrder } = cached;
        const fitted =
          corrections ?? buildCalibrationReport(comparison, [], engine.city.districts).fit.corrections;
        const report = buildCalibrationReport(comparison, fitted, engine.city.districts);
        // The dots show the model in force: the scenario's calibration, or the plain model.
        const residuals = residualDots(comparison, correctedErrors(comparison, corrections ?? []));
        const reply: CalibrationReply = {
          report,
          residuals,
          farFromSites: comparison.rejected.length,
          farRows: comparison.rejected
            .slice(0, FAR_ROWS_SENT)
            .map(({ setIndex, rejection }) => ({ setId: setOrder[setIndex]!, ...rejection })),
          unmatchedIds: comparison.unmatchedIds,
        };
        // Moved, not copied: the worker makes new dots for every report.
        return Comlink.transfer(reply, [residuals.offsets.buffer, residuals.errorsDb.buffer]);
      });
    },
    /** Stops a queued or running comparison (it rejects with CalibrationCancelledError). */
    cancelCalibration(requestId: number): void {
      cancelled.add(requestId);
    },
  };
}
