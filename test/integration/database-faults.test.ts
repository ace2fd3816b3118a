import { createAccount } from '../../src/accounts/accounts';
import { createUser } from '../../src/auth/users';
import { openDatabase, Database as ThreadlineDatabase } from '../../src/db/database';
import { RunningServer, startServer } from '../../src/server/http';
import { IngestDocument, ViewerDocument } from '../graphql/generated/operations';
import { GraphQLResponse, postGraphQL } from '../support/api';
import { createTestDatabase } from '../support/databases';
import { aConversation } from '../support/fixtures';
import { createPrivateMariadb, PrivateMariadb } from '../support/private-mariadb';
import { TEST_SERVERS } from '../support/servers';

/** Short limits keep the suite fast; the defaults are longer (README). */
const TIMEOUTS = { readyMs: 1000, statementMs: 2000, queryMs: 5000 };

/** Figures for docs/performance.md: printed when THREADLINE_FIGURES is set, never asserted. */
function figure(name: string, ms: number): void {
  if (process.env.THREADLINE_FIGURES) process.stdout.write(`figure: ${name}: ${Math.round(ms)} ms\n`);
}

async function ready(base: string): Promise<{ status: number; body: { status: string; database: { status: string } } }> {
  const response = await fetch(`${base}/health/ready`);
  return { status: response.status, body: (await response.json()) as never };
}

/** Asks until `done` holds or `ms` pass; returns the last answer and how long it took. No sleep asserts anything. */
async function poll<T>(ask: () => Promise<T>, done: (answer: T) => boolean, ms: number): Promise<{ answer: T; elapsed: number }> {
  const started = performance.now();
  for (;;) {
    const answer = await ask();
    const elapsed = performance.now() - started;
    if (done(answer) || elapsed > ms) return { answer, elapsed };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const OUTAGE_ANSWER = {
  status: 503,
  retryAfter: '5',
  errors: [{ message: 'The database is not answering; try again shortly.', extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: 5 } }],
};

(TEST_SERVERS.has('mariadb') ? describe : describe.skip)('a MariaDB that stops, freezes and comes back', () => {
  let mariadb: PrivateMariadb;
  let db: ThreadlineDatabase;
  let server: RunningServer;
  let token: string;
  let base: string;
  const log: string[] = [];
  const viewer = () => postGraphQL(server.url, ViewerDocument, {}, token);
  const answered = (response: GraphQLResponse<unknown>) => response.status === 200 && response.errors === undefined;

  beforeAll(async () => {
    mariadb = await createPrivateMariadb();
    db = await openDatabase(mariadb.url, { timeouts: TIMEOUTS, log: (line) => log.push(line) });
    server = await startServer(db, { port: 0, host: '127.0.0.1' });
    base = server.url.replace(/\/graphql$/, '');
    const account = await createAccount(db, { name: 'Acme', plan: 'PROFESSIONAL', timezone: 'UTC' });
    token = (await createUser(db, account, { email: 'ops@example.com', role: 'ADMIN' })).token;
  }, 120_000);
  afterAll(async () => {
    mariadb?.resume();
    await server?.close();
    await db?.close().catch(() => undefined);
    await mariadb?.destroy();
  });

  it('answers normally while the database is up', async () => {
    expect(answered(await viewer())).toBe(true);
    expect(await ready(base)).toMatchObject({ status: 200, body: { status: 'ready' } });
  });

  it('answers SERVICE_UNAVAILABLE (503) while it is stopped, logs the outage once, and recovers by itself', async () => {
    await mariadb.stop();
    const started = performance.now();
    expect(await viewer()).toEqual(OUTAGE_ANSWER);
    figure('stopped: time to 503', performance.now() - started);
    // Many requests, one incident: the log has one line for it, not one per request.
    const answers = await Promise.all(Array.from({ length: 8 }, () => viewer()));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(503));
    expect(await postGraphQL(server.url, IngestDocument, { input: [aConversation() as never] }, token)).toEqual(OUTAGE_ANSWER);
    // A ready answer is shared for up to a second (health.ts): ask until it is a fresh one.
    expect((await poll(() => ready(base), (r) => r.status === 503, 5000)).answer).toMatchObject({ status: 503, body: { status: 'unavailable', database: { status: 'down' } } });
    expect(log).toEqual([expect.stringMatching(/^database unavailable \(.+\); requests answer SERVICE_UNAVAILABLE until it is back$/)]);

    await mariadb.start();
    const { answer, elapsed } = await poll(viewer, answered, 30_000);
    figure('restarted: database up to first good answer', elapsed);
    expect(answered(answer)).toBe(true);
    expect(log).toEqual([expect.stringMatching(/^database unavailable/), expect.stringMatching(/^database available again after \d+\.\d s$/)]);
    expect((await poll(() => ready(base), (r) => r.status === 200, 5000)).answer).toMatchObject({ status: 200 });
  }, 60_000);

  it('answers 503 within the time limit while it is frozen, and recovers when it resumes', async () => {
    log.length = 0;
    mariadb.freeze();
    try {
      const started = performance.now();
      // Two at once: one waits on a pooled connection's statement, one for a new connection.
      const [first, second] = await Promise.all([viewer(), viewer()]);
      figure('frozen: time to 503', performance.now() - started);
      expect([first, second]).toEqual([OUTAGE_ANSWER, OUTAGE_ANSWER]);
      const health = performance.now();
      expect((await poll(() => ready(base), (r) => r.status === 503, 5000)).answer).toMatchObject({ status: 503, body: { database: { status: 'down' } } });
      figure('frozen: time to 503 on /health/ready', performance.now() - health);
      // Every connection that waited on the frozen server was discarded, so none can answer late.
      expect(await viewer()).toEqual(OUTAGE_ANSWER);
      expect(log).toHaveLength(1);
    } finally {
      mariadb.resume();
    }
    const { answer, elapsed } = await poll(viewer, answered, 30_000);
    figure('resumed: SIGCONT to first good answer', elapsed);
    expect(answered(answer)).toBe(true);
    expect(log).toEqual([expect.stringMatching(/^database unavailable \(no answer within 2000 ms\)/), expect.stringMatching(/^database available again/)]);
    // Writes work again too.
    const ingest = await postGraphQL(server.url, IngestDocument, { input: [aConversation({ id: 'after-freeze' }) as never] }, token);
    expect(ingest).toMatchObject({ status: 200, data: { ingestConversations: { imported: 1 } } });
  }, 60_000);
});

describe('an SQLite file another process holds locked', () => {
  it('answers SERVICE_UNAVAILABLE after the busy timeout instead of an internal error, and recovers when released', async () => {
    const database = await createTestDatabase('sqlite');
    const log: string[] = [];
    const db = await openDatabase(database.url, { log: (line) => log.push(line) });
    const server = await startServer(db, { port: 0, host: '127.0.0.1' });
    const account = await createAccount(db, { name: 'Acme', plan: 'PROFESSIONAL', timezone: 'UTC' });
    const { token } = await createUser(db, account, { email: 'ops@example.com', role: 'ADMIN' });
    // Another process's connection: a write transaction it keeps open holds the file's write lock.
    const other = await openDatabase(database.url, { migrate: false });
    try {
      await other.dataSource.query('BEGIN IMMEDIATE');
      expect(await postGraphQL(server.url, IngestDocument, { input: [aConversation() as never] }, token)).toEqual(OUTAGE_ANSWER);
      expect(log).toEqual([expect.stringMatching(/^database unavailable \(SQLITE_BUSY: /)]);
      await other.dataSource.query('ROLLBACK');
      expect(await postGraphQL(server.url, IngestDocument, { input: [aConversation() as never] }, token)).toMatchObject({ status: 200, data: { ingestConversations: { imported: 1 } } });
      expect(log).toHaveLength(2);
    } finally {
      await other.close();
      await server.close();
      await db.close();
      await database.drop();
    }
  }, 30_000);
});
