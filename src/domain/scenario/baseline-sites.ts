/**
 * The baseline (existing sites) is read-only. Scenarios refer to it by a BaselineRef and look
 * its sites up by id through a BaselineSites index built once per baseline.
 */
import type { SiteCollection, SiteFeature } from '../types';
import type { BaselineRef } from './scenario-types';

/** Read-only lookup over the baseline's sites. */
export interface BaselineSites {
  readonly ref: BaselineRef;
  readonly features: readonly SiteFeature[];
  get(id: string): SiteFeature | undefined;
}

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnv1aUpdate(hash: number, text: string): number {
  let next = hash;
  for (let index = 0; index < text.length; index += 1) {
    next ^= text.charCodeAt(index);
    next = Math.imul(next, FNV_PRIME);
  }
  return next >>> 0;
}

/**
 * Computes a BaselineRef: id, feature count and a 32-bit FNV-1a hash over every site id and its
 * position at 1e-7 degrees (~1 cm), so a re-imported or regenerated baseline is told apart cheaply.
 */
export function computeBaselineRef(id: string, features: readonly SiteFeature[]): BaselineRef {
  let hash = FNV_OFFSET_BASIS;
  for (const feature of features) {
    const [longitude = 0, latitude = 0] = feature.geometry.coordinates;
    hash = fnv1aUpdate(
      hash,
      `${feature.properties.id}|${Math.round(longitude * 1e7)}|${Math.round(latitude * 1e7)};`,
    );
  }
  return { id, featureCount: features.length, hash: hash.toString(16).padStart(8, '0') };
}

/** Builds the id index over a baseline collection once; O(n). */
export function indexBaseline(id: string, collection: SiteCollection): BaselineSites {
  const byId = new Map<string, SiteFeature>();
  for (const feature of collection.features) byId.set(feature.properties.id, feature);
  return {
    ref: computeBaselineRef(id, collection.features),
    features: collection.features,
    get: (siteId) => byId.get(siteId),
  };
}

export type BaselineMatch = 'same' | 'unverified' | 'different';

/**
 * Compares a scenario's recorded baseline with the loaded one: 'different' means the scenario
 * was drawn on other data (warn the planner), 'unverified' means the scenario predates hashes.
 */
export function matchBaselineRef(recorded: BaselineRef, loaded: BaselineRef): BaselineMatch {
  if (recorded.id !== loaded.id) return 'different';
  if (recorded.featureCount === undefined || recorded.hash === undefined) return 'unverified';
  return recorded.featureCount === loaded.featureCount && recorded.hash === loaded.hash
    ? 'same'
    : 'different';
}
