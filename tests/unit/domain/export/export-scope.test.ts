import { describe, expect, it } from 'vitest';
import { exportSitesCsv } from '../../../../src/domain/export/csv-export';
import { exportFileName, sitesForExport } from '../../../../src/domain/export/export-scope';
import { applyChange } from '../../../../src/domain/history/apply-change';
import { emptyScenario, site, smallBaseline } from '../../support/scenario/scenario-fixtures';

const scenario = applyChange(emptyScenario(), {
  type: 'batch',
  changes: [
    { type: 'putSites', sites: [site('C1', 121.4, 31.2, { name: '候选一' })] },
    { type: 'markForRemoval', ids: ['B0', 'B1'] },
  ],
}).scenario;

describe('export scope', () => {
  it('candidates exports only the scenario’s own sites; scenario exports 12 − 2 + 1 = 11', () => {
    expect(sitesForExport(smallBaseline, scenario, 'candidates').map((s) => s.properties.id)).toEqual(['C1']);
    const whole = sitesForExport(smallBaseline, scenario, 'scenario');
    expect(whole).toHaveLength(11);
    // Header + 11 rows + the empty string after the final CRLF.
    expect(exportSitesCsv(whole).split('\r\n')).toHaveLength(13);
  });

  it('makes a file name safe on Windows', () => {
    const named = { ...scenario, name: '浦东/临港: 方案?' };
    expect(exportFileName(named, 'candidates', 'csv', '2025-03-01T08:00:00.000Z')).toBe(
      '浦东_临港_ 方案_-candidates-2025-03-01.csv',
    );
  });
});
