import { Account } from '../../src/accounts/account.entity';
import { createAccount } from '../../src/accounts/accounts';
import { ingestConversations } from '../../src/conversations/import';
import { buildSpec, ReportShape, RunOptions } from '../../src/reporting/engine/build-spec';
import { drilldownSpec } from '../../src/reporting/engine/drilldown';
import { coreMeasures, MeasureDefinition, MeasureLookup } from '../../src/reporting/engine/measures';
import { aggregateQuery, planRollup } from '../../src/reporting/engine/rollup/plan';
import { aggregateShape } from '../../src/reporting/engine/compile';
import { bindBuckets, runSpec } from '../../src/reporting/engine/run';
import { loadPropertyCatalog } from '../../src/conversations/query/properties';
import { aConversation } from '../support/fixtures';
import { createTestDatabase, DIALECTS, TestDatabase } from '../support/databases';

/**
 * Every measure kind on a fixture small enough to compute by hand, on both stores, from the
 * conversations and (where the planner allows) from the rollup. Inboxes:
 *   support  a1 CLOSED csat 5 high  FRT 60 s  2 messages
 *            a2 OPEN   csat 3 low   FRT 120 s 3 messages
 *            a3 CLOSED  —    high  FRT 30 s  2 messages
 *   sales    a4 CLOSED csat 4 low   no reply  1 message
 *            a5 OPEN   csat 1  —    FRT 90 s  2 messages
 */
const at = (minute: number) => `2026-03-10T09:${String(minute).padStart(2, '0')}:00Z`;
const chat = (id: string, inbox: string, status: string, properties: Record<string, unknown>, replySeconds: number | null, extraMessages = 0) =>
  aConversation({
    id,
    inbox: { id: inbox, name: inbox },
    assignee: { id: 'u-1', name: 'Ada' },
    status,
    createdAt: at(0),
    ...(status === 'CLOSED' ? { closedAt: at(50) } : {}),
    properties,
    messages: [
      { id: `${id}-m1`, from: 'VISITOR', sentAt: at(0) },
      ...(replySeconds === null ? [] : [{ id: `${id}-m2`, from: 'AGENT', agentId: 'u-1', sentAt: new Date(Date.parse(at(0)) + replySeconds * 1000).toISOString() }]),
      ...Array.from({ length: extraMessages }, (_, i) => ({ id: `${id}-x${i}`, from: 'VISITOR', sentAt: at(40) })),
    ],
  });

const FIXTURE = [
  chat('a1', 'support', 'CLOSED', { csat: 5, priority: 'high' }, 60),
  chat('a2', 'support', 'OPEN', { csat: 3, priority: 'low' }, 120, 1),
  chat('a3', 'support', 'CLOSED', { priority: 'high' }, 30),
  chat('a4', 'sales', 'CLOSED', { csat: 4, priority: 'low' }, null),
  chat('a5', 'sales', 'OPEN', { csat: 1 }, 90),
];

const PLUGIN_MEASURES: MeasureDefinition[] = [
  { key: 'avgCsat', label: 'Average CSAT', unit: 'NUMBER', kind: 'avg', property: 'properties.csat' },
  { key: 'sumCsat', label: 'CSAT total', unit: 'NUMBER', kind: 'sum', property: 'properties.csat' },
  { key: 'minCsat', label: 'Lowest CSAT', unit: 'NUMBER', kind: 'min', property: 'properties.csat' },
  { key: 'maxCsat', label: 'Highest CSAT', unit: 'NUMBER', kind: 'max', property: 'properties.csat' },
  { key: 'medianCsat', label: 'Median CSAT', unit: 'NUMBER', kind: 'percentile', property: 'properties.csat', p: 50 },
  { key: 'highPriority', label: 'High priority', unit: 'COUNT', kind: 'count', where: [{ property: 'properties.priority', operator: 'EQ', values: ['high'] }] },
  { key: 'highShare', label: 'High-priority share', unit: 'PERCENT', kind: 'ratio', numerator: 'highPriority', denominator: 'count' },
  { key: 'closedShare', label: 'Closed share', unit: 'PERCENT', kind: 'ratio', numerator: 'closedCount', denominator: 'count' },
  { key: 'closedPerHigh', label: 'Closed per high-priority', unit: 'NUMBER', kind: 'ratio', numerator: 'closedCount', denominator: 'highPriority' },
  { key: 'sumFirstResponse', label: 'Total first response time', unit: 'SECONDS', kind: 'sum', property: 'firstResponseSeconds' },
  { key: 'maxMessages', label: 'Most messages', unit: 'NUMBER', kind: 'max', property: 'messageCount' },
];
const lookup: MeasureLookup = (key) => PLUGIN_MEASURES.find((m) => m.key === key) ?? coreMeasures(key);

describe.each(DIALECTS)('measure kinds on %s', (dialect) => {
  let database: TestDatabase;
  let account: Account;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    account = await createAccount(database.db, { name: 'Measures', plan: 'PROFESSIONAL', timezone: 'UTC' });
    expect((await ingestConversations(database.db, account.id, FIXTURE)).rejected).toEqual([]);
  });

  afterAll(() => database.drop());

  const run: RunOptions = { dateRange: { from: '2026-03-01', to: '2026-03-31' } };
  const specOf = async (measures: string[], dimensions = ['inbox']) => {
    const shape: ReportShape = { channel: 'CHAT', measures, dimensions, dateProperty: 'createdAt' };
    return buildSpec(shape, run, { account, catalog: await loadPropertyCatalog(database.db, account.id), dialect: database.db.dialect, measures: lookup });
  };
  const valuesOf = async (measures: string[], rollups = false) => {
    const result = await runSpec(database.db, await specOf(measures), { rollups });
    return Object.fromEntries(result.rows.map((r) => [r.dimensionValues[0].value, r.measureValues]));
  };

  it('averages, sums, minima, maxima and percentiles of a numeric custom property, over the conversations that have it', async () => {
    expect(await valuesOf(['avgCsat', 'sumCsat', 'minCsat', 'maxCsat', 'medianCsat'])).toEqual({
      support: [4, 8, 3, 5, 4], // a1 5, a2 3
      sales: [2.5, 5, 1, 4, 2.5], // a4 4, a5 1
    });
  });

  it('counts with a where, ratios (null over 0), sums of durations and maxima of built-in numbers', async () => {
    const values = await valuesOf(['count', 'highPriority', 'highShare', 'closedShare', 'closedPerHigh', 'sumFirstResponse', 'maxMessages']);
    expect(values).toEqual({
      support: [3, 2, (2 / 3) * 100, (2 / 3) * 100, 1, 210, 3],
      sales: [2, 0, 0, 50, null, 90, 2],
    });
  });

  it('answers counts, ratios of counts and sums of durations from the rollup, exactly', async () => {
    const measures = ['count', 'closedShare', 'sumFirstResponse', 'avgFirstResponseSeconds'];
    const plan = planRollup(await bindBuckets(database.db, await specOf(measures)));
    expect(plan.kind).toBe('rollup');
    expect(await valuesOf(measures, true)).toEqual(await valuesOf(measures, false));
    expect(await valuesOf(measures, true)).toEqual({ support: [3, (2 / 3) * 100, 210, 70], sales: [2, 50, 90, 90] });
  });

  it.each([
    ['from the conversations', ['count', 'avgCsat', 'sumCsat', 'minCsat', 'maxCsat', 'medianCsat', 'highPriority', 'highShare', 'closedPerHigh', 'maxMessages'], false],
    ['from the rollup', ['count', 'closedShare', 'sumFirstResponse', 'avgFirstResponseSeconds'], true],
  ])('declares exactly the columns the aggregate returns %s, so none reads as a missing null', async (_, measures, rollups) => {
    const bound = await bindBuckets(database.db, await specOf(measures as string[]));
    const aggregate = aggregateQuery(bound, rollups as boolean);
    expect(aggregate.fromRollup).toBe(rollups);
    const rows = await database.db.report<Record<string, unknown>>(aggregate.query);
    expect(rows.map((row) => Object.keys(row).sort())).toEqual(rows.map(() => Object.keys(aggregateShape(bound)).sort()));
    expect(rows.length).toBe(2);
  });

  it.each([
    ['medianCsat', 'measure medianCsat is a percentile, which needs every value'],
    ['maxMessages', 'measure maxMessages is a maximum, which needs every value'],
    ['avgCsat', 'measure avgCsat aggregates properties.csat, which the rollup does not sum'],
    ['highShare', 'filter on properties.priority, which is not a rollup column'],
  ])('answers %s from the conversations: %s', async (measure, reason) => {
    expect(planRollup(await bindBuckets(database.db, await specOf([measure])))).toEqual({ kind: 'raw', reason });
  });

  it.each([
    ['avgCsat', 'support', 2], // a1 a2: the conversations averaged
    ['highPriority', 'support', 2],
    ['highShare', 'support', 2], // a ratio drills to its numerator's conversations
    ['highShare', 'sales', 0],
    ['closedPerHigh', 'sales', 1],
    ['maxMessages', 'sales', 2],
  ])('drills %s at %s down to %i conversations', async (measure, inbox, total) => {
    const page = await drilldownSpec(database.db, await specOf([measure]), [inbox], measure, { first: 10 });
    expect(await page.totalCount()).toBe(total);
  });

  it('names an unknown measure by its field', async () => {
    await expect(specOf(['count', 'noSuchMeasure'])).rejects.toThrow('measures[1]: unknown measure "noSuchMeasure"; reportMeasures lists the known ones');
  });
});
