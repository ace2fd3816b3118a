import { createAccount } from '../../src/accounts/accounts';
import { ingestConversations } from '../../src/conversations/import';
import { reportCatalog } from '../../src/reporting/catalog/registry';
import { buildSpec } from '../../src/reporting/engine/build-spec';
import { compileAggregate } from '../../src/reporting/engine/compile';
import { bindBuckets } from '../../src/reporting/engine/run';
import { REPORT_INDEXES } from '../../src/reporting/engine/spec';
import { loadPropertyCatalog } from '../../src/conversations/query/properties';
import { aConversation } from '../support/fixtures';
import { Sql, sql } from '../../src/db/sql';
import { createTestDatabase, DIALECTS, TestDatabase } from '../support/databases';

/**
 * A report over a date range reads its rows from the covering index of its date property, on
 * both stores: MariaDB is told so (FORCE INDEX, its planner once chose the primary key for 30 days),
 * SQLite's planner finds it. Each catalog report's aggregate is explained over 30 and 365 days; its
 * results are the other suites' business (they run the same SQL).
 */
const RANGES = { '30d': { from: '2026-03-02', to: '2026-03-31' }, '365d': { from: '2025-04-01', to: '2026-03-31' } };

describe.each(DIALECTS)('report query plans on %s', (dialect) => {
  let test: TestDatabase;
  let accountId: number;

  beforeAll(async () => {
    test = await createTestDatabase(dialect);
    accountId = (await createAccount(test.db, { name: 'Acme', plan: 'PROFESSIONAL', timezone: 'UTC' })).id;
    const conversations = Array.from({ length: 40 }, (_, i) =>
      aConversation({
        id: `c-${i}`,
        channel: i % 2 ? 'CHAT' : 'EMAIL',
        createdAt: `2026-03-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`,
        ...(i % 3 ? { status: 'CLOSED', closedAt: `2026-03-${String(1 + (i % 28)).padStart(2, '0')}T12:00:00Z` } : {}),
      }),
    );
    await ingestConversations(test.db, accountId, conversations);
    if (dialect === 'sqlite') await test.db.query('ANALYZE');
  });

  afterAll(() => test?.drop());

  /** The indexes of `conversations` each step of the plan reads. */
  async function indexesRead(query: Sql): Promise<string[]> {
    if (dialect === 'mysql') {
      const rows = await test.db.query<{ table: string; type: string; key: string | null }>(sql`EXPLAIN ${query}`);
      return rows.filter((r) => r.table === 'c').map((r) => `${r.type} ${r.key ?? '-'}`);
    }
    const rows = await test.db.query<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${query}`);
    return rows.filter((r) => /\bc\b/.test(r.detail) && /^(SCAN|SEARCH)/.test(r.detail)).map((r) => r.detail);
  }

  const definitions = reportCatalog()
    .list()
    .filter((d) => d.channel !== null);
  const cases = definitions.flatMap((d) => (Object.keys(RANGES) as (keyof typeof RANGES)[]).map((range) => [d.id, range] as const));

  it.each(cases)('%s over %s reads a range of its date index', async (id, range) => {
    const definition = reportCatalog().get(id)!;
    const catalog = await loadPropertyCatalog(test.db, accountId);
    const spec = buildSpec(definition, { dateRange: RANGES[range] }, { account: { id: accountId, timezone: 'UTC' }, catalog, dialect: test.db.dialect });
    const query = compileAggregate(await bindBuckets(test.db, spec));
    const index = REPORT_INDEXES[spec.dateColumn];
    const expected = dialect === 'mysql' ? [`range ${index}`] : [expect.stringMatching(new RegExp(`^SEARCH c USING (COVERING )?INDEX ${index} \\(account_id=\\? AND channel=\\? AND ${spec.dateColumn.slice(2)}>\\? AND ${spec.dateColumn.slice(2)}<\\?\\)$`))];
    expect(await indexesRead(query)).toEqual(expected);
    expect(query.text.includes(`FROM conversations c FORCE INDEX (${index})`)).toBe(dialect === 'mysql');
    // And the query runs.
    await test.db.query(query);
  });

  it('leaves the choice to the planner for all time, where the whole account is read anyway', async () => {
    const definition = reportCatalog().get('chat-volume-by-assignee')!;
    const catalog = await loadPropertyCatalog(test.db, accountId);
    const spec = buildSpec(definition, {}, { account: { id: accountId, timezone: 'UTC' }, catalog, dialect: test.db.dialect });
    expect(compileAggregate(await bindBuckets(test.db, spec)).text).not.toMatch(/FORCE INDEX/);
  });
});
