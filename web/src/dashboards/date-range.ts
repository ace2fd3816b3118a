/**
 * The date range picker's presets, worked out in the dashboard's time zone as the server does
 * (CONTRACT: "last N days" are the N whole days before today; "this" periods run to today).
 * The result is the local dates {from, to} a run takes.
 */
export interface LocalRange {
  from: string;
  to: string;
}

export const PRESETS = [
  ['TODAY', 'Today'],
  ['YESTERDAY', 'Yesterday'],
  ['THIS_WEEK', 'This week'],
  ['LAST_WEEK', 'Last week'],
  ['LAST_7_DAYS', 'Last 7 days'],
  ['LAST_14_DAYS', 'Last 14 days'],
  ['LAST_30_DAYS', 'Last 30 days'],
  ['THIS_MONTH', 'This month'],
  ['LAST_MONTH', 'Last month'],
  ['LAST_90_DAYS', 'Last 90 days'],
  ['THIS_QUARTER', 'This quarter'],
  ['LAST_QUARTER', 'Last quarter'],
  ['THIS_YEAR', 'This year'],
  ['LAST_YEAR', 'Last year'],
  ['LAST_365_DAYS', 'Last 365 days'],
] as const;
export type Preset = (typeof PRESETS)[number][0];

/** Today's local date in `timezone`, YYYY-MM-DD. */
export function today(timezone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => toDay(new Date(toDate(day).getTime() + n * 86_400_000));
const monthStart = (year: number, month: number) => toDay(new Date(Date.UTC(year, month, 1)));

export function presetRange(preset: Preset, timezone: string, now = new Date()): LocalRange {
  const t = today(timezone, now);
  const d = toDate(t);
  const [y, m] = [d.getUTCFullYear(), d.getUTCMonth()];
  const weekStart = addDays(t, -((d.getUTCDay() + 6) % 7));
  const quarter = Math.floor(m / 3) * 3;
  const lastDays = (n: number) => ({ from: addDays(t, -n), to: addDays(t, -1) });
  switch (preset) {
    case 'TODAY': return { from: t, to: t };
    case 'YESTERDAY': return { from: addDays(t, -1), to: addDays(t, -1) };
    case 'THIS_WEEK': return { from: weekStart, to: t };
    case 'LAST_WEEK': return { from: addDays(weekStart, -7), to: addDays(weekStart, -1) };
    case 'LAST_7_DAYS': return lastDays(7);
    case 'LAST_14_DAYS': return lastDays(14);
    case 'LAST_30_DAYS': return lastDays(30);
    case 'LAST_90_DAYS': return lastDays(90);
    case 'LAST_365_DAYS': return lastDays(365);
    case 'THIS_MONTH': return { from: monthStart(y, m), to: t };
    case 'LAST_MONTH': return { from: monthStart(y, m - 1), to: addDays(monthStart(y, m), -1) };
    case 'THIS_QUARTER': return { from: monthStart(y, quarter), to: t };
    case 'LAST_QUARTER': return { from: monthStart(y, quarter - 3), to: addDays(monthStart(y, quarter), -1) };
    case 'THIS_YEAR': return { from: monthStart(y, 0), to: t };
    case 'LAST_YEAR': return { from: monthStart(y - 1, 0), to: addDays(monthStart(y, 0), -1) };
  }
}

export function isPreset(value: string): value is Preset {
  return PRESETS.some(([key]) => key === value);
}

export function isLocalDate(value: string | null): value is string {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(toDate(value).getTime());
}
