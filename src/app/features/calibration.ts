/**
 * The calibration feature: measurement files imported in an import worker into the open scenario
 * (through the edit door), compared with the model in the coverage worker while the 校准 tab is open,
 * the residual dots on the map, and the fit applied or removed as the scenario's calibration (one undo
 * step each; the coverage scheduler then recomputes with it). Test hooks on window.__e2e.calibration.
 */
import {
  checkMeasurementSetInSlices,
  type ScenarioCalibration,
} from '../../domain/calibration/scenario-calibration';
import { type Disposer, Disposers } from '../../domain/disposers';
import { translate } from '../../domain/i18n/translate';
import { CalibrationClient } from '../../engine/calibration-client';
import { ImportClient } from '../../engine/import-client';
import { coverageEndpoint } from '../../engine/suggest-client';
import { CalibrationLayer } from '../../map/calibration-layer';
import { loadImportGeography } from '../../services/import-inputs';
import { importMeasurementFile } from '../../services/measurement-import';
import type { CalibrationView } from '../../state/calibration-slice';
import type { AppContext } from '../app-context';
import { installCalibrationTestHook } from '../calibration-test-hook';
import { trackedSubscribe } from '../subscriptions';

export const CALIBRATION_TAB = 'calibration';
const COMPARE_DELAY_MS = 300;
const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function wireCalibration(context: AppContext): Disposer {
  const { store, map, data } = context;
  const disposers = new Disposers();
  const subscribe = trackedSubscribe(store, disposers);
  const layer = disposers.add(new CalibrationLayer(map));
  const calibration = coverageEndpoint().then((endpoint) => new CalibrationClient(endpoint));
  let importWorker: Worker | null = null;
  let importClient: ImportClient | null = null;
  disposers.add(() => importWorker?.terminate());
  let work: Promise<unknown> = Promise.resolve();
  let compareTimer: ReturnType<typeof setTimeout> | undefined;
  disposers.add(() => clearTimeout(compareTimer));
  const get = () => store.getState();
  const message = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) =>
    translate(get().language, key, values);

  const ensureImportClient = (): ImportClient => {
    if (importClient) return importClient;
    importWorker = new Worker(new URL('../../engine/import-worker.ts', import.meta.url), { type: 'module' });
    const client = new ImportClient(importWorker);
    importClient = client;
    void loadImportGeography(data).then((geography) =>
      geography ? client.setGeography(geography) : undefined,
    );
    return client;
  };

  const importFile = (file: File) => {
    get().setCalibrationProgress('importing', 0);
    get().setCalibrationImport(null);
    work = (async () => {
      try {
        const outcome = await importMeasurementFile(
          ensureImportClient(),
          file,
          get().calibrationCrs,
          (fraction, stage) =>
            get().setCalibrationProgress(
              'importing',
              stage === 'read' ? fraction * 0.3 : 0.3 + fraction * 0.7,
            ),
        );
        if (outcome.kind === 'cancelled') return get().setCalibrationProgress('idle', 0);
        get().setCalibrationImport(outcome.summary);
        if (outcome.kind === 'failed') {
          get().failCalibration(
            outcome.messageKey ? message(outcome.messageKey) : (outcome.summary.failure?.code ?? ''),
          );
          return;
        }
        // The set's one full check, in slices (the edit door and autosave then know it): in one go it
        // blocked the page for a second at 200,000 samples.
        await checkMeasurementSetInSlices(outcome.set, 'measurements', [], yieldToPage);
        get().editScenario({
          kind: 'change',
          change: { type: 'putMeasurements', sets: [outcome.set] },
          labelKey: 'calibration.undoImport',
        });
        get().setCalibrationProgress('idle', 0);
        get().setActivePanelTab(CALIBRATION_TAB);
        scheduleCompare(0);
      } catch (error) {
        get().failCalibration(error instanceof Error ? error.message : String(error));
      }
    })();
  };

  const compare = async () => {
    const state = get();
    const scenario = state.session?.scenario;
    if (!scenario || scenario.measurements.length === 0) {
      showView(null);
      return;
    }
    state.setCalibrationProgress('comparing', 0);
    try {
      const reply = await (await calibration).report(
        scenario.measurements,
        scenario.calibration?.corrections ?? null,
        (fraction) => {
          if (get().calibrationStatus === 'comparing') get().setCalibrationProgress('comparing', fraction);
        },
      );
      if (!reply) return;
      showView({
        report: reply.report,
        residuals: reply.residuals,
        farFromSites: reply.farFromSites,
        farRows: reply.farRows.map(({ setId, ...rejection }) => ({
          setName: scenario.measurements.find((set) => set.id === setId)?.name ?? setId,
          ...rejection,
        })),
        unmatchedIds: reply.unmatchedIds,
      });
    } catch (error) {
      get().failCalibration(
        message('calibration.error', { message: error instanceof Error ? error.message : String(error) }),
      );
    }
  };

  const showView = (view: CalibrationView | null) => {
    get().setCalibrationView(view);
    void layer.setResiduals(view?.residuals ?? null);
  };

  const scheduleCompare = (delayMs = COMPARE_DELAY_MS) => {
    clearTimeout(compareTimer);
    compareTimer = setTimeout(() => {
      if (get().activePanelTab !== CALIBRATION_TAB) return;
      work = compare();
    }, delayMs);
  };

  const apply = () => {
    const state = get();
    const view = state.calibrationView;
    const scenario = state.session?.scenario;
    if (!view || !scenario || view.report.fit.corrections.length === 0 || scenario.calibration) return;
    const applied: ScenarioCalibration = {
      fittedAt: new Date().toISOString(),
      measurementSetIds: scenario.measurements.map((set) => set.id),
      samples: view.report.samples,
      before: view.report.before,
      after: view.report.after,
      corrections: view.report.fit.corrections,
      uncorrected: view.report.fit.uncorrected,
    };
    state.editScenario({
      kind: 'change',
      change: { type: 'setCalibration', calibration: applied },
      labelKey: 'calibration.undoApply',
    });
  };

  store.getState().setCalibrationServices({
    importFile,
    cancel: () => {
      importClient?.cancel();
      void calibration.then((client) => client.cancel());
      get().setCalibrationProgress('idle', 0);
    },
    apply,
    remove: () =>
      get().editScenario({
        kind: 'change',
        change: { type: 'setCalibration', calibration: null },
        labelKey: 'calibration.undoRemove',
      }),
    deleteSet: (id) =>
      get().editScenario({
        kind: 'change',
        change: { type: 'deleteMeasurements', ids: [id] },
        labelKey: 'calibration.undoDeleteSet',
      }),
  });

  // The comparison follows the scenario's measurements and calibration and the engine's sites (a new
  // coverage result), but only while the tab is open; the dots show only then too.
  subscribe(
    (state) =>
      [
        state.session?.scenario.measurements,
        state.session?.scenario.calibration,
        state.coverageStats,
        state.activePanelTab === CALIBRATION_TAB,
      ] as const,
    ([, , , open]) => {
      void layer.setVisible(open);
      if (open) scheduleCompare();
    },
    { equalityFn: (a, b) => a.every((value, index) => value === b[index]) },
  );

  if (import.meta.env.MODE === 'e2e') {
    installCalibrationTestHook(context, layer, async () => {
      for (;;) {
        const pending = work;
        await pending;
        await new Promise((resolve) => setTimeout(resolve, COMPARE_DELAY_MS + 50));
        const status = get().calibrationStatus;
        if (pending === work && status !== 'importing' && status !== 'comparing') return;
      }
    });
  }
  return disposers.disposer;
}
