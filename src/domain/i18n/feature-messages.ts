/**
 * Registers the strings of the features loaded after the first screen (import, its checks and failure
 * reasons, calibration, the team server) in both dictionaries. Import it for its effect wherever those strings are
 * used: the features' chunk, the CLI, the import view.
 */
import { registerMessages } from './dictionaries';
import { calibrationEn, calibrationZh } from './messages/calibration';
import { importEn, importZh } from './messages/import';
import { importCheckEn, importCheckZh } from './messages/import-check';
import { importFailuresEn, importFailuresZh } from './messages/import-failures';
import { teamEn, teamZh } from './messages/team';

registerMessages(
  { ...importZh, ...importFailuresZh, ...importCheckZh, ...calibrationZh, ...teamZh },
  { ...importEn, ...importFailuresEn, ...importCheckEn, ...calibrationEn, ...teamEn },
);

/** Import this (or the module for its effect) to have the strings registered. */
export const FEATURE_MESSAGES = true;
