/**
 * Scenario management and files: create, duplicate, delete, switch, rename; exports as downloads
 * (Blob + object URL, nothing leaves the machine); import of a scenario file.
 */
import { exportSitesCsv } from '../domain/export/csv-export';
import { exportFileName, sitesForExport } from '../domain/export/export-scope';
import { exportSitesGeoJson } from '../domain/export/geojson-export';
import { exportSitesKml } from '../domain/export/kml-export';
import { parseScenarioFile, serializeScenarioFile } from '../domain/export/scenario-file';
import { translate } from '../domain/i18n/translate';
import { createScenario, duplicateScenario } from '../domain/scenario/scenario';
import type { Scenario } from '../domain/scenario/scenario-types';
import type { ExportFormat, PlannerServices } from '../state/planner-slice';
import type { AppContext } from './app-context';
import { newScenarioId, upsertScenario } from './scenario-storage';

const MIME: Record<ExportFormat, string> = {
  geojson: 'application/geo+json',
  csv: 'text/csv;charset=utf-8',
  kml: 'application/vnd.google-earth.kml+xml',
  scenario: 'application/json',
};
const EXTENSION: Record<ExportFormat, string> = {
  geojson: 'geojson',
  csv: 'csv',
  kml: 'kml',
  scenario: 'scenario.json',
};

/** Saves text as a file through a temporary object URL (no network). */
export function downloadText(text: string, fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function createPlannerServices(context: AppContext): PlannerServices {
  const { store, scenarioStorage: persistence } = context;
  const get = () => store.getState();
  const nowIso = () => new Date().toISOString();

  /** Writes the open scenario and caches its coverage before another one opens. */
  const leaveCurrent = async () => {
    const state = get();
    if (state.session && state.coverageStats && state.coverageStatus === 'ready') {
      state.cacheScenarioCoverage(state.session.scenario, state.coverageStats);
    }
    await persistence.autosave()?.flush();
  };
  const save = async (scenario: Scenario) => {
    get().setSavedScenarios(upsertScenario(get().savedScenarios, scenario));
    // Through autosave: a failed save is shown (the scenario stays in the list, in memory), retried, and
    // covered by 重试, rather than thrown at a click or reported once and never cleared.
    await persistence.autosave()?.save(scenario);
  };
  const open = async (scenario: Scenario) => {
    await leaveCurrent();
    get().openScenario(scenario);
    get().setSelectedSiteIds([]);
    await persistence.repository()?.setLastOpenScenarioId(scenario.id);
  };
  const find = (id: string): Scenario | undefined => {
    const session = get().session;
    if (session?.scenario.id === id) return session.scenario;
    return get().savedScenarios.find((scenario) => scenario.id === id);
  };

  return {
    async createScenario(name) {
      const baseline = get().baseline;
      if (!baseline) return;
      const scenario = createScenario({
        id: newScenarioId(),
        name,
        baselineRef: baseline.ref,
        nowIso: nowIso(),
      });
      await save(scenario);
      await open(scenario);
    },
    async duplicateScenario(id, name) {
      const source = find(id);
      if (!source) return;
      const copy = duplicateScenario(source, newScenarioId(), name, nowIso());
      await save(copy);
      await open(copy);
    },
    async deleteScenario(id) {
      const persistenceAutosave = persistence.autosave();
      persistenceAutosave?.discard(id);
      await persistence.repository()?.deleteScenario(id);
      const remaining = get().savedScenarios.filter((scenario) => scenario.id !== id);
      get().setSavedScenarios(remaining);
      if (get().session?.scenario.id !== id) return;
      const next = remaining[0];
      if (next) {
        get().openScenario(next);
        get().setSelectedSiteIds([]);
      } else {
        const baseline = get().baseline;
        if (!baseline) return;
        const fresh = createScenario({
          id: newScenarioId(),
          name: translate(get().language, 'planner.defaultScenarioName', { number: 1 }),
          baselineRef: baseline.ref,
          nowIso: nowIso(),
        });
        await save(fresh);
        get().openScenario(fresh);
        get().setSelectedSiteIds([]);
      }
      // The deleted scenario may still be pending in autosave from the switch above.
      persistenceAutosave?.discard(id);
    },
    async switchScenario(id) {
      const target = get().savedScenarios.find((scenario) => scenario.id === id);
      if (!target || get().session?.scenario.id === id) return;
      await open(target);
    },
    async renameScenario(id, name) {
      const trimmed = name.trim();
      if (trimmed === '') return;
      if (get().session?.scenario.id === id) {
        get().editScenario({
          kind: 'change',
          change: { type: 'rename', name: trimmed },
          labelKey: 'command.renameScenario',
        });
        return;
      }
      const scenario = find(id);
      if (scenario) await save({ ...scenario, name: trimmed, updatedAt: nowIso() });
    },
    exportScenario(format, scope) {
      const { session, baseline } = get();
      if (!session || !baseline) return;
      const scenario = session.scenario;
      const stamp = nowIso();
      if (format === 'scenario') {
        const name = exportFileName(scenario, 'scenario', EXTENSION.scenario, stamp);
        return downloadText(serializeScenarioFile(scenario), name, MIME.scenario);
      }
      const sites = sitesForExport(baseline, scenario, scope);
      const text =
        format === 'csv'
          ? exportSitesCsv(sites)
          : format === 'kml'
            ? exportSitesKml(sites, scenario.name)
            : exportSitesGeoJson(sites);
      downloadText(text, exportFileName(scenario, scope, EXTENSION[format], stamp), MIME[format]);
    },
    async importScenarioFile(text) {
      const parsed = parseScenarioFile(text);
      if (!parsed.ok) return parsed.error.code;
      const taken = find(parsed.scenario.id) !== undefined;
      // Same content, new id only when the id is already in use (importing one's own export twice).
      const scenario = taken ? { ...parsed.scenario, id: newScenarioId() } : parsed.scenario;
      await save(scenario);
      await open(scenario);
      return null;
    },
    async exportQuarantine() {
      const repository = persistence.repository();
      if (!repository) return;
      const text = await repository.exportQuarantine(nowIso());
      downloadText(text, `quarantine-${nowIso().slice(0, 10)}.json`, MIME.scenario);
    },
  };
}
