import { sql } from '../../src/db/sql';
import { reloadSettings } from '../../src/config';
import { Readable } from 'node:stream';
import { Account } from '../../src/accounts/account.entity';
import { createAccount } from '../../src/accounts/accounts';
import { importNdjson, ingestConversations } from '../../src/conversations/import';
import { generateDemoConversations } from '../../src/demo/generate';
import { reportCatalog } from '../../src/reporting/catalog/registry';
import { buildSpec, ReportShape, RunOptions } from '../../src/reporting/engine/build-spec';
import { rebuildRollups } from '../../src/reporting/engine/rollup/maintain';
import { planRollup } from '../../src/reporting/engine/rollup/plan';
import { bindBuckets, runSpec } from '../../src/reporting/engine/run';
import { loadPropertyCatalog } from '../../src/conversations/query/properties';
import { createTestDatabase, DIALECTS, TestDatabase } from '../support/databases';
import { aConversation, toNdjson } from '../support/fixtures';
import { compareRollup, rollupSnapshot } from '../support/rollups';

/**
 * The rollup stays exact while conversations change: after every import and ingest it holds what
 * a rebuild from the conversations gives, cell for cell, and reports from it equal raw SQL. And a
 * report the planner accepts really reads the rollup (and one it refuses, or with rollups off,
 * does not).
 */

const ADA = { id: 'u-ada', name: 'Ada Lovelace', email: 'ada@example.com' };
const GRACE = { id: 'u-grace', name: 'Grace Hopper', email: 'grace@example.com' };
const SALES = { id: 'sales', name: 'Sales' };
const msg = (id: string, from: 'VISITOR' | 'AGENT', sentAt: string) => ({ id, from, sentAt });

/** Three chats and an email as first imported. */
const FIRST = [
  aConversation({ id: 'a', assignee: ADA, createdAt: '2026-03-10T09:05:00Z', messages: [msg('m1', 'VISITOR', '2026-03-10T09:05:00Z'), msg('m2', 'AGENT', '2026-03-10T09:06:00Z')] }),
  aConversation({ id: 'b', assignee: GRACE, status: 'CLOSED', createdAt: '2026-03-10T09:20:00Z', closedAt: '2026-03-10T10:20:00Z', pageUrl: 'https://example.com/pricing', messages: [] }),
  aConversation({ id: 'c', assignee: ADA, createdAt: '2026-03-10T09:10:00Z', messages: [] }),
  aConversation({ id: 'e', channel: 'EMAIL', assignee: null, createdAt: '2026-03-11T23:59:59.999Z', messages: [] }),
];

/**
 * Reports that see every change below: counts, averages, closed counts and time series, each way.
 * The catalog's are all answered from the rollup; the others as the planner decides.
 */
const CATALOG: ReportShape[] = reportCatalog().list().filter((d) => d.id !== 'chat-first-response-time-distribution');
const SHAPES: ReportShape[] = [
  ...CATALOG,
  { channel: null, measures: ['count', 'closedCount', 'avgFirstResponseSeconds', 'avgTimeToCloseSeconds'], dimensions: ['assignee', 'createdAt'], dateProperty: 'createdAt', defaultGranularity: 'DAY' },
  { channel: null, measures: ['count', 'closedCount', 'avgTimeToCloseSeconds'], dimensions: ['closedAt', 'status'], dateProperty: 'closedAt', defaultGranularity: 'DAY' },
  { channel: null, measures: ['count', 'avgTimeToCloseSeconds'], dimensions: ['status', 'channel'], dateProperty: 'closedAt' },
  { channel: 'CHAT', measures: ['count', 'avgFirstResponseSeconds'], dimensions: ['pageUrl'], dateProperty: 'createdAt' },
];
const RUNS: RunOptions[] = [
  { timezone: 'UTC' },
  { timezone: 'Europe/Amsterdam', dateRange: { from: '2026-03-10', to: '2026-03-12' }, granularity: 'DAY' },
  { timezone: 'Asia/Kolkata', dateRange: { from: '2026-03-01', to: '2026-03-31' }, granularity: 'WEEK' },
];

describe.each(DIALECTS)('rollups kept current on %s', (dialect) => {
  let database: TestDatabase;
  let account: Account;
  let queries: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(dialect, { onQuery: (sql) => queries.push(sql) });
    account = await createAccount(database.db, { name: 'Rollups', plan: 'PROFESSIONAL', timezone: 'UTC' });
  });

  afterAll(() => database.drop());

  beforeEach(() => {
    queries = [];
  });

  const ingest = async (conversations: Record<string, unknown>[]) => {
    const report = await ingestConversations(database.db, account.id, conversations);
    expect(report.rejected).toEqual([]);
    return report;
  };

  const run = async (shape: ReportShape, options: RunOptions, rollups: boolean) =>
    runSpec(database.db, buildSpec(shape, options, { account, catalog: await loadPropertyCatalog(database.db, account.id), dialect: database.db.dialect }), { rollups });

  /** The kept rollup equals a rebuild, and every report agrees with raw SQL (and is answered from the rollup). */
  async function expectExact(): Promise<void> {
    const kept = await rollupSnapshot(database.db, account.id);
    const problems: string[] = [];
    for (const shape of SHAPES) {
      for (const options of RUNS) {
        const { plan, raw, rollup } = await compareRollup(database.db, account, shape, options);
        if (CATALOG.includes(shape) && plan && plan.kind !== 'rollup') problems.push(`${JSON.stringify(shape.dimensions)} ${JSON.stringify(options)} not planned: ${plan.reason}`);
        if (JSON.stringify(rollup) !== JSON.stringify(raw)) problems.push(`${JSON.stringify(shape.dimensions)} ${JSON.stringify(options)}: raw ${JSON.stringify(raw.rows)} rollup ${JSON.stringify(rollup.rows)}`);
      }
    }
    expect(problems).toEqual([]);
    await rebuildRollups(database.db, account.id);
    expect(await rollupSnapshot(database.db, account.id)).toEqual(kept);
    expect(kept.length).toBeGreaterThan(0);
  }

  const volumeByAssignee = async () =>
    (await run(reportCatalog().get('chat-volume-by-assignee')!, { timezone: 'UTC' }, true)).rows.map((r) => [r.dimensionValues[0].value, r.measureValues[0]]);

  it('follows a first import, re-imports that move hour, assignee and status, and an identical re-import', async () => {
    await ingest(FIRST);
    expect(await volumeByAssignee()).toEqual([['u-ada', 2], ['u-grace', 1]]);
    await expectExact();

    // a: another hour and day, another assignee, closed, a slower reply; b: reopened, another page;
    // c: unchanged; d: new. Old cells must lose what new cells gain.
    const second = [
      aConversation({ id: 'a', assignee: GRACE, status: 'CLOSED', createdAt: '2026-03-11T22:40:00Z', closedAt: '2026-03-12T00:10:00Z', messages: [msg('m1', 'VISITOR', '2026-03-11T22:40:00Z'), msg('m2', 'AGENT', '2026-03-11T22:50:00Z')] }),
      aConversation({ id: 'b', assignee: GRACE, status: 'OPEN', createdAt: '2026-03-10T09:20:00Z', pageUrl: 'https://example.com/docs', messages: [] }),
      FIRST[2],
      aConversation({ id: 'd', assignee: null, inbox: SALES, createdAt: '2026-03-10T09:25:00Z', messages: [] }),
    ];
    expect(await ingest(second)).toMatchObject({ imported: 1, updated: 2, unchanged: 1 });
    expect(await volumeByAssignee()).toEqual([['u-grace', 2], ['u-ada', 1], [null, 1]]);
    await expectExact();

    // The same again changes nothing, and writes no rollup cell.
    queries = [];
    expect(await ingest(second)).toMatchObject({ imported: 0, updated: 0, unchanged: 4 });
    expect(queries.filter((q) => q.includes('report_rollups'))).toEqual([]);
    await expectExact();
  });

  it('follows an NDJSON import that closes an open conversation, unassigns one and changes only a reply time', async () => {
    const file = toNdjson([
      aConversation({ id: 'c', assignee: ADA, status: 'CLOSED', createdAt: '2026-03-10T09:10:00Z', closedAt: '2026-03-10T09:40:00.500Z', messages: [] }),
      aConversation({ id: 'd', assignee: null, inbox: SALES, createdAt: '2026-03-10T09:25:00Z', messages: [msg('m1', 'VISITOR', '2026-03-10T09:25:00Z'), msg('m2', 'AGENT', '2026-03-10T09:25:00.001Z')] }),
      aConversation({ id: 'a', assignee: null, status: 'CLOSED', createdAt: '2026-03-11T22:40:00Z', closedAt: '2026-03-12T00:10:00Z', messages: [msg('m1', 'VISITOR', '2026-03-11T22:40:00Z'), msg('m2', 'AGENT', '2026-03-11T22:50:00Z')] }),
      // A later line for the same id wins, within one batch.
      aConversation({ id: 'a', assignee: null, status: 'CLOSED', createdAt: '2026-03-11T22:40:00Z', closedAt: '2026-03-12T00:10:00Z', messages: [msg('m1', 'VISITOR', '2026-03-11T22:40:00Z'), msg('m2', 'AGENT', '2026-03-11T23:40:00Z')] }),
    ]);
    const report = await importNdjson(database.db, account.id, Readable.from([file]));
    expect(report).toMatchObject({ imported: 0, rejected: [] });
    const closed = await run(reportCatalog().get('chat-time-to-close-by-assignee')!, { timezone: 'UTC' }, true);
    expect(closed.rows.map((r) => [r.dimensionValues[0].value, r.measureValues[0]])).toEqual([[null, 5400], ['u-ada', 1800.5]]);
    await expectExact();
  });

  it('stays exact when several ingests change the same conversations at once', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `race-${i}`);
    const people = [ADA, GRACE, null];
    const version = (round: number) =>
      ids.map((id, i) =>
        aConversation({
          id, assignee: people[(i + round) % 3], status: (i + round) % 2 ? 'CLOSED' : 'OPEN', createdAt: `2026-03-${10 + ((i + round) % 5)}T0${round % 10}:00:00Z`,
          closedAt: (i + round) % 2 ? `2026-03-${16 + (round % 3)}T12:00:00Z` : undefined, messages: [],
        }),
      );
    // Writers of one account take turns; without that, one would take away a version another already replaced.
    const reports = await Promise.all(Array.from({ length: 8 }, (_, round) => ingestConversations(database.db, account.id, version(round))));
    expect(reports.flatMap((r) => r.rejected)).toEqual([]);
    await expectExact();
  });

  it('answers from the rollup when planned, and from the conversations otherwise', async () => {
    const definition = reportCatalog().get('chat-volume-by-assignee')!;
    const options = { timezone: 'Europe/Amsterdam', dateRange: { from: '2026-03-01', to: '2026-03-31' } };
    // Where each report's aggregate came from: the rollup (its edges may read conversations too) or only conversations.
    const sources = () =>
      queries.filter((q) => /FROM (report_rollups|conversations) /.test(q) && /GROUP BY/.test(q)).map((q) => (q.includes('FROM report_rollups r') ? 'rollup' : 'conversations'));

    queries = [];
    const fromRollup = await run(definition, options, true);
    expect(sources()).toEqual(['rollup']);

    queries = [];
    const fromConversations = await run(definition, options, false);
    expect(sources()).toEqual(['conversations']);
    expect(fromRollup).toEqual(fromConversations);
    expect(fromRollup.rows.length).toBeGreaterThan(0);

    // THREADLINE_ROLLUPS=off is the default of every run that does not say.
    const spec = buildSpec(definition, options, { account, catalog: await loadPropertyCatalog(database.db, account.id), dialect: database.db.dialect });
    const before = process.env.THREADLINE_ROLLUPS;
    try {
      process.env.THREADLINE_ROLLUPS = 'off';
      reloadSettings();
      queries = [];
      await runSpec(database.db, spec);
      expect(sources()).toEqual(['conversations']);
      delete process.env.THREADLINE_ROLLUPS;
      reloadSettings();
      queries = [];
      await runSpec(database.db, spec);
      expect(sources()).toEqual(['rollup']);
    } finally {
      if (before === undefined) delete process.env.THREADLINE_ROLLUPS;
      else process.env.THREADLINE_ROLLUPS = before;
      reloadSettings();
    }

    // A percentile needs every value: planned raw, and nothing reads the rollup.
    queries = [];
    await run({ ...definition, measures: ['count', 'medianFirstResponseSeconds'] }, options, true);
    expect(queries.filter((q) => q.includes('report_rollups'))).toEqual([]);
  });

  it('reads ranges of the rollup primary key, account_id first (EXPLAIN)', async () => {
    // With a handful of rows a full scan is cheapest; another account's conversations make the table
    // big enough for the optimizer to choose as it would in production.
    const other = await createAccount(database.db, { name: 'Busy', plan: 'PROFESSIONAL' });
    const demo = [...generateDemoConversations({ conversations: 1500, seed: 7, now: new Date('2026-03-15T12:00:00Z'), months: 12 })];
    expect((await ingestConversations(database.db, other.id, demo)).rejected).toEqual([]);
    await database.db.query(dialect === 'mysql' ? 'ANALYZE TABLE report_rollups, report_rollup_groups' : 'ANALYZE');
    for (const id of ['chat-volume-by-assignee', 'email-volume-over-time', 'chat-time-to-close-by-assignee']) {
      const definition = reportCatalog().get(id)!;
      const spec = buildSpec(definition, { timezone: 'Europe/Amsterdam', dateRange: { from: '2025-03-16', to: '2026-03-15' } }, { account, catalog: await loadPropertyCatalog(database.db, account.id), dialect: database.db.dialect });
      const plan = planRollup(await bindBuckets(database.db, spec));
      if (plan.kind !== 'rollup') throw new Error(`${id}: ${plan.reason}`);
      if (dialect === 'mysql') {
        const explained = await database.db.query<{ table: string; key: string | null; type: string; key_len: string | null }>(sql`EXPLAIN ${plan.query}`);
        // One range of the primary key per subquery; 107 bytes is account_id, grouped_by, date_property,
        // channel, bucket_minutes and bucket_start: the bucket range narrows the read.
        const cells = explained.filter((row) => row.table === 'r').map((row) => `${row.type} ${row.key} ${row.key_len}`);
        expect(cells.length).toBeGreaterThan(0);
        expect([id, [...new Set(cells)]]).toEqual([id, ['range PRIMARY 107']]);
        // `c` is the groups (by number, or through the key index when no group column is needed) and the
        // conversations at the edges (by channel and date): every index leads with account_id.
        const others = explained.filter((row) => row.table === 'c').map((row) => row.key);
        expect([id, others.filter((key) => !['PRIMARY', 'ux_report_rollup_groups_key', 'ix_conversations_report_created', 'ix_conversations_report_closed'].includes(key as string))]).toEqual([id, []]);
      } else {
        const explained = await database.db.query<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${plan.query}`);
        const details = explained.map((row) => row.detail);
        const cells = details.filter((d) => /^(SCAN|SEARCH) r\b/.test(d));
        expect(cells.length).toBeGreaterThan(0);
        expect([id, [...new Set(cells)]]).toEqual([id, ['SEARCH r USING PRIMARY KEY (account_id=? AND grouped_by=? AND date_property=? AND channel=? AND bucket_minutes=? AND bucket_start>? AND bucket_start<?)']]);
      }
    }
  });

  it('refuses to write conversations before reporting has hooked in its rollup maintainer, so the rollup never falls behind', async () => {
    // A fresh module registry: what a process gets that never called installReporting().
    let unhooked!: typeof import('../../src/conversations/import');
    jest.isolateModules(() => {
      unhooked = jest.requireActual<typeof import('../../src/conversations/import')>('../../src/conversations/import');
    });
    const kept = await rollupSnapshot(database.db, account.id);
    await expect(unhooked.ingestConversations(database.db, account.id, [aConversation({ id: 'unhooked', createdAt: '2026-03-10T09:00:00Z', messages: [] })]))
      .rejects.toThrow('no rollup maintainer installed');
    expect(await database.db.query('SELECT external_id FROM conversations WHERE account_id = ? AND external_id = ?', [account.id, 'unhooked'])).toEqual([]);
    expect(await rollupSnapshot(database.db, account.id)).toEqual(kept);
  });
});
