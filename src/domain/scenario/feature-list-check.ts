/**
 * Checks a list of features (every item valid, ids unique in the list) for the scenario schema. Autosave
 * checks the open scenario at every save, and a drag or an attribute edit changes one item of a list of
 * 38,000: a list whose ids match, position by position, the last list of the same kind found clean
 * needs only its changed items checked (ids unique because they are the clean list's ids). Anything else
 * is checked item by item.
 */
export interface ListIssue {
  path: string;
  code: string;
  params?: Record<string, unknown>;
}

type Identified = { properties: { id: string } };

/** Checks one item; pushes its issues and returns whether it has readable properties with an id. */
export type ItemCheck<Item> = (item: unknown, itemPath: string, issues: ListIssue[]) => item is Item;

/** The last list of each kind found clean, with the check it passed. */
const lastClean = new Map<string, { list: readonly unknown[]; check: unknown }>();

export function checkFeatureList<Item extends Identified>(
  value: unknown,
  path: string,
  kind: string,
  check: ItemCheck<Item>,
  issues: ListIssue[],
): Item[] {
  if (!Array.isArray(value)) {
    issues.push({ path, code: 'notAnArray' });
    return [];
  }
  if (sameIdsAsLastClean(value, path, kind, check)) return value as Item[];
  const before = issues.length;
  const seen = new Set<string>();
  value.forEach((item, index) => {
    const itemPath = `${path}[${index}]`;
    if (!check(item, itemPath, issues)) return;
    const id = item.properties.id;
    if (seen.has(id)) issues.push({ path: `${itemPath}.properties.id`, code: 'duplicateId', params: { id } });
    seen.add(id);
  });
  if (issues.length === before) lastClean.set(kind, { list: value, check: checkKey(check) });
  return value as Item[];
}

/**
 * True when `value` holds, at every position, the clean list's item or a valid item with the same id.
 * Checks the changed items into a scratch list, so a failure leaves `issues` to the full check.
 */
function sameIdsAsLastClean(
  value: unknown[],
  path: string,
  kind: string,
  check: ItemCheck<Identified>,
): boolean {
  const clean = lastClean.get(kind);
  if (!clean || clean.check !== checkKey(check) || clean.list.length !== value.length) return false;
  const scratch: ListIssue[] = [];
  for (let index = 0; index < value.length; index++) {
    const item = value[index];
    const known = clean.list[index] as Identified;
    if (item === known) continue;
    if (!check(item, `${path}[${index}]`, scratch) || scratch.length > 0) return false;
    if (item.properties.id !== known.properties.id) return false;
  }
  lastClean.set(kind, { list: value, check: clean.check });
  return true;
}

/**
 * Checks are made per validation (closures over its options); they are told apart by the key their
 * maker gives them, so the same kind of check matches across validations.
 */
const keys = new WeakMap<object, unknown>();
export function keyedCheck<Item>(key: unknown, check: ItemCheck<Item>): ItemCheck<Item> {
  keys.set(check, key);
  return check;
}
const checkKey = (check: object): unknown => keys.get(check) ?? check;
