import { Account } from '../../src/accounts/account.entity';
import { createAccount } from '../../src/accounts/accounts';
import { ingestConversations } from '../../src/conversations/import';
import { generateDemoConversations, mulberry32 } from '../../src/demo/generate';
import { ReportShape } from '../../src/reporting/engine/build-spec';
import { buildSpec } from '../../src/reporting/engine/build-spec';
import { drilldownSpec } from '../../src/reporting/engine/drilldown';
import { coreMeasures, MeasureDefinition, MeasureKey, MeasureLookup } from '../../src/reporting/engine/measures';
import { ReportResult } from '../../src/reporting/engine/run';
import { FilterSpec } from '../../src/conversations/query/filters';
import { loadPropertyCatalog } from '../../src/conversations/query/properties';
import { createTestDatabase, DIALECTS, TestDatabase } from '../support/databases';
import { DateRange, Granularity, isCountMeasure, isDateProperty, ORACLE_MEASURES, OracleConfig, OracleFilter, OraclePoint, ReportOracle } from '../support/oracle';
import { compareRollup } from '../support/rollups';

/**
 * Model-based test of custom reports: random report configurations (0 to 2 dimensions from every
 * groupable property, custom properties included, either as x-axis or break-down; 1 to 3 of every
 * measure; either date property; filters; all time or date ranges; time zones with odd DST rules)
 * run on the engine and compared with the oracle of test/support/oracle.ts. On every configuration
 * it also asserts the invariants a reporting user relies on:
 * - every selected conversation lands in exactly one point, so the total of a count measure is the
 *   same without dimensions, with either dimension alone, and with both in either order;
 * - the drill-down of every point lists as many conversations as the point counts (of a sample,
 *   exactly the oracle's conversations);
 * - rollups answer exactly as raw SQL, and are never planned for a time dimension on the date
 *   property the report does not select by.
 *
 * The configurations come from a seed: fixed, so every run checks the same ones, and set with
 * THREADLINE_ORACLE_SEED to reproduce or explore (THREADLINE_ORACLE_CONFIGS sets how many). The seed
 * and the number checked are printed.
 */

const SEED = Number(process.env.THREADLINE_ORACLE_SEED ?? 20261201);
const CONFIGS = Number(process.env.THREADLINE_ORACLE_CONFIGS ?? 150);
/** Drill-downs listed in full (and compared with the oracle's conversations) per configuration. */
const FULL_DRILLDOWNS = 2;
/** Empty points (zero-filled buckets) drilled per configuration; every point with data is drilled. */
const EMPTY_DRILLDOWNS = 5;

const TIMEZONES = [
  'UTC', 'Europe/Amsterdam', 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu',
  'Australia/Lord_Howe', // DST of half an hour
  'America/Santiago', // DST starts at midnight: 2026-09-06 has no 00:00
  'Pacific/Chatham', // +12:45 / +13:45
  'Africa/Casablanca', // DST suspended during Ramadan
  'America/St_Johns', // -3:30 with DST
];

const FIXED_RANGES: DateRange[] = [
  { from: '2026-03-07', to: '2026-03-08' }, // the weekend; New York's spring DST day
  { from: '2026-03-29', to: '2026-03-29' }, // Amsterdam's 23-hour day
  { from: '2026-10-24', to: '2026-11-02' }, // both autumn DST days
  { from: '2026-09-01', to: '2026-09-30' }, // Santiago's and Chatham's spring
  { from: '2026-01-01', to: '2026-12-31' },
  { from: '2026-11-20', to: '2026-11-25' }, // the last days: many still open
];

const DIMENSIONS: [key: string, weight: number][] = [
  ['createdAt', 6], ['closedAt', 6], ['assignee', 2], ['inbox', 2], ['team', 2], ['chatflow', 1], ['pageUrl', 1], ['channel', 1],
  ['status', 2], ['subject', 1], ['contactEmail', 0.3], ['contactName', 0.3], ['firstResponseRange', 1],
  ['properties.priority', 1], ['properties.plan', 1], ['properties.satisfaction', 1], ['properties.vip', 1],
  ['createdAt.hourOfDay', 1], ['createdAt.dayOfWeek', 0.7], ['closedAt.hourOfDay', 0.7], ['closedAt.dayOfWeek', 0.5], ['pageUrlPath', 0.7],
];

/** The oracle's measures beyond core's, defined as a plugin would (the oracle computes them from docs/metrics.md). */
const PLUGIN_MEASURES: MeasureDefinition[] = [
  { key: 'highPriorityCount', label: 'High priority', unit: 'COUNT', kind: 'count', where: [{ property: 'properties.priority', operator: 'EQ', values: ['high'] }] },
  { key: 'sumFirstResponseSeconds', label: 'Total first response time', unit: 'SECONDS', kind: 'sum', property: 'firstResponseSeconds' },
  { key: 'maxMessages', label: 'Most messages', unit: 'NUMBER', kind: 'max', property: 'messageCount' },
  { key: 'minSatisfaction', label: 'Lowest satisfaction', unit: 'NUMBER', kind: 'min', property: 'properties.satisfaction' },
  { key: 'avgSatisfaction', label: 'Average satisfaction', unit: 'NUMBER', kind: 'avg', property: 'properties.satisfaction' },
  { key: 'p75Satisfaction', label: '75th percentile satisfaction', unit: 'NUMBER', kind: 'percentile', property: 'properties.satisfaction', p: 75 },
  { key: 'closedShare', label: 'Closed share', unit: 'PERCENT', kind: 'ratio', numerator: 'closedCount', denominator: 'count' },
  { key: 'highPriorityPerClosed', label: 'High priority per closed', unit: 'NUMBER', kind: 'ratio', numerator: 'highPriorityCount', denominator: 'closedCount' },
];
const MEASURES: MeasureLookup = (key) => PLUGIN_MEASURES.find((m) => m.key === key) ?? coreMeasures(key);

/** Filters over the generated data, one per line; each picked at random. */
const FILTERS: OracleFilter[] = [
  { property: 'assignee', operator: 'IN', values: ['u-1', 'u-2', 'u-6', 'u-long'] },
  { property: 'assignee', operator: 'NEQ', values: ['u-1'] },
  { property: 'assignee', operator: 'IS_UNKNOWN' },
  { property: 'inbox', operator: 'EQ', values: ['support'] },
  { property: 'inbox', operator: 'NOT_IN', values: ['sales', 'billing'] },
  { property: 'team', operator: 'IS_KNOWN' },
  { property: 'chatflow', operator: 'IN', values: ['cf-1', 'cf-2'] },
  { property: 'pageUrl', operator: 'CONTAINS', values: ['DOCS'] },
  { property: 'pageUrl', operator: 'NOT_CONTAINS', values: ['pricing'] },
  { property: 'channel', operator: 'EQ', values: ['EMAIL'] },
  { property: 'status', operator: 'EQ', values: ['CLOSED'] },
  { property: 'status', operator: 'NEQ', values: ['CLOSED'] },
  { property: 'subject', operator: 'STARTS_WITH', values: ['q'] },
  { property: 'contactEmail', operator: 'CONTAINS', values: ['.com'] },
  { property: 'createdAt', operator: 'GTE', values: ['2026-03-01'] },
  { property: 'createdAt', operator: 'BETWEEN', values: ['2026-02-20', '2026-10-31'] },
  { property: 'closedAt', operator: 'IS_UNKNOWN' },
  { property: 'closedAt', operator: 'LTE', values: ['2026-11-01'] },
  { property: 'firstResponseSeconds', operator: 'GT', values: ['60'] },
  { property: 'firstResponseSeconds', operator: 'IS_UNKNOWN' },
  { property: 'timeToCloseSeconds', operator: 'BETWEEN', values: ['0', '7200'] },
  { property: 'messageCount', operator: 'GTE', values: ['3'] },
  { property: 'firstResponseRange', operator: 'IN', values: ['UNDER_1_MIN', '1_TO_5_MIN'] },
  { property: 'properties.priority', operator: 'NEQ', values: ['low'] },
  { property: 'properties.plan', operator: 'EQ', values: ['pro'] },
  { property: 'properties.satisfaction', operator: 'GTE', values: ['4'] },
  { property: 'properties.vip', operator: 'EQ', values: ['true'] },
  { property: 'properties.vip', operator: 'IS_KNOWN' },
];

// ---- data ---------------------------------------------------------------------------------------

const DEMO = { conversations: 1200, seed: 424242, now: new Date('2026-11-25T12:00:00Z'), months: 12 };
const LONG = { id: 'u-long', name: 'Long Runner', email: 'long@example.com' };
const SUPPORT = { id: 'support', name: 'Support' };

function conversation(id: string, channel: 'CHAT' | 'EMAIL', createdAt: string, closedAt: string | null, rest: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id, channel, inbox: SUPPORT, assignee: LONG, status: closedAt ? 'CLOSED' : 'OPEN', createdAt, ...(closedAt ? { closedAt } : {}),
    messages: [{ id: 'm1', from: 'VISITOR', sentAt: createdAt }, { id: 'm2', from: 'AGENT', sentAt: new Date(Date.parse(createdAt) + 90_000).toISOString() }],
    ...rest,
  };
}

/** Conversations whose two dates lie far apart or on local midnights of the zones above. */
const EDGE_CASES: Record<string, unknown>[] = [
  // The shape: created long before a range on closedAt, closed inside it.
  conversation('long-01', 'EMAIL', '2025-01-15T10:00:00.000Z', '2026-03-07T12:00:00.000Z', { properties: { priority: 'high', satisfaction: 2 } }),
  conversation('long-02', 'CHAT', '2026-02-27T23:30:00.000Z', '2026-03-08T22:59:59.999Z', { pageUrl: 'https://example.com/docs/api' }),
  conversation('long-03', 'EMAIL', '2025-06-30T22:00:00.000Z', '2026-10-25T01:30:00.000Z', { team: { id: 't-1', name: 'Tier 1' } }),
  // Open for months: no closedAt, so the no-value group of closedAt.
  conversation('long-04', 'EMAIL', '2026-03-07T05:00:00.000Z', null, { properties: { vip: true } }),
  conversation('long-05', 'CHAT', '2025-12-31T23:00:00.000Z', null),
  // Closed at Santiago's first instant of 2026-09-06 (its skipped midnight), created a year before.
  conversation('long-06', 'EMAIL', '2025-09-05T12:00:00.000Z', '2026-09-06T04:00:00.000Z', { properties: { plan: 'pro', satisfaction: 5 } }),
  // Chatham's midnight (+13:45) of 2026-09-27, its spring DST day; Lord Howe's of 2026-10-04.
  conversation('long-07', 'CHAT', '2026-09-26T10:15:00.000Z', '2026-10-03T13:00:00.000Z'),
  conversation('long-08', 'EMAIL', '2026-04-04T13:00:00.000Z', '2026-04-04T13:30:00.000Z'),
  // New York's last millisecond of 2026-03-08, closed in Kolkata's next year.
  conversation('long-09', 'CHAT', '2026-03-09T03:59:59.999Z', '2026-12-31T18:30:00.000Z', { properties: { vip: false } }),
  // Closed the very millisecond it was created, at Amsterdam's midnight.
  conversation('long-10', 'EMAIL', '2026-10-25T23:00:00.000Z', '2026-10-25T23:00:00.000Z'),
];

// ---- random configurations ------------------------------------------------------------------------

type Rng = () => number;

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];

function pickWeighted(rng: Rng, entries: readonly [string, number][], except: readonly string[]): string {
  const left = entries.filter(([key]) => !except.includes(key));
  let r = rng() * left.reduce((sum, [, w]) => sum + w, 0);
  for (const [key, weight] of left) if ((r -= weight) < 0) return key;
  return left[left.length - 1][0];
}

function daysBetween(range: DateRange): number {
  return (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 + 1;
}

function randomRange(rng: Rng): DateRange | undefined {
  const r = rng();
  if (r < 0.2) return undefined;
  if (r < 0.55) return pick(rng, FIXED_RANGES);
  const length = pick(rng, [1, 2, 7, 14, 31, 45, 92, 200, 365]);
  const start = Date.parse('2025-11-01') + Math.floor(rng() * 400) * 86_400_000;
  return { from: new Date(start).toISOString().slice(0, 10), to: new Date(start + (length - 1) * 86_400_000).toISOString().slice(0, 10) };
}

/** A granularity that keeps the buckets few enough to drill into each. */
function randomGranularity(rng: Rng, range: DateRange | undefined): Granularity {
  const days = range ? daysBetween(range) : 1000;
  if (days <= 45) return pick(rng, ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR']);
  if (days <= 200) return pick(rng, ['WEEK', 'MONTH', 'QUARTER', 'YEAR']);
  return pick(rng, ['MONTH', 'QUARTER', 'YEAR']);
}

/** What the rollup has: a third of the configurations draw only from these, so that many are answered from it. */
const ROLLUP_COLUMNS = ['createdAt', 'closedAt', 'assignee', 'inbox', 'team', 'chatflow', 'pageUrl', 'channel', 'status'];
const ROLLUP_MEASURES = ORACLE_MEASURES.filter((m) => ['count', 'closedCount', 'openCount', 'avgFirstResponseSeconds', 'avgTimeToCloseSeconds', 'sumFirstResponseSeconds', 'closedShare'].includes(m));

function randomConfig(rng: Rng): OracleConfig {
  const forRollup = rng() < 0.35;
  const dimensionPool = forRollup ? DIMENSIONS.filter(([key]) => ROLLUP_COLUMNS.includes(key)) : DIMENSIONS;
  const dimensions: string[] = [];
  const dimensionCount = pick(rng, [0, 1, 1, 2, 2, 2]);
  while (dimensions.length < dimensionCount) dimensions.push(pickWeighted(rng, dimensionPool, dimensions));
  const measures = [...(forRollup ? ROLLUP_MEASURES : ORACLE_MEASURES)].sort(() => rng() - 0.5).slice(0, 1 + Math.floor(rng() * 3));
  const filterPool = forRollup ? FILTERS.filter((f) => ROLLUP_COLUMNS.includes(f.property) && !isDateProperty(f.property)) : FILTERS;
  const filters = [...filterPool].sort(() => rng() - 0.5).slice(0, pick(rng, [0, 0, 1, 1, 2]));
  const dateRange = randomRange(rng);
  return {
    channel: pick(rng, [null, null, 'CHAT', 'EMAIL'] as const),
    measures,
    dimensions,
    dateProperty: pick(rng, ['createdAt', 'closedAt'] as const),
    filters,
    timezone: pick(rng, TIMEZONES),
    dateRange,
    granularity: dimensions.some(isDateProperty) ? randomGranularity(rng, dateRange) : undefined,
  };
}

const describeConfig = (config: OracleConfig) => `seed ${SEED} ${JSON.stringify(config)}`;

// ---- comparison -----------------------------------------------------------------------------------

const close = (expected: number | null, actual: number | null, exact: boolean) =>
  expected === null || actual === null ? expected === actual : exact ? expected === actual : Math.abs(expected - actual) <= 1e-6 * Math.max(1, Math.abs(expected));

/** Every difference between the engine's rows and the oracle's points, one line each. */
function compare(config: OracleConfig, result: ReportResult, expected: OraclePoint[]): string[] {
  const where = describeConfig(config);
  const problems: string[] = [];
  const key = (values: (string | null)[]) => JSON.stringify(values);
  const actual = new Map<string, ReportResult['rows'][number]>();
  for (const row of result.rows) {
    const k = key(row.dimensionValues.map((v) => v.value));
    if (actual.has(k)) problems.push(`${where}: point ${k} comes twice`);
    actual.set(k, row);
  }
  for (const point of expected) {
    const k = key(point.values);
    const row = actual.get(k);
    actual.delete(k);
    if (!row) {
      problems.push(`${where}: missing point ${k} = ${JSON.stringify(point.measures)} [${point.ids[0].length} conversations]`);
      continue;
    }
    const labels = row.dimensionValues.map((v) => v.label);
    const same = JSON.stringify(labels) === JSON.stringify(point.labels) && point.measures.every((m, i) => close(m, row.measureValues[i], isCountMeasure(config.measures[i])));
    if (!same) problems.push(`${where}: point ${k} expected ${JSON.stringify(point.labels)} = ${JSON.stringify(point.measures)}, got ${JSON.stringify(labels)} = ${JSON.stringify(row.measureValues)}`);
  }
  for (const [k, row] of actual) problems.push(`${where}: unexpected point ${k} = ${JSON.stringify(row.measureValues)}`);
  return problems.slice(0, 5);
}

/** Time in time order, no value last, within each run of rows that agree on the dimensions before. */
function timeOrderProblems(config: OracleConfig, result: ReportResult): string[] {
  const problems: string[] = [];
  config.dimensions.forEach((key, t) => {
    if (!isDateProperty(key)) return;
    for (let r = 1; r < result.rows.length; r++) {
      const [a, b] = [result.rows[r - 1].dimensionValues, result.rows[r].dimensionValues];
      if (a.slice(0, t).some((v, i) => v.value !== b[i].value)) continue;
      const [x, y] = [a[t].value, b[t].value];
      if (x === null ? y !== null : y !== null && x > y) problems.push(`${describeConfig(config)}: ${key} ${JSON.stringify(x)} listed before ${JSON.stringify(y)}`);
    }
  });
  return problems.slice(0, 3);
}

/** The total of each count measure; null for other measures. */
const totals = (config: OracleConfig, result: ReportResult) =>
  config.measures.map((m, i) => (isCountMeasure(m) ? result.rows.reduce((sum, row) => sum + (row.measureValues[i] ?? 0), 0) : null));

describe.each(DIALECTS)('custom reports agree with the oracle on random configurations on %s', (dialect) => {
  let database: TestDatabase;
  let account: Account;
  let oracle: ReportOracle;
  const stats = { configs: 0, runs: 0, points: 0, drilldowns: 0, fromRollup: 0, otherDate: 0 };

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    account = await createAccount(database.db, { name: 'Random', plan: 'PROFESSIONAL', timezone: 'UTC' });
    const objects = [...generateDemoConversations(DEMO), ...EDGE_CASES];
    expect((await ingestConversations(database.db, account.id, objects)).rejected).toEqual([]);
    oracle = new ReportOracle(objects);
  }, 120_000);

  afterAll(async () => {
    console.log(`custom-report oracle on ${dialect}: seed ${SEED}, ${stats.configs} random configurations (${stats.otherDate} with a time dimension on the other date property), ${stats.runs} runs, ${stats.points} points, ${stats.drilldowns} drill-downs, ${stats.fromRollup} runs answered from the rollup`);
    await database?.drop();
  });

  const shapeOf = (config: OracleConfig): ReportShape => ({ channel: config.channel, measures: config.measures as MeasureKey[], dimensions: config.dimensions, dateProperty: config.dateProperty });
  const runOf = (config: OracleConfig) => ({ timezone: config.timezone, dateRange: config.dateRange ?? null, granularity: config.granularity ?? null, filters: config.filters as FilterSpec[] });

  /** Runs a configuration with and without rollups, compares both with each other and the oracle. */
  async function check(config: OracleConfig, problems: string[]): Promise<{ result: ReportResult; expected: OraclePoint[] }> {
    stats.runs++;
    const expected = oracle.runConfig(config);
    const { plan, raw, rollup } = await compareRollup(database.db, account, shapeOf(config), runOf(config), MEASURES);
    if (JSON.stringify(rollup) !== JSON.stringify(raw)) problems.push(`${describeConfig(config)}: rollup ${JSON.stringify(rollup.rows).slice(0, 400)} differs from raw ${JSON.stringify(raw.rows).slice(0, 400)}`);
    const otherDate = config.dimensions.some((d) => isDateProperty(d) && d !== config.dateProperty);
    if (plan?.kind === 'rollup') {
      stats.fromRollup++;
      if (otherDate) problems.push(`${describeConfig(config)}: planned from the rollup with a time dimension on the other date property`);
    }
    problems.push(...compare(config, raw, expected), ...timeOrderProblems(config, raw));
    return { result: raw, expected };
  }

  /** Every point with data and a few empty ones drill down to their count; a sample to exactly the oracle's conversations. */
  async function drill(config: OracleConfig, result: ReportResult, expected: OraclePoint[], rng: Rng, problems: string[]): Promise<void> {
    const spec = buildSpec(shapeOf(config), runOf(config), { account, catalog: await loadPropertyCatalog(database.db, account.id), dialect: database.db.dialect, measures: MEASURES });
    const measure = Math.floor(rng() * config.measures.length);
    const byValues = new Map(expected.map((p) => [JSON.stringify(p.values), p]));
    const points = result.rows.map((row) => row.dimensionValues.map((v) => v.value));
    const empty = points.filter((p) => (byValues.get(JSON.stringify(p))?.ids[measure].length ?? 0) === 0).sort(() => rng() - 0.5).slice(0, EMPTY_DRILLDOWNS);
    const full = new Set([...points].sort(() => rng() - 0.5).slice(0, FULL_DRILLDOWNS).map((p) => JSON.stringify(p)));
    for (const point of points) {
      const ids = byValues.get(JSON.stringify(point))?.ids[measure] ?? [];
      if (ids.length === 0 && !empty.includes(point)) continue;
      stats.drilldowns++;
      const where = `${describeConfig(config)} drill-down of ${JSON.stringify(point)} by ${config.measures[measure]}`;
      const page = await drilldownSpec(database.db, spec, point, config.measures[measure], { first: full.has(JSON.stringify(point)) ? 500 : 1 });
      const total = await page.totalCount();
      if (total !== ids.length) problems.push(`${where}: totalCount ${total}, the point has ${ids.length}`);
      if (full.has(JSON.stringify(point)) && ids.length <= 500) {
        const listed = page.nodes.map((n) => n.externalId).sort();
        if (JSON.stringify(listed) !== JSON.stringify(ids)) problems.push(`${where}: lists ${JSON.stringify(listed.slice(0, 10))}…, the oracle ${JSON.stringify(ids.slice(0, 10))}…`);
      }
    }
  }

  it(`${CONFIGS} random configurations: the oracle's points, totals kept across dimensions, drill-downs equal to counts, rollups equal to raw SQL`, async () => {
    const rng = mulberry32(SEED);
    const problems: string[] = [];
    for (let i = 0; i < CONFIGS; i++) {
      const config = randomConfig(rng);
      stats.configs++;
      if (config.dimensions.some((d) => isDateProperty(d) && d !== config.dateProperty)) stats.otherDate++;
      const { result, expected } = await check(config, problems);
      stats.points += result.rows.length;
      await drill(config, result, expected, rng, problems);

      // The same report without dimensions, with each alone and in the other order: the same totals.
      const [a, b] = config.dimensions;
      const variants = config.dimensions.length === 2 ? [[], [a], [b], [b, a]] : config.dimensions.length === 1 ? [[]] : [];
      const total = JSON.stringify(totals(config, result));
      for (const dimensions of variants) {
        const variant = { ...config, dimensions };
        const other = await check(variant, problems);
        if (JSON.stringify(totals(variant, other.result)) !== total) {
          problems.push(`${describeConfig(config)}: count totals ${total}, but ${JSON.stringify(totals(variant, other.result))} by ${JSON.stringify(dimensions)}`);
        }
      }
      if (problems.length > 20) break;
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(stats.configs).toBe(CONFIGS);
    // The test reaches what it is about: the other date property, and the rollup where it answers.
    expect(stats.otherDate).toBeGreaterThan(CONFIGS / 5);
    expect(stats.fromRollup).toBeGreaterThan(CONFIGS / 10);
  }, 600_000);
});
