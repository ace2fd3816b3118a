import { DateTime, IANAZone } from 'luxon';
import { BadInput, assertNever } from '../errors';

/**
 * Local calendar arithmetic for reports (docs/metrics.md). Bucket edges are computed here,
 * in TypeScript, and bound into SQL as UTC instants: MariaDB ships with empty timezone tables, so
 * the database is never asked to convert zones, and both dialects group by the same edges.
 */

export const GRANULARITIES = ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** Inclusive local dates, `YYYY-MM-DD`. */
export interface LocalDateRange {
  from: string;
  to: string;
}

/** One time bucket, clipped to the range: `[start, end)` in UTC; `value` is the bucket's own first day. */
export interface TimeBucket {
  value: string;
  start: Date;
  end: Date;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reports cover 1900 to 9998: every bucket of a date then has a first day that is a four-digit-year date too. */
export const FIRST_DATE = '1900-01-01';
export const LAST_DATE = '9998-12-31';

/** A `YYYY-MM-DD` that is a real calendar date; `field` names the input in the error. */
export function parseLocalDate(value: string, field: string): string {
  const match = LOCAL_DATE.exec(value);
  const date = match && DateTime.fromObject({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }, { zone: 'UTC' });
  if (!date || !date.isValid) throw new BadInput(field, `${JSON.stringify(value)} is not a date in the form YYYY-MM-DD`);
  if (value < FIRST_DATE || value > LAST_DATE) throw new BadInput(field, `${value} is outside the dates reports cover (${FIRST_DATE} to ${LAST_DATE})`);
  return value;
}

/** An IANA zone name such as `Europe/Amsterdam`, in its canonical spelling; `field` names the input in the error. */
export function parseTimezone(value: string, field: string): string {
  const known = VALID_ZONES.get(value);
  if (known) return known;
  // luxon checks a zone by building an Intl.DateTimeFormat: costly on every request, so the
  // answer for a valid name is kept (there are a few hundred); invalid names are not kept.
  if (!IANAZone.isValidZone(value)) throw new BadInput(field, `${JSON.stringify(value)} is not an IANA time zone (e.g. Europe/Amsterdam)`);
  // `europe/amsterdam` is valid too; store and report the name as the tz database writes it.
  const canonical = CANONICAL_ZONES.get(value.toLowerCase()) ?? value;
  VALID_ZONES.set(value, canonical);
  return canonical;
}

const VALID_ZONES = new Map<string, string>();

const CANONICAL_ZONES = new Map(['UTC', ...Intl.supportedValuesOf('timeZone')].map((zone) => [zone.toLowerCase(), zone]));

/** Both dates valid and `to` not before `from`. */
export function parseDateRange(range: LocalDateRange, field: string): LocalDateRange {
  const from = parseLocalDate(range.from, `${field}.from`);
  const to = parseLocalDate(range.to, `${field}.to`);
  if (to < from) throw new BadInput(`${field}.to`, `must not be before from (${from})`);
  return { from, to };
}

function localDay(day: string, timezone: string): DateTime {
  return DateTime.fromISO(day, { zone: timezone });
}

/**
 * The instant a local day begins. Luxon resolves a midnight that DST skips (e.g. in
 * America/Santiago) to the first instant that exists that day.
 */
export function startOfLocalDay(day: string, timezone: string): Date {
  return localDay(day, timezone).startOf('day').toJSDate();
}

export function addDays(day: string, days: number): string {
  return DateTime.fromISO(day, { zone: 'UTC' }).plus({ days }).toISODate() as string;
}

/** The half-open UTC span `[start, end)` of a range of whole local days. */
export function rangeInstants(range: LocalDateRange, timezone: string): { start: Date; end: Date } {
  return { start: startOfLocalDay(range.from, timezone), end: startOfLocalDay(addDays(range.to, 1), timezone) };
}

/** The first local day of the bucket that holds `day`; weeks start on Monday. */
export function bucketStart(day: string, granularity: Granularity): string {
  const date = DateTime.fromISO(day, { zone: 'UTC' });
  switch (granularity) {
    case 'DAY': return day;
    case 'WEEK': return date.startOf('week').toISODate() as string; // Luxon weeks are ISO weeks: Monday first
    case 'MONTH': return date.startOf('month').toISODate() as string;
    case 'QUARTER': return date.startOf('quarter').toISODate() as string;
    case 'YEAR': return date.startOf('year').toISODate() as string;
    default: return assertNever(granularity);
  }
}

function nextBucketStart(first: string, granularity: Granularity): string {
  const date = DateTime.fromISO(first, { zone: 'UTC' });
  switch (granularity) {
    case 'DAY': return date.plus({ days: 1 }).toISODate() as string;
    case 'WEEK': return date.plus({ weeks: 1 }).toISODate() as string;
    case 'MONTH': return date.plus({ months: 1 }).toISODate() as string;
    case 'QUARTER': return date.plus({ months: 3 }).toISODate() as string;
    case 'YEAR': return date.plus({ years: 1 }).toISODate() as string;
    default: return assertNever(granularity);
  }
}

/** At most this many buckets per report: ten years of days. */
export const MAX_BUCKETS = 3700;

const DAY_MS = 86_400_000;

/** How many buckets overlap the range, by calendar arithmetic alone (no time zone, no Luxon). */
export function bucketCount(range: LocalDateRange, granularity: Granularity): number {
  const [fromYear, fromMonth] = range.from.split('-').map(Number);
  const [toYear, toMonth] = range.to.split('-').map(Number);
  const days = (from: string) => (Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;
  switch (granularity) {
    case 'DAY': return days(range.from) + 1;
    case 'WEEK': return Math.floor(days(bucketStart(range.from, 'WEEK')) / 7) + 1;
    case 'MONTH': return (toYear - fromYear) * 12 + (toMonth - fromMonth) + 1;
    case 'QUARTER': return (toYear - fromYear) * 4 + Math.floor((toMonth - 1) / 3) - Math.floor((fromMonth - 1) / 3) + 1;
    case 'YEAR': return toYear - fromYear + 1;
    default: return assertNever(granularity);
  }
}

/**
 * Every bucket that overlaps the range, in time order. A partial bucket at either end keeps its own
 * first day as `value` but spans only the part inside the range. Edges are local midnights, so a
 * day bucket on a DST night is 23 or 25 hours long.
 */
export function timeBuckets(range: LocalDateRange, granularity: Granularity, timezone: string, field = 'granularity', advice = 'choose a coarser granularity or a shorter range'): TimeBucket[] {
  // Counted before any bucket is built: building the 3700 allowed ones costs about a second of
  // zone arithmetic, which a refused request must not spend (it blocks every other request).
  if (bucketCount(range, granularity) > MAX_BUCKETS) {
    throw new BadInput(field, `${granularity} buckets over ${range.from}..${range.to} exceed ${MAX_BUCKETS}; ${advice}`);
  }
  const buckets: TimeBucket[] = [];
  const last = addDays(range.to, 1);
  for (let first = bucketStart(range.from, granularity); first < last; first = nextBucketStart(first, granularity)) {
    const next = nextBucketStart(first, granularity);
    buckets.push({
      value: first,
      start: startOfLocalDay(first < range.from ? range.from : first, timezone),
      end: startOfLocalDay(next > last ? last : next, timezone),
    });
  }
  return buckets;
}

/**
 * Every whole bucket from the one that holds `range.from` to the one that holds `range.to`, none
 * clipped: the buckets of a date property the report does not select by, which group conversations
 * by their own local date wherever it falls.
 */
export function wholeBuckets(range: LocalDateRange, granularity: Granularity, timezone: string, advice?: string): TimeBucket[] {
  const last = addDays(nextBucketStart(bucketStart(range.to, granularity), granularity), -1);
  return timeBuckets({ from: bucketStart(range.from, granularity), to: last }, granularity, timezone, 'granularity', advice);
}

/** Today's local date in a zone (for presets such as LAST_7_DAYS). */
export function todayIn(timezone: string, now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone: timezone }).toISODate() as string;
}

/** The local date of an instant in a zone. */
export function localDateOf(instant: Date, timezone: string): string {
  return DateTime.fromJSDate(instant, { zone: timezone }).toISODate() as string;
}

/**
 * A zone's UTC offset over a span, as the offset in force at its start and each change after it:
 * what turns an instant into a local hour or weekday in SQL without the database's zone tables.
 * Offsets are whole seconds (every zone in use today is on whole minutes).
 */
export interface OffsetTable {
  /** Offset in seconds before the first change. */
  initial: number;
  /** Each change: from `at` on, local time is UTC + `offset` seconds. */
  changes: { at: Date; offset: number }[];
}

const YEAR_CHANGES = new Map<string, { at: Date; offset: number }[]>();

function offsetSeconds(zone: IANAZone, ms: number): number {
  return Math.round(zone.offset(ms) * 60);
}

/**
 * The offset changes of one calendar year (UTC), found by sampling every 6 hours and bisecting to
 * the millisecond where the offset changes; kept per zone and year. No zone changes its offset twice
 * within 6 hours.
 */
function changesInYear(timezone: string, year: number): { at: Date; offset: number }[] {
  const key = `${timezone}:${year}`;
  const cached = YEAR_CHANGES.get(key);
  if (cached) return cached;
  const zone = IANAZone.create(timezone);
  const changes: { at: Date; offset: number }[] = [];
  const end = Date.UTC(year + 1, 0, 1);
  const step = 6 * 3_600_000;
  for (let t = Date.UTC(year, 0, 1); t < end; t += step) {
    const next = Math.min(t + step, end);
    const before = offsetSeconds(zone, t);
    if (offsetSeconds(zone, next) === before) continue;
    let [lo, hi] = [t, next]; // offset(lo) = before, offset(hi) differs
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetSeconds(zone, mid) === before) lo = mid;
      else hi = mid;
    }
    changes.push({ at: new Date(hi), offset: offsetSeconds(zone, hi) });
  }
  YEAR_CHANGES.set(key, changes);
  return changes;
}

/** The offsets of a zone from `start` to `end` (inclusive), by whole UTC years. */
export function offsetTable(timezone: string, start: Date, end: Date): OffsetTable {
  const zone = IANAZone.create(timezone);
  const first = start.getUTCFullYear();
  const changes: { at: Date; offset: number }[] = [];
  for (let year = first; year <= end.getUTCFullYear(); year++) changes.push(...changesInYear(timezone, year));
  return { initial: offsetSeconds(zone, Date.UTC(first, 0, 1)), changes: changes.filter((c, i) => c.offset !== (i === 0 ? offsetSeconds(zone, Date.UTC(first, 0, 1)) : changes[i - 1].offset)) };
}
