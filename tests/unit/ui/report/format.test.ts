import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../../src/ui/report/format';

describe('formatDate', () => {
  // Noon UTC is the same calendar day in every time zone from UTC−11 to UTC+11.
  const iso = '2026-12-05T12:00:00.000Z';

  it('writes the date in the app language, not as an ISO string', () => {
    expect(formatDate('zh', iso)).toBe('2026年12月5日');
    expect(formatDate('en', iso)).toBe('5 December 2026');
  });

  it('uses the local calendar day: late evening UTC is already the next day in Shanghai', () => {
    const lateUtc = new Date(2026, 11, 5, 7, 30); // 07:30 local time on 5 December
    expect(formatDate('en', lateUtc.toISOString())).toBe('5 December 2026');
  });

  it('shows a dash for a broken date', () => {
    expect(formatDate('zh', 'not a date')).toBe('—');
  });
});
