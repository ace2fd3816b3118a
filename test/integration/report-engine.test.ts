import { Account } from '../../src/accounts/account.entity';
import { createAccount } from '../../src/accounts/accounts';
import { ingestConversations } from '../../src/conversations/import';
import { generateDemoConversations } from '../../src/demo/generate';
import { reportCatalog } from '../../src/reporting/catalog/registry';
import { buildSpec, ReportShape, RunOptions } from '../../src/reporting/engine/build-spec';
import { drilldownSpec } from '../../src/reporting/engine/drilldown';
import { runSpec } from '../../src/reporting/engine/run';
import { loadPropertyCatalog } from '../../src/conversations/query/properties';
import { createTestDatabase, DIALECTS, TestDatabase } from '../support/databases';

/**
 * Engine invariants on realistic generated data, on both databases: every data point of every
 * catalog report drills down to exactly its count, counts add up to the conversations selected,
 * and percentiles agree with a plain computation over the same conversations.
 */
describe.each(DIALECTS)('report engine invariants on %s', (dialect) => {
  let database: TestDatabase;
  let account: Account;
  const now = new Date('2026-03-20T12:00:00Z');

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    account = await createAccount(database.db, { name: 'Engine', plan: 'PROFESSIONAL', timezone: 'Europe/Amsterdam' });
    const demo = [...generateDemoConversations({ conversations: 400, seed: 11, now, months: 3 })];
    const report = await ingestConversations(database.db, account.id, demo);
    expect(report.rejected).toEqual([]);
  });

  afterAll(() => database.drop());

  const specOf = async (shape: ReportShape, run: RunOptions = {}) =>
    buildSpec(shape, run, { account, catalog: await loadPropertyCatalog(database.db, account.id), dialect: database.db.dialect });

  const runs: [string, RunOptions][] = [
    ['all time', {}],
    ['a month across the DST change', { dateRange: { from: '2026-03-01', to: '2026-03-31' }, granularity: 'DAY' }],
    ['a partial first week', { dateRange: { from: '2026-02-04', to: '2026-02-28' } }],
  ];

  it.each(runs)('every data point of every catalog report drills down to its count (%s)', async (_name, run) => {
    const definitions = reportCatalog().list();
    expect(definitions.length).toBeGreaterThanOrEqual(13);
    for (const definition of definitions) {
      const spec = await specOf(definition, run);
      const result = await runSpec(database.db, spec);
      expect(result.rows.length).toBeGreaterThan(0);
      for (const row of result.rows) {
        const point = row.dimensionValues.map((v) => v.value);
        const page = await drilldownSpec(database.db, spec, point, null, { first: 1 });
        const total = await page.totalCount();
        const measure = spec.measures[0];
        if (measure.kind === 'count') expect([definition.id, point, total]).toEqual([definition.id, point, row.measureValues[0]]);
        else expect(total === 0).toBe(row.measureValues[0] === null);
      }
    }
  });

  it('volume counts add up to the conversations selected, unassigned included', async () => {
    const byAssignee = await runSpec(database.db, await specOf(reportCatalog().get('chat-volume-by-assignee')!));
    const [row] = await database.db.query<{ n: unknown }>("SELECT COUNT(*) AS n FROM conversations WHERE account_id = ? AND channel = 'CHAT'", [account.id]);
    expect(byAssignee.rows.reduce((sum, r) => sum + (r.measureValues[0] ?? 0), 0)).toBe(Number(row.n));
    expect(byAssignee.rows.some((r) => r.dimensionValues[0].value === null && r.dimensionValues[0].label === 'Unassigned')).toBe(true);
  });

  it('weekly buckets cover every week of the range in order, empty ones as 0', async () => {
    const result = await runSpec(database.db, await specOf(reportCatalog().get('email-volume-over-time')!, { dateRange: { from: '2025-12-17', to: '2026-03-20' } }));
    const values = result.rows.map((r) => r.dimensionValues[0].value);
    expect(values[0]).toBe('2025-12-15'); // the Monday of the partial first week
    expect(values[values.length - 1]).toBe('2026-03-16');
    expect(values).toHaveLength(14);
    expect(new Set(values).size).toBe(14);
  });

  it('median and 90th percentile match a direct computation (linear interpolation)', async () => {
    const shape: ReportShape = { channel: 'CHAT', measures: ['medianFirstResponseSeconds', 'p90FirstResponseSeconds', 'avgFirstResponseSeconds'], dimensions: ['inbox'], dateProperty: 'createdAt' };
    const result = await runSpec(database.db, await specOf(shape));
    const rows = await database.db.query<{ inbox_id: string; first_response_ms: unknown }>(
      "SELECT inbox_id, first_response_ms FROM conversations WHERE account_id = ? AND channel = 'CHAT' AND first_response_ms IS NOT NULL",
      [account.id],
    );
    const byInbox = new Map<string, number[]>();
    for (const r of rows) byInbox.set(r.inbox_id, [...(byInbox.get(r.inbox_id) ?? []), Number(r.first_response_ms) / 1000]);
    const percentile = (values: number[], p: number) => {
      const sorted = [...values].sort((a, b) => a - b);
      const position = (sorted.length - 1) * p;
      const lower = Math.floor(position);
      return sorted[lower] + (position - lower) * (sorted[Math.ceil(position)] - sorted[lower]);
    };
    for (const row of result.rows) {
      const values = byInbox.get(row.dimensionValues[0].value as string);
      if (!values) {
        expect(row.measureValues).toEqual([null, null, null]);
        continue;
      }
      expect(row.measureValues[0]).toBeCloseTo(percentile(values, 0.5), 9);
      expect(row.measureValues[1]).toBeCloseTo(percentile(values, 0.9), 9);
      expect(row.measureValues[2]).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 9);
    }
  });

  it('keeps every series of a break-down by time whole and in time order, largest series first', async () => {
    const shape: ReportShape = { channel: 'EMAIL', measures: ['count'], dimensions: ['inbox', 'createdAt'], dateProperty: 'createdAt', defaultGranularity: 'WEEK' };
    const result = await runSpec(database.db, await specOf(shape, { dateRange: { from: '2026-02-02', to: '2026-03-01' } }));
    const series = [...new Set(result.rows.map((r) => r.dimensionValues[0].value))];
    const totals = series.map((inbox) => result.rows.filter((r) => r.dimensionValues[0].value === inbox).reduce((sum, r) => sum + (r.measureValues[0] ?? 0), 0));
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    for (const inbox of series) {
      const rows = result.rows.filter((r) => r.dimensionValues[0].value === inbox);
      expect(rows.map((r) => r.dimensionValues[1].value)).toEqual(['2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23']);
    }
    // Contiguous: each series' rows follow one another.
    expect(result.rows.map((r) => r.dimensionValues[0].value)).toEqual(series.flatMap((inbox) => [inbox, inbox, inbox, inbox]));
  });

  it('reads a custom property a definition declares but this account lacks as no value', async () => {
    const shape: ReportShape = {
      channel: 'CHAT', measures: ['count'], dimensions: ['properties.never-imported'], dateProperty: 'createdAt',
      defaultFilters: [{ property: 'properties.also-never-imported', operator: 'IS_UNKNOWN' }],
    };
    const result = await runSpec(database.db, await specOf(shape));
    const [row] = await database.db.query<{ n: unknown }>("SELECT COUNT(*) AS n FROM conversations WHERE account_id = ? AND channel = 'CHAT'", [account.id]);
    expect(result.rows).toEqual([{ dimensionValues: [{ value: null, label: '(No value)' }], measureValues: [Number(row.n)] }]);
    // A caller's own filter on it is still an error that names the field.
    await expect(specOf(shape, { filters: [{ property: 'properties.never-imported', operator: 'IS_KNOWN' }] })).rejects.toThrow('filters[0].property: unknown property "properties.never-imported"');
  });

  it('compares durations in seconds without rounding the bound', async () => {
    const rows = await database.db.query<{ external_id: string; time_to_close_ms: unknown }>(
      'SELECT external_id, time_to_close_ms FROM conversations WHERE account_id = ? AND time_to_close_ms IS NOT NULL ORDER BY external_id LIMIT 1',
      [account.id],
    );
    const ms = Number(rows[0].time_to_close_ms);
    const shape: ReportShape = { channel: null, measures: ['count'], dimensions: [], dateProperty: 'closedAt' };
    const count = async (operator: 'GT' | 'LTE', seconds: number) =>
      (await runSpec(database.db, await specOf(shape, { filters: [{ property: 'timeToCloseSeconds', operator, values: [String(seconds)] }, { property: 'timeToCloseSeconds', operator: 'BETWEEN', values: [String((ms - 1) / 1000), String((ms + 1) / 1000)] }] }))).rows[0].measureValues[0];
    // Half a millisecond below the value: GT keeps it, LTE drops it (a rounded bound would say the opposite).
    const [gt, lte] = [await count('GT', (ms - 0.5) / 1000), await count('LTE', (ms - 0.5) / 1000)];
    expect(gt).toBeGreaterThanOrEqual(1);
    expect(lte).toBe(0);
  });
});
