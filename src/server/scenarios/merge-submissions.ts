/**
 * Merging district plans into a city plan. A district's submission carries its plan as submitted; the
 * merge lays every site of it that lies in the district onto the city plan: added sites, modified and
 * removed baseline sites, imported existing sites and poles are put in (replacing the city plan's item
 * of the same id). It adds and updates; it never deletes a city-plan site the district plan lacks
 * (the city deletes by editing). Items outside the district, and those the city chose to leave out,
 * are reported and skipped.
 */
import type { Position } from 'geojson';
import type { BaselineSites } from '../../domain/scenario/baseline-sites';
import { siteIndex } from '../../domain/scenario/scenario-lookup';
import type { Scenario } from '../../domain/scenario/scenario-types';
import { applyDelta } from '../../domain/sync/apply-delta';
import { FEATURE_LISTS, type ItemChange } from '../../domain/sync/scenario-delta';

export interface SubmissionToMerge {
  id: number;
  district: string;
  scenario: Scenario;
}

export interface MergeOutcome {
  next: Scenario;
  /** Per submission: the items merged and those skipped (outside the district or left out). */
  report: {
    submissionId: number;
    district: string;
    merged: number;
    outsideDistrict: string[];
    leftOut: string[];
  }[];
}

export interface MergeContext {
  baseline: BaselineSites;
  districtOf(lon: number, lat: number): string | undefined;
}

function removalPosition(plan: Scenario, id: string, context: MergeContext): Position | undefined {
  return (
    siteIndex(plan.modifiedSites).get(id)?.geometry.coordinates ??
    siteIndex(plan.existingSites).get(id)?.geometry.coordinates ??
    context.baseline.get(id)?.geometry.coordinates
  );
}

/** Lays each submission over `target`, in the order given (a later one wins on a shared id). */
export function mergeSubmissions(
  target: Scenario,
  submissions: readonly SubmissionToMerge[],
  leaveOut: ReadonlySet<string>,
  context: MergeContext,
): MergeOutcome {
  let next = target;
  const report: MergeOutcome['report'] = [];
  for (const submission of submissions) {
    const inDistrict = (position: Position | undefined) =>
      position !== undefined && context.districtOf(position[0]!, position[1]!) === submission.district;
    const items: ItemChange[] = [];
    const outsideDistrict: string[] = [];
    const leftOut: string[] = [];
    const consider = (change: ItemChange, position: Position | undefined) => {
      if (leaveOut.has(change.id)) leftOut.push(change.id);
      else if (!inDistrict(position)) outsideDistrict.push(change.id);
      else items.push(change);
    };
    for (const list of FEATURE_LISTS) {
      for (const feature of submission.scenario[list]) {
        consider({ list, id: feature.properties.id, after: feature }, feature.geometry.coordinates);
      }
    }
    for (const id of submission.scenario.removedSiteIds) {
      consider(
        { list: 'removedSiteIds', id, after: true },
        removalPosition(submission.scenario, id, context),
      );
    }
    next = applyDelta(next, { items });
    report.push({
      submissionId: submission.id,
      district: submission.district,
      merged: items.length,
      outsideDistrict,
      leftOut,
    });
  }
  return { next, report };
}
