import { DATE_PRESETS, parseStoredRange, resolvePreset } from '../../../src/calendar/date-presets';

describe('date range presets', () => {
  // Wednesday 2026-04-01 00:30 in Amsterdam is still Tuesday 2026-03-31 in UTC and New York.
  const now = new Date('2026-03-31T22:30:00Z');

  it('resolves every preset on the local day of the given zone', () => {
    const amsterdam = Object.fromEntries(DATE_PRESETS.map((p) => [p, resolvePreset(p, 'Europe/Amsterdam', now)]));
    expect(amsterdam).toEqual({
      TODAY: { from: '2026-04-01', to: '2026-04-01' },
      YESTERDAY: { from: '2026-03-31', to: '2026-03-31' },
      THIS_WEEK: { from: '2026-03-30', to: '2026-04-01' },
      LAST_WEEK: { from: '2026-03-23', to: '2026-03-29' },
      LAST_7_DAYS: { from: '2026-03-25', to: '2026-03-31' },
      LAST_14_DAYS: { from: '2026-03-18', to: '2026-03-31' },
      LAST_30_DAYS: { from: '2026-03-02', to: '2026-03-31' },
      LAST_90_DAYS: { from: '2026-01-01', to: '2026-03-31' },
      LAST_365_DAYS: { from: '2025-04-01', to: '2026-03-31' },
      THIS_MONTH: { from: '2026-04-01', to: '2026-04-01' },
      LAST_MONTH: { from: '2026-03-01', to: '2026-03-31' },
      THIS_QUARTER: { from: '2026-04-01', to: '2026-04-01' },
      LAST_QUARTER: { from: '2026-01-01', to: '2026-03-31' },
      THIS_YEAR: { from: '2026-01-01', to: '2026-04-01' },
      LAST_YEAR: { from: '2025-01-01', to: '2025-12-31' },
    });
    expect(resolvePreset('TODAY', 'America/New_York', now)).toEqual({ from: '2026-03-31', to: '2026-03-31' });
    expect(resolvePreset('THIS_MONTH', 'UTC', now)).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(resolvePreset('LAST_QUARTER', 'UTC', now)).toEqual({ from: '2025-10-01', to: '2025-12-31' });
  });

  it('counts whole local days across a DST change', () => {
    // Amsterdam moved clocks forward on 2026-03-29: that day has 23 hours but is one day.
    expect(resolvePreset('LAST_7_DAYS', 'Europe/Amsterdam', new Date('2026-03-30T10:00:00Z'))).toEqual({ from: '2026-03-23', to: '2026-03-29' });
    expect(resolvePreset('LAST_MONTH', 'Europe/Amsterdam', new Date('2026-03-01T00:30:00+01:00'))).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('takes a preset or fixed dates, never both, and checks the dates', () => {
    expect(parseStoredRange({ preset: 'LAST_30_DAYS' }, 'dateRange')).toEqual({ preset: 'LAST_30_DAYS' });
    expect(parseStoredRange({ from: '2026-03-01', to: '2026-03-31' }, 'dateRange')).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(() => parseStoredRange({ preset: 'TODAY', to: '2026-03-31' }, 'dateRange')).toThrow('dateRange: give either preset or from and to, not both');
    expect(() => parseStoredRange({ from: '2026-03-01' }, 'dateRange')).toThrow('dateRange.to: is required without a preset');
    expect(() => parseStoredRange({}, 'dateRange')).toThrow('dateRange.from: is required without a preset');
    expect(() => parseStoredRange({ from: '2026-03-02', to: '2026-03-01' }, 'dateRange')).toThrow('dateRange.to: must not be before from (2026-03-02)');
  });
});
