import { Connection } from 'mysql2/promise';
import { LocalDateRange } from '../src/calendar/time';
import { ApiReportResult, createDashboardRequest, DASHBOARD_NAME, DASHBOARDS_REQUEST, dashboardRequest, dashboardResults, GraphqlClient } from './graphql';
import { ComparableRow, handWritten, runHandWritten } from './raw-sql';
import { measure, Repetitions, Timing } from './stats';
import { comparable, differences } from './verify';

/** Redis for the cached configurations (shared report cache, and the change stamps that let a server hold tokens). */
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The server configurations measured, each in a server process of its own. */
export const CONFIGURATIONS = {
  /** Every report computed from the conversations table. */
  uncached: { THREADLINE_CACHE: 'off', THREADLINE_ROLLUPS: 'off' },
  /** Rollups on (the default), no result cache. */
  rollup: { THREADLINE_CACHE: 'off' },
  /** The result cache, but every request looks its token up in the database: the baseline of `cached`. */
  tokensFromDatabase: { REDIS_URL, THREADLINE_AUTH_CACHE: 'off' },
  /** The defaults with Redis: rollups, the result cache, tokens and data versions held in memory. */
  cached: { REDIS_URL },
} as const satisfies Record<string, Record<string, string>>;
export type Configuration = keyof typeof CONFIGURATIONS;

/** The six CHAT reports of the `chat-overview` dashboard template (docs/reports.md). */
export const CHAT_OVERVIEW = [
  'chat-volume-by-assignee', 'chat-volume-by-page-url', 'chat-response-time-by-assignee',
  'chat-time-to-close-by-assignee', 'chats-closed-by-assignee', 'chat-volume-by-chatflow',
] as const;

export interface ReportCase {
  id: string;
  /** `30d` or `365d`: days ending at the data's last local day. */
  range: string;
  dateRange: LocalDateRange;
}

export interface CaseTiming {
  server: Timing;
  result: ComparableRow[];
  /** The hand-written SQL, when measured with this configuration. */
  baseline?: { timing: Timing; result: ComparableRow[] } | null;
}

export interface DashboardTiming {
  timing: Timing;
  results: ComparableRow[][];
}

export const caseKey = (c: ReportCase) => `${c.id} ${c.range}`;

/**
 * Times every report case against one running server. With `baseline`, each report's hand-written
 * SQL is timed right after it (same data, same warm buffer pool), through that connection.
 */
export async function timeReports(
  client: GraphqlClient,
  cases: readonly ReportCase[],
  repetitions: Repetitions,
  baseline?: { connection: Connection; accountId: number; timezone: string },
): Promise<Map<string, CaseTiming>> {
  const timings = new Map<string, CaseTiming>();
  for (const c of cases) {
    const { timing, last } = await measure(() => client.runReport(c.id, c.dateRange), repetitions);
    const entry: CaseTiming = { server: timing, result: comparable(last) };
    if (baseline) {
      const report = handWritten(c.id, baseline.accountId, c.dateRange, baseline.timezone);
      entry.baseline = report ? await measure(() => runHandWritten(baseline.connection, report), repetitions).then(({ timing: t, last: rows }) => ({ timing: t, result: rows })) : null;
    }
    timings.set(caseKey(c), entry);
    const raw = entry.baseline ? `, hand-written SQL p50 ${entry.baseline.timing.p50.toFixed(1)} ms` : '';
    console.log(`  ${caseKey(c).padEnd(46)} p50 ${timing.p50.toFixed(1).padStart(8)} ms  p95 ${timing.p95.toFixed(1).padStart(8)} ms${raw}`);
  }
  return timings;
}

/** The dashboard of these reports (created from the template once per database), loaded in one request. */
export async function timeDashboard(client: GraphqlClient, ids: readonly string[], range: LocalDateRange, repetitions: Repetitions): Promise<DashboardTiming> {
  const { dashboards } = await client.post<{ dashboards: { id: string; name: string }[] }>(DASHBOARDS_REQUEST);
  const id =
    dashboards.find((d) => d.name === DASHBOARD_NAME)?.id ??
    (await client.post<{ createDashboardFromTemplate: { id: string } }>(createDashboardRequest(ids))).createDashboardFromTemplate.id;
  const request = dashboardRequest(id, range);
  const { timing, last } = await measure(() => client.post(request), repetitions);
  return { timing, results: dashboardResults(last).map((r: ApiReportResult) => comparable(r)) };
}

/** Prints a mismatch loudly and returns it; the benchmark goes on. */
export function check(what: string, expected: ComparableRow[], actual: ComparableRow[], mismatches: string[]): void {
  const problems = differences(expected, actual);
  if (problems.length === 0) return;
  const message = `${what}: ${problems.join('; ')}`;
  mismatches.push(message);
  console.error(`\n!!!!!! MISMATCH ${message}\n`);
}
