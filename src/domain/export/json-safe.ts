/**
 * Any value IndexedDB can hold, as something JSON can spell. Records set aside in quarantine are
 * exported for a person (or support) to read, and IndexedDB stores more than JSON does: BigInt, Map,
 * Set, Date, typed arrays, Blobs, cycles, NaN. JSON.stringify throws on some of these and silently
 * drops or mangles others; this encoder keeps every one as a tagged object ({ "$type": … }), so the
 * export always produces a file that says what was there.
 */

/** Nesting deeper than this is cut (a hostile record must not overflow the stack). */
const MAX_DEPTH = 200;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const tagged = (type: string, fields: Record<string, Json>): Json => ({ $type: type, ...fields });

function encodeNumber(value: number): Json {
  if (Number.isFinite(value)) return Object.is(value, -0) ? 0 : value;
  return tagged('number', { value: String(value) });
}

function encode(value: unknown, depth: number, path: Set<object>): Json {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return encodeNumber(value);
    case 'bigint':
      return tagged('bigint', { value: value.toString() });
    case 'undefined':
      return tagged('undefined', {});
    case 'symbol':
    case 'function':
      return tagged(typeof value, { value: String(value) });
  }
  if (value === null) return null;
  const object = value as object;
  if (depth >= MAX_DEPTH) return tagged('tooDeep', {});
  if (path.has(object)) return tagged('circular', {});
  path.add(object);
  try {
    return encodeObject(object, depth + 1, path);
  } finally {
    path.delete(object);
  }
}

function encodeObject(object: object, depth: number, path: Set<object>): Json {
  const inner = (item: unknown) => encode(item, depth, path);
  if (Array.isArray(object)) return Array.from(object, inner);
  if (object instanceof Date) {
    const time = object.getTime();
    return tagged('Date', { value: Number.isNaN(time) ? 'Invalid Date' : object.toISOString() });
  }
  if (object instanceof Map) {
    return tagged('Map', { entries: [...object].map(([key, item]) => [inner(key), inner(item)]) });
  }
  if (object instanceof Set) return tagged('Set', { values: [...object].map(inner) });
  if (ArrayBuffer.isView(object)) {
    const bytes = object instanceof DataView ? new Uint8Array(object.buffer) : object;
    const values = Array.from(bytes as unknown as ArrayLike<number | bigint>, (item) =>
      typeof item === 'bigint' ? item.toString() : encodeNumber(item),
    );
    return tagged(object.constructor.name, { values });
  }
  if (object instanceof ArrayBuffer)
    return tagged('ArrayBuffer', { values: Array.from(new Uint8Array(object)) });
  if (object instanceof RegExp) return tagged('RegExp', { source: object.source, flags: object.flags });
  if (object instanceof Error) return tagged('Error', { name: object.name, message: object.message });
  if (typeof Blob !== 'undefined' && object instanceof Blob) {
    return tagged('Blob', { size: object.size, type: object.type });
  }
  const result: Record<string, Json> = {};
  for (const [key, item] of Object.entries(object)) result[key] = inner(item);
  return result;
}

/** The value as plain JSON data (see the module comment); never throws. */
export function toJsonSafe(value: unknown): Json {
  return encode(value, 0, new Set());
}
