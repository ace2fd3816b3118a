import { generateDemoConversations } from '../../src/demo/generate';
import {
  ConversationInput,
  DrilldownDocument,
  DrilldownInput,
  DrilldownQuery,
  Granularity,
  IngestDocument,
  RunReportDocument,
  RunReportInput,
  RunReportQuery,
} from '../graphql/generated/operations';
import { GraphQLResponse, startTestApi, TestApi } from '../support/api';
import { DIALECTS } from '../support/databases';
import { DateRange, isAverageReport, isTimeReport, OracleRow, ReportOracle, STANDARD_REPORT_IDS } from '../support/oracle';

/**
 * Model-based test: every standard report (docs/reports.md) over ~2500 generated
 * conversations plus hand-made edge cases, in four timezones and four date ranges (and every
 * granularity for the time series), must equal what the naive oracle of test/support/oracle.ts
 * computes from the very objects that were ingested. Drill-downs into a sample of data points must
 * list exactly the oracle's conversations behind them.
 */

type Obj = Record<string, unknown>;
type Report = RunReportQuery['runReport'];

const ACCOUNT_TIMEZONE = 'Europe/Amsterdam';
const TIMEZONES = ['Europe/Amsterdam', 'America/New_York', 'Asia/Kolkata', 'UTC'];
const RANGES: { name: string; range?: DateRange }[] = [
  { name: 'all time' },
  // 30 days over both autumn DST changes: Amsterdam 2026-10-25, New York 2026-11-01.
  { name: '30 days over DST', range: { from: '2026-10-10', to: '2026-11-08' } },
  { name: 'calendar year', range: { from: '2026-01-01', to: '2026-12-31' } },
  // Amsterdam's 25-hour day.
  { name: 'single day', range: { from: '2026-10-25', to: '2026-10-25' } },
];
const GRANULARITIES: Granularity[] = ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'];
const DEMO = { conversations: 2500, seed: 20261125, now: new Date('2026-11-25T12:00:00Z'), months: 12 };
const CHUNK = 1000;
const DRILL_PAGE = 500;

// ---- hand-made edge cases ---------------------------------------------------------------------

const ADA = { id: 'u-1', name: 'Ada Lovelace', email: 'ada.lovelace@example.com' };
const DAAN = { id: 'u-2', name: 'Daan de Vries', email: 'daan.devries@example.com' };
/** Renamed: every edge case before the last one that names it uses the old name. */
const EDGE_OLD = { id: 'u-edge', name: 'Edge Agent (old name)', email: 'edge@example.com' };
const EDGE_NEW = { id: 'u-edge', name: 'Edge Agent', email: 'edge@example.com' };
const ZERO = { id: 'u-zero', name: 'Zero Seconds', email: 'zero@example.com' };
const SUPPORT = { id: 'support', name: 'Support' };
const SALES = { id: 'sales', name: 'Sales' };
const BILLING = { id: 'billing', name: 'Billing' };
const ONBOARDING = { id: 'onboarding', name: 'Onboarding' };
const EDGE_INBOX = { id: 'edge-inbox', name: 'Edge Inbox' };
const PRICING_BOT = { id: 'cf-2', name: 'Pricing bot' };
const SUPPORT_WIDGET = { id: 'cf-1', name: 'Support widget' };
const EDGE_FLOW = { id: 'cf-edge', name: 'Edge flow' };

const iso = (ms: number) => new Date(ms).toISOString();
const at = (instant: string, plusMs = 0) => iso(Date.parse(instant) + plusMs);
const msg = (id: string, from: 'VISITOR' | 'AGENT' | 'BOT', sentAt: string) => ({ id, from, sentAt });

function conversation(id: string, channel: 'CHAT' | 'EMAIL', createdAt: string, rest: Obj): Obj {
  return { id, channel, inbox: SUPPORT, assignee: null, status: 'OPEN', createdAt, subject: `Edge case ${id}`, ...rest };
}

/** Local midnights, DST nights, same-millisecond replies, bot-only, unanswered, agent-first, unordered, open. */
const EDGE_CASES: Obj[] = [
  // Amsterdam's first instant of 2026-10-10 (CEST), reply in the same millisecond listed before the visitor.
  conversation('edge-01', 'CHAT', '2026-10-09T22:00:00.000Z', {
    assignee: ADA, pageUrl: 'https://example.com/pricing', chatflow: PRICING_BOT, status: 'CLOSED', closedAt: '2026-10-09T22:05:00.000Z',
    messages: [msg('m2', 'AGENT', '2026-10-09T22:00:00.000Z'), msg('m1', 'VISITOR', '2026-10-09T22:00:00.000Z')],
  }),
  // Amsterdam's last millisecond of 2026-10-09; a page URL differing from a demo one only in case. Updated later.
  conversation('edge-02', 'CHAT', '2026-10-09T21:59:59.999Z', {
    assignee: EDGE_OLD, pageUrl: 'https://example.com/PRICING', messages: [msg('m1', 'VISITOR', '2026-10-09T21:59:59.999Z')],
  }),
  // New York's last millisecond of 2026-11-08, closed at its first instant of 2026-11-09; messages out of order.
  conversation('edge-03', 'CHAT', '2026-11-09T04:59:59.999Z', {
    assignee: EDGE_OLD, status: 'CLOSED', closedAt: '2026-11-09T05:00:00.000Z',
    messages: [
      msg('m4', 'AGENT', at('2026-11-09T04:59:59.999Z', 120000)), msg('m2', 'BOT', at('2026-11-09T04:59:59.999Z', 1000)),
      msg('m3', 'VISITOR', at('2026-11-09T04:59:59.999Z', 60000)), msg('m1', 'VISITOR', '2026-11-09T04:59:59.999Z'),
      msg('m5', 'AGENT', at('2026-11-09T04:59:59.999Z', 30000)),
    ],
  }),
  // Bot-only chat in Amsterdam's repeated hour: created at the first 02:30, closed at the second.
  conversation('edge-04', 'CHAT', '2026-10-25T00:30:00.000Z', {
    chatflow: SUPPORT_WIDGET, status: 'CLOSED', closedAt: '2026-10-25T01:30:00.000Z',
    messages: [
      msg('m1', 'VISITOR', '2026-10-25T00:30:00.000Z'), msg('m2', 'BOT', '2026-10-25T00:30:02.000Z'),
      msg('m3', 'VISITOR', '2026-10-25T00:30:30.000Z'), msg('m4', 'BOT', '2026-10-25T00:30:31.000Z'),
    ],
  }),
  // Amsterdam 01:59:59.999 CET before the spring gap, closed at 03:00 CEST; the agent spoke only before the visitor.
  conversation('edge-05', 'CHAT', '2026-03-29T00:59:59.999Z', {
    assignee: ADA, status: 'CLOSED', closedAt: '2026-03-29T01:00:00.000Z',
    messages: [msg('m1', 'AGENT', '2026-03-29T00:59:59.999Z'), msg('m2', 'VISITOR', '2026-03-29T01:00:00.000Z')],
  }),
  // Amsterdam 03:00 CEST right after the gap; a chatflow without a page; open.
  conversation('edge-06', 'CHAT', '2026-03-29T01:00:00.000Z', {
    assignee: EDGE_OLD, chatflow: EDGE_FLOW,
    messages: [msg('m1', 'VISITOR', '2026-03-29T01:00:00.000Z'), msg('m2', 'AGENT', '2026-03-29T01:00:02.500Z')],
  }),
  // Amsterdam's last millisecond of 2026-03-29 (a 23-hour day), closed at the first instant of 03-30 (given with an offset).
  conversation('edge-07', 'CHAT', '2026-03-29T21:59:59.999Z', {
    pageUrl: 'https://example.com/prijzen?ref=ü&x=1', status: 'CLOSED', closedAt: '2026-03-30T00:00:00.000+02:00',
    messages: [msg('m1', 'VISITOR', '2026-03-29T21:59:59.999Z')],
  }),
  // New York 01:59:59.999 EST before its spring gap, closed at 03:00 EDT; a reply 1 ms later.
  conversation('edge-08', 'CHAT', '2026-03-08T06:59:59.999Z', {
    assignee: DAAN, status: 'CLOSED', closedAt: '2026-03-08T07:00:00.000Z',
    messages: [msg('m1', 'VISITOR', '2026-03-08T06:59:59.999Z'), msg('m2', 'AGENT', '2026-03-08T07:00:00.000Z')],
  }),
  // New York's last millisecond of 2026-03-08 (already 03-09 in UTC); no messages at all.
  conversation('edge-09', 'CHAT', '2026-03-09T03:59:59.999Z', { assignee: ADA }),
  // New York's repeated hour: created at the first 01:30 (EDT), closed at the second (EST).
  conversation('edge-10', 'CHAT', '2026-11-01T05:30:00.000Z', {
    assignee: EDGE_OLD, status: 'CLOSED', closedAt: '2026-11-01T06:30:00.000Z',
    messages: [msg('m1', 'VISITOR', '2026-11-01T05:30:00.000Z')],
  }),
  // New York's last millisecond of 2026-11-01 (a 25-hour day), closed the same millisecond, answered the same millisecond.
  conversation('edge-11', 'CHAT', '2026-11-02T04:59:59.999Z', {
    assignee: ZERO, status: 'CLOSED', closedAt: '2026-11-02T04:59:59.999Z',
    messages: [msg('m1', 'VISITOR', '2026-11-02T04:59:59.999Z'), msg('m2', 'AGENT', '2026-11-02T04:59:59.999Z')],
  }),
  // Kolkata's first instant of 2026 (still 2025 elsewhere), closed at Kolkata's last millisecond of 2026.
  conversation('edge-12', 'CHAT', '2025-12-31T18:30:00.000Z', {
    assignee: ADA, status: 'CLOSED', closedAt: '2026-12-31T18:29:59.999Z',
    messages: [msg('m1', 'VISITOR', '2025-12-31T18:30:00.000Z'), msg('m2', 'AGENT', '2025-12-31T18:31:00.000Z')],
  }),
  // Kolkata's first instant of 2027; OPEN with a closedAt given: not closed.
  conversation('edge-13', 'CHAT', '2026-12-31T18:30:00.000Z', {
    assignee: EDGE_OLD, closedAt: '2027-01-01T00:00:00.000Z',
    messages: [msg('m1', 'VISITOR', '2026-12-31T18:30:00.000Z'), msg('m2', 'AGENT', '2026-12-31T18:35:00.000Z')],
  }),
  // Agent-first email at Amsterdam's last millisecond of 2026-10-25, closed on Monday 10-26 (a new week).
  conversation('edge-14', 'EMAIL', '2026-10-25T22:59:59.999Z', {
    assignee: EDGE_OLD, status: 'CLOSED', closedAt: '2026-10-25T23:00:00.000Z',
    messages: [
      msg('m1', 'AGENT', '2026-10-25T22:59:59.999Z'), msg('m2', 'VISITOR', at('2026-10-25T22:59:59.999Z', 3600000)),
      msg('m3', 'AGENT', at('2026-10-25T22:59:59.999Z', 7200000)),
    ],
  }),
  // Agent-first email never answered after the visitor wrote; Amsterdam's first instant of 10-25; an inbox of its own.
  conversation('edge-15', 'EMAIL', '2026-10-24T22:00:00.000Z', {
    inbox: EDGE_INBOX, messages: [msg('m1', 'AGENT', '2026-10-24T22:00:00.000Z'), msg('m2', 'VISITOR', '2026-10-24T22:01:00.000Z')],
  }),
  // Unanswered email at Amsterdam's Monday midnight 2026-10-26.
  conversation('edge-16', 'EMAIL', '2026-10-25T23:00:00.000Z', {
    inbox: BILLING, status: 'CLOSED', closedAt: '2026-10-28T12:00:00.000Z', messages: [msg('m1', 'VISITOR', '2026-10-25T23:00:00.000Z')],
  }),
  // UTC's first instant of 2026 (New York: still 2025); a bot before the agent.
  conversation('edge-17', 'EMAIL', '2026-01-01T00:00:00.000Z', {
    inbox: SALES, assignee: EDGE_OLD,
    messages: [msg('m1', 'VISITOR', '2026-01-01T00:00:00.000Z'), msg('m2', 'BOT', '2026-01-01T00:00:01.000Z'), msg('m3', 'AGENT', '2026-01-02T00:00:00.000Z')],
  }),
  // New York's midnight of its 25-hour 2026-11-01, closed at its midnight of 11-02; messages out of order.
  conversation('edge-18', 'EMAIL', '2026-11-01T04:00:00.000Z', {
    inbox: ONBOARDING, assignee: DAAN, status: 'CLOSED', closedAt: '2026-11-02T05:00:00.000Z',
    messages: [
      msg('m5', 'AGENT', at('2026-11-01T04:00:00.000Z', 90000)), msg('m3', 'VISITOR', at('2026-11-01T04:00:00.000Z', 30000)),
      msg('m2', 'BOT', at('2026-11-01T04:00:00.000Z', 1000)), msg('m1', 'VISITOR', '2026-11-01T04:00:00.000Z'),
      msg('m4', 'AGENT', at('2026-11-01T04:00:00.000Z', 60000)),
    ],
  }),
  // New York's midnight of 2026-03-08 (its 23-hour day); reply in the same millisecond, listed first.
  conversation('edge-19', 'EMAIL', '2026-03-08T05:00:00.000Z', {
    inbox: EDGE_INBOX, assignee: ZERO,
    messages: [msg('m2', 'AGENT', '2026-03-08T05:00:00.000Z'), msg('m1', 'VISITOR', '2026-03-08T05:00:00.000Z')],
  }),
  // Amsterdam's second 02:30 of 2026-10-25, every instant written with a +01:00 offset.
  conversation('edge-20', 'EMAIL', '2026-10-25T02:30:00.000+01:00', {
    assignee: ADA, status: 'CLOSED', closedAt: '2026-10-25T03:00:00.000+01:00',
    messages: [msg('m1', 'VISITOR', '2026-10-25T02:30:00.000+01:00'), msg('m2', 'AGENT', '2026-10-25T02:45:00.000+01:00')],
  }),
  // Amsterdam's first instant of 2026 (UTC: still 2025); no messages; unassigned and open.
  conversation('edge-21', 'EMAIL', '2025-12-31T23:00:00.000Z', {}),
  // The last object naming u-edge: its label must be this newer name. Sub-second durations.
  conversation('edge-22', 'EMAIL', '2026-06-15T10:00:00.000Z', {
    assignee: EDGE_NEW, status: 'CLOSED', closedAt: '2026-06-15T10:00:00.500Z',
    messages: [msg('m1', 'VISITOR', '2026-06-15T10:00:00.000Z'), msg('m2', 'VISITOR', '2026-06-15T10:00:00.100Z'), msg('m3', 'AGENT', '2026-06-15T10:00:00.250Z')],
  }),
];

/** Ingested on its own after everything else: it replaces edge-02 (new assignee, now closed). */
const EDGE_02_UPDATE: Obj = conversation('edge-02', 'CHAT', '2026-10-09T21:59:59.999Z', {
  assignee: ADA, pageUrl: 'https://example.com/PRICING', status: 'CLOSED', closedAt: '2026-10-10T08:00:00.000Z',
  messages: [msg('m1', 'VISITOR', '2026-10-09T21:59:59.999Z'), msg('m2', 'AGENT', '2026-10-10T07:59:00.000Z')],
});

// ---- comparison -------------------------------------------------------------------------------

interface Case {
  reportId: string;
  timezone?: string;
  rangeName: string;
  range?: DateRange;
  granularity?: Granularity;
}

const describeCase = (c: Case) =>
  `${c.reportId} tz=${c.timezone ?? `(account: ${ACCOUNT_TIMEZONE})`} range=${c.rangeName}${c.range ? ` ${c.range.from}..${c.range.to}` : ''}${c.granularity ? ` granularity=${c.granularity}` : ''}`;

const runInput = (c: Case): RunReportInput => ({
  definitionId: c.reportId,
  ...(c.timezone ? { timezone: c.timezone } : {}),
  ...(c.range ? { dateRange: c.range } : {}),
  ...(c.granularity ? { granularity: c.granularity } : {}),
});

const show = (value: unknown) => JSON.stringify(value);
const sameMeasure = (expected: number | null, actual: number | null | undefined, average: boolean) =>
  expected === null || actual === null || actual === undefined ? expected === (actual ?? null) : average ? Math.abs(expected - actual) <= 1e-6 : expected === actual;

/** Every difference between the server's rows and the oracle's, one line each, naming the case and the row. */
function compareRows(c: Case, report: Report, expected: OracleRow[]): string[] {
  const where = describeCase(c);
  const problems: string[] = [];
  if (report.dimensions.length !== 1 || report.measures.length !== 1) {
    return [`${where}: expected 1 dimension and 1 measure, got ${show(report.dimensions.map((d) => d.key))} / ${show(report.measures.map((m) => m.key))}`];
  }
  const average = isAverageReport(c.reportId);
  const actual = report.rows.map((r) => ({ value: r.dimensionValues[0]?.value ?? null, label: r.dimensionValues[0]?.label ?? null, measure: r.measureValues[0] ?? null, width: r.dimensionValues.length }));
  for (const r of actual) if (r.width !== 1) problems.push(`${where}: row ${show(r.value)} has ${r.width} dimension values`);

  if (isTimeReport(c.reportId)) {
    if (actual.length !== expected.length) {
      problems.push(`${where}: expected ${expected.length} buckets ${show(expected[0]?.value)}..${show(expected[expected.length - 1]?.value)}, got ${actual.length} ${show(actual[0]?.value)}..${show(actual[actual.length - 1]?.value)}`);
    }
    for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
      const e = expected[i];
      const a = actual[i];
      if (!e || !a || e.value !== a.value || !sameMeasure(e.measure, a.measure, false) || typeof a.label !== 'string' || a.label.trim() === '') {
        problems.push(`${where}: bucket #${i} expected ${e ? `${e.value} = ${e.measure}` : 'none'}, got ${a ? `${show(a.value)} = ${show(a.measure)} (label ${show(a.label)})` : 'none'}`);
      }
    }
    return problems.slice(0, 20);
  }

  const key = (value: string | null) => (value === null ? '\u0000null' : value);
  const byValue = new Map<string, (typeof actual)[number]>();
  for (const a of actual) {
    if (byValue.has(key(a.value))) problems.push(`${where}: row ${show(a.value)} comes twice`);
    byValue.set(key(a.value), a);
  }
  const sorted = [...expected].sort((x, y) => (key(x.value) < key(y.value) ? -1 : key(x.value) > key(y.value) ? 1 : 0));
  for (const e of sorted) {
    const a = byValue.get(key(e.value));
    byValue.delete(key(e.value));
    if (!a) {
      problems.push(`${where}: missing row ${show(e.value)} (${show(e.label)}) = ${show(e.measure)} [${e.ids.length} conversations]`);
    } else if (a.label !== e.label || !sameMeasure(e.measure, a.measure, average)) {
      problems.push(`${where}: row ${show(e.value)} expected ${show(e.label)} = ${show(e.measure)} [${e.ids.length} conversations], got ${show(a.label)} = ${show(a.measure)}`);
    }
  }
  for (const a of byValue.values()) problems.push(`${where}: unexpected row ${show(a.value)} (${show(a.label)}) = ${show(a.measure)}`);
  return problems;
}

/** The data points to drill into: the three largest, and the no-value point if there is one. */
function sample(rows: OracleRow[]): OracleRow[] {
  const largest = rows.filter((r) => r.measure !== null).sort((a, b) => (b.measure as number) - (a.measure as number) || b.ids.length - a.ids.length).slice(0, 3);
  const none = rows.find((r) => r.value === null);
  return none && !largest.includes(none) ? [...largest, none] : largest;
}

describe.each(DIALECTS)('standard reports agree with a naive oracle on %s', (dialect) => {
  let api: TestApi;
  let oracle: ReportOracle;
  let comparisons = 0;
  let drilldowns = 0;

  async function ingest(objects: Obj[]): Promise<{ imported: number; updated: number }> {
    const { data, errors } = await api.request(IngestDocument, { input: objects as ConversationInput[] });
    expect(errors).toBeUndefined();
    expect(data!.ingestConversations.rejected).toEqual([]);
    return data!.ingestConversations;
  }

  beforeAll(async () => {
    api = await startTestApi(dialect, { timezone: ACCOUNT_TIMEZONE });
    const all = [...generateDemoConversations(DEMO), ...EDGE_CASES];
    for (let i = 0; i < all.length; i += CHUNK) {
      const chunk = all.slice(i, i + CHUNK);
      expect(await ingest(chunk)).toMatchObject({ imported: chunk.length, updated: 0 });
    }
    expect(await ingest([EDGE_02_UPDATE])).toMatchObject({ imported: 0, updated: 1 });
    oracle = new ReportOracle([...all, EDGE_02_UPDATE]);
    expect(oracle.size).toBe(DEMO.conversations + EDGE_CASES.length);
  }, 120000);

  afterAll(async () => {
    console.log(`oracle on ${dialect}: ${comparisons} report comparisons, ${drilldowns} drill-downs`);
    await api?.close();
  });

  async function run(c: Case): Promise<Report | string> {
    const { data, errors } = await api.request(RunReportDocument, { input: runInput(c) });
    if (errors || !data) return `${describeCase(c)}: runReport failed: ${show(errors)}`;
    return data.runReport;
  }

  async function drillIds(input: DrilldownInput): Promise<{ totalCount: number; ids: string[] } | string> {
    const ids: string[] = [];
    let totalCount = -1;
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const response: GraphQLResponse<DrilldownQuery> = await api.request(DrilldownDocument, { input: { ...input, first: DRILL_PAGE, after } });
      if (response.errors || !response.data) return `drilldown failed: ${show(response.errors)}`;
      const connection = response.data.drilldown;
      if (totalCount >= 0 && connection.totalCount !== totalCount) return `totalCount changed between pages: ${totalCount} then ${connection.totalCount}`;
      totalCount = connection.totalCount;
      ids.push(...connection.nodes.map((n) => n.externalId));
      if (!connection.pageInfo.hasNextPage) return { totalCount, ids };
      after = connection.pageInfo.endCursor;
      if (!after) return 'hasNextPage without an endCursor';
    }
    return 'drilldown paging does not end';
  }

  async function checkDrilldowns(c: Case, expected: OracleRow[]): Promise<string[]> {
    const problems: string[] = [];
    for (const point of sample(expected)) {
      drilldowns++;
      const where = `${describeCase(c)} drilldown point ${show(point.value)}`;
      const result = await drillIds({ run: runInput(c), point: [point.value] });
      if (typeof result === 'string') {
        problems.push(`${where}: ${result}`);
        continue;
      }
      const actual = [...result.ids].sort();
      const missing = point.ids.filter((id) => !actual.includes(id));
      const extra = actual.filter((id) => !point.ids.includes(id));
      const duplicates = actual.filter((id, i) => i > 0 && actual[i - 1] === id);
      if (result.totalCount !== point.ids.length || missing.length || extra.length || duplicates.length) {
        problems.push(`${where}: expected ${point.ids.length} conversations, got totalCount ${result.totalCount} and ${actual.length} nodes; missing ${show(missing.slice(0, 10))}, extra ${show(extra.slice(0, 10))}, duplicated ${show(duplicates.slice(0, 10))}`);
      }
    }
    return problems;
  }

  /** The cases of one report in one timezone (undefined: the account's, for the calendar year only). */
  function casesOf(reportId: string, timezone: string | undefined): Case[] {
    // Without a timezone the report uses the account's.
    if (timezone === undefined) return [{ reportId, rangeName: 'calendar year', range: RANGES[2].range }];
    return RANGES.flatMap(({ name, range }) =>
      isTimeReport(reportId) ? GRANULARITIES.map((granularity) => ({ reportId, timezone, rangeName: name, range, granularity })) : [{ reportId, timezone, rangeName: name, range }],
    );
  }

  // One test per report and timezone: a time series over every range and granularity, drill-downs
  // included, is some eighty runs, too many for one test on a loaded machine.
  const TESTS = STANDARD_REPORT_IDS.flatMap((reportId) => [...TIMEZONES, undefined].map((timezone) => [reportId, timezone ?? `the account's timezone`, timezone] as const));

  it.each(TESTS)('%s equals the oracle in %s, in every range and granularity, drill-downs included', async (reportId, _name, timezone) => {
    const problems: string[] = [];
    for (const c of casesOf(reportId, timezone)) {
      comparisons++;
      const expected = oracle.run(reportId, { timezone: c.timezone ?? ACCOUNT_TIMEZONE, dateRange: c.range, granularity: c.granularity });
      const report = await run(c);
      if (typeof report === 'string') {
        problems.push(report);
        continue;
      }
      problems.push(...compareRows(c, report, expected));
      problems.push(...(await checkDrilldowns(c, expected)));
    }
    expect(problems).toEqual([]);
  });

  it('the oracle itself sees the edge cases as the contract says', () => {
    // A few hand-checked values, so that an oracle bug cannot hide behind an identical server bug.
    const row = (reportId: string, timezone: string, range: DateRange | undefined, value: string | null) =>
      oracle.run(reportId, { timezone, dateRange: range }).find((r) => r.value === value);
    const day = (d: string) => ({ from: d, to: d });
    expect(row('chat-volume-by-assignee', 'Europe/Amsterdam', day('2026-10-10'), 'u-1')?.ids).toContain('edge-01');
    expect(row('chat-volume-by-assignee', 'Europe/Amsterdam', day('2026-10-10'), 'u-1')?.ids).not.toContain('edge-02');
    expect(row('chat-volume-by-assignee', 'Europe/Amsterdam', day('2026-10-09'), 'u-1')?.ids).toContain('edge-02');
    expect(row('chat-volume-by-assignee', 'Europe/Amsterdam', day('2026-10-09'), 'u-edge')).toBeUndefined();
    expect(row('chat-volume-by-assignee', 'UTC', day('2026-10-09'), 'u-1')?.ids).toEqual(expect.arrayContaining(['edge-01', 'edge-02']));
    expect(row('chat-volume-by-page-url', 'UTC', undefined, 'https://example.com/PRICING')).toMatchObject({ label: 'https://example.com/PRICING', measure: 1, ids: ['edge-02'] });
    expect(row('chat-response-time-by-assignee', 'UTC', day('2026-11-02'), 'u-zero')).toMatchObject({ measure: 0, ids: ['edge-11'] });
    expect(row('chats-closed-by-assignee', 'America/New_York', day('2026-11-01'), 'u-zero')).toMatchObject({ measure: 1, ids: ['edge-11'] });
    expect(row('chat-time-to-close-by-assignee', 'America/New_York', day('2026-11-01'), 'u-zero')).toMatchObject({ measure: 0 });
    expect(row('email-response-time-by-assignee', 'UTC', day('2026-06-15'), 'u-edge')).toMatchObject({ label: 'Edge Agent', measure: 0.25, ids: ['edge-22'] });
    expect(row('email-time-to-close-by-assignee', 'UTC', day('2026-06-15'), 'u-edge')).toMatchObject({ measure: 0.5 });
    expect(row('email-response-time-by-assignee', 'Europe/Amsterdam', day('2026-10-25'), 'u-edge')).toMatchObject({ measure: 3600, ids: ['edge-14'] });
    expect(row('email-response-time-by-assignee', 'America/New_York', day('2026-11-01'), 'u-2')?.ids).toContain('edge-18');
    expect(row('open-emails-by-inbox', 'Europe/Amsterdam', day('2026-10-25'), 'edge-inbox')).toMatchObject({ label: 'Edge Inbox', measure: 1, ids: ['edge-15'] });
    expect(row('open-emails-by-inbox', 'America/New_York', day('2026-03-08'), 'edge-inbox')).toMatchObject({ measure: 1, ids: ['edge-19'] });
    expect(row('chat-response-time-by-assignee', 'UTC', day('2026-10-25'), null)).toMatchObject({ label: 'Unassigned', measure: null, ids: [] });
    const closedKolkata = oracle.run('chats-closed-by-assignee', { timezone: 'Asia/Kolkata', dateRange: { from: '2026-12-31', to: '2026-12-31' } });
    expect(closedKolkata).toEqual([{ value: 'u-1', label: 'Ada Lovelace', measure: 1, ids: ['edge-12'] }]);
    expect(oracle.run('chats-closed-by-assignee', { timezone: 'UTC', dateRange: { from: '2027-01-01', to: '2027-01-01' } })).toEqual([]);
    const weeks = oracle.run('email-volume-over-time', { timezone: 'Europe/Amsterdam', dateRange: { from: '2026-10-24', to: '2026-10-26' }, granularity: 'WEEK' });
    expect(weeks.map((w) => w.value)).toEqual(['2026-10-19', '2026-10-26']);
    expect(weeks[1].ids).toEqual(expect.arrayContaining(['edge-16']));
    expect(weeks[0].ids).toEqual(expect.arrayContaining(['edge-14', 'edge-15', 'edge-20']));
    const quarters = oracle.run('email-volume-over-time', { timezone: 'UTC', dateRange: { from: '2026-02-15', to: '2026-04-01' }, granularity: 'QUARTER' });
    expect(quarters.map((q) => q.value)).toEqual(['2026-01-01', '2026-04-01']);
  });
});
