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
  const fields: string[] = [];
  const orders: number[][] = [];
  const orderIndex = new Map<string, number>();
  const orderOf = new Uint16Array(count);
  for (let index = 0; index < count; index++) {
    const keys = Object.keys(records[index]!);
    const positions: number[] = [];
    for (const key of keys) {
      let position = fieldIndex.get(key);
      if (position === undefined) {
        position = fields.length;
        fieldIndex.set(key, position);
        fields.push(key);
      }
      positions.push(position);
    }
    const signature = positions.join(',');
    let order = orderIndex.get(signature);
    if (order === undefined) {
      if (orders.length >= MAX_ORDERS) return undefined;
      order = orders.length;
      orderIndex.set(signature, order);
      orders.push(positions);
    }
    orderOf[index] = order;
  }
  const columns = fields.map((field) => packColumn(records, field));
  return { count, columns, orderOf, orders };
}

function packColumn(records: readonly Record<string, unknown>[], field: string): PackedColumn {
  const count = records.length;
  const present = new Uint8Array(count);
  let numbers = true;
  let strings = true;
  for (let index = 0; index < count; index++) {
    const record = records[index]!;
    if (!Object.hasOwn(record, field)) continue;
    present[index] = 1;
    const value = record[field];
    if (typeof value !== 'number') numbers = false;
    if (typeof value !== 'string') strings = false;
  }
  if (numbers) {
    const values = new Float64Array(count);
    for (let index = 0; index < count; index++)
      if (present[index]) values[index] = records[index]![field] as number;
    return { field, kind: 'number', present, values };
  }
  if (strings) {
    const codes = new Uint32Array(count);
    const table: string[] = [];
    const codeOf = new Map<string, number>();
    for (let index = 0; index < count; index++) {
      if (!present[index]) continue;
      const value = records[index]![field] as string;
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
  const values = records.map((record) => (Object.hasOwn(record, field) ? record[field] : undefined));
  return { field, kind: 'plain', present, values };
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
