import { useState } from 'react';
import { RecoveredNotice, StorageSpaceLine, TabNotices } from '../storage/StorageNotices';
import { useAppState, useTranslate } from '../store-context';
import { BaselineDeltaTable } from './BaselineDeltaTable';
import { ScenarioCompare } from './ScenarioCompare';

/** The open scenario: switch, rename, new, duplicate, delete (confirmed), compare; storage notices. */
export function ScenarioSection() {
  const t = useTranslate();
  const scenario = useAppState((state) => state.session?.scenario);
  const saved = useAppState((state) => state.savedScenarios);
  const services = useAppState((state) => state.plannerServices);
  const storage = useAppState((state) => state.plannerStorageStatus);
  const quarantine = useAppState((state) => state.quarantineNotices);
  const saveFailed = useAppState((state) => state.saveStatus.state === 'failed');
  const [draftName, setDraftName] = useState<string | null>(null);
  const [comparing, setComparing] = useState(false);
  if (!scenario || !services) return null;
  const listed = saved.some((item) => item.id === scenario.id) ? saved : [scenario, ...saved];
  const commitName = () => {
    if (draftName !== null && draftName.trim() !== '' && draftName !== scenario.name) {
      void services.renameScenario(scenario.id, draftName);
    }
    setDraftName(null);
  };
  const removed = new Set(scenario.removedSiteIds);
  return (
    <section className="planner-section" aria-labelledby="planner-scenario-title">
      <h3 id="planner-scenario-title">{t('planner.scenario')}</h3>
      <div className="planner-field">
        <label htmlFor="planner-scenario-switch">{t('planner.scenarioSwitch')}</label>
        <select
          id="planner-scenario-switch"
          value={scenario.id}
          onChange={(event) => void services.switchScenario(event.target.value)}
        >
          {listed.map((item) => (
            <option key={item.id} value={item.id}>
              {item.id === scenario.id ? scenario.name : item.name}
            </option>
          ))}
        </select>
      </div>
      <div className="planner-field">
        <label htmlFor="planner-scenario-name">{t('planner.scenarioName')}</label>
        <input
          id="planner-scenario-name"
          value={draftName ?? scenario.name}
          onChange={(event) => setDraftName(event.target.value)}
          onBlur={commitName}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commitName();
            if (event.key === 'Escape') setDraftName(null);
          }}
        />
      </div>
      <p className="planner-hint">
        {t('planner.scenarioCounts', {
          added: scenario.addedSites.length,
          modified: scenario.modifiedSites.filter((site) => !removed.has(site.properties.id)).length,
          removed: scenario.removedSiteIds.length,
        })}
      </p>
      <div className="planner-actions">
        <button
          type="button"
          data-action="scenario-new"
          onClick={() =>
            void services.createScenario(t('planner.defaultScenarioName', { number: listed.length + 1 }))
          }
        >
          {t('planner.scenarioNew')}
        </button>
        <button
          type="button"
          data-action="scenario-duplicate"
          onClick={() =>
            void services.duplicateScenario(
              scenario.id,
              t('planner.scenarioCopyName', { name: scenario.name }),
            )
          }
        >
          {t('planner.scenarioDuplicate')}
        </button>
        <button
          type="button"
          data-action="scenario-delete"
          onClick={() => {
            if (window.confirm(t('planner.scenarioDeleteConfirm', { name: scenario.name })))
              void services.deleteScenario(scenario.id);
          }}
        >
          {t('planner.scenarioDelete')}
        </button>
        <button type="button" aria-expanded={comparing} onClick={() => setComparing(!comparing)}>
          {t('planner.compareTitle')}
        </button>
      </div>
      {comparing && (
        <>
          <BaselineDeltaTable />
          <ScenarioCompare />
        </>
      )}
      <TabNotices />
      {!(storage === 'ready' && saveFailed) && (
        <p className="planner-hint">
          {storage === 'unavailable'
            ? t('planner.storageUnavailable')
            : storage === 'loading'
              ? t('planner.storageLoading')
              : t('storage.savedLocal')}
        </p>
      )}
      <StorageSpaceLine />
      <RecoveredNotice />
      {quarantine.length > 0 && (
        <div className="planner-warning" role="status">
          <p>{t('planner.quarantine', { count: quarantine.length })}</p>
          <button type="button" onClick={() => void services.exportQuarantine()}>
            {t('planner.quarantineExport')}
          </button>
        </div>
      )}
    </section>
  );
}
