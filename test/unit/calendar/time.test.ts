import fc from 'fast-check';
import { DateTime } from 'luxon';
import { BadInput } from '../../../src/errors';
import {
  addDays,
  bucketCount,
  bucketStart,
  offsetTable,
  Granularity,
  GRANULARITIES,
  MAX_BUCKETS,
  parseDateRange,
  parseLocalDate,
  parseTimezone,
  rangeInstants,
  startOfLocalDay,
  TimeBucket,
  timeBuckets,
} from '../../../src/calendar/time';

/** The BadInput a call throws, reduced to what a caller sees; fails the test if it returns. */
function badInput(call: () => unknown): { code: unknown; field: string; message: string } {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(BadInput);
    const bad = error as BadInput;
    return { code: bad.extensions.code, field: bad.field, message: bad.message };
  }
  throw new Error('expected a BadInput, but the call returned');
}

const iso = (instant: Date) => instant.toISOString();
const buckets = (list: TimeBucket[]) => list.map((b) => ({ value: b.value, start: iso(b.start), end: iso(b.end) }));
const hours = (list: TimeBucket[]) => list.map((b) => (b.end.getTime() - b.start.getTime()) / 3_600_000);

describe('parseLocalDate', () => {
  it.each(['2026-03-01', '2026-12-31', '2028-02-29', '2000-02-29', '1900-01-01', '9998-12-31'])('accepts %s as it is', (value) => {
    expect(parseLocalDate(value, 'dateRange.from')).toBe(value);
  });

  it.each([
    ['2026-02-30'], // not a calendar date
    ['2026-02-29'], // 2026 is no leap year
    ['1900-02-29'], // nor is 1900
    ['2026-13-01'],
    ['2026-00-10'],
    ['2026-04-31'],
    ['2026-2-3'], // digits must be padded
    ['2026-03-1'],
    [''],
    [' 2026-03-01'],
    ['2026-03-01 '],
    ['2026-03-01T00:00'],
    ['2026/03/01'],
    ['20260-03-01'],
  ])('rejects %j, naming the field', (value) => {
    expect(badInput(() => parseLocalDate(value, 'dateRange.from'))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'dateRange.from',
      message: `dateRange.from: ${JSON.stringify(value)} is not a date in the form YYYY-MM-DD`,
    });
  });

  it.each(['1899-12-31', '9999-12-31'])('rejects %s as outside the dates reports cover, saying so', (value) => {
    expect(badInput(() => parseLocalDate(value, 'dateRange.to'))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'dateRange.to',
      message: `dateRange.to: ${value} is outside the dates reports cover (1900-01-01 to 9998-12-31)`,
    });
  });
});

describe('parseTimezone', () => {
  it.each(['Europe/Amsterdam', 'America/New_York', 'Asia/Kolkata', 'America/Santiago', 'UTC', 'Etc/GMT+5'])('accepts %s as it is', (zone) => {
    expect(parseTimezone(zone, 'timezone')).toBe(zone);
  });

  it.each([['europe/amsterdam', 'Europe/Amsterdam'], ['utc', 'UTC'], ['AMERICA/NEW_YORK', 'America/New_York']])('spells %s the way the tz database does', (given, canonical) => {
    expect(parseTimezone(given, 'timezone')).toBe(canonical);
  });

  it.each(['Mars/Olympus_Mons', 'Europe/Amsterdamm', '', '+05:00', 'UTC+1', 'local', 'system'])('rejects %j, naming the field', (zone) => {
    expect(badInput(() => parseTimezone(zone, 'input.timezone'))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.timezone',
      message: `input.timezone: ${JSON.stringify(zone)} is not an IANA time zone (e.g. Europe/Amsterdam)`,
    });
  });
});

describe('parseDateRange', () => {
  it('returns a range whose dates are valid and in order, including a single day', () => {
    expect(parseDateRange({ from: '2026-03-01', to: '2026-03-31' }, 'dateRange')).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(parseDateRange({ from: '2026-03-29', to: '2026-03-29' }, 'dateRange')).toEqual({ from: '2026-03-29', to: '2026-03-29' });
    expect(parseDateRange({ from: '2025-12-31', to: '2026-01-01' }, 'dateRange')).toEqual({ from: '2025-12-31', to: '2026-01-01' });
  });

  it('names <field>.to when to is before from', () => {
    expect(badInput(() => parseDateRange({ from: '2026-03-31', to: '2026-03-01' }, 'input.dateRange'))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.dateRange.to',
      message: 'input.dateRange.to: must not be before from (2026-03-31)',
    });
  });

  it('names <field>.from and <field>.to for a date that is not one', () => {
    expect(badInput(() => parseDateRange({ from: '2026-02-30', to: '2026-03-01' }, 'dateRange'))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'dateRange.from',
      message: 'dateRange.from: "2026-02-30" is not a date in the form YYYY-MM-DD',
    });
    expect(badInput(() => parseDateRange({ from: '2026-03-01', to: '2026-3-31' }, 'dateRange'))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'dateRange.to',
      message: 'dateRange.to: "2026-3-31" is not a date in the form YYYY-MM-DD',
    });
  });
});

describe('startOfLocalDay', () => {
  it.each([
    // Amsterdam springs forward on 2026-03-29 (02:00 CET -> 03:00 CEST) and falls back on 2026-10-25.
    ['2026-03-28', 'Europe/Amsterdam', '2026-03-27T23:00:00.000Z'],
    ['2026-03-29', 'Europe/Amsterdam', '2026-03-28T23:00:00.000Z'],
    ['2026-03-30', 'Europe/Amsterdam', '2026-03-29T22:00:00.000Z'],
    ['2026-10-25', 'Europe/Amsterdam', '2026-10-24T22:00:00.000Z'],
    ['2026-10-26', 'Europe/Amsterdam', '2026-10-25T23:00:00.000Z'],
    // New York springs forward on 2026-03-08 and falls back on 2026-11-01, both at 02:00 local.
    ['2026-03-08', 'America/New_York', '2026-03-08T05:00:00.000Z'],
    ['2026-03-09', 'America/New_York', '2026-03-09T04:00:00.000Z'],
    ['2026-11-01', 'America/New_York', '2026-11-01T04:00:00.000Z'],
    ['2026-11-02', 'America/New_York', '2026-11-02T05:00:00.000Z'],
    ['2026-03-01', 'Asia/Kolkata', '2026-02-28T18:30:00.000Z'],
    ['2026-03-01', 'UTC', '2026-03-01T00:00:00.000Z'],
  ])('%s in %s starts at %s', (day, zone, expected) => {
    expect(iso(startOfLocalDay(day, zone))).toBe(expected);
  });

  // Santiago's clocks jump from 00:00 -04 to 01:00 -03 on 2026-09-06, Havana's from 00:00 -05 to
  // 01:00 -04 on 2026-03-08: midnight does not exist, and the day starts at the first instant that does.
  it.each([
    ['2026-09-06', 'America/Santiago', '2026-09-06T04:00:00.000Z', '2026-09-06T01:00:00.000-03:00', '2026-09-05T23:59:59.999-04:00'],
    ['2026-03-08', 'America/Havana', '2026-03-08T05:00:00.000Z', '2026-03-08T01:00:00.000-04:00', '2026-03-07T23:59:59.999-05:00'],
  ])('%s in %s, whose midnight is skipped, starts at its first existing instant %s', (day, zone, expected, localStart, localBefore) => {
    const start = startOfLocalDay(day, zone);
    expect(iso(start)).toBe(expected);
    expect(DateTime.fromJSDate(start, { zone }).toISO()).toBe(localStart);
    expect(DateTime.fromMillis(start.getTime() - 1, { zone }).toISO()).toBe(localBefore);
  });
});

describe('rangeInstants', () => {
  it.each([
    // A single DST day: 23 h in spring, 25 h in autumn.
    [{ from: '2026-03-29', to: '2026-03-29' }, 'Europe/Amsterdam', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z'],
    [{ from: '2026-10-25', to: '2026-10-25' }, 'Europe/Amsterdam', '2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z'],
    [{ from: '2026-03-08', to: '2026-03-08' }, 'America/New_York', '2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z'],
    [{ from: '2026-11-01', to: '2026-11-01' }, 'America/New_York', '2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z'],
    [{ from: '2026-09-06', to: '2026-09-06' }, 'America/Santiago', '2026-09-06T04:00:00.000Z', '2026-09-07T03:00:00.000Z'],
    [{ from: '2026-03-01', to: '2026-03-31' }, 'Europe/Amsterdam', '2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z'],
    [{ from: '2026-03-01', to: '2026-03-31' }, 'Asia/Kolkata', '2026-02-28T18:30:00.000Z', '2026-03-31T18:30:00.000Z'],
    // The end is the next local midnight, across the month and the year end.
    [{ from: '2025-12-01', to: '2025-12-31' }, 'UTC', '2025-12-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'],
    [{ from: '2028-02-01', to: '2028-02-29' }, 'America/New_York', '2028-02-01T05:00:00.000Z', '2028-03-01T05:00:00.000Z'],
  ])('%j in %s is [%s, %s)', (range, zone, start, end) => {
    const instants = rangeInstants(range, zone);
    expect({ start: iso(instants.start), end: iso(instants.end) }).toEqual({ start, end });
  });
});

describe('bucketStart', () => {
  it.each<[string, Granularity, string]>([
    ['2026-03-29', 'DAY', '2026-03-29'],
    ['2026-02-28', 'DAY', '2026-02-28'],
    // Weeks start on Monday: 2026-03-02 is a Monday, 2026-03-08 the Sunday after it.
    ['2026-03-02', 'WEEK', '2026-03-02'],
    ['2026-03-04', 'WEEK', '2026-03-02'],
    ['2026-03-08', 'WEEK', '2026-03-02'],
    ['2026-03-09', 'WEEK', '2026-03-09'],
    ['2026-01-01', 'WEEK', '2025-12-29'],
    ['2027-01-03', 'WEEK', '2026-12-28'],
    ['2026-03-01', 'WEEK', '2026-02-23'],
    ['2026-03-01', 'MONTH', '2026-03-01'],
    ['2026-03-31', 'MONTH', '2026-03-01'],
    ['2028-02-29', 'MONTH', '2028-02-01'],
    ['2026-12-31', 'MONTH', '2026-12-01'],
    // Quarters start in January, April, July and October.
    ['2026-01-01', 'QUARTER', '2026-01-01'],
    ['2026-03-31', 'QUARTER', '2026-01-01'],
    ['2026-04-01', 'QUARTER', '2026-04-01'],
    ['2026-06-30', 'QUARTER', '2026-04-01'],
    ['2026-07-15', 'QUARTER', '2026-07-01'],
    ['2026-09-30', 'QUARTER', '2026-07-01'],
    ['2026-10-01', 'QUARTER', '2026-10-01'],
    ['2026-12-31', 'QUARTER', '2026-10-01'],
    ['2026-01-01', 'YEAR', '2026-01-01'],
    ['2026-12-31', 'YEAR', '2026-01-01'],
  ])('%s in %s buckets starts on %s', (day, granularity, expected) => {
    expect(bucketStart(day, granularity)).toBe(expected);
  });
});

describe('timeBuckets', () => {
  it('gives the 23 h spring and 25 h autumn days of Amsterdam their true length', () => {
    const spring = timeBuckets({ from: '2026-03-28', to: '2026-03-30' }, 'DAY', 'Europe/Amsterdam');
    expect(buckets(spring)).toEqual([
      { value: '2026-03-28', start: '2026-03-27T23:00:00.000Z', end: '2026-03-28T23:00:00.000Z' },
      { value: '2026-03-29', start: '2026-03-28T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z' },
      { value: '2026-03-30', start: '2026-03-29T22:00:00.000Z', end: '2026-03-30T22:00:00.000Z' },
    ]);
    expect(hours(spring)).toEqual([24, 23, 24]);

    const autumn = timeBuckets({ from: '2026-10-24', to: '2026-10-26' }, 'DAY', 'Europe/Amsterdam');
    expect(buckets(autumn)).toEqual([
      { value: '2026-10-24', start: '2026-10-23T22:00:00.000Z', end: '2026-10-24T22:00:00.000Z' },
      { value: '2026-10-25', start: '2026-10-24T22:00:00.000Z', end: '2026-10-25T23:00:00.000Z' },
      { value: '2026-10-26', start: '2026-10-25T23:00:00.000Z', end: '2026-10-26T23:00:00.000Z' },
    ]);
    expect(hours(autumn)).toEqual([24, 25, 24]);
  });

  it('starts a day in Santiago at the first instant that exists when DST skips midnight', () => {
    expect(buckets(timeBuckets({ from: '2026-09-05', to: '2026-09-07' }, 'DAY', 'America/Santiago'))).toEqual([
      { value: '2026-09-05', start: '2026-09-05T04:00:00.000Z', end: '2026-09-06T04:00:00.000Z' },
      { value: '2026-09-06', start: '2026-09-06T04:00:00.000Z', end: '2026-09-07T03:00:00.000Z' },
      { value: '2026-09-07', start: '2026-09-07T03:00:00.000Z', end: '2026-09-08T03:00:00.000Z' },
    ]);
  });

  it('values a partial first week by its Monday but starts it at from, and clips the last week to the day after to', () => {
    // 2026-03-04 is a Wednesday, 2026-03-17 a Tuesday.
    expect(buckets(timeBuckets({ from: '2026-03-04', to: '2026-03-17' }, 'WEEK', 'Europe/Amsterdam'))).toEqual([
      { value: '2026-03-02', start: '2026-03-03T23:00:00.000Z', end: '2026-03-08T23:00:00.000Z' },
      { value: '2026-03-09', start: '2026-03-08T23:00:00.000Z', end: '2026-03-15T23:00:00.000Z' },
      { value: '2026-03-16', start: '2026-03-15T23:00:00.000Z', end: '2026-03-17T23:00:00.000Z' },
    ]);
  });

  it('ends a week that holds the DST night at the next local Monday midnight (167 h)', () => {
    const weeks = timeBuckets({ from: '2026-03-23', to: '2026-04-05' }, 'WEEK', 'Europe/Amsterdam');
    expect(buckets(weeks)).toEqual([
      { value: '2026-03-23', start: '2026-03-22T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z' },
      { value: '2026-03-30', start: '2026-03-29T22:00:00.000Z', end: '2026-04-05T22:00:00.000Z' },
    ]);
    expect(hours(weeks)).toEqual([167, 168]);
  });

  it('spans months across the year end, partial at both ends', () => {
    expect(buckets(timeBuckets({ from: '2025-11-15', to: '2026-02-10' }, 'MONTH', 'America/New_York'))).toEqual([
      { value: '2025-11-01', start: '2025-11-15T05:00:00.000Z', end: '2025-12-01T05:00:00.000Z' },
      { value: '2025-12-01', start: '2025-12-01T05:00:00.000Z', end: '2026-01-01T05:00:00.000Z' },
      { value: '2026-01-01', start: '2026-01-01T05:00:00.000Z', end: '2026-02-01T05:00:00.000Z' },
      { value: '2026-02-01', start: '2026-02-01T05:00:00.000Z', end: '2026-02-11T05:00:00.000Z' },
    ]);
  });

  it('spans quarters across the year end, partial at both ends', () => {
    expect(buckets(timeBuckets({ from: '2025-08-20', to: '2026-04-02' }, 'QUARTER', 'UTC'))).toEqual([
      { value: '2025-07-01', start: '2025-08-20T00:00:00.000Z', end: '2025-10-01T00:00:00.000Z' },
      { value: '2025-10-01', start: '2025-10-01T00:00:00.000Z', end: '2026-01-01T00:00:00.000Z' },
      { value: '2026-01-01', start: '2026-01-01T00:00:00.000Z', end: '2026-04-01T00:00:00.000Z' },
      { value: '2026-04-01', start: '2026-04-01T00:00:00.000Z', end: '2026-04-03T00:00:00.000Z' },
    ]);
  });

  it('spans years in a half-hour zone, partial at both ends', () => {
    expect(buckets(timeBuckets({ from: '2024-06-15', to: '2026-01-01' }, 'YEAR', 'Asia/Kolkata'))).toEqual([
      { value: '2024-01-01', start: '2024-06-14T18:30:00.000Z', end: '2024-12-31T18:30:00.000Z' },
      { value: '2025-01-01', start: '2024-12-31T18:30:00.000Z', end: '2025-12-31T18:30:00.000Z' },
      { value: '2026-01-01', start: '2025-12-31T18:30:00.000Z', end: '2026-01-01T18:30:00.000Z' },
    ]);
  });

  it.each<[Granularity, string]>([
    ['DAY', '2026-03-29'],
    ['WEEK', '2026-03-23'],
    ['MONTH', '2026-03-01'],
    ['QUARTER', '2026-01-01'],
    ['YEAR', '2026-01-01'],
  ])('gives a single-day range one %s bucket valued %s and spanning just that day', (granularity, value) => {
    expect(buckets(timeBuckets({ from: '2026-03-29', to: '2026-03-29' }, granularity, 'Europe/Amsterdam'))).toEqual([
      { value, start: '2026-03-28T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z' },
    ]);
  });

  it(`allows exactly ${MAX_BUCKETS} buckets and refuses one more, naming the field`, () => {
    const dayAfter = (days: number) => new Date(Date.UTC(2016, 0, 1 + days)).toISOString().slice(0, 10);
    const most = timeBuckets({ from: '2016-01-01', to: dayAfter(MAX_BUCKETS - 1) }, 'DAY', 'UTC');
    expect(most).toHaveLength(MAX_BUCKETS);
    expect(most[MAX_BUCKETS - 1].value).toBe(dayAfter(MAX_BUCKETS - 1));

    const to = dayAfter(MAX_BUCKETS);
    expect(badInput(() => timeBuckets({ from: '2016-01-01', to }, 'DAY', 'UTC'))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'granularity',
      message: `granularity: DAY buckets over 2016-01-01..${to} exceed ${MAX_BUCKETS}; choose a coarser granularity or a shorter range`,
    });
    expect(badInput(() => timeBuckets({ from: '2016-01-01', to }, 'DAY', 'UTC', 'input.granularity')).field).toBe('input.granularity');
    // The same range is fine by week.
    expect(timeBuckets({ from: '2016-01-01', to }, 'WEEK', 'UTC')).toHaveLength(530);
  });

  it('counts the buckets of a range as timeBuckets builds them, for every granularity', () => {
    const day = fc.date({ min: new Date('1900-01-01'), max: new Date('9990-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const range = fc.tuple(day, fc.integer({ min: 0, max: 800 })).map(([from, days]) => ({ from, to: addDays(from, days) }));
    fc.assert(fc.property(range, fc.constantFrom(...GRANULARITIES), (r, granularity) => {
      expect(bucketCount(r, granularity)).toBe(timeBuckets(r, granularity, 'UTC').length);
    }), { seed: 9, numRuns: 100 });
  });

  // Found by the fuzz suite: refusing 4,800 years by quarter took 4 s of zone arithmetic on the
  // server's one thread (the buckets were built, up to the cap, before the refusal).
  it('refuses too many buckets before building any', () => {
    const fromISO = jest.spyOn(DateTime, 'fromISO');
    try {
      for (const granularity of GRANULARITIES) {
        fromISO.mockClear();
        expect(badInput(() => timeBuckets({ from: '1900-01-01', to: '9998-12-31' }, granularity, 'Etc/GMT+12')).code).toBe('BAD_USER_INPUT');
        // A bucket takes several; counting them takes at most one (the week's Monday).
        expect([granularity, fromISO.mock.calls.length <= 1]).toEqual([granularity, true]);
      }
    } finally {
      fromISO.mockRestore();
    }
  });

  // The loop compares ISO date strings; the last date parseLocalDate accepts keeps every bucket edge a four-digit year.
  it('gives buckets for a range ending on 9998-12-31, the last date parseLocalDate accepts', () => {
    expect(buckets(timeBuckets({ from: '9998-12-30', to: '9998-12-31' }, 'DAY', 'UTC'))).toEqual([
      { value: '9998-12-30', start: '9998-12-30T00:00:00.000Z', end: '9998-12-31T00:00:00.000Z' },
      { value: '9998-12-31', start: '9998-12-31T00:00:00.000Z', end: '9999-01-01T00:00:00.000Z' },
    ]);
  });
});

describe('offsetTable', () => {
  it('finds the two changes of a year in Amsterdam and New York, to the instant', () => {
    expect(offsetTable('Europe/Amsterdam', new Date('2026-01-01T00:00:00Z'), new Date('2026-12-31T00:00:00Z'))).toEqual({
      initial: 3600,
      changes: [
        { at: new Date('2026-03-29T01:00:00Z'), offset: 7200 },
        { at: new Date('2026-10-25T01:00:00Z'), offset: 3600 },
      ],
    });
    expect(offsetTable('America/New_York', new Date('2026-06-01T00:00:00Z'), new Date('2026-06-02T00:00:00Z')).changes).toEqual([
      { at: new Date('2026-03-08T07:00:00Z'), offset: -4 * 3600 },
      { at: new Date('2026-11-01T06:00:00Z'), offset: -5 * 3600 },
    ]);
  });

  it('has no changes in a zone without daylight saving time, and quarter-hour offsets in Kathmandu', () => {
    expect(offsetTable('UTC', new Date('1990-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'))).toEqual({ initial: 0, changes: [] });
    expect(offsetTable('Asia/Kathmandu', new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'))).toEqual({ initial: 5 * 3600 + 45 * 60, changes: [] });
  });
});
