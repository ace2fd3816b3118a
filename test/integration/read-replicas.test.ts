import { reloadSettings } from '../../src/config';
import { Account } from '../../src/accounts/account.entity';
import { readAtVersion, readDataVersion } from '../../src/accounts/data-version';
import { createAccount } from '../../src/accounts/accounts';
import { createUser } from '../../src/auth/users';
import { ingestConversations } from '../../src/conversations/import';
import { parseDatabaseUrl } from '../../src/config';
import { Database, openDatabase } from '../../src/db/database';
import { DEFAULT_LRU_LIMITS, ReportCache, reportLru } from '../../src/reporting/cache';
import { reportCacheKey } from '../../src/reporting/cache/key';
import { reportCatalog } from '../../src/reporting/catalog/registry';
import { buildSpec } from '../../src/reporting/engine/build-spec';
import { runSpec } from '../../src/reporting/engine/run';
import { loadPropertyCatalog } from '../../src/conversations/query/properties';
import { ConversationsDocument, DrilldownDocument, IngestDocument, RunReportDocument, RunReportInput } from '../graphql/generated/operations';
import { postGraphQL } from '../support/api';
import { RunningCli, startCli } from '../support/cli';
import { aConversation } from '../support/fixtures';
import { caughtUp, createPrivateMariadb, PrivateMariadb, replicate } from '../support/private-mariadb';
import { redisUrl, serverReachable, TEST_SERVERS } from '../support/servers';

/**
 * `threadline serve` with DATABASE_REPLICA_URLS, on a MariaDB primary and a replica following it,
 * both of the test's own. The test tells the two apart by changing a conversation on the primary
 * behind Threadline's back (its data version stays) while replication is stopped: an answer with
 * the old assignee came from the replica.
 */

/** Figures for docs/scaling.md: printed when THREADLINE_FIGURES is set, never asserted. */
function figure(name: string, ms: number): void {
  if (process.env.THREADLINE_FIGURES) process.stdout.write(`figure: ${name}: ${ms.toFixed(2)} ms\n`);
}

interface Serve {
  url: string;
  /** What the process wrote to stderr so far, line by line. */
  log: string[];
  process: RunningCli;
}

const ASSIGNED = { property: 'assignee', operator: 'EQ', values: ['u-7'] } as never;

/** A report by assignee over all time; `filters` make a run that no cache holds yet. */
function byAssignee(...filters: unknown[]): RunReportInput {
  return { definitionId: 'chat-volume-by-assignee', filters: filters as never };
}

/** Of this run alone: cached reports in a shared Redis are keyed by the database they come from. */
const DATABASE = `threadline_replicas_${process.pid}_${Date.now() % 1_000_000}`;

(TEST_SERVERS.has('mariadb') ? describe : describe.skip)('read replicas (DATABASE_REPLICA_URLS)', () => {
  let primary: PrivateMariadb;
  let replica: PrivateMariadb;
  let db: Database;
  let account: Account;
  let accountId: number;
  let token: string;
  const serves: Serve[] = [];

  const report = (serve: Serve, input: RunReportInput) =>
    postGraphQL(serve.url, RunReportDocument, { input }, token).then((r) => r.data?.runReport.rows.map((row) => [row.dimensionValues[0].value, row.measureValues[0]]) ?? r.errors);
  const drilldown = (serve: Serve) =>
    postGraphQL(serve.url, DrilldownDocument, { input: { run: byAssignee(), point: ['u-7'] } }, token).then((r) => r.data?.drilldown.totalCount ?? r.errors);
  const listing = (serve: Serve) =>
    postGraphQL(serve.url, ConversationsDocument, { filters: [ASSIGNED], first: 10 }, token).then((r) => r.data?.conversations.totalCount ?? r.errors);
  /** Everything a client reads, as one serve process answers it. */
  const answers = async (serve: Serve, ...filters: unknown[]) => ({ report: await report(serve, byAssignee(...filters)), drilldown: await drilldown(serve), listing: await listing(serve) });
  const onPrimary = (statement: string) => primary.sql(statement.replace('$db', DATABASE));
  const onReplica = (statement: string) => replica.sql(statement.replace('$db', DATABASE));

  async function serve(): Promise<Serve> {
    // Warnings as JSON lines: the replica's outage is one of them.
    const env: Record<string, string> = { DATABASE_REPLICA_URLS: replica.url, THREADLINE_ROLLUPS: 'off', THREADLINE_DB_TIMEOUT_MS: '2000', THREADLINE_LOG_LEVEL: 'warn', THREADLINE_LOG_FORMAT: 'json' };
    // Shared by both processes when there is a Redis: a report one computed is answered by the other.
    if (serverReachable('redis')) env.REDIS_URL = redisUrl();
    const process = await startCli(['serve', '--port', '0', '--host', '127.0.0.1', '--json'], { databaseUrl: primary.url, env });
    const log: string[] = [];
    // The message of each JSON log line (a line that is not JSON is kept whole).
    const message = (line: string) => {
      try {
        return String((JSON.parse(line) as { msg?: unknown }).msg);
      } catch {
        return line;
      }
    };
    process.child.stderr.on('data', (chunk: Buffer) => log.push(...chunk.toString('utf8').split('\n').filter((line) => line !== '').map(message)));
    return { url: (JSON.parse(process.firstLine) as { url: string }).url, log, process };
  }

  beforeAll(async () => {
    // Both or neither: one that started while the other failed is destroyed again, not left running.
    const started = await Promise.allSettled([createPrivateMariadb(DATABASE, { serverId: 1, logBin: true }), createPrivateMariadb(DATABASE, { serverId: 2 })]);
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) {
      await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.destroy() : undefined)));
      throw failed.reason;
    }
    [primary, replica] = started.map((s) => (s as PromiseFulfilledResult<PrivateMariadb>).value);
    await replicate(replica, primary);
    db = await openDatabase(primary.url);
    account = await createAccount(db, { name: 'Acme', plan: 'PROFESSIONAL', timezone: 'UTC' });
    accountId = account.id;
    token = (await createUser(db, account, { email: 'ops@example.com', role: 'ADMIN' })).token;
    await ingestConversations(db, accountId, ['c-1', 'c-2', 'c-3'].map((id) => aConversation({ id })));
    await caughtUp(replica, primary);
    serves.push(...(await Promise.all([serve(), serve()])));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(serves.map((s) => s.process.stop()));
    await db?.close();
    await Promise.all([primary?.destroy(), replica?.destroy()]);
  });

  it('reads reports, drill-downs and lists on the replica while it has the latest data version', async () => {
    const [a, b] = serves;
    await onReplica('STOP SLAVE');
    // On the primary only, and without a new data version: c-1 loses its assignee.
    await onPrimary(`UPDATE $db.conversations SET assignee_id = NULL WHERE account_id = ${accountId} AND external_id = 'c-1'`);
    expect(await answers(a)).toEqual({ report: [['u-7', 3]], drilldown: 3, listing: 3 });
    expect(await answers(b)).toEqual(await answers(a));
  });

  it('writes to the primary, and answers from the primary while the replica lags behind it, never a stale number', async () => {
    const [a, b] = serves;
    const ingest = await postGraphQL(a.url, IngestDocument, { input: ['c-4', 'c-5'].map((id) => aConversation({ id })) as never }, token);
    expect(ingest.data?.ingestConversations).toMatchObject({ imported: 2 });
    const stored = `SELECT external_id FROM $db.conversations WHERE account_id = ${accountId} AND external_id IN ('c-4', 'c-5') ORDER BY 1`;
    expect(await onPrimary(stored)).toEqual([{ external_id: 'c-4' }, { external_id: 'c-5' }]);
    expect(await onReplica(stored)).toEqual([]);

    // The replica holds the previous data version: the same run as before (cached under that
    // version) is computed again, on the primary, with c-1's change and the new conversations.
    const fresh = { report: [['u-7', 4], [null, 1]], drilldown: 4, listing: 4 };
    expect(await answers(b)).toEqual(fresh);
    expect(await answers(a)).toEqual(fresh);

    await onReplica('START SLAVE');
    await caughtUp(replica, primary);
    expect(await answers(a, { property: 'channel', operator: 'EQ', values: ['CHAT'] })).toEqual(fresh);
    expect(await answers(b, { property: 'channel', operator: 'EQ', values: ['CHAT'] })).toEqual(fresh);
  });

  it('reads on the primary while the replica is down, logging it once, and on the replica again once it is back', async () => {
    const [a] = serves;
    const fresh = { report: [['u-7', 4], [null, 1]], drilldown: 4, listing: 4 };
    await replica.stop();
    const started = performance.now();
    const during = await Promise.all([answers(a, { property: 'status', operator: 'EQ', values: ['OPEN'] }), answers(a), answers(a)]);
    figure('replica stopped: three clients answered from the primary', performance.now() - started);
    expect(during).toEqual([fresh, fresh, fresh]);
    expect(a.log.filter((line) => line.includes('read replica'))).toEqual([
      expect.stringMatching(/^read replica mysql:\/\/127\.0\.0\.1:\d+\/threadline_replicas_\d+_\d+ unavailable \(.+\); its reads go to the primary until it is back$/),
    ]);

    await replica.start();
    await caughtUp(replica, primary);
    // Lists are never cached: each one tries the replica once it is no longer left alone.
    const deadline = Date.now() + 20_000;
    while (!a.log.some((line) => line.includes('available again')) && Date.now() < deadline) expect(await listing(a)).toBe(4);
    expect(a.log.filter((line) => line.includes('read replica'))).toEqual([
      expect.stringMatching(/unavailable/),
      expect.stringMatching(/^read replica mysql:\/\/127\.0\.0\.1:\d+\/threadline_replicas_\d+_\d+ available again after \d+\.\d s$/),
    ]);
  }, 40_000);

  it('caches a result under the data version it was computed at, which on a replica may be newer than the request saw', async () => {
    const replicated = await openDatabase(primary.url, { migrate: false, replicas: [parseDatabaseUrl(replica.url) as never] });
    // As in the serve processes: the rollup never saw the change made behind Threadline's back.
    const rollups = process.env.THREADLINE_ROLLUPS;
    process.env.THREADLINE_ROLLUPS = 'off';
    reloadSettings();
    try {
      await caughtUp(replica, primary);
      const current = (await readDataVersion(db, accountId))!;
      const before = { ...current, version: current.version - 1 };
      const spec = buildSpec(reportCatalog().get('chat-volume-by-assignee')!, { timezone: 'Asia/Tokyo' }, { account, catalog: await loadPropertyCatalog(replicated, accountId), dialect: replicated.dialect });
      const cache = new ReportCache(reportLru(DEFAULT_LRU_LIMITS));
      // A request that read the version just before the latest ingest, computed on a replica that has it.
      const result = await cache.run(replicated, spec, before);
      expect(result.rows.map((row) => [row.dimensionValues[0].value, row.measureValues[0]])).toEqual([['u-7', 4], [null, 1]]);
      expect(cache.lru.get(reportCacheKey(current.databaseIdentity, spec, current.version))?.text).toBe(JSON.stringify(result));
      expect(cache.lru.get(reportCacheKey(before.databaseIdentity, spec, before.version))).toBeUndefined();

      if (process.env.THREADLINE_FIGURES) {
        // What the snapshot and the version check add to a computed report, on this tiny data set.
        const time = async (work: () => Promise<unknown>) => {
          const started = performance.now();
          for (let i = 0; i < 50; i++) await work();
          return (performance.now() - started) / 50;
        };
        figure('computed report on the primary', await time(() => runSpec(replicated, spec)));
        figure('computed report on the replica (snapshot + version check)', await time(() => readAtVersion(replicated, accountId, current, (reader) => runSpec(reader, spec))));
        await onReplica('STOP SLAVE');
        await onPrimary(`UPDATE $db.accounts SET data_version = data_version + 1 WHERE id = ${accountId}`);
        figure('computed report while the replica lags (version check, then the primary)', await time(() => readAtVersion(replicated, accountId, { ...current, version: current.version + 1 }, (reader) => runSpec(reader, spec))));
        await onReplica('START SLAVE');
        await caughtUp(replica, primary);
      }
    } finally {
      if (rollups === undefined) delete process.env.THREADLINE_ROLLUPS;
      else process.env.THREADLINE_ROLLUPS = rollups;
      reloadSettings();
      await replicated.close();
    }
  });

  it('reads on the primary when a replica URL names a database the replica lacks, and says so once', async () => {
    const log: string[] = [];
    const wrong = { ...(parseDatabaseUrl(replica.url) as Extract<ReturnType<typeof parseDatabaseUrl>, { kind: 'mysql' }>), database: 'no_such_database' };
    const misconfigured = await openDatabase(primary.url, { migrate: false, replicas: [wrong], log: (line) => log.push(line) });
    try {
      const read = () => readAtVersion(misconfigured, accountId, undefined, (reader) => reader.query<{ n: number }>('SELECT COUNT(*) AS n FROM conversations WHERE account_id = ?', [accountId]));
      expect((await read()).value).toEqual([{ n: 5 }]);
      expect((await read()).value).toEqual([{ n: 5 }]);
      expect(log).toEqual([expect.stringMatching(/^read replica mysql:\/\/127\.0\.0\.1:\d+\/no_such_database unavailable \(ER_BAD_DB_ERROR: Unknown database 'no_such_database'\); its reads go to the primary until it is back$/)]);
    } finally {
      await misconfigured.close();
    }
  });

  it('reads on the primary while the replica has not yet applied a migration, without calling the replica down', async () => {
    const log: string[] = [];
    const replicated = await openDatabase(primary.url, { migrate: false, replicas: [parseDatabaseUrl(replica.url) as never], log: (line) => log.push(line) });
    await onReplica('STOP SLAVE');
    try {
      await onPrimary('CREATE TABLE $db.added_by_a_migration (id INT PRIMARY KEY)');
      await onPrimary('INSERT INTO $db.added_by_a_migration VALUES (1), (2)');
      const read = () => readAtVersion(replicated, accountId, undefined, (reader) => reader.query<{ n: number }>('SELECT COUNT(*) AS n FROM added_by_a_migration'));
      expect((await read()).value).toEqual([{ n: 2 }]);
      expect((await read()).value).toEqual([{ n: 2 }]);
      expect(log).toEqual([]);
    } finally {
      await onReplica('START SLAVE');
      await replicated.close();
    }
  });

  it('stops a report past its time limit on the replica and answers TIMEOUT, as the primary would, instead of running it again there', async () => {
    const log: string[] = [];
    const timeouts = { readyMs: 1000, statementMs: 2000, queryMs: 300 };
    const replicated = await openDatabase(primary.url, { migrate: false, timeouts, replicas: [parseDatabaseUrl(replica.url) as never], log: (line) => log.push(line) });
    let onThePrimary = 0;
    try {
      await caughtUp(replica, primary);
      const slow = readAtVersion(replicated, accountId, undefined, (reader) => {
        if (reader === replicated) onThePrimary++;
        return reader.report('SELECT COUNT(*) AS n FROM seq_1_to_100000 a, seq_1_to_100000 b WHERE a.seq + b.seq = 7');
      });
      await expect(slow).rejects.toMatchObject({ extensions: { code: 'TIMEOUT' } });
      expect(onThePrimary).toBe(0);
      expect(log).toEqual([]);
    } finally {
      await replicated.close();
    }
  });
});
