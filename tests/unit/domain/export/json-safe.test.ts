import { describe, expect, it } from 'vitest';
import { toJsonSafe } from '../../../../src/domain/export/json-safe';

describe('toJsonSafe', () => {
  it('keeps plain JSON data as it is', () => {
    const value = { a: [1, 'two', true, null], b: { c: -3.5 } };
    expect(toJsonSafe(value)).toEqual(value);
  });

  it('spells what JSON cannot, so JSON.stringify never throws and nothing is silently lost', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const value = {
      big: 10n ** 20n,
      map: new Map<unknown, unknown>([[1, new Set(['x'])]]),
      when: new Date('2025-01-01T00:00:00Z'),
      bad: new Date(Number.NaN),
      floats: new Float32Array([1.5, Number.POSITIVE_INFINITY]),
      nothing: undefined,
      nan: Number.NaN,
      cyclic,
      pattern: /a+/g,
      error: new TypeError('boom'),
    };
    const safe = toJsonSafe(value) as Record<string, unknown>;
    expect(() => JSON.stringify(safe)).not.toThrow();
    expect(safe.big).toEqual({ $type: 'bigint', value: '100000000000000000000' });
    expect(safe.map).toEqual({ $type: 'Map', entries: [[1, { $type: 'Set', values: ['x'] }]] });
    expect(safe.when).toEqual({ $type: 'Date', value: '2025-01-01T00:00:00.000Z' });
    expect(safe.bad).toEqual({ $type: 'Date', value: 'Invalid Date' });
    expect(safe.floats).toEqual({
      $type: 'Float32Array',
      values: [1.5, { $type: 'number', value: 'Infinity' }],
    });
    expect(safe.nothing).toEqual({ $type: 'undefined' });
    expect(safe.nan).toEqual({ $type: 'number', value: 'NaN' });
    expect(safe.cyclic).toEqual({ name: 'loop', self: { $type: 'circular' } });
    expect(safe.pattern).toEqual({ $type: 'RegExp', source: 'a+', flags: 'g' });
    expect(safe.error).toEqual({ $type: 'Error', name: 'TypeError', message: 'boom' });
  });

  it('a value shared twice (not a cycle) is written twice', () => {
    const shared = { x: 1 };
    expect(toJsonSafe({ a: shared, b: shared })).toEqual({ a: { x: 1 }, b: { x: 1 } });
  });

  it('cuts nesting deeper than a hostile record could afford', () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < 5000; level++) deep = [deep];
    expect(JSON.stringify(toJsonSafe(deep))).toContain('tooDeep');
  });
});
