/**
 * ISO 8601 with an offset, the import schema's `instant` spelling, for any year from 1900 to 9999
 * (report filters reach further back and ahead than imported data may); its groups are year,
 * month, day, hour, minute, second, fraction, Z, sign, offset hours, offset minutes.
 */
const INSTANT_PATTERN = /^(19\d\d|[2-9]\d\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:[.,](\d+))?)?(?:([Zz])|([+-])([01]\d|2[0-3])(?::?([0-5]\d))?)$/u;

/**
 * Parses an ISO 8601 instant with an offset (Z, +hh:mm, +hhmm or +hh; seconds and fraction
 * optional), as the import schema's `instant` pattern spells it; returns null when it is not one or
 * not a real date. Fraction digits beyond milliseconds are truncated, not rounded (instants are
 * stored with millisecond precision, and rounding could carry into the next day).
 */
export function parseInstant(text: string): Date | null {
  // Called for every message of every imported line: no intermediate arrays or Dates.
  const m = INSTANT_PATTERN.exec(text);
  if (!m) return null;
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  const hour = +m[4];
  const minute = +m[5];
  const second = m[6] === undefined ? 0 : +m[6];
  const fraction = m[7];
  const millis = fraction === undefined ? 0 : fraction.length >= 3 ? +fraction.slice(0, 3) : +fraction * 10 ** (3 - fraction.length);
  // The pattern bounds every field (year from 1900, hour to 23...) but cannot know how long a month is.
  if (day > daysInMonth(year, month)) return null;
  let offsetMinutes = 0;
  if (m[8] === undefined) {
    const om = m[11] === undefined ? 0 : +m[11];
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (+m[10] * 60 + om);
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
  // Only 9999-12-31T23:59 with a negative offset can spill over into year 10000.
  return utc >= YEAR_10000 ? null : new Date(utc);
}

const YEAR_10000 = Date.UTC(10000, 0, 1);
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}
