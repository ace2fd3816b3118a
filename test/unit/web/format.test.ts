import { DATE_PRESETS, resolvePreset } from '../../../src/calendar/date-presets';
import { formatDuration, formatValue } from '../../../web/src/charts/format';
import { presetRange, today } from '../../../web/src/dashboards/date-range';

describe('how the web app writes numbers', () => {
  it.each([
    [0, '0s'],
    [45.4, '45s'],
    [59.6, '1m 00s'],
    [150.5, '2m 31s'],
    [3720, '1h 02m'],
    [86399, '23h 59m'],
    [3 * 86400 + 4 * 3600 + 59, '3d 4h'],
  ])('%s seconds read %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('writes counts as numbers and no value as a dash', () => {
    expect([formatValue(1234, 'COUNT'), formatValue(null, 'SECONDS'), formatValue(105.375, 'SECONDS')]).toEqual(['1,234', '—', '1m 45s']);
  });
});

describe('the date range picker\'s presets, in the dashboard\'s time zone', () => {
  // Wednesday 2026-04-01 00:30 in Amsterdam, still Tuesday March 31 in UTC and New York.
  const now = new Date('2026-03-31T22:30:00Z');

  it('take today in the zone', () => {
    expect([today('Europe/Amsterdam', now), today('UTC', now), today('America/New_York', now)]).toEqual(['2026-04-01', '2026-03-31', '2026-03-31']);
  });

  it.each([
    ['TODAY', { from: '2026-04-01', to: '2026-04-01' }],
    ['YESTERDAY', { from: '2026-03-31', to: '2026-03-31' }],
    ['THIS_WEEK', { from: '2026-03-30', to: '2026-04-01' }],
    ['LAST_WEEK', { from: '2026-03-23', to: '2026-03-29' }],
    ['LAST_7_DAYS', { from: '2026-03-25', to: '2026-03-31' }],
    ['LAST_30_DAYS', { from: '2026-03-02', to: '2026-03-31' }],
    ['THIS_MONTH', { from: '2026-04-01', to: '2026-04-01' }],
    ['LAST_MONTH', { from: '2026-03-01', to: '2026-03-31' }],
    ['THIS_QUARTER', { from: '2026-04-01', to: '2026-04-01' }],
    ['LAST_QUARTER', { from: '2026-01-01', to: '2026-03-31' }],
    ['THIS_YEAR', { from: '2026-01-01', to: '2026-04-01' }],
    ['LAST_YEAR', { from: '2025-01-01', to: '2025-12-31' }],
  ] as const)('%s in Amsterdam', (preset, range) => {
    expect(presetRange(preset, 'Europe/Amsterdam', now)).toEqual(range);
  });

  it('reads the same instant as March in New York', () => {
    expect(presetRange('THIS_MONTH', 'America/New_York', now)).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(presetRange('LAST_QUARTER', 'America/New_York', now)).toEqual({ from: '2025-10-01', to: '2025-12-31' });
  });
});

describe('the picker and the server agree on every preset', () => {
  const instants = ['2026-03-31T22:30:00Z', '2026-01-01T00:30:00Z', '2025-12-31T23:30:00Z', '2026-03-29T01:30:00Z', '2026-11-01T05:30:00Z', '2024-02-29T12:00:00Z'];
  const zones = ['Europe/Amsterdam', 'America/New_York', 'UTC', 'Pacific/Auckland'];
  it.each(zones)('in %s', (zone) => {
    for (const instant of instants) {
      for (const preset of DATE_PRESETS) {
        expect({ instant, preset, range: presetRange(preset, zone, new Date(instant)) }).toEqual({ instant, preset, range: resolvePreset(preset, zone, new Date(instant)) });
      }
    }
  });
});
