import { reloadSettings } from '../../src/config';
import { createAccount } from '../../src/accounts/accounts';
import { issueToken, listTokens, revokeToken } from '../../src/auth/api-tokens';
import { createUser } from '../../src/auth/users';
import { authenticate } from '../../src/auth/viewer';
import { closeChangeStamps } from '../../src/db/changes';
import { ingestConversations } from '../../src/conversations/import';
import { aConversation } from '../support/fixtures';
import { createTestDatabase, DialectName, DIALECTS, TestDatabase } from '../support/databases';
import { redisUrl, serverReachable } from '../support/servers';

/**
 * A held token costs no database query: on SQLite (stamped in-process) and on MariaDB with Redis.
 * What a held token still does: expire on time, record its last use, and go at once when revoked.
 * MariaDB without Redis, and THREADLINE_AUTH_CACHE=off, read the database on every request.
 */
type Setup = { dialect: DialectName; redis: boolean };
const SETUPS: Setup[] = DIALECTS.flatMap((dialect): Setup[] =>
  dialect === 'sqlite' ? [{ dialect, redis: false }] : [{ dialect, redis: false }, ...(serverReachable('redis') ? [{ dialect, redis: true }] : [])],
);

describe.each(SETUPS)('authentication with held tokens ($dialect, Redis: $redis)', ({ dialect, redis }) => {
  let test: TestDatabase;
  let queries: string[] = [];
  let accountId: number;
  let holder: Awaited<ReturnType<typeof createUser>>['user'];
  const saved = { REDIS_URL: process.env.REDIS_URL, THREADLINE_AUTH_CACHE: process.env.THREADLINE_AUTH_CACHE };

  beforeAll(async () => {
    if (redis) process.env.REDIS_URL = redisUrl();
    else delete process.env.REDIS_URL;
    delete process.env.THREADLINE_AUTH_CACHE;
    reloadSettings();
    test = await createTestDatabase(dialect, { onQuery: (sql) => queries.push(sql) });
    const account = await createAccount(test.db, { name: 'Acme', plan: 'PROFESSIONAL', timezone: 'UTC' });
    accountId = account.id;
    holder = (await createUser(test.db, account, { email: 'ada@example.com', role: 'ADMIN' })).user;
  });

  afterAll(async () => {
    await test?.drop();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    reloadSettings();
  });

  /** Authenticates at `now` and says how many database queries it took. */
  async function attempt(token: string, now: Date) {
    queries = [];
    const result = await authenticate(test.db, `Bearer ${token}`, now);
    return { result: 'viewer' in result ? 'ok' : result.refusal, queries: queries.length };
  }

  const holds = dialect === 'sqlite' || redis;
  const at = (minutes: number) => new Date(Date.UTC(2030, 0, 1, 12, minutes));

  it(holds ? 'answers from memory from the second request on, and records the last use at most once a minute' : 'reads the database on every request', async () => {
    const { token, info } = await issueToken(test.db, holder, {}, at(0));
    expect(await attempt(token, at(0))).toEqual({ result: 'ok', queries: 2 }); // the lookup, and the first use recorded
    expect(await attempt(token, at(0))).toEqual({ result: 'ok', queries: 1 });
    expect(await attempt(token, at(0))).toEqual({ result: 'ok', queries: holds ? 0 : 1 });
    // 90 s on, still held, its use is written again (the only query).
    const later = new Date(at(1).getTime() + 30_000);
    expect(await attempt(token, later)).toEqual({ result: 'ok', queries: holds ? 1 : 2 });
    // SQLite's stamp counts every write, that one too: the token is read once more, then held again.
    expect(await attempt(token, later)).toEqual({ result: 'ok', queries: holds && dialect === 'mysql' ? 0 : 1 });
    expect(await attempt(token, later)).toEqual({ result: 'ok', queries: holds ? 0 : 1 });
    const [stored] = await listTokens(test.db, { accountId, id: info.id });
    expect(stored.lastUsedAt).toEqual(later);
  });

  it('refuses a held token once it expires, and at once when it is revoked', async () => {
    const { token, info } = await issueToken(test.db, holder, { expires: '2030-01-01T12:30:00Z' }, at(0));
    await attempt(token, at(0));
    await attempt(token, at(1));
    expect((await attempt(token, at(1))).result).toBe('ok');
    expect((await attempt(token, at(31))).result).toBe('expired');
    const other = await issueToken(test.db, holder, {}, at(0));
    await attempt(other.token, at(0));
    await attempt(other.token, at(0));
    await revokeToken(test.db, other.info.id, accountId, at(1));
    expect((await attempt(other.token, at(1))).result).toBe('revoked');
    expect(info.id).not.toBe(other.info.id);
  });

  it('reads the data version again after an ingest', async () => {
    const { token } = await issueToken(test.db, holder, {}, at(0));
    await attempt(token, at(0));
    const version = async () => {
      const result = await authenticate(test.db, `Bearer ${token}`, at(0));
      return 'viewer' in result ? result.viewer.account.dataVersion : null;
    };
    const before = await version();
    await ingestConversations(test.db, accountId, [aConversation({ id: `c-${dialect}-${redis}` })]);
    expect(await version()).toBe((before as number) + 1);
  });

  it('reads the database on every request with THREADLINE_AUTH_CACHE=off', async () => {
    process.env.THREADLINE_AUTH_CACHE = 'off';
    reloadSettings();
    const fresh = await createTestDatabase(dialect, { onQuery: (sql) => queries.push(sql) });
    try {
      const account = await createAccount(fresh.db, { name: 'Acme', plan: 'PROFESSIONAL', timezone: 'UTC' });
      const { token } = await createUser(fresh.db, account, { email: 'ada@example.com', role: 'ADMIN' });
      const counts: number[] = [];
      for (let i = 0; i < 3; i++) {
        queries = [];
        await authenticate(fresh.db, `Bearer ${token}`);
        counts.push(queries.filter((sql) => /FROM api_tokens t/.test(sql)).length);
      }
      expect(counts).toEqual([1, 1, 1]);
    } finally {
      delete process.env.THREADLINE_AUTH_CACHE;
      reloadSettings();
      await closeChangeStamps(fresh.db);
      await fresh.drop();
    }
  });
});
