/**
 * Keeps a GeoJSON source in step with a feature list by sending only what changed. `setData` makes
 * MapLibre serialise the whole collection on the main thread for its worker; during a drag the gap
 * layer was re-sent whole at every step (a long task at 70,000 sites, docs/measurements.md) although one
 * edit changes a handful of gaps. Features need a top-level `id`.
 */
import type { Feature } from 'geojson';

type Id = string | number;

export interface FeatureDiff<F extends Feature> {
  remove: Id[];
  add: F[];
}

/**
 * The update from `shown` to `next`: removed ids, and new or changed features (a changed feature is
 * removed and added again). `same` says whether two versions of one id look alike.
 */
export function diffFeatures<F extends Feature>(
  shown: ReadonlyMap<Id, F>,
  next: ReadonlyMap<Id, F>,
  same: (before: F, after: F) => boolean,
): FeatureDiff<F> {
  const remove: Id[] = [];
  const add: F[] = [];
  for (const id of shown.keys()) if (!next.has(id)) remove.push(id);
  for (const [id, feature] of next) {
    const before = shown.get(id);
    if (before !== undefined && (before === feature || same(before, feature))) continue;
    if (before !== undefined) remove.push(id);
    add.push(feature);
  }
  return { remove, add };
}

/** Id → feature of a list (features without an id are not diffable: the caller sends those whole). */
export function featuresById<F extends Feature>(features: readonly F[]): Map<Id, F> | null {
  const byId = new Map<Id, F>();
  for (const feature of features) {
    if (feature.id === undefined || byId.has(feature.id)) return null;
    byId.set(feature.id, feature);
  }
  return byId;
}
