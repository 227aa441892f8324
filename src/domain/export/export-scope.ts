/** Which sites an export covers: the scenario's candidates only, or the whole resolved scenario. */
import type { BaselineSites } from '../scenario/baseline-sites';
import { materializeScenarioSites, scenarioCandidateSites } from '../scenario/scenario';
import type { Scenario } from '../scenario/scenario-types';
import type { SiteFeature } from '../types';

export type ExportScope = 'candidates' | 'scenario';

/** The sites to export for a scope; 'scenario' is the baseline with the scenario's changes applied. */
export function sitesForExport(
  baseline: BaselineSites,
  scenario: Scenario,
  scope: ExportScope,
): readonly SiteFeature[] {
  return scope === 'candidates'
    ? scenarioCandidateSites(scenario)
    : materializeScenarioSites(baseline, scenario);
}

/** A file name like "方案A-candidates-2025-01-31.csv", with characters invalid on Windows replaced. */
export function exportFileName(
  scenario: Scenario,
  scope: ExportScope,
  extension: string,
  nowIso: string,
): string {
  const safeName =
    [...scenario.name]
      .map((character) => (character < ' ' || '\\/:*?"<>|'.includes(character) ? '_' : character))
      .join('')
      .trim() || 'scenario';
  return `${safeName}-${scope}-${nowIso.slice(0, 10)}.${extension}`;
}
