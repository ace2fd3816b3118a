import { sqliteDialect } from '../../../src/db/dialects/sqlite';
import { reportCatalog } from '../../../src/reporting/catalog/registry';
import { buildSpec, ReportShape, RunOptions } from '../../../src/reporting/engine/build-spec';
import { bucketStartOf, DAY, groupOf, QUARTER_HOUR, RollupChanges, RollupFacts } from '../../../src/reporting/engine/rollup/cells';
import { MAX_SUBQUERIES, planRollup, RollupPlan, rollupsEnabled } from '../../../src/reporting/engine/rollup/plan';
import { BoundSpec, ReportSpec } from '../../../src/reporting/engine/spec';
import { FilterSpec } from '../../../src/conversations/query/filters';
import { PropertyCatalog } from '../../../src/conversations/query/properties';
import { timeBuckets } from '../../../src/calendar/time';

/**
 * The rollup planner: which reports it answers from the rollup (and which cells it reads), and
 * which it leaves to raw SQL, with the reason. The integration tests check that its answers equal
 * raw SQL; these pin its decisions.
 */

const catalog = new PropertyCatalog(new Map([['priority', 'STRING'], ['seats', 'NUMBER']]));
const account = { id: 7, timezone: 'Europe/Amsterdam' };
const MARCH = { from: '2026-03-04', to: '2026-03-31' };

function bind(spec: ReportSpec): BoundSpec {
  return { ...spec, axes: spec.dimensions.map((d) => (d.kind === 'time' && spec.range ? { buckets: timeBuckets(spec.range, d.granularity, spec.timezone), filled: [0, 0] } : null)), offsets: spec.dimensions.map(() => null), dialect: sqliteDialect };
}

function plan(shape: ReportShape, run: RunOptions = {}): RollupPlan {
  return planRollup(bind(buildSpec(shape, run, { account, catalog, dialect: sqliteDialect })));
}

const VOLUME: ReportShape = { channel: 'CHAT', measures: ['count'], dimensions: ['assignee'], dateProperty: 'createdAt' };
const BY_STATUS: ReportShape = { channel: 'EMAIL', measures: ['count', 'avgFirstResponseSeconds'], dimensions: ['status'], dateProperty: 'createdAt' };
const OVER_TIME: ReportShape = { channel: 'EMAIL', measures: ['count'], dimensions: ['createdAt'], dateProperty: 'createdAt', defaultGranularity: 'WEEK' };

/** What a plan reads, as ISO instants; or its reason for raw SQL. */
function cellsOf(decision: RollupPlan): unknown {
  if (decision.kind === 'raw') return decision.reason;
  if (decision.cells === 'every day') return [decision.groupedBy, 'every day'];
  const spans = (list: { start: Date; end: Date }[]) => list.map((s) => `${s.start.toISOString()} – ${s.end.toISOString()}`);
  const { days, quarterHours, conversations } = decision.cells;
  return { groupedBy: decision.groupedBy, days: spans(days), quarterHours: spans(quarterHours), conversations: spans(conversations) };
}

describe('the rollup planner', () => {
  it('answers every standard report from the rollup, and refuses the percentile-range plugin', () => {
    const decisions = reportCatalog().list().map((d) => [d.id, plan(d, { dateRange: MARCH }).kind]);
    expect(decisions).toEqual(reportCatalog().list().map((d) => [d.id, d.id === 'chat-first-response-time-distribution' ? 'raw' : 'rollup']));
    expect(plan(reportCatalog().get('chat-first-response-time-distribution')!)).toEqual({ kind: 'raw', reason: 'dimension firstResponseRange is not a rollup column' });
  });

  it('reads whole UTC days from cells, and the local edges from quarter hours or the conversations', () => {
    expect(cellsOf(plan(VOLUME, { dateRange: MARCH, timezone: 'Europe/Amsterdam' }))).toEqual({
      groupedBy: 'assignee',
      days: ['2026-03-04T00:00:00.000Z – 2026-03-31T00:00:00.000Z'],
      quarterHours: [],
      conversations: ['2026-03-03T23:00:00.000Z – 2026-03-04T00:00:00.000Z', '2026-03-31T00:00:00.000Z – 2026-03-31T22:00:00.000Z'],
    });
    expect(cellsOf(plan(BY_STATUS, { dateRange: MARCH, timezone: 'Europe/Amsterdam' }))).toEqual({
      groupedBy: 'status',
      days: ['2026-03-04T00:00:00.000Z – 2026-03-31T00:00:00.000Z'],
      quarterHours: ['2026-03-03T23:00:00.000Z – 2026-03-04T00:00:00.000Z', '2026-03-31T00:00:00.000Z – 2026-03-31T22:00:00.000Z'],
      conversations: [],
    });
    expect(cellsOf(plan(VOLUME, { dateRange: MARCH, timezone: 'UTC' }))).toEqual({ groupedBy: 'assignee', days: ['2026-03-04T00:00:00.000Z – 2026-04-01T00:00:00.000Z'], quarterHours: [], conversations: [] });
    expect(cellsOf(plan(BY_STATUS, { dateRange: MARCH, timezone: 'Asia/Kolkata' }))).toMatchObject({
      quarterHours: ['2026-03-03T18:30:00.000Z – 2026-03-04T00:00:00.000Z', '2026-03-31T00:00:00.000Z – 2026-03-31T18:30:00.000Z'],
    });
    expect(cellsOf(plan(BY_STATUS, { dateRange: MARCH, timezone: 'Asia/Kathmandu' }))).toMatchObject({
      quarterHours: ['2026-03-03T18:15:00.000Z – 2026-03-04T00:00:00.000Z', '2026-03-31T00:00:00.000Z – 2026-03-31T18:15:00.000Z'],
    });
    // India kept local mean time (+5:21:10) until 1906: edges off the quarter hour come from the conversations.
    expect(cellsOf(plan(BY_STATUS, { dateRange: { from: '1900-06-01', to: '1900-06-30' }, timezone: 'Asia/Kolkata' }))).toEqual({
      groupedBy: 'status',
      days: ['1900-06-01T00:00:00.000Z – 1900-06-30T00:00:00.000Z'],
      quarterHours: [],
      conversations: ['1900-05-31T18:38:50.000Z – 1900-06-01T00:00:00.000Z', '1900-06-30T00:00:00.000Z – 1900-06-30T18:38:50.000Z'],
    });
    // A single local day holds no whole UTC day: only the status rollup has something to read.
    const day = { dateRange: { from: '2026-03-29', to: '2026-03-29' }, timezone: 'Europe/Amsterdam' };
    expect(cellsOf(plan(VOLUME, day))).toEqual('no whole UTC day to read from the assignee rollup');
    expect(cellsOf(plan(BY_STATUS, day))).toMatchObject({ days: [], quarterHours: ['2026-03-28T23:00:00.000Z – 2026-03-29T22:00:00.000Z'] });
    expect(cellsOf(plan(VOLUME))).toEqual(['assignee', 'every day']);
    expect(cellsOf(plan(BY_STATUS))).toEqual(['status', 'every day']);
  });

  it('never lets a cell straddle a time bucket edge, DST weeks included', () => {
    // Weeks start on Monday local midnight: 23:00 UTC in winter, 22:00 UTC from March 29.
    const days = [
      '2026-03-04T00:00:00.000Z – 2026-03-08T00:00:00.000Z',
      '2026-03-09T00:00:00.000Z – 2026-03-15T00:00:00.000Z',
      '2026-03-16T00:00:00.000Z – 2026-03-22T00:00:00.000Z',
      '2026-03-23T00:00:00.000Z – 2026-03-29T00:00:00.000Z',
      '2026-03-30T00:00:00.000Z – 2026-03-31T00:00:00.000Z',
    ];
    const edges = [
      '2026-03-03T23:00:00.000Z – 2026-03-04T00:00:00.000Z',
      '2026-03-08T00:00:00.000Z – 2026-03-09T00:00:00.000Z',
      '2026-03-15T00:00:00.000Z – 2026-03-16T00:00:00.000Z',
      '2026-03-22T00:00:00.000Z – 2026-03-23T00:00:00.000Z',
      '2026-03-29T00:00:00.000Z – 2026-03-30T00:00:00.000Z',
      '2026-03-31T00:00:00.000Z – 2026-03-31T22:00:00.000Z',
    ];
    expect(cellsOf(plan(OVER_TIME, { dateRange: MARCH, timezone: 'Europe/Amsterdam' }))).toEqual({ groupedBy: 'status', days, quarterHours: edges, conversations: [] });
    expect(cellsOf(plan({ ...OVER_TIME, dimensions: ['createdAt', 'inbox'] }, { dateRange: MARCH, timezone: 'Europe/Amsterdam' }))).toEqual({ groupedBy: 'inbox', days, quarterHours: [], conversations: edges });
    // Days in UTC are whole UTC days; days in Amsterdam run 23:00 to 23:00 and read quarter hours only.
    expect(cellsOf(plan(OVER_TIME, { dateRange: MARCH, timezone: 'UTC', granularity: 'DAY' }))).toEqual({ groupedBy: 'status', days: ['2026-03-04T00:00:00.000Z – 2026-04-01T00:00:00.000Z'], quarterHours: [], conversations: [] });
    expect(cellsOf(plan(OVER_TIME, { dateRange: MARCH, timezone: 'Europe/Amsterdam', granularity: 'DAY' }))).toEqual({ groupedBy: 'status', days: [], quarterHours: ['2026-03-03T23:00:00.000Z – 2026-03-31T22:00:00.000Z'], conversations: [] });
    expect(cellsOf(plan({ ...OVER_TIME, dimensions: ['createdAt', 'inbox'] }, { dateRange: MARCH, timezone: 'Europe/Amsterdam', granularity: 'DAY' }))).toEqual('no whole UTC day to read from the inbox rollup');
  });

  it('keeps to one query of at most MAX_SUBQUERIES ranges', () => {
    const fiveYears = { dateRange: { from: '2022-01-01', to: '2026-12-31' }, timezone: 'Europe/Amsterdam', granularity: 'WEEK' as const };
    expect(cellsOf(plan(OVER_TIME, fiveYears))).toEqual({ groupedBy: 'status', days: [], quarterHours: ['2021-12-31T23:00:00.000Z – 2026-12-31T23:00:00.000Z'], conversations: [] });
    expect(cellsOf(plan({ ...OVER_TIME, dimensions: ['createdAt', 'team'] }, fiveYears))).toEqual(`its time buckets would take more than ${MAX_SUBQUERIES} ranges`);
    // Two years of weeks still get their DAY cells, for either channel.
    const twoYears = plan({ ...OVER_TIME, channel: null }, { dateRange: { from: '2025-01-01', to: '2026-12-31' }, timezone: 'Europe/Amsterdam', granularity: 'WEEK' });
    expect(twoYears.kind === 'rollup' && twoYears.cells !== 'every day' && twoYears.cells.days.length).toBeGreaterThan(100);
  });

  it('answers with filters on the grouping column, status and channel, reusing their SQL', () => {
    const filters: FilterSpec[] = [
      { property: 'assignee', operator: 'NOT_IN', values: ['u-1', 'u-2'] },
      { property: 'status', operator: 'NEQ', values: ['OPEN'] },
      { property: 'channel', operator: 'IN', values: ['CHAT'] },
    ];
    const spec = buildSpec(VOLUME, { dateRange: MARCH, filters }, { account, catalog, dialect: sqliteDialect });
    const decision = planRollup(bind(spec));
    if (decision.kind !== 'rollup') throw new Error(decision.reason);
    // Once over the groups, and once over each span of conversations.
    expect(decision.query.text.split(`WHERE ${spec.filters.text} GROUP BY`).length - 1).toBe(1);
    expect(decision.query.text.split(`AND (${spec.filters.text}) GROUP BY`).length - 1).toBe(2);
  });

  it.each<[string, FilterSpec, string]>([
    ['assignee', { property: 'assignee', operator: 'IS_UNKNOWN' }, 'assignee'],
    ['inbox', { property: 'inbox', operator: 'EQ', values: ['support'] }, 'inbox'],
    ['team', { property: 'team', operator: 'IS_KNOWN' }, 'team'],
    ['chatflow', { property: 'chatflow', operator: 'IN', values: ['cf-1'] }, 'chatflow'],
    ['pageUrl', { property: 'pageUrl', operator: 'STARTS_WITH', values: ['https://example.com/pri'] }, 'pageUrl'],
    ['status', { property: 'status', operator: 'EQ', values: ['OPEN'] }, 'status'],
  ])('answers a time series filtered on %s from its grouping', (_key, filter, groupedBy) => {
    expect(plan(OVER_TIME, { dateRange: MARCH, filters: [filter] })).toMatchObject({ kind: 'rollup', groupedBy });
  });

  it('leaves closedAt reports by inbox, team, chatflow or page URL to raw SQL: those rollups keep createdAt only', () => {
    for (const key of ['inbox', 'team', 'chatflow', 'pageUrl']) {
      expect(plan({ ...VOLUME, dimensions: [key], dateProperty: 'closedAt' }, { dateRange: MARCH })).toEqual({ kind: 'raw', reason: `the ${key} rollup keeps no closedAt cells` });
    }
    expect(plan({ ...VOLUME, dateProperty: 'closedAt' }, { dateRange: MARCH })).toMatchObject({ kind: 'rollup', groupedBy: 'assignee' });
    // By status, closedAt has whole days only: its edges come from the conversations.
    expect(cellsOf(plan({ ...BY_STATUS, dateProperty: 'closedAt' }, { dateRange: MARCH }))).toEqual({
      groupedBy: 'status',
      days: ['2026-03-04T00:00:00.000Z – 2026-03-31T00:00:00.000Z'],
      quarterHours: [],
      conversations: ['2026-03-03T23:00:00.000Z – 2026-03-04T00:00:00.000Z', '2026-03-31T00:00:00.000Z – 2026-03-31T22:00:00.000Z'],
    });
  });

  it('leaves two grouping columns together to raw SQL', () => {
    expect(plan(VOLUME, { filters: [{ property: 'inbox', operator: 'EQ', values: ['support'] }] })).toEqual({ kind: 'raw', reason: 'assignee and inbox together: rollups group by one of them at a time' });
    expect(plan({ ...VOLUME, dimensions: ['pageUrl', 'chatflow'] })).toEqual({ kind: 'raw', reason: 'pageUrl and chatflow together: rollups group by one of them at a time' });
    expect(plan({ ...VOLUME, dimensions: ['assignee', 'status', 'channel'] }, { filters: [{ property: 'assignee', operator: 'IS_KNOWN' }] })).toMatchObject({ kind: 'rollup', groupedBy: 'assignee' });
  });

  it.each<[string, FilterSpec]>([
    ['subject', { property: 'subject', operator: 'CONTAINS', values: ['refund'] }],
    ['contactEmail', { property: 'contactEmail', operator: 'EQ', values: ['a@example.org'] }],
    ['firstResponseSeconds', { property: 'firstResponseSeconds', operator: 'GT', values: ['60'] }],
    ['timeToCloseSeconds', { property: 'timeToCloseSeconds', operator: 'IS_KNOWN' }],
    ['messageCount', { property: 'messageCount', operator: 'GTE', values: ['3'] }],
    ['createdAt', { property: 'createdAt', operator: 'GTE', values: ['2026-03-10'] }],
    ['closedAt', { property: 'closedAt', operator: 'LT', values: ['2026-03-10'] }],
    ['properties.priority', { property: 'properties.priority', operator: 'EQ', values: ['high'] }],
  ])('leaves a filter on %s to raw SQL', (key, filter) => {
    expect(plan(VOLUME, { dateRange: MARCH, filters: [{ property: 'assignee', operator: 'IS_KNOWN' }, filter] })).toEqual({ kind: 'raw', reason: `filter on ${key}, which is not a rollup column` });
  });

  it('leaves percentiles, other dimensions and the other date property to raw SQL', () => {
    expect(plan({ ...VOLUME, measures: ['count', 'p90FirstResponseSeconds'] })).toEqual({ kind: 'raw', reason: 'measure p90FirstResponseSeconds is a percentile, which needs every value' });
    for (const key of ['properties.priority', 'subject', 'contactEmail', 'contactName', 'firstResponseRange']) {
      expect(plan({ ...VOLUME, dimensions: [key] })).toEqual({ kind: 'raw', reason: `dimension ${key} is not a rollup column` });
    }
    expect(plan({ ...VOLUME, dimensions: ['assignee', 'closedAt'] }, { granularity: 'MONTH', dateRange: MARCH })).toEqual({
      kind: 'raw',
      reason: 'dimension closedAt is not the date property the report selects by',
    });
    expect(plan({ ...VOLUME, dimensions: ['assignee', 'closedAt'], dateProperty: 'closedAt' }, { granularity: 'MONTH', dateRange: MARCH }).kind).toBe('rollup');
  });

  it('does not trust filters it cannot see, nor a time series without buckets', () => {
    const spec = buildSpec(VOLUME, { filters: [{ property: 'assignee', operator: 'IS_KNOWN' }] }, { account, catalog, dialect: sqliteDialect });
    expect(planRollup(bind(spec)).kind).toBe('rollup');
    expect(planRollup(bind({ ...spec, filterProperties: undefined }))).toEqual({ kind: 'raw', reason: 'the properties the filters test are not known' });
    const series = buildSpec(OVER_TIME, {}, { account, catalog, dialect: sqliteDialect });
    expect(planRollup({ ...series, axes: [null], offsets: [null], dialect: sqliteDialect })).toEqual({ kind: 'raw', reason: 'the time buckets are not bound' });
    expect(planRollup({ ...series, offsets: [null], dialect: sqliteDialect, axes: [{ buckets: timeBuckets({ from: '2026-01-01', to: '2026-03-31' }, 'MONTH', 'Europe/Amsterdam'), filled: [0, 3] }] }).kind).toBe('rollup');
  });

  it('binds one value per placeholder, whatever it plans', () => {
    const shapes = [...reportCatalog().list(), VOLUME, OVER_TIME, { channel: null, measures: ['count', 'avgTimeToCloseSeconds'], dimensions: ['inbox', 'closedAt'], dateProperty: 'closedAt', defaultGranularity: 'MONTH' } as ReportShape];
    for (const shape of shapes) {
      for (const run of [{}, { dateRange: MARCH, timezone: 'America/New_York' }, { dateRange: MARCH, timezone: 'Asia/Kolkata', filters: [{ property: 'status', operator: 'NEQ', values: ['OPEN'] }] as FilterSpec[] }]) {
        const decision = plan(shape, run);
        if (decision.kind === 'raw') continue;
        expect(decision.query.text.split('?').length - 1).toBe(decision.query.params.length);
      }
    }
  });

  it('is switched off by THREADLINE_ROLLUPS=off only', () => {
    expect(rollupsEnabled({})).toBe(true);
    expect(rollupsEnabled({ THREADLINE_ROLLUPS: 'on' })).toBe(true);
    expect(rollupsEnabled({ THREADLINE_ROLLUPS: 'off' })).toBe(false);
    expect(rollupsEnabled({ THREADLINE_ROLLUPS: ' OFF ' })).toBe(false);
  });
});

describe('rollup cells', () => {
  const facts = (overrides: Partial<RollupFacts> = {}): RollupFacts => ({
    channel: 'CHAT', status: 'CLOSED', inbox_id: 'support', assignee_id: 'u-1', team_id: null, chatflow_id: null, page_url: null,
    createdAt: new Date('2026-03-10T09:05:00.000Z'), closedAt: new Date('2026-03-10T10:20:00.000Z'), firstResponseMs: 60_000, timeToCloseMs: 4_500_000,
    ...overrides,
  });
  const describeCells = (changes: RollupChanges) =>
    changes.changedCells().map((c) => [c.groupedBy, c.dateProperty, c.bucketMinutes, new Date(c.bucketStart).toISOString(), c.conversations, c.firstResponseMsSum, c.timeToCloseCount]);

  it('puts a conversation in a DAY cell of each grouping, and a quarter-hour one of status, for each of its dates', () => {
    const changes = new RollupChanges();
    changes.add(facts(), 1);
    const cells = describeCells(changes);
    expect(cells.filter(([groupedBy]) => groupedBy === 'status')).toEqual([
      ['status', 'createdAt', DAY, '2026-03-10T00:00:00.000Z', 1, 60_000, 1],
      ['status', 'createdAt', QUARTER_HOUR, '2026-03-10T09:00:00.000Z', 1, 60_000, 1],
      ['status', 'closedAt', DAY, '2026-03-10T00:00:00.000Z', 1, 60_000, 1],
    ]);
    expect(cells.filter(([groupedBy]) => groupedBy !== 'status').map(([groupedBy, date, minutes]) => `${groupedBy} ${date} ${minutes}`).sort()).toEqual([
      `assignee closedAt ${DAY}`, `assignee createdAt ${DAY}`, `chatflow createdAt ${DAY}`, `inbox createdAt ${DAY}`, `pageUrl createdAt ${DAY}`, `team createdAt ${DAY}`,
    ]);
    const open = new RollupChanges();
    open.add(facts({ status: 'OPEN', closedAt: null, timeToCloseMs: null, firstResponseMs: null }), 1);
    expect(new Set(open.changedCells().map((c) => [c.dateProperty, c.firstResponseCount, c.timeToCloseCount].join()))).toEqual(new Set(['createdAt,0,0']));
  });

  it('cancels a conversation stored again unchanged, and moves one that changed', () => {
    const same = new RollupChanges();
    same.add(facts(), -1);
    same.add(facts(), 1);
    expect(same.changedCells()).toEqual([]);
    const moved = new RollupChanges();
    moved.add(facts(), -1);
    moved.add(facts({ createdAt: new Date('2026-03-10T09:14:59.999Z'), firstResponseMs: 30_000 }), 1);
    // Same cells; only the reply time's sum changes.
    expect(new Set(moved.changedCells().map((c) => [c.conversations, c.firstResponseCount, c.firstResponseMsSum].join()))).toEqual(new Set(['0,0,-30000']));
    const reassigned = new RollupChanges();
    reassigned.add(facts(), -1);
    reassigned.add(facts({ assignee_id: 'u-2' }), 1);
    expect(describeCells(reassigned).map(([groupedBy, date, , , n]) => `${groupedBy} ${date} ${n}`).sort()).toEqual([
      'assignee closedAt -1', 'assignee closedAt 1', 'assignee createdAt -1', 'assignee createdAt 1',
    ]);
    const closed = new RollupChanges();
    closed.add(facts({ status: 'OPEN', closedAt: null, timeToCloseMs: null }), -1);
    closed.add(facts(), 1);
    expect(describeCells(closed).map(([groupedBy, date, minutes, , n]) => `${groupedBy} ${date} ${minutes} ${n}`).sort()).toEqual([
      `assignee closedAt ${DAY} 1`, `status closedAt ${DAY} 1`,
      // The open group loses it, the closed one gains it.
      `status createdAt ${DAY} -1`, `status createdAt ${DAY} 1`, `status createdAt ${QUARTER_HOUR} -1`, `status createdAt ${QUARTER_HOUR} 1`,
      ...['assignee', 'chatflow', 'inbox', 'pageUrl', 'team'].flatMap((g) => [`${g} createdAt ${DAY} -1`, `${g} createdAt ${DAY} 1`]),
    ].sort());
  });

  it('floors instants before 1970 too', () => {
    expect(new Date(bucketStartOf(new Date('1969-12-31T23:59:59.999Z'), QUARTER_HOUR)).toISOString()).toBe('1969-12-31T23:45:00.000Z');
    expect(new Date(bucketStartOf(new Date('1969-12-31T23:59:59.999Z'), DAY)).toISOString()).toBe('1969-12-31T00:00:00.000Z');
  });

  it('keys groups by grouping and value, telling no value from the text "null"', () => {
    const keys = [
      groupOf('assignee', facts()), groupOf('assignee', facts({ assignee_id: null })), groupOf('assignee', facts({ assignee_id: 'null' })),
      groupOf('team', facts({ team_id: 'u-1' })), groupOf('assignee', facts({ status: 'OPEN' })), groupOf('assignee', facts({ channel: 'EMAIL' })), groupOf('status', facts()),
    ].map((g) => g.groupKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every((k) => /^[0-9a-f]{32}$/.test(k))).toBe(true);
    // Other columns do not matter to a grouping.
    expect(groupOf('assignee', facts({ inbox_id: 'sales', page_url: 'https://example.com/' })).groupKey).toBe(keys[0]);
    expect(groupOf('status', facts({ assignee_id: 'u-9' }))).toEqual({ groupKey: keys[6], groupedBy: 'status', channel: 'CHAT', status: 'CLOSED', column: null, value: null });
  });
});
