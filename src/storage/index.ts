/** storage/: the IndexedDB adapter. Imports only domain/; app/ wires it to the store. */
export { type Autosave, type AutosaveOptions, installAutosave, type PageLifecycle } from './autosave';
export { DATABASE_NAME, openPlannerDatabase, type QuarantineEntry } from './database';
export { classifySaveError, type SaveFailureKind, ScenarioConflictError } from './save-errors';
export {
  createScenarioRepository,
  type LoadedScenario,
  type LoadedScenarios,
  openScenarioRepository,
  QUARANTINE_EXPORT_FORMAT,
  type RecoveredNotice,
  type ScenarioRepository,
} from './scenario-repository';
export { estimateStorageSpace, requestPersistentStorage, type StorageSpace } from './storage-space';
