import { DateTime } from 'luxon';
import { Connection } from 'mysql2/promise';
import { LocalDateRange } from '../src/calendar/time';

/**
 * The baseline of every standard report: the SQL a developer would write by hand for MariaDB,
 * straight from docs/metrics.md and the schema, run through mysql2 without any Threadline
 * code. Local dates become UTC instants here (with luxon) because MariaDB's timezone tables may be
 * empty. The results are compared with the server's, so the baseline provably computes the same.
 */

/** A report result reduced to what both sides must agree on. */
export interface ComparableRow {
  values: (string | null)[];
  labels: string[];
  measures: (number | null)[];
}

interface RawRow {
  value: string | null;
  label: string | null;
  measure: number | string | null;
}

export interface HandWrittenReport {
  sql: string;
  params: unknown[];
  /** Turns the rows into the report's shape (labels for no value, seconds, bucket dates). */
  rows(raw: RawRow[]): ComparableRow[];
}

type Builder = (accountId: number, range: LocalDateRange, timezone: string) => HandWrittenReport;

/** `[start, end)` in UTC of whole local days `from`..`to`. */
export function utcSpan(range: LocalDateRange, timezone: string): { start: Date; end: Date } {
  return {
    start: DateTime.fromISO(range.from, { zone: timezone }).startOf('day').toJSDate(),
    end: DateTime.fromISO(range.to, { zone: timezone }).plus({ days: 1 }).startOf('day').toJSDate(),
  };
}

const number = (value: number | string | null) => (value === null ? null : Number(value));
const ms = (value: number | string | null) => (value === null ? null : Number(value) / 1000);

/**
 * Groups by one column of a channel's conversations in the range, then looks up the names of the
 * (few) groups: aggregating first keeps the join off the million-row side.
 */
function grouped(options: {
  channel: 'CHAT' | 'EMAIL';
  column: string;
  measure: string;
  dateColumn: 'created_at' | 'closed_at';
  where?: string;
  directory?: 'agents' | 'inboxes' | 'chatflows';
  noValue: string;
  seconds?: boolean;
}): Builder {
  return (accountId, range, timezone) => {
    const { start, end } = utcSpan(range, timezone);
    const { channel, column, measure, dateColumn, where, directory, noValue } = options;
    const inner = `SELECT ${column} AS value, ${measure} AS measure FROM conversations
      WHERE account_id = ? AND channel = ? AND ${dateColumn} >= ? AND ${dateColumn} < ?${where ? ` AND ${where}` : ''}
      GROUP BY ${column}`;
    const sql = directory
      ? `SELECT g.value, d.name AS label, g.measure FROM (${inner}) g
         LEFT JOIN ${directory} d ON d.account_id = ? AND d.external_id = g.value ORDER BY g.measure DESC`
      : `SELECT g.value, g.value AS label, g.measure FROM (${inner}) g ORDER BY g.measure DESC`;
    return {
      sql,
      params: directory ? [accountId, channel, start, end, accountId] : [accountId, channel, start, end],
      rows: (raw) =>
        raw.map((r) => ({
          values: [r.value],
          labels: [r.value === null ? noValue : (r.label ?? r.value)],
          measures: [options.seconds ? ms(r.measure) : number(r.measure)],
        })),
    };
  };
}

const volumeBy = (channel: 'CHAT' | 'EMAIL', column: string, directory: 'agents' | 'chatflows' | undefined, noValue: string) =>
  grouped({ channel, column, measure: 'COUNT(*)', dateColumn: 'created_at', directory, noValue });
const averageByAssignee = (channel: 'CHAT' | 'EMAIL', column: string, dateColumn: 'created_at' | 'closed_at') =>
  grouped({ channel, column: 'assignee_id', measure: `AVG(${column})`, dateColumn, directory: 'agents', noValue: 'Unassigned', seconds: true });
const closedByAssignee = (channel: 'CHAT' | 'EMAIL') =>
  grouped({ channel, column: 'assignee_id', measure: 'COUNT(*)', dateColumn: 'closed_at', where: "status = 'CLOSED'", directory: 'agents', noValue: 'Unassigned' });

/** First response time ranges of chat-first-response-time-distribution, as written in its description. */
const RESPONSE_RANGES: [string, string, number | null][] = [
  ['UNDER_1_MIN', '< 1 min', 60_000],
  ['1_TO_5_MIN', '1–5 min', 300_000],
  ['5_TO_15_MIN', '5–15 min', 900_000],
  ['15_TO_60_MIN', '15–60 min', 3_600_000],
  ['1_TO_4_HOURS', '1–4 h', 14_400_000],
  ['4_TO_24_HOURS', '4–24 h', 86_400_000],
  ['OVER_24_HOURS', '> 24 h', null],
];

const responseTimeDistribution: Builder = (accountId, range, timezone) => {
  const { start, end } = utcSpan(range, timezone);
  const cases = RESPONSE_RANGES.map(([value, , below]) => (below === null ? `ELSE '${value}'` : `WHEN first_response_ms < ${below} THEN '${value}'`)).join(' ');
  return {
    sql: `SELECT CASE ${cases} END AS value, NULL AS label, COUNT(*) AS measure FROM conversations
      WHERE account_id = ? AND channel = 'CHAT' AND created_at >= ? AND created_at < ? AND first_response_ms IS NOT NULL
      GROUP BY value`,
    params: [accountId, start, end],
    rows: (raw) =>
      raw.map((r) => ({
        values: [r.value],
        labels: [RESPONSE_RANGES.find(([value]) => value === r.value)?.[1] ?? String(r.value)],
        measures: [number(r.measure)],
      })),
  };
};

/**
 * Weekly buckets (weeks start on Monday, local midnights), clipped to the range. The bucket edges
 * are computed here and passed in: a CASE finds each row's week by its first edge above it; weeks
 * without conversations are added with 0. (A derived table of [start, end) edges joined to the
 * conversations gives the same numbers but MariaDB scans the account once per week: 20x slower.)
 */
const emailVolumeByWeek: Builder = (accountId, range, timezone) => {
  const buckets: { value: string; end: Date }[] = [];
  const from = DateTime.fromISO(range.from, { zone: timezone }).startOf('day');
  const last = DateTime.fromISO(range.to, { zone: timezone }).plus({ days: 1 }).startOf('day');
  for (let week = from.startOf('week'); week < last; week = week.plus({ weeks: 1 })) {
    const next = week.plus({ weeks: 1 });
    buckets.push({ value: week.toISODate() as string, end: (next > last ? last : next).toJSDate() });
  }
  return {
    sql: `SELECT CASE ${buckets.map(() => 'WHEN created_at < ? THEN ?').join(' ')} END AS value, NULL AS label, COUNT(*) AS measure
      FROM conversations
      WHERE account_id = ? AND channel = 'EMAIL' AND created_at >= ? AND created_at < ?
      GROUP BY value`,
    params: [...buckets.flatMap((b) => [b.end, b.value]), accountId, from.toJSDate(), last.toJSDate()],
    rows: (raw) => {
      const counts = new Map(raw.map((r) => [r.value, number(r.measure)]));
      return buckets.map((b) => ({ values: [b.value], labels: [b.value], measures: [counts.get(b.value) ?? 0] }));
    },
  };
};

const openEmailsByInbox: Builder = grouped({
  channel: 'EMAIL', column: 'inbox_id', measure: 'COUNT(*)', dateColumn: 'created_at', where: "status = 'OPEN'", directory: 'inboxes', noValue: '(No value)',
});

export const HAND_WRITTEN: Readonly<Record<string, Builder>> = {
  'chat-volume-by-assignee': volumeBy('CHAT', 'assignee_id', 'agents', 'Unassigned'),
  'chat-volume-by-page-url': volumeBy('CHAT', 'page_url', undefined, '(No value)'),
  'chat-response-time-by-assignee': averageByAssignee('CHAT', 'first_response_ms', 'created_at'),
  'chat-time-to-close-by-assignee': averageByAssignee('CHAT', 'time_to_close_ms', 'closed_at'),
  'chats-closed-by-assignee': closedByAssignee('CHAT'),
  'chat-volume-by-chatflow': volumeBy('CHAT', 'chatflow_id', 'chatflows', '(No value)'),
  'email-volume-by-assignee': volumeBy('EMAIL', 'assignee_id', 'agents', 'Unassigned'),
  'email-response-time-by-assignee': averageByAssignee('EMAIL', 'first_response_ms', 'created_at'),
  'emails-closed-by-assignee': closedByAssignee('EMAIL'),
  'email-time-to-close-by-assignee': averageByAssignee('EMAIL', 'time_to_close_ms', 'closed_at'),
  'email-volume-over-time': emailVolumeByWeek,
  'open-emails-by-inbox': openEmailsByInbox,
  'chat-first-response-time-distribution': responseTimeDistribution,
};

export function handWritten(reportId: string, accountId: number, range: LocalDateRange, timezone: string): HandWrittenReport | null {
  const build = HAND_WRITTEN[reportId];
  return build ? build(accountId, range, timezone) : null;
}

export async function runHandWritten(connection: Connection, report: HandWrittenReport): Promise<ComparableRow[]> {
  const [rows] = await connection.query(report.sql, report.params);
  return report.rows(rows as RawRow[]);
}
