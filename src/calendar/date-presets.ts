import { DateTime } from 'luxon';
import { assertNever, BadInput } from '../errors';
import { LocalDateRange, parseDateRange } from './time';

/**
 * Rolling date ranges a saved report or dashboard keeps (HubSpot's "Date range" picker). They are
 * stored as the preset, not as dates, and resolved in the run's timezone when the report runs.
 * "Last N days" are the N whole days before today; "this" periods run up to and including today.
 */
export const DATE_PRESETS = [
  'TODAY',
  'YESTERDAY',
  'THIS_WEEK',
  'LAST_WEEK',
  'LAST_7_DAYS',
  'LAST_14_DAYS',
  'LAST_30_DAYS',
  'LAST_90_DAYS',
  'LAST_365_DAYS',
  'THIS_MONTH',
  'LAST_MONTH',
  'THIS_QUARTER',
  'LAST_QUARTER',
  'THIS_YEAR',
  'LAST_YEAR',
] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

/** What a report or dashboard stores: a preset, or fixed local dates. */
export type StoredDateRange = { preset: DatePreset } | { from: string; to: string };

/** The local dates a preset covers on the local day of `now` in `timezone`. */
export function resolvePreset(preset: DatePreset, timezone: string, now: Date = new Date()): LocalDateRange {
  const today = DateTime.fromJSDate(now, { zone: timezone }).startOf('day');
  const span = (from: DateTime, to: DateTime): LocalDateRange => ({ from: from.toISODate() as string, to: to.toISODate() as string });
  const lastDays = (n: number) => span(today.minus({ days: n }), today.minus({ days: 1 }));
  const current = (unit: 'week' | 'month' | 'quarter' | 'year') => span(today.startOf(unit), today);
  const previous = (unit: 'week' | 'month' | 'quarter' | 'year') => {
    const start = today.startOf(unit).minus({ [`${unit}s`]: 1 });
    return span(start, start.endOf(unit));
  };
  switch (preset) {
    case 'TODAY': return span(today, today);
    case 'YESTERDAY': return lastDays(1);
    case 'THIS_WEEK': return current('week');
    case 'LAST_WEEK': return previous('week');
    case 'LAST_7_DAYS': return lastDays(7);
    case 'LAST_14_DAYS': return lastDays(14);
    case 'LAST_30_DAYS': return lastDays(30);
    case 'LAST_90_DAYS': return lastDays(90);
    case 'LAST_365_DAYS': return lastDays(365);
    case 'THIS_MONTH': return current('month');
    case 'LAST_MONTH': return previous('month');
    case 'THIS_QUARTER': return current('quarter');
    case 'LAST_QUARTER': return previous('quarter');
    case 'THIS_YEAR': return current('year');
    case 'LAST_YEAR': return previous('year');
    default: return assertNever(preset);
  }
}

/** A stored range as local dates for a run in `timezone`. */
export function resolveStoredRange(range: StoredDateRange, timezone: string, now?: Date): LocalDateRange {
  return 'preset' in range ? resolvePreset(range.preset, timezone, now) : range;
}

/** The input form `{preset}` or `{from, to}`, checked: exactly one of the two, dates valid and in order. */
export function parseStoredRange(input: { preset?: DatePreset | null; from?: string | null; to?: string | null }, field: string): StoredDateRange {
  const hasDates = input.from != null || input.to != null;
  if (input.preset && hasDates) throw new BadInput(field, 'give either preset or from and to, not both');
  if (input.preset) return { preset: input.preset };
  if (input.from == null) throw new BadInput(`${field}.from`, 'is required without a preset');
  if (input.to == null) throw new BadInput(`${field}.to`, 'is required without a preset');
  return parseDateRange({ from: input.from, to: input.to }, field);
}
