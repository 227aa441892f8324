import { useState } from 'react';
import type { Scenario } from '../../domain/scenario/scenario-types';
import { countSitesByDistrict } from '../../domain/scenario/sites-by-district';
import type { CachedScenarioCoverage } from '../../state/planner-slice';
import { formatDateTime } from '../report/format';
import { useAppState, useTranslate } from '../store-context';

interface Column {
  scenario: Scenario;
  coverage: Pick<CachedScenarioCoverage, 'cityCoveredFraction' | 'districts'> | null;
  note: string;
}

const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;

/**
 * Two scenarios side by side. The open one shows live coverage; the other shows the figures cached
 * when it was last open (the engine computes one scenario at a time), or says it has none yet.
 */
export function ScenarioCompare() {
  const t = useTranslate();
  const open = useAppState((state) => state.session?.scenario);
  const saved = useAppState((state) => state.savedScenarios);
  const stats = useAppState((state) => state.coverageStats);
  const cache = useAppState((state) => state.scenarioCoverageCache);
  const districtOf = useAppState((state) => state.districtOfPoint);
  const language = useAppState((state) => state.language);
  const others = saved.filter((scenario) => scenario.id !== open?.id);
  const [otherId, setOtherId] = useState<string | null>(null);
  if (!open) return null;
  const other = others.find((scenario) => scenario.id === otherId) ?? others[0];
  if (!other) return <p className="planner-hint">{t('planner.compareNone')}</p>;
  const cached = cache[other.id];
  const columns: Column[] = [
    {
      scenario: open,
      coverage: stats ? { cityCoveredFraction: stats.coveredFraction, districts: stats.districts } : null,
      note: t('planner.compareOpenLive'),
    },
    {
      scenario: other,
      coverage: cached ?? null,
      note: cached
        ? t('planner.compareCached', { time: formatDateTime(language, cached.computedAt) })
        : t('planner.compareNotComputed'),
    },
  ];
  const districts = columns[0]?.coverage?.districts ?? columns[1]?.coverage?.districts ?? [];
  const addedByDistrict = columns.map((column) =>
    districtOf ? countSitesByDistrict(column.scenario.addedSites, districtOf) : null,
  );
  const districtCell = (column: Column, index: number, adcode: string) => {
    const district = column.coverage?.districts.find((item) => item.adcode === adcode);
    const added = addedByDistrict[index]?.get(adcode) ?? 0;
    const coverage = district ? percent(district.coveredFraction) : '—';
    return added > 0 ? `${coverage} · ${t('planner.compareAddedInDistrict', { count: added })}` : coverage;
  };
  return (
    <div className="planner-compare" data-testid="planner-compare">
      <div className="planner-field">
        <label htmlFor="planner-compare-with">{t('planner.compareWith')}</label>
        <select
          id="planner-compare-with"
          value={other.id}
          onChange={(event) => setOtherId(event.target.value)}
        >
          {others.map((scenario) => (
            <option key={scenario.id} value={scenario.id}>
              {scenario.name}
            </option>
          ))}
        </select>
      </div>
      <table className="planner-table">
        <thead>
          <tr>
            <th scope="col" />
            {columns.map((column) => (
              <th key={column.scenario.id} scope="col">
                {column.scenario.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('planner.compareSitesAdded')}</th>
            {columns.map((column) => (
              <td key={column.scenario.id}>{column.scenario.addedSites.length}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t('planner.summaryRemoved')}</th>
            {columns.map((column) => (
              <td key={column.scenario.id}>{column.scenario.removedSiteIds.length}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t('planner.compareCityCoverage')}</th>
            {columns.map((column) => (
              <td key={column.scenario.id}>
                {column.coverage ? percent(column.coverage.cityCoveredFraction) : '—'}
              </td>
            ))}
          </tr>
          {districts.map((district) => (
            <tr key={district.adcode}>
              <th scope="row">{district.name}</th>
              {columns.map((column, index) => (
                <td key={column.scenario.id}>{districtCell(column, index, district.adcode)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="planner-notes">
        {columns.map((column) => (
          <li key={column.scenario.id}>
            {column.scenario.name}: {column.note}
          </li>
        ))}
      </ul>
    </div>
  );
}
