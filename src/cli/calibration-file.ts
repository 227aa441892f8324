/**
 * Corrections files for the CLI: `calibrate --out` writes one, `coverage --calibration` (and any command
 * that predicts) reads one. Reading accepts any JSON object with a `corrections` array — the file
 * `--out` wrote, or calibrate's printed result saved as is.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { type EnvironmentCorrection, readCorrections } from '../domain/calibration/corrections';
import { CliError } from './cli-error';

export const CALIBRATION_FILE_FORMAT = 'shanghai-infra-planner/calibration';

/** The corrections in a calibration file; a one-line CliError for anything else. */
export function readCalibrationFile(path: string): EnvironmentCorrection[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(
      `cannot read calibration file "${path}" (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CliError(
      `calibration file "${path}" is not valid JSON (${(error as Error).message.split('\n')[0]})`,
    );
  }
  if (typeof data !== 'object' || data === null || !('corrections' in data))
    throw new CliError(`calibration file "${path}" has no "corrections" list`);
  try {
    return readCorrections((data as { corrections: unknown }).corrections);
  } catch (error) {
    throw new CliError(`calibration file "${path}": ${(error as Error).message}`);
  }
}

/** Writes a calibration file; a one-line CliError when it cannot. */
export function writeCalibrationFile(path: string, content: Record<string, unknown>): void {
  try {
    writeFileSync(path, `${JSON.stringify({ format: CALIBRATION_FILE_FORMAT, ...content }, null, 2)}\n`);
  } catch (error) {
    throw new CliError(`cannot write "${path}" (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
