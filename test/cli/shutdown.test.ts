import { once } from 'node:events';
import { Connection, createConnection } from 'mysql2/promise';
import { createAccount } from '../../src/accounts/accounts';
import { createUser } from '../../src/auth/users';
import { freePort, startCli } from '../support/cli';
import { createTestDatabase, TestDatabase } from '../support/databases';
import { aConversation } from '../support/fixtures';
import { TEST_SERVERS } from '../support/servers';

const INGEST = 'mutation ($input: [ConversationInput!]!) { ingestConversations(input: $input) { imported } }';

/**
 * SIGTERM while an ingest is in flight. The test holds the account's row lock on MariaDB, so the
 * ingest's transaction waits inside the server for as long as the test wants: in flight for sure,
 * without timing anything.
 */
(TEST_SERVERS.has('mariadb') ? describe : describe.skip)('threadline serve on SIGTERM with a request in flight', () => {
  let test: TestDatabase;
  let token: string;
  let accountId: number;
  let blocker: Connection;

  beforeAll(async () => {
    test = await createTestDatabase('mysql');
    const account = await createAccount(test.db, { name: 'Acme', plan: 'PROFESSIONAL', timezone: 'UTC' });
    accountId = Number(account.id);
    token = (await createUser(test.db, account, { email: 'ops@example.com', role: 'ADMIN' })).token;
    const url = new URL(test.url);
    blocker = await createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), database: url.pathname.slice(1) });
  });
  afterAll(async () => {
    await blocker?.end();
    await test?.drop();
  });

  async function serveWithIngestInFlight(env: Record<string, string>, id: string) {
    const port = await freePort();
    await blocker.query('BEGIN');
    await blocker.query('SELECT id FROM accounts WHERE id = ? FOR UPDATE', [accountId]);
    const server = await startCli(['serve', '--json'], { databaseUrl: test.url, env: { PORT: String(port), THREADLINE_DB_TIMEOUT_MS: '30000', ...env } });
    const { url } = JSON.parse(server.firstLine) as { url: string };
    let stderr = '';
    server.child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = once(server.child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    const ingest = fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: INGEST, variables: { input: [aConversation({ id })] } }),
    }).then(async (response) => ({ status: response.status, body: await response.json() }), (error: Error) => ({ error: error.message }));
    await untilWaitingForLock();
    server.child.kill('SIGTERM');
    return { url, exited, ingest, stderr: () => stderr };
  }

  /** Polls MariaDB's process list (with a deadline) until the ingest waits for the account's lock. */
  async function untilWaitingForLock(): Promise<void> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const [rows] = await test.db.dataSource.query("SELECT COUNT(*) AS n FROM information_schema.processlist WHERE info LIKE 'UPDATE accounts SET data_version = data_version%'").then((r: { n: unknown }[]) => [r]);
      if (Number(rows[0].n) > 0) return;
      if (Date.now() > deadline) throw new Error('the ingest never reached the account lock');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function stored(id: string): Promise<number> {
    const [row] = await test.db.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM conversations WHERE external_id = ?', [id]);
    return Number(row.n);
  }

  it('stops accepting, lets the ingest finish and answer, then exits 0', async () => {
    const { url, exited, ingest, stderr } = await serveWithIngestInFlight({}, 'drained');
    // New connections are refused at once, while the ingest still waits.
    const refused = await pollUntilRefused(url);
    expect(refused).toBe(true);
    await blocker.query('COMMIT');
    expect(await ingest).toEqual({ status: 200, body: { data: { ingestConversations: { imported: 1 } } } });
    expect(await exited).toEqual([0, null]);
    expect(stderr()).toBe('threadline: SIGTERM received, shutting down\n');
    expect(await stored('drained')).toBe(1);
  }, 60_000);

  it('past THREADLINE_SHUTDOWN_TIMEOUT_MS exits without the request, whose batch is rolled back, not half-written', async () => {
    const { exited, ingest, stderr } = await serveWithIngestInFlight({ THREADLINE_SHUTDOWN_TIMEOUT_MS: '500' }, 'cut');
    const [status] = await exited;
    expect(await ingest).toEqual({ error: 'fetch failed' });
    await blocker.query('COMMIT');
    expect(status).toBe(1);
    expect(stderr()).toBe(
      'threadline: SIGTERM received, shutting down\nthreadline: requests still running 500 ms after SIGTERM (THREADLINE_SHUTDOWN_TIMEOUT_MS); exiting without them\n',
    );
    expect(await stored('cut')).toBe(0);
  }, 60_000);
});

/** Asks for the health check until the connection is refused (true) or 10 s pass (false). */
async function pollUntilRefused(graphqlUrl: string): Promise<boolean> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    try {
      // A fresh connection each time: a kept-alive one would still be served.
      await fetch(graphqlUrl.replace(/\/graphql$/, '/health/live'), { headers: { connection: 'close' } });
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}
