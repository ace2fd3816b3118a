import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { Account } from '../../src/accounts/account.entity';
import { createAccount } from '../../src/accounts/accounts';
import { importNdjson, ingestConversations } from '../../src/conversations/import';
import { reloadSettings } from '../../src/config';
import { Database, openDatabase } from '../../src/db/database';
import { closeReportCache, createReportCache, ReportCache, reportLru } from '../../src/reporting/cache';
import { reportCacheKey } from '../../src/reporting/cache/key';
import { reportCatalog } from '../../src/reporting/catalog/registry';
import { buildSpec, RunOptions } from '../../src/reporting/engine/build-spec';
import { runSpec } from '../../src/reporting/engine/run';
import { ReportSpec } from '../../src/reporting/engine/spec';
import { loadPropertyCatalog } from '../../src/conversations/query/properties';
import { ConversationInput, IngestDocument, RunReportDocument, RunReportInput } from '../graphql/generated/operations';
import { startTestApi, TestApi } from '../support/api';
import { createTestDatabase, DIALECTS, TestDatabase } from '../support/databases';
import { itWithRedis, redisUrl, serverReachable } from '../support/servers';
import { aConversation, toNdjson } from '../support/fixtures';

/**
 * The report result cache: a repeated run is answered without computing, anything that changes
 * the answer (another run, new data, another account) is computed. "Computed" is told apart by
 * the SQL a run sends: every report query reads `FROM conversations c`, a cache hit sends none.
 */
const REDIS_URL = redisUrl();
const isReportQuery = (sql: string) => /\bFROM (conversations c|report_rollups r)\b/.test(sql);

const asInput = (overrides: Record<string, unknown>) => aConversation(overrides) as unknown as ConversationInput;

/** Three CHAT conversations in March 2026: u-7 has two, u-8 one. */
const MARCH = [
  asInput({ id: 'c-1', createdAt: '2026-03-02T10:00:00Z' }),
  asInput({ id: 'c-2', createdAt: '2026-03-10T10:00:00Z', status: 'CLOSED', closedAt: '2026-03-10T11:00:00Z' }),
  asInput({ id: 'c-3', createdAt: '2026-03-20T23:30:00Z', assignee: { id: 'u-8', name: 'Grace Hopper' } }),
];

/** `[assignee, count]` per row of a volume-by-assignee report. */
const counts = (rows: { dimensionValues: { value: string | null }[]; measureValues: (number | null)[] }[]) =>
  rows.map((r) => [r.dimensionValues[0].value, r.measureValues[0]]);

describe.each(DIALECTS)('report cache over HTTP on %s', (dialect) => {
  let api: TestApi;
  let queries: string[] = [];

  beforeAll(async () => {
    // Whatever the environment running the tests says, this suite is about the default: in-process LRU.
    await closeReportCache();
    api = await startTestApi(dialect, { timezone: 'UTC' }, { onQuery: (sql) => queries.push(sql) });
    const ingest = await api.request(IngestDocument, { input: MARCH });
    expect(ingest.data?.ingestConversations).toMatchObject({ imported: 3, rejected: [] });
  });

  afterAll(() => api.close());

  /** Runs a report over HTTP; `computed` says whether it queried conversations. */
  async function run(input: RunReportInput, token?: string) {
    queries = [];
    const response = await api.request(RunReportDocument, { input }, token);
    expect(response.errors).toBeUndefined();
    return { rows: response.data!.runReport.rows, computed: queries.some(isReportQuery) };
  }

  const march = { definitionId: 'chat-volume-by-assignee', dateRange: { from: '2026-03-01', to: '2026-03-31' } };

  it('answers a second identical run from the cache, with the same rows', async () => {
    const first = await run(march);
    expect(first).toEqual({ computed: true, rows: expect.any(Array) });
    expect(counts(first.rows)).toEqual([['u-7', 2], ['u-8', 1]]);
    expect(await run(march)).toEqual({ computed: false, rows: first.rows });
  });

  it('computes a run that differs in filter, timezone, date range or granularity', async () => {
    await run(march);
    expect((await run(march)).computed).toBe(false);
    const filtered = await run({ ...march, filters: [{ property: 'status', operator: 'EQ', values: ['CLOSED'] }] });
    expect([filtered.computed, counts(filtered.rows)]).toEqual([true, [['u-7', 1]]]);
    // 23:30 UTC on the 20th is the 21st in Tokyo: same counts, but a run of its own.
    const tokyo = await run({ ...march, timezone: 'Asia/Tokyo' });
    expect([tokyo.computed, counts(tokyo.rows)]).toEqual([true, [['u-7', 2], ['u-8', 1]]]);
    const firstHalf = await run({ ...march, dateRange: { from: '2026-03-01', to: '2026-03-15' } });
    expect([firstHalf.computed, counts(firstHalf.rows)]).toEqual([true, [['u-7', 2]]]);
    // Without a date dimension a granularity changes nothing: the compiled report is the same.
    expect((await run({ ...march, granularity: 'DAY' })).computed).toBe(false);
  });

  it('treats runs that mean the same as one: the default timezone spelt out, the default granularity given', async () => {
    const weekly = { definitionId: 'email-volume-over-time', dateRange: { from: '2026-02-01', to: '2026-02-28' } };
    expect((await run(weekly)).computed).toBe(true);
    expect((await run({ ...weekly, timezone: 'UTC', granularity: 'WEEK' })).computed).toBe(false);
    expect((await run({ ...weekly, granularity: 'DAY' })).computed).toBe(true);
  });

  it('shows new numbers right after an ingest, over GraphQL or in-process, and after an NDJSON import', async () => {
    const allTime = { definitionId: 'chat-volume-by-assignee' };
    expect(counts((await run(allTime)).rows)).toEqual([['u-7', 2], ['u-8', 1]]);
    expect((await run(allTime)).computed).toBe(false);

    await api.request(IngestDocument, { input: [asInput({ id: 'c-4', createdAt: '2026-04-01T08:00:00Z', assignee: { id: 'u-8', name: 'Grace Hopper' } })] });
    const afterGraphQL = await run(allTime);
    expect([afterGraphQL.computed, counts(afterGraphQL.rows)]).toEqual([true, [['u-7', 2], ['u-8', 2]]]);

    await ingestConversations(api.db, api.account.id, [aConversation({ id: 'c-5', createdAt: '2026-04-02T08:00:00Z', assignee: null })]);
    expect(counts((await run(allTime)).rows)).toEqual([['u-7', 2], ['u-8', 2], [null, 1]]);

    // An update of a stored conversation changes numbers too.
    const report = await importNdjson(api.db, api.account.id, Readable.from([toNdjson([aConversation({ id: 'c-5', createdAt: '2026-04-02T08:00:00Z' })])]));
    expect(report).toMatchObject({ updated: 1, rejected: [] });
    expect(counts((await run(allTime)).rows)).toEqual([['u-7', 3], ['u-8', 2]]);
    expect((await run(allTime)).computed).toBe(false);
  });

  it('keeps the cached result when an ingest changes nothing', async () => {
    const allTime = { definitionId: 'chat-volume-by-assignee', filters: [{ property: 'inbox', operator: 'EQ' as const, values: ['support'] }] };
    await run(allTime);
    const again = await api.request(IngestDocument, { input: [MARCH[0]] });
    expect(again.data?.ingestConversations).toMatchObject({ imported: 0, updated: 0, unchanged: 1 });
    expect((await run(allTime)).computed).toBe(false);
  });

  it('never shows another account this account\'s cached result', async () => {
    await run(march);
    expect((await run(march)).computed).toBe(false); // cached for the main account
    const other = await api.otherAccount({ timezone: 'UTC' });
    const empty = await run(march, other.token);
    expect(empty).toEqual({ computed: true, rows: [] });
    await ingestConversations(api.db, other.account.id, [aConversation({ id: 'c-1', createdAt: '2026-03-05T10:00:00Z', assignee: { id: 'u-9', name: 'Katherine Johnson' } })]);
    const own = await run(march, other.token);
    expect([own.computed, counts(own.rows)]).toEqual([true, [['u-9', 1]]]);
    expect(counts((await run(march)).rows)).toEqual([['u-7', 2], ['u-8', 1]]);
  });

  it('computes every run with THREADLINE_CACHE=off', async () => {
    const saved = process.env.THREADLINE_CACHE;
    process.env.THREADLINE_CACHE = 'off';
    reloadSettings();
    await closeReportCache();
    try {
      const byChatflow = { definitionId: 'chat-volume-by-chatflow' };
      expect((await run(byChatflow)).computed).toBe(true);
      expect((await run(byChatflow)).computed).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.THREADLINE_CACHE;
      else process.env.THREADLINE_CACHE = saved;
      reloadSettings();
      await closeReportCache();
    }
  });
});

describe.each(DIALECTS)('report cache tiers on %s', (dialect) => {
  let database: TestDatabase;
  let account: Account;
  let queries: string[] = [];
  const keyPrefix = `threadline-test:${randomUUID()}:`;
  const caches: ReportCache[] = [];
  const logged: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(dialect, { onQuery: (sql) => queries.push(sql) });
    account = await createAccount(database.db, { name: 'Cache', plan: 'PROFESSIONAL', timezone: 'UTC' });
    await ingestConversations(database.db, account.id, MARCH);
  });

  afterAll(async () => {
    await Promise.all(caches.map((c) => c.close()));
    if (serverReachable('redis')) {
      const redis = new Redis(REDIS_URL);
      try {
        const keys = await redis.keys(`${keyPrefix}*`);
        if (keys.length > 0) await redis.del(...keys);
      } finally {
        await redis.quit();
      }
    }
    await database.drop();
  });

  /** A cache as a server process with this environment makes it. */
  const cache = (env: { REDIS_URL: string }) => {
    const created = createReportCache(env, { keyPrefix, log: (message) => logged.push(message) }) as ReportCache;
    caches.push(created);
    return created;
  };

  const specOf = async (definitionId: string, options: RunOptions = {}) =>
    buildSpec(reportCatalog().get(definitionId)!, options, { account, catalog: await loadPropertyCatalog(database.db, account.id), dialect: database.db.dialect });

  /** Runs through `on`; `computed` says whether it queried conversations. */
  async function run(on: ReportCache, spec: ReportSpec) {
    queries = [];
    const result = await on.run(database.db, spec);
    return { result, computed: queries.some(isReportQuery) };
  }

  itWithRedis('shares a result between two processes on one Redis, and both see an ingest', async () => {
    const [first, second] = [cache({ REDIS_URL }), cache({ REDIS_URL })];
    const spec = await specOf('chat-volume-by-assignee');
    const computed = await run(first, spec);
    expect(computed.computed).toBe(true);
    expect(computed.result).toEqual(await runSpec(database.db, spec));
    expect(await run(second, spec)).toEqual({ computed: false, result: computed.result });

    await ingestConversations(database.db, account.id, [aConversation({ id: 'c-9', createdAt: '2026-03-03T10:00:00Z' })]);
    const fresh = await run(second, spec);
    expect([fresh.computed, counts(fresh.result.rows)]).toEqual([true, [['u-7', 3], ['u-8', 1]]]);
    expect(await run(first, spec)).toEqual({ computed: false, result: fresh.result });
    expect(logged).toEqual([]);
  });

  itWithRedis('reads a value in Redis that is not a report as a miss', async () => {
    const spec = await specOf('chat-time-to-close-by-assignee');
    const [version] = await database.db.query<{ data_version: unknown; identity: string }>(
      'SELECT data_version, identity FROM accounts JOIN database_identity ON database_identity.id = 1 WHERE accounts.id = ?',
      [account.id],
    );
    const redis = new Redis(REDIS_URL, { keyPrefix });
    try {
      await redis.set(reportCacheKey(version.identity, spec, Number(version.data_version)), '{"rows":', 'EX', 60);
    } finally {
      await redis.quit();
    }
    const corrupt = await run(cache({ REDIS_URL }), spec);
    expect(corrupt).toEqual({ computed: true, result: await runSpec(database.db, spec) });
  });

  it('computes without errors when Redis is unreachable, logs that once, and still caches in-process', async () => {
    const dead = cache({ REDIS_URL: 'redis://127.0.0.1:1' });
    const spec = await specOf('chat-volume-by-page-url');
    const expected = await runSpec(database.db, spec);
    expect(await run(dead, spec)).toEqual({ computed: true, result: expected });
    expect(await run(dead, spec)).toEqual({ computed: false, result: expected });
    expect(await run(dead, await specOf('chat-volume-by-chatflow'))).toMatchObject({ computed: true });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^report cache: Redis unavailable \(.*ECONNREFUSED.*\); computing reports without it/);
    logged.length = 0;
  });

  it('evicts the least recently used report when the in-process cache is full', async () => {
    // Two reports of the same size: the same rows, read in two timezones.
    const [one, two] = [await specOf('chat-volume-by-assignee', { timezone: 'Asia/Tokyo' }), await specOf('chat-volume-by-assignee', { timezone: 'Europe/Paris' })];
    const probe = new ReportCache(reportLru({ maxEntries: 10, maxBytes: Number.MAX_SAFE_INTEGER }));
    await probe.run(database.db, one);
    // Room for about one of these reports, not two.
    const small = new ReportCache(reportLru({ maxEntries: 10, maxBytes: Math.ceil(probe.lru.byteSize * 1.5) }));
    expect((await run(small, one)).computed).toBe(true);
    expect((await run(small, one)).computed).toBe(false);
    expect((await run(small, two)).computed).toBe(true);
    expect(small.lru.size).toBe(1);
    expect((await run(small, one)).computed).toBe(true);
    const byCount = new ReportCache(reportLru({ maxEntries: 1, maxBytes: Number.MAX_SAFE_INTEGER }));
    await run(byCount, one);
    await run(byCount, two);
    expect((await run(byCount, two)).computed).toBe(false);
    expect((await run(byCount, one)).computed).toBe(true);
  });
});

describe.each(DIALECTS)('the shared cache and a database created again under the same URL on %s', (dialect) => {
  itWithRedis('never answers the new database with the old one\'s numbers, though its account and data version are the same', async () => {
    const keyPrefix = `threadline-test:${randomUUID()}:`;
    const old = await createTestDatabase(dialect);
    let recreated: Database | undefined;
    const caches: ReportCache[] = [];
    const sharedCache = () => {
      const created = createReportCache({ REDIS_URL }, { keyPrefix }) as ReportCache;
      caches.push(created);
      return created;
    };
    const volume = async (db: Database, account: Account) => {
      const spec = buildSpec(reportCatalog().get('chat-volume-by-assignee')!, {}, { account, catalog: await loadPropertyCatalog(db, account.id), dialect: db.dialect });
      return counts((await sharedCache().run(db, spec)).rows);
    };
    try {
      const before = await createAccount(old.db, { name: 'Acme', plan: 'PROFESSIONAL', timezone: 'UTC' });
      await ingestConversations(old.db, before.id, MARCH);
      expect(await volume(old.db, before)).toEqual([['u-7', 2], ['u-8', 1]]);
      // Dropped, then created and migrated again under the very same URL (a restore, a reset).
      await old.drop();
      recreated = await openDatabase(old.url);
      const after = await createAccount(recreated, { name: 'Acme', plan: 'PROFESSIONAL', timezone: 'UTC' });
      await ingestConversations(recreated, after.id, [aConversation({ id: 'n-1', createdAt: '2026-03-05T10:00:00Z', assignee: { id: 'u-9', name: 'Katherine Johnson' } })]);
      const versions = await recreated.query<{ id: unknown; data_version: unknown }>('SELECT id, data_version FROM accounts');
      expect(versions.map((v) => [Number(v.id), Number(v.data_version)])).toEqual([[before.id, 1]]);
      // A fresh process on the same Redis: the old database's cached answer is under another key.
      expect(await volume(recreated, after)).toEqual([['u-9', 1]]);
    } finally {
      await Promise.all(caches.map((c) => c.close()));
      const redis = new Redis(REDIS_URL);
      try {
        const keys = await redis.keys(`${keyPrefix}*`);
        if (keys.length > 0) await redis.del(...keys);
      } finally {
        await redis.quit();
      }
      if (recreated) {
        await recreated.close();
        await dropByUrl(old.url);
      }
    }
  });
});

/** Drops what a TestDatabase made at `url`: the SQLite file's folder, or the MariaDB database. */
async function dropByUrl(url: string): Promise<void> {
  if (url.startsWith('sqlite:')) {
    rmSync(dirname(url.slice('sqlite:'.length)), { recursive: true, force: true });
    return;
  }
  const parsed = new URL(url);
  const connection = await createConnection({ host: parsed.hostname, port: Number(parsed.port || 3306), user: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) });
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${parsed.pathname.slice(1)}\``);
  } finally {
    await connection.end();
  }
}
