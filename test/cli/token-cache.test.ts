import { Account } from '../../src/accounts/account.entity';
import { createAccount } from '../../src/accounts/accounts';
import { createUser } from '../../src/auth/users';
import { aConversation, toNdjson } from '../support/fixtures';
import { freePort, runCli, RunningCli, startCli } from '../support/cli';
import { createTestDatabase, DIALECTS, TestDatabase } from '../support/databases';
import { redisUrl, serverReachable } from '../support/servers';

/**
 * Tokens and each account's data version are held in memory by every server process, and still a
 * change made anywhere is seen by the very next request everywhere: two `threadline serve`
 * processes share one database (SQLite file, or MariaDB with Redis, or MariaDB alone); changes are
 * made through one of them or the CLI, and the next request on the other must see them.
 */
interface Setup {
  dialect: 'sqlite' | 'mysql';
  redis: boolean;
}

const SETUPS: Setup[] = DIALECTS.flatMap((dialect): Setup[] =>
  dialect === 'sqlite' ? [{ dialect, redis: false }] : [{ dialect, redis: serverReachable('redis') }, { dialect, redis: false }],
);

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: { extensions?: { code?: string } }[];
  extensions?: { threadline?: { source?: Record<string, string> } };
}

async function post(url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer;
}

const VIEWER = '{ viewer { email } }';
const REPORT = '{ runReport(input: {definitionId: "chat-volume-by-assignee"}) { rows { measureValues } } }';
const INGEST = 'mutation ($input: [ConversationInput!]!) { ingestConversations(input: $input) { imported } }';
const REVOKE = 'mutation ($id: ID!) { revokeApiToken(id: $id) { id } }';

const code = (answer: Answer) => answer.errors?.[0]?.extensions?.code ?? 'OK';
/** The total of a volume report's rows. */
const total = (answer: Answer) => ((answer.data?.runReport as { rows: { measureValues: number[] }[] }).rows ?? []).reduce((sum, row) => sum + row.measureValues[0], 0);

describe.each(SETUPS)('held tokens and data versions across two serve processes ($dialect, Redis: $redis)', ({ dialect, redis }) => {
  let test: TestDatabase;
  let account: Account;
  let admin: string;
  let servers: RunningCli[] = [];
  let urls: string[] = [];
  let users = 0;
  const env = { REDIS_URL: redis ? redisUrl() : '', THREADLINE_RATE_LIMIT: 'off' };

  beforeAll(async () => {
    test = await createTestDatabase(dialect);
    account = await createAccount(test.db, { name: 'Acme', plan: 'PROFESSIONAL', timezone: 'UTC' });
    admin = (await createUser(test.db, account, { email: 'admin@example.com', role: 'ADMIN' })).token;
    servers = await Promise.all([0, 1].map(async () => startCli(['serve', '--json'], { databaseUrl: test.url, env: { ...env, PORT: String(await freePort()) } })));
    urls = servers.map((server) => (JSON.parse(server.firstLine) as { url: string }).url);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await test?.drop();
  });

  async function member(): Promise<{ token: string; tokenId: string; email: string }> {
    const email = `member${++users}@example.com`;
    const { token, tokenInfo } = await createUser(test.db, account, { email, role: 'MEMBER' });
    return { token, tokenId: tokenInfo.id, email };
  }

  /** Uses the token on both servers, twice each: from the second request on, a server holds it. */
  async function warm(token: string): Promise<void> {
    for (const url of [...urls, ...urls]) expect(code(await post(url, token, VIEWER))).toBe('OK');
  }

  it('refuses a token revoked with the CLI on the very next request, on both servers', async () => {
    const { token, tokenId } = await member();
    await warm(token);
    const revoked = await runCli(['token', 'revoke', tokenId], { databaseUrl: test.url, env });
    expect(revoked.status).toBe(0);
    expect([code(await post(urls[1], token, VIEWER)), code(await post(urls[0], token, VIEWER))]).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
  }, 30_000);

  it('refuses a token revoked through one server on the very next request to the other', async () => {
    const { token, tokenId } = await member();
    await warm(token);
    expect(code(await post(urls[0], admin, REVOKE, { id: tokenId }))).toBe('OK');
    expect(code(await post(urls[1], token, VIEWER))).toBe('UNAUTHENTICATED');
  });

  it('refuses the token of a user deactivated with the CLI on the very next request', async () => {
    const { token, email } = await member();
    await warm(token);
    const deactivated = await runCli(['user', 'deactivate', '--account', String(account.id), '--email', email], { databaseUrl: test.url, env });
    expect(deactivated.status).toBe(0);
    expect([code(await post(urls[0], token, VIEWER)), code(await post(urls[1], token, VIEWER))]).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
  }, 30_000);

  it('shows conversations ingested through one server in the very next report on the other, and an import in the next on both', async () => {
    const { token } = await member();
    await warm(token);
    const before = await post(urls[1], token, REPORT);
    expect((await post(urls[1], token, REPORT)).extensions?.threadline?.source).toEqual({ runReport: 'CACHE' });
    const ingested = await post(urls[0], admin, INGEST, { input: [aConversation({ id: `ingested-${dialect}-${redis}`, createdAt: '2026-03-02T10:00:00Z' })] });
    expect(ingested.data).toEqual({ ingestConversations: { imported: 1 } });
    const after = await post(urls[1], token, REPORT);
    expect(total(after)).toBe(total(before) + 1);

    await post(urls[0], token, REPORT);
    const imported = await runCli(['import', '--account', String(account.id), '-'], {
      databaseUrl: test.url,
      env,
      input: toNdjson([aConversation({ id: `imported-${dialect}-${redis}`, createdAt: '2026-03-03T10:00:00Z' })]),
    });
    expect(imported.status).toBe(0);
    expect([total(await post(urls[0], token, REPORT)), total(await post(urls[1], token, REPORT))]).toEqual([total(before) + 2, total(before) + 2]);
  }, 30_000);
});
