import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDuration } from '../../renderer/lib/dates';

describe('UK date formatting', () => {
  it('shows calendar dates as dd/mm/yyyy without shifting a day', () => {
    expect(formatDate('2024-03-07')).toBe('07/03/2024');
    expect(formatDate('2024-12-31')).toBe('31/12/2024');
  });

  it('shows timestamps in local time as dd/mm/yyyy HH:mm', () => {
    const local = new Date(2025, 0, 5, 9, 4);
    expect(formatDateTime(local.toISOString())).toBe('05/01/2025 09:04');
    expect(formatDate(local.toISOString())).toBe('05/01/2025');
  });

  it('returns an empty string for missing or unreadable values', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate('not a date')).toBe('');
    expect(formatDateTime(undefined)).toBe('');
  });

  it('puts durations into words', () => {
    expect(formatDuration(600_000)).toBe('10 minutes');
    expect(formatDuration(60_000)).toBe('1 minute');
    expect(formatDuration(4_000)).toBe('4 seconds');
    expect(formatDuration(1_000)).toBe('1 second');
  });
});
