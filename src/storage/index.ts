/** storage/: the IndexedDB adapter. Imports only domain/; app/ wires it to the store. */
export { type Autosave, type AutosaveOptions, installAutosave, type PageLifecycle } from './autosave';
export { DATABASE_NAME, openPlannerDatabase, type QuarantineEntry } from './database';
export {
  createScenarioRepository,
  type LoadedScenarios,
  openScenarioRepository,
  QUARANTINE_EXPORT_FORMAT,
  type ScenarioRepository,
} from './scenario-repository';
