/**
 * The calibration's edits of a scenario (measurement sets in, out; a calibration applied or removed),
 * each with its exact inverse, like every other change (apply-change.ts). Sets are replaced whole — a set
 * is the file it came from, never edited sample by sample — and kept sorted by id, so putting back what
 * a delete removed restores the very same list.
 */
import type { MeasurementSet } from '../calibration/measurement-set';
import type { Scenario } from '../scenario/scenario-types';
import { batch, NO_CHANGE, type ScenarioChange } from './scenario-change';

type CalibrationChange = Extract<
  ScenarioChange,
  { type: 'putMeasurements' | 'deleteMeasurements' | 'setCalibration' }
>;

const byId = (left: MeasurementSet, right: MeasurementSet) =>
  left.id < right.id ? -1 : left.id > right.id ? 1 : 0;

export function applyCalibrationChange(
  scenario: Scenario,
  change: CalibrationChange,
): { scenario: Scenario; inverse: ScenarioChange } {
  switch (change.type) {
    case 'putMeasurements': {
      const next = [...scenario.measurements];
      const appended: string[] = [];
      const replaced: MeasurementSet[] = [];
      for (const set of change.sets) {
        const position = next.findIndex((existing) => existing.id === set.id);
        if (position < 0) {
          next.push(set);
          appended.push(set.id);
        } else if (next[position] !== set) {
          replaced.push(next[position]!);
          next[position] = set;
        }
      }
      if (appended.length === 0 && replaced.length === 0) return { scenario, inverse: NO_CHANGE };
      next.sort(byId);
      const inverses: ScenarioChange[] = [];
      if (appended.length > 0) inverses.push({ type: 'deleteMeasurements', ids: appended });
      if (replaced.length > 0) inverses.push({ type: 'putMeasurements', sets: replaced });
      return { scenario: { ...scenario, measurements: next }, inverse: batch(inverses) };
    }
    case 'deleteMeasurements': {
      const unwanted = new Set(change.ids);
      const removed = scenario.measurements.filter((set) => unwanted.has(set.id));
      if (removed.length === 0) return { scenario, inverse: NO_CHANGE };
      return {
        scenario: { ...scenario, measurements: scenario.measurements.filter((set) => !unwanted.has(set.id)) },
        inverse: { type: 'putMeasurements', sets: removed },
      };
    }
    case 'setCalibration': {
      if (change.calibration === scenario.calibration) return { scenario, inverse: NO_CHANGE };
      return {
        scenario: { ...scenario, calibration: change.calibration },
        inverse: { type: 'setCalibration', calibration: scenario.calibration },
      };
    }
  }
}
