import { Account } from '../../src/accounts/account.entity';
import { createAccount } from '../../src/accounts/accounts';
import { ingestConversations } from '../../src/conversations/import';
import { generateDemoConversations } from '../../src/demo/generate';
import { reportCatalog } from '../../src/reporting/catalog/registry';
import { ReportShape } from '../../src/reporting/engine/build-spec';
import { FilterSpec } from '../../src/conversations/query/filters';
import { Granularity, GRANULARITIES, LocalDateRange } from '../../src/calendar/time';
import { MAIN_CONVERSATIONS, OTHER_ACCOUNT_CONVERSATIONS } from '../fixtures/reports-fixture';
import { createTestDatabase, DIALECTS, TestDatabase } from '../support/databases';
import { STANDARD_REPORT_IDS } from '../support/oracle';
import { compareRollup } from '../support/rollups';

/**
 * Rollups change how fast a report is answered, never what it says: every catalog report (and a
 * few shapes beyond the catalog: two measures, two dimensions, a time series by closedAt, no
 * dimension) gives exactly the same result with rollups as with raw SQL, on the hand-made fixture
 * (local midnights, DST nights, same-millisecond replies) and on generated data, in zones with DST
 * (Europe/Amsterdam, America/New_York), a half-hour offset (Asia/Kolkata), a quarter-hour one
 * (Asia/Kathmandu) and UTC, over every granularity, and with filters the rollup can answer.
 *
 * So that this cannot pass by never using the rollup, it also checks the planner's decision: each
 * standard report is answered from the rollup in every one of these runs without filters, and every
 * test runs some cases from the rollup.
 */

const TIMEZONES = ['UTC', 'Europe/Amsterdam', 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu'];

const EXTRA_SHAPES: [string, ReportShape][] = [
  ['inbox × createdAt, three measures', { channel: null, measures: ['count', 'openCount', 'avgTimeToCloseSeconds'], dimensions: ['inbox', 'createdAt'], dateProperty: 'createdAt', defaultGranularity: 'MONTH' }],
  ['chats closed over time', { channel: 'CHAT', measures: ['closedCount', 'avgFirstResponseSeconds'], dimensions: ['closedAt'], dateProperty: 'closedAt', defaultGranularity: 'WEEK' }],
  ['all conversations closed, no dimension', { channel: null, measures: ['count', 'avgTimeToCloseSeconds'], dimensions: [], dateProperty: 'closedAt' }],
  ['emails by team and status', { channel: 'EMAIL', measures: ['avgFirstResponseSeconds', 'count'], dimensions: ['team', 'status'], dateProperty: 'createdAt' }],
  ['channel by chatflow', { channel: null, measures: ['count'], dimensions: ['channel', 'chatflow'], dateProperty: 'createdAt' }],
];

/** Filters on columns the rollup has: with them the standard reports are still answered from it. */
const ROLLUP_FILTERS: FilterSpec[][] = [
  [{ property: 'assignee', operator: 'IN', values: ['u-ada', 'u-grace', 'u-1', 'u-6'] }],
  [{ property: 'assignee', operator: 'IS_UNKNOWN' }],
  [{ property: 'pageUrl', operator: 'CONTAINS', values: ['PRICING'] }],
  [{ property: 'pageUrl', operator: 'NOT_CONTAINS', values: ['docs'] }],
  [{ property: 'status', operator: 'EQ', values: ['CLOSED'] }],
  [{ property: 'inbox', operator: 'NEQ', values: ['support'] }, { property: 'team', operator: 'IS_KNOWN' }],
  [{ property: 'chatflow', operator: 'IN', values: ['cf-pricing', 'cf-2'] }],
  [{ property: 'channel', operator: 'EQ', values: ['EMAIL'] }],
];

/** Filters the rollup cannot answer: the report falls back to raw SQL, and must still agree. */
const RAW_FILTERS: FilterSpec[][] = [
  [{ property: 'firstResponseSeconds', operator: 'GT', values: ['60'] }],
  [{ property: 'properties.priority', operator: 'IS_KNOWN' }],
  [{ property: 'createdAt', operator: 'GTE', values: ['2026-03-10'] }],
];

interface Case {
  name: string;
  shape: ReportShape;
  timezone: string;
  range: LocalDateRange | null;
  granularity?: Granularity;
  filters: FilterSpec[];
}

const isTime = (shape: ReportShape) => shape.dimensions.some((d) => d === 'createdAt' || d === 'closedAt');

/**
 * The cases of one shape. Every timezone meets every range, and a shape over time every
 * granularity; each filter meets the shape once, in one of four timezone and range pairs taken in
 * turn, so across the shapes every filter still meets every pair. With `allGranularities` false a
 * time shape takes two granularities per timezone and range, again in turn, so each granularity
 * still meets every timezone: enough for generated data, which the hand-made fixture backs with
 * the full matrix. Each shape is its own test, so none comes near jest's timeout on a busy machine.
 */
function casesOf(shapeIndex: number, [name, shape]: [string, ReportShape], ranges: (LocalDateRange | null)[], allGranularities: boolean): Case[] {
  const cases: Case[] = [];
  TIMEZONES.forEach((timezone, t) => {
    ranges.forEach((range, r) => {
      const granularities = !isTime(shape) ? [undefined] : allGranularities ? GRANULARITIES : [0, 1].map((k) => GRANULARITIES[(t + r * 2 + k) % GRANULARITIES.length]);
      for (const granularity of granularities) cases.push({ name, shape, timezone, range, granularity, filters: [] });
    });
  });
  const pairs = ['Europe/Amsterdam', 'Asia/Kolkata'].flatMap((timezone) => ranges.slice(0, 2).map((range) => ({ timezone, range })));
  [...ROLLUP_FILTERS, ...RAW_FILTERS].forEach((filters, f) => {
    const { timezone, range } = pairs[(shapeIndex + f) % pairs.length];
    cases.push({ name, shape, timezone, range, granularity: isTime(shape) ? 'WEEK' : undefined, filters });
  });
  return cases;
}

/** A single local day holds no whole UTC day outside UTC: the groupings without quarter hours leave it to raw SQL. */
const isSingleDay = (c: Case) => c.range !== null && c.range.from === c.range.to;

const describeCase = (c: Case) =>
  `${c.name} tz=${c.timezone} range=${c.range ? `${c.range.from}..${c.range.to}` : 'all time'}${c.granularity ? ` ${c.granularity}` : ''}${c.filters.length ? ` filters=${JSON.stringify(c.filters)}` : ''}`;

const catalogShapes = (): [string, ReportShape][] => [...reportCatalog().list().map((d): [string, ReportShape] => [d.id, d]), ...EXTRA_SHAPES];

describe.each(DIALECTS)('rollups answer exactly as raw SQL on %s', (dialect) => {
  let database: TestDatabase;
  let fixture: Account;
  let generated: Account;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const { db } = database;
    fixture = await createAccount(db, { name: 'Fixture', plan: 'PROFESSIONAL', timezone: 'Europe/Amsterdam' });
    const other = await createAccount(db, { name: 'Other', plan: 'PROFESSIONAL' });
    generated = await createAccount(db, { name: 'Generated', plan: 'PROFESSIONAL', timezone: 'America/New_York' });
    expect((await ingestConversations(db, fixture.id, MAIN_CONVERSATIONS)).rejected).toEqual([]);
    expect((await ingestConversations(db, other.id, OTHER_ACCOUNT_CONVERSATIONS)).rejected).toEqual([]);
    const demo = [...generateDemoConversations({ conversations: 2000, seed: 20261125, now: new Date('2026-11-25T12:00:00Z'), months: 12 })];
    expect((await ingestConversations(db, generated.id, demo)).rejected).toEqual([]);
  });

  afterAll(() => database.drop());

  /** Runs every case both ways; returns the differences and, per standard report, the runs not answered from the rollup. */
  async function check(account: Account, cases: Case[]): Promise<{ differences: string[]; notPlanned: string[]; rows: number; planned: number }> {
    const differences: string[] = [];
    const notPlanned: string[] = [];
    let rows = 0;
    let planned = 0;
    for (const c of cases) {
      const { plan, raw, rollup } = await compareRollup(database.db, account, c.shape, { timezone: c.timezone, dateRange: c.range, granularity: c.granularity, filters: c.filters });
      rows += raw.rows.length;
      if (JSON.stringify(rollup) !== JSON.stringify(raw)) differences.push(`${describeCase(c)}:\n  raw    ${JSON.stringify(raw.rows)}\n  rollup ${JSON.stringify(rollup.rows)}`);
      // No plan: a time series over all time that selects nothing has no buckets and runs no aggregate.
      if (plan === null) expect(raw.rows).toEqual([]);
      else if (c.filters.some((f) => RAW_FILTERS.flat().includes(f))) {
        if (plan.kind === 'rollup') notPlanned.push(`${describeCase(c)}: planned from the rollup despite its filters`);
      } else if (STANDARD_REPORT_IDS.includes(c.name) && c.filters.length === 0 && !isSingleDay(c) && plan.kind !== 'rollup') {
        notPlanned.push(`${describeCase(c)}: ${plan.kind === 'raw' ? plan.reason : ''}`);
      }
      if (plan?.kind === 'rollup') planned++;
    }
    return { differences: differences.slice(0, 10), notPlanned: notPlanned.slice(0, 10), rows, planned };
  }

  /** Its dimension (first response ranges) is not a column of the rollup: always raw SQL, so never planned. */
  const NEVER_FROM_ROLLUP = new Set(['chat-first-response-time-distribution']);

  const FIXTURE_RANGES = [
    { from: '2026-03-04', to: '2026-03-31' },
    null,
    { from: '2026-03-08', to: '2026-03-29' }, // New York's and Amsterdam's spring DST days
    { from: '2026-10-24', to: '2026-11-02' }, // both autumn DST days
    { from: '2026-01-01', to: '2026-12-31' },
    { from: '2026-03-29', to: '2026-03-29' },
  ];
  const GENERATED_RANGES = [{ from: '2025-11-26', to: '2026-11-25' }, { from: '2026-10-10', to: '2026-11-08' }, null];
  /** Cases per test: a few seconds each, far from jest's timeout even on a loaded machine. */
  const CHUNK = 40;
  const rows = { fixture: 0, generated: 0 };

  /** One test per shape and chunk of its cases, named by both. */
  const testsOf = (ranges: (LocalDateRange | null)[], allGranularities: boolean) =>
    catalogShapes().flatMap((shape, i) => {
      const cases = casesOf(i, shape, ranges, allGranularities);
      // Dealt round-robin, so that each chunk mixes timezones, ranges and filters.
      const count = Math.ceil(cases.length / CHUNK);
      const chunks = Array.from({ length: count }, (_, c) => cases.filter((_case, k) => k % count === c));
      return chunks.map((chunk, c) => [`${shape[0]}${chunks.length > 1 ? ` (${c + 1} of ${chunks.length})` : ''}`, shape[0], chunk] as const);
    });

  async function expectEquivalent(account: Account, name: string, cases: Case[]): Promise<number> {
    const result = await check(account, cases);
    expect(result.differences).toEqual([]);
    expect(result.notPlanned).toEqual([]);
    // Equal answers would prove nothing if both came from raw SQL.
    if (NEVER_FROM_ROLLUP.has(name)) expect(result.planned).toBe(0);
    else expect(result.planned).toBeGreaterThan(0);
    return result.rows;
  }

  it.each(testsOf(FIXTURE_RANGES, true))('on the hand-made fixture: %s', async (_test, name, cases) => {
    rows.fixture += await expectEquivalent(fixture, name, cases);
  });

  it.each(testsOf(GENERATED_RANGES, false))('on 2000 generated conversations over a year: %s', async (_test, name, cases) => {
    rows.generated += await expectEquivalent(generated, name, cases);
  });

  it('compared reports with plenty of rows on both data sets', () => {
    expect(rows.fixture).toBeGreaterThan(1000);
    expect(rows.generated).toBeGreaterThan(1000);
  });

  it('reads the edges from the conversations where they are not on a quarter hour, with the same answer', async () => {
    // India kept local mean time (+5:21:10) until 1906: its midnights of 1900 are not on a quarter hour.
    const result = await compareRollup(database.db, fixture, reportCatalog().get('email-volume-over-time')!, { timezone: 'Asia/Kolkata', dateRange: { from: '1900-06-01', to: '2026-03-31' }, granularity: 'YEAR' });
    const plan = result.plan;
    if (plan?.kind !== 'rollup' || plan.cells === 'every day') throw new Error(`not planned from the rollup: ${JSON.stringify(plan)}`);
    expect(plan.cells.conversations[0]).toEqual({ start: new Date('1900-05-31T18:38:50.000Z'), end: new Date('1900-06-01T00:00:00.000Z') });
    expect(plan.cells.days.length).toBeGreaterThan(100);
    expect(result.rollup).toEqual(result.raw);
    expect(result.raw.rows.length).toBe(127);
  });
});
