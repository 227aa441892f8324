import { openScenarioBaseline } from '../../state/scenario-slice';
import { useAppState, useTranslate } from '../store-context';
import { coverageChange, signed } from './change-figures';

/** The candidate set against the baseline: site counts, covered area, gaps, per district. */
export function ChangeSummary() {
  const t = useTranslate();
  const scenario = useAppState((state) => state.session?.scenario);
  const stats = useAppState((state) => state.coverageStats);
  const baselineStats = useAppState((state) => state.baselineCoverageStats);
  const status = useAppState((state) => state.coverageStatus);
  const baseline = useAppState(openScenarioBaseline);
  if (!scenario) return null;
  const removed = new Set(scenario.removedSiteIds);
  // Existing sites: the baseline and the scenario's imported existing sites, less those planned for removal.
  const existingCount = baseline
    ? baseline.features.length - scenario.removedSiteIds.filter((id) => baseline.get(id)).length
    : null;
  const modifiedCount = scenario.modifiedSites.filter((site) => !removed.has(site.properties.id)).length;
  const change = stats && baselineStats ? coverageChange(stats, baselineStats) : null;
  return (
    <section
      className="planner-section"
      aria-labelledby="planner-summary-title"
      data-testid="planner-summary"
    >
      <h3 id="planner-summary-title">{t('planner.summaryTitle')}</h3>
      <dl className="planner-figures">
        <dt>{t('planner.summaryAdded')}</dt>
        <dd data-testid="planner-summary-added">{scenario.addedSites.length}</dd>
        <dt>{t('planner.summaryModified')}</dt>
        <dd>{modifiedCount}</dd>
        <dt>{t('planner.summaryRemoved')}</dt>
        <dd>{scenario.removedSiteIds.length}</dd>
        {existingCount !== null && (
          <>
            <dt>{t('planner.summaryExisting')}</dt>
            <dd data-testid="planner-summary-existing">
              {t('planner.summaryExistingValue', {
                count: existingCount,
                imported: scenario.existingSites.length,
              })}
            </dd>
          </>
        )}
        {scenario.poles.length > 0 && (
          <>
            <dt>{t('planner.summaryImportedPoles')}</dt>
            <dd data-testid="planner-summary-poles">{scenario.poles.length}</dd>
          </>
        )}
        {change && (
          <>
            <dt>{t('planner.summaryCovered')}</dt>
            <dd data-testid="planner-summary-covered">
              {change.coveredKm2.toFixed(2)} km² ({signed(change.deltaKm2)} km²,{' '}
              {signed(change.deltaFractionPoints)} pp)
            </dd>
            <dt>{t('planner.summaryGaps')}</dt>
            <dd>
              {t('planner.summaryGapsValue', { count: change.gapCount, area: change.gapAreaKm2.toFixed(2) })}{' '}
              ({signed(change.gapCountDelta, 0)}, {signed(change.gapAreaDeltaKm2)} km²)
            </dd>
          </>
        )}
      </dl>
      {!change && (
        <p className="planner-hint">
          {status === 'computing' ? t('planner.coverageComputing') : t('planner.coverageNotReady')}
        </p>
      )}
      {change && (
        <>
          <h4>{t('planner.summaryDistricts')}</h4>
          {change.districts.length === 0 ? (
            <p className="planner-hint">{t('planner.summaryNoDistrictChange')}</p>
          ) : (
            <table className="planner-table">
              <thead>
                <tr>
                  <th scope="col">{t('planner.district')}</th>
                  <th scope="col">{t('planner.change')} (km²)</th>
                  <th scope="col">{t('planner.coverage')}</th>
                </tr>
              </thead>
              <tbody>
                {change.districts.map((district) => (
                  <tr key={district.adcode}>
                    <td>{district.name}</td>
                    <td>{signed(district.deltaKm2)}</td>
                    <td>{(district.coveredFraction * 100).toFixed(1)}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
