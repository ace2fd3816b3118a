// ISO 8601 / RFC 3339 date-time with a mandatory offset (Z, +hh:mm, +hhmm or +hh). Seconds and
// fractions are optional; fraction digits beyond milliseconds are truncated, not rounded
// (instants are stored with millisecond precision, and rounding could carry into the next day).
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$/;

/** Parses an ISO 8601 instant with an offset; returns null when it is not one (or not a real date). */
export function parseInstant(text: string): Date | null {
  // Called for every message of every imported line: no intermediate arrays or Dates.
  const m = ISO_INSTANT.exec(text);
  if (!m) return null;
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  const hour = +m[4];
  const minute = +m[5];
  const second = m[6] === undefined ? 0 : +m[6];
  const fraction = m[7];
  const millis = fraction === undefined ? 0 : fraction.length >= 3 ? +fraction.slice(0, 3) : +fraction * 10 ** (3 - fraction.length);
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (m[8] === undefined) {
    const oh = +m[10];
    const om = m[11] === undefined ? 0 : +m[11];
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
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
