/**
 * Flat records (a feature's properties, a check finding) packed into columns for the trip from the
 * import worker to the page. A structured clone of 100,000 feature objects costs seconds on each side
 * (every object, array and key is walked and rebuilt, and the garbage collector follows); the same
 * values as a few typed arrays and string tables are copied as blocks, or moved without a copy, and
 * the page rebuilds the objects in a tight loop. Unpacking gives back records equal to the originals
 * with their keys in the same order (the packer falls back to plain values for anything unusual).
 */

/** One field of the records: numbers in a typed array, strings in a table, anything else as is. */
export type PackedColumn =
  | { field: string; kind: 'number'; present: Uint8Array; values: Float64Array }
  | { field: string; kind: 'string'; present: Uint8Array; codes: Uint32Array; table: string[] }
  | { field: string; kind: 'plain'; present: Uint8Array; values: unknown[] };

export interface PackedRecords {
  count: number;
  columns: PackedColumn[];
  /** Per record, the order its keys were written in (an index into `orders`), so unpacking keeps it. */
  orderOf: Uint16Array;
  orders: number[][];
}

const MAX_ORDERS = 65_535;

/** Packs records whose values are numbers, strings or other clonable values; undefined if too varied. */
export function packRecords(records: readonly Record<string, unknown>[]): PackedRecords | undefined {
  const count = records.length;
  const fieldIndex = new Map<string, number>();
  const fields: { field: string; present: Uint8Array; values: unknown[] }[] = [];
  const orders: number[][] = [];
  const orderIndex = new Map<string, number>();
  const orderOf = new Uint16Array(count);
  let previousKeys: string[] = [];
  let previousPositions: number[] = [];
  let previousOrder = -1;
  for (let index = 0; index < count; index++) {
    const record = records[index]!;
    const keys = Object.keys(record);
    // Records from one builder mostly share their keys: the previous record's order is reused.
    let positions = previousPositions;
    if (previousOrder < 0 || !sameKeys(keys, previousKeys)) {
      positions = keys.map((key) => {
        let position = fieldIndex.get(key);
        if (position === undefined) {
          position = fields.length;
          fieldIndex.set(key, position);
          fields.push({ field: key, present: new Uint8Array(count), values: filledArray(count) });
        }
        return position;
      });
      const signature = positions.join(',');
      let order = orderIndex.get(signature);
      if (order === undefined) {
        if (orders.length >= MAX_ORDERS) return undefined;
        order = orders.length;
        orderIndex.set(signature, order);
        orders.push(positions);
      }
      previousKeys = keys;
      previousPositions = positions;
      previousOrder = order;
    }
    orderOf[index] = previousOrder;
    for (let key = 0; key < keys.length; key++) {
      const column = fields[positions[key]!]!;
      column.present[index] = 1;
      column.values[index] = record[keys[key]!];
    }
  }
  const columns = fields.map(({ field, present, values }) => packColumn(field, present, values));
  return { count, columns, orderOf, orders };
}

/** A packed array of `count` undefineds (`new Array(count)` of 100,000 makes a slow sparse one). */
function filledArray(count: number): unknown[] {
  const values: unknown[] = [];
  for (let index = 0; index < count; index++) values.push(undefined);
  return values;
}

function sameKeys(keys: readonly string[], other: readonly string[]): boolean {
  if (keys.length !== other.length) return false;
  for (let index = 0; index < keys.length; index++) if (keys[index] !== other[index]) return false;
  return true;
}

/** A field's values (holes where absent) as a typed column, a string table, or as they are. */
function packColumn(field: string, present: Uint8Array, values: unknown[]): PackedColumn {
  const count = present.length;
  let numbers = true;
  let strings = true;
  for (let index = 0; index < count; index++) {
    if (!present[index]) continue;
    const type = typeof values[index];
    if (type !== 'number') numbers = false;
    if (type !== 'string') strings = false;
  }
  if (numbers) {
    const column = new Float64Array(count);
    for (let index = 0; index < count; index++) if (present[index]) column[index] = values[index] as number;
    return { field, kind: 'number', present, values: column };
  }
  if (strings) {
    const codes = new Uint32Array(count);
    const table: string[] = [];
    const codeOf = new Map<string, number>();
    for (let index = 0; index < count; index++) {
      if (!present[index]) continue;
      const value = values[index] as string;
      let code = codeOf.get(value);
      if (code === undefined) {
        code = table.length;
        codeOf.set(value, code);
        table.push(value);
      }
      codes[index] = code;
    }
    return { field, kind: 'string', present, codes, table };
  }
  return { field, kind: 'plain', present, values: Array.from(values) };
}

/** The records back, each with its keys in its original order. */
export function unpackRecords(packed: PackedRecords): Record<string, unknown>[] {
  const { count, columns, orderOf, orders } = packed;
  const records: Record<string, unknown>[] = new Array(count);
  for (let index = 0; index < count; index++) {
    const record: Record<string, unknown> = {};
    for (const position of orders[orderOf[index]!]!) {
      const column = columns[position]!;
      if (!column.present[index]) continue;
      record[column.field] =
        column.kind === 'number'
          ? column.values[index]
          : column.kind === 'string'
            ? column.table[column.codes[index]!]
            : column.values[index];
    }
    records[index] = record;
  }
  return records;
}

/** The typed arrays' buffers, to transfer rather than copy. */
export function packedBuffers(packed: PackedRecords): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [packed.orderOf.buffer as ArrayBuffer];
  for (const column of packed.columns) {
    buffers.push(column.present.buffer as ArrayBuffer);
    if (column.kind === 'number') buffers.push(column.values.buffer as ArrayBuffer);
    if (column.kind === 'string') buffers.push(column.codes.buffer as ArrayBuffer);
  }
  return buffers;
}
