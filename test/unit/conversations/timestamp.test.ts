import { parseInstant } from '../../../src/conversations/timestamp';

const iso = (text: string) => parseInstant(text)?.toISOString() ?? null;

describe('parseInstant', () => {
  it.each([
    ['2026-03-01T09:15:00Z', '2026-03-01T09:15:00.000Z'],
    ['2026-03-01T09:15:00.123Z', '2026-03-01T09:15:00.123Z'],
    ['2026-03-01t09:15:00z', '2026-03-01T09:15:00.000Z'],
    ['2026-03-01T09:15Z', '2026-03-01T09:15:00.000Z'],
    // Offsets are converted to UTC.
    ['2026-03-01T11:15:00+02:00', '2026-03-01T09:15:00.000Z'],
    ['2026-03-01T11:15:00+0200', '2026-03-01T09:15:00.000Z'],
    ['2026-03-01T11:15:00+02', '2026-03-01T09:15:00.000Z'],
    ['2026-03-01T03:45:00-05:30', '2026-03-01T09:15:00.000Z'],
    ['2026-03-01T09:15:00-00:00', '2026-03-01T09:15:00.000Z'],
    // Crossing midnight and the year end in either direction.
    ['2026-03-01T01:00:00+02:00', '2026-02-28T23:00:00.000Z'],
    ['2025-12-31T22:30:00-02:00', '2026-01-01T00:30:00.000Z'],
    // Fractions: shorter ones are scaled, longer ones truncated to the millisecond (never rounded).
    ['2026-03-01T09:15:00.5Z', '2026-03-01T09:15:00.500Z'],
    ['2026-03-01T09:15:00.05Z', '2026-03-01T09:15:00.050Z'],
    ['2026-03-01T09:15:00.123456789Z', '2026-03-01T09:15:00.123Z'],
    ['2026-03-01T09:15:00.9999Z', '2026-03-01T09:15:00.999Z'],
    ['2026-12-31T23:59:59.999999999999Z', '2026-12-31T23:59:59.999Z'],
    ['2026-03-01T09:15:00,25Z', '2026-03-01T09:15:00.250Z'],
    ['2026-03-01T11:15:00.123456+02:00', '2026-03-01T09:15:00.123Z'],
    // Leap years.
    ['2028-02-29T12:00:00Z', '2028-02-29T12:00:00.000Z'],
    ['2000-02-29T12:00:00Z', '2000-02-29T12:00:00.000Z'],
    ['2026-04-30T00:00:00Z', '2026-04-30T00:00:00.000Z'],
    ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
  ])('%s is %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it('keeps the millisecond exactly', () => {
    expect(parseInstant('2026-03-01T09:15:00.001Z')?.getTime()).toBe(Date.UTC(2026, 2, 1, 9, 15, 0, 1));
    expect(parseInstant('2026-03-01T10:15:00.999+01:00')?.getTime()).toBe(Date.UTC(2026, 2, 1, 9, 15, 0, 999));
  });

  it.each([
    ['no offset', '2026-03-01T09:15:00'],
    ['no offset, with fraction', '2026-03-01T09:15:00.123'],
    ['a date only', '2026-03-01'],
    ['no such day', '2026-02-30T10:00:00Z'],
    ['29 February of a common year', '2026-02-29T10:00:00Z'],
    ['29 February 2100 (not a leap year)', '2100-02-29T10:00:00Z'],
    ['31 April', '2026-04-31T10:00:00Z'],
    ['month 13', '2026-13-01T10:00:00Z'],
    ['month 0', '2026-00-10T10:00:00Z'],
    ['day 0', '2026-03-00T10:00:00Z'],
    ['hour 24', '2026-03-01T24:00:00Z'],
    ['minute 60', '2026-03-01T09:60:00Z'],
    ['second 60', '2026-03-01T09:15:60Z'],
    ['offset hour 24', '2026-03-01T09:15:00+24:00'],
    ['offset minute 60', '2026-03-01T09:15:00+01:60'],
    ['a space instead of T', '2026-03-01 09:15:00Z'],
    ['a dangling fraction point', '2026-03-01T09:15:00.Z'],
    ['one-digit fields', '2026-3-1T9:15:00Z'],
    ['a timezone name', '2026-03-01T09:15:00 Europe/Amsterdam'],
    ['trailing text', '2026-03-01T09:15:00Zx'],
    ['leading space', ' 2026-03-01T09:15:00Z'],
    ['an empty string', ''],
    ['a year before 1900', '1899-12-31T23:59:59Z'],
    ['beyond year 9999 once in UTC', '9999-12-31T23:30:00-01:00'],
    ['epoch seconds as text', '1772356500'],
  ])('rejects %s', (_reason, text) => {
    expect(parseInstant(text)).toBeNull();
  });
});
