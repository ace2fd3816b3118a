import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { createAccount } from '../../src/accounts/accounts';
import { issueToken } from '../../src/auth/api-tokens';
import { createUser } from '../../src/auth/users';
import { aConversation } from '../support/fixtures';
import { RunningCli, runCli, startCli } from '../support/cli';
import { createTestDatabase, DialectName, DIALECTS, TestDatabase } from '../support/databases';
import { redisUrl, requireServer, TEST_SERVERS } from '../support/servers';

interface Answer {
  /** The Threadline-Worker header: which worker process answered. */
  worker: string | undefined;
  body: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
}

/**
 * One GraphQL request on a connection of its own (no agent: `Connection: close`), so that the
 * primary hands it to the next worker in turn rather than to the one that answered the last.
 */
function post(url: string, query: string, token: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent: false, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ worker: res.headers['threadline-worker'] as string | undefined, body: JSON.parse(text) as Answer['body'] }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(JSON.stringify({ query, variables }));
  });
}

/** The same request `times` times in a row, each on a fresh connection. */
async function repeatedly(times: number, send: () => Promise<Answer>): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (let i = 0; i < times; i++) answers.push(await send());
  return answers;
}

/** What an answer says, without the extensions that tell where a report came from. */
const dataOf = (answer: Answer) => ({ data: answer.body.data, errors: answer.body.errors });

const workersOf = (answers: Answer[]) => [...new Set(answers.map((a) => a.worker))].sort();

const REPORT = '{ runReport(input: {definitionId: "chat-volume-by-assignee"}) { rows { dimensionValues { label } measureValues } } }';
const INGEST = 'mutation ($input: [ConversationInput!]!) { ingestConversations(input: $input) { imported updated } }';
const REVOKE = 'mutation ($id: ID!) { revokeApiToken(id: $id) { status } }';

const adaHas = (count: number) => ({ data: { runReport: { rows: [{ dimensionValues: [{ label: 'Ada Lovelace' }], measureValues: [count] }] } }, errors: undefined });

/** The pids of a process's children (Linux): the primary's workers. */
function childrenOf(pid: number): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
}

/** Resolves once the process has written `count` whole stderr lines containing `text`. */
function stderrLines(server: RunningCli, text: string, count: number): Promise<string[]> {
  return new Promise((resolve) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const lines = seen.split('\n').slice(0, -1).filter((l) => l.includes(text));
      if (lines.length < count) return;
      server.child.stderr.off('data', onData);
      resolve(lines);
    };
    server.child.stderr.on('data', onData);
  });
}

/**
 * Each store, and MariaDB with Redis (what production runs): the shared report cache and whatever
 * workers hold in memory between requests must never outlive a change made through another worker.
 */
const CASES: { label: string; dialect: DialectName; redis: boolean }[] = [
  ...DIALECTS.map((dialect) => ({ label: dialect, dialect, redis: false })),
  ...(DIALECTS.includes('mysql') && TEST_SERVERS.has('redis') ? [{ label: 'mysql with Redis', dialect: 'mysql' as const, redis: true }] : []),
];

/**
 * `threadline serve --workers 2`: two processes answer in turn, and neither ever answers from
 * what it held before another one changed the data or revoked a token. Every request goes on a
 * fresh connection, which the primary hands to the workers in turn; the Threadline-Worker header
 * shows that both answered.
 */
describe.each(CASES)('threadline serve --workers 2 ($label)', ({ dialect, redis }) => {
  let test: TestDatabase;
  let admin: string;
  /** The token revoked halfway through. */
  let other: { token: string; id: string };

  beforeAll(async () => {
    test = await createTestDatabase(dialect);
    const account = await createAccount(test.db, { name: 'Acme', plan: 'PROFESSIONAL' });
    const created = await createUser(test.db, account, { email: 'boss@example.com', role: 'ADMIN' });
    admin = created.token;
    const issued = await issueToken(test.db, created.user, { name: 'to revoke' });
    other = { token: issued.token, id: issued.info.id };
  });
  afterAll(async () => {
    await test?.drop();
  });

  it('answers from both workers, shows every ingest and revocation on each, restarts a killed worker, and exits 0 on SIGTERM', async () => {
    if (redis) requireServer('redis');
    const env = redis ? { REDIS_URL: redisUrl() } : undefined;
    const server = await startCli(['serve', '--workers', '2', '--port', '0', '--json'], { databaseUrl: test.url, env }, 60_000);
    let stopped = false;
    try {
      const { url } = JSON.parse(server.firstLine) as { url: string };
      expect(url).toMatch(/^http:\/\/localhost:\d+\/graphql$/);

      const first = await post(url, INGEST, admin, { input: [aConversation({ id: 'c-1' })] });
      expect(first.body).toEqual({ data: { ingestConversations: { imported: 1, updated: 0 } } });
      // Both workers compute and cache the report, and accept the second token.
      const before = await repeatedly(4, () => post(url, REPORT, admin));
      expect(workersOf(before)).toEqual(['1', '2']);
      expect(before.map(dataOf)).toEqual(Array(4).fill(adaHas(1)));
      const accepted = await repeatedly(4, () => post(url, '{ __typename }', other.token));
      expect(workersOf(accepted)).toEqual(['1', '2']);
      expect(accepted.map((a) => a.body)).toEqual(Array(4).fill({ data: { __typename: 'Query' } }));

      // One worker writes; every later answer, from either, includes it.
      const second = await post(url, INGEST, admin, { input: [aConversation({ id: 'c-2' })] });
      expect(second.body).toEqual({ data: { ingestConversations: { imported: 1, updated: 0 } } });
      const after = await repeatedly(4, () => post(url, REPORT, admin));
      expect(workersOf(after)).toEqual(['1', '2']);
      expect(after.map(dataOf)).toEqual(Array(4).fill(adaHas(2)));

      // One worker revokes; the token fails on every worker from the next request on.
      expect((await post(url, REVOKE, admin, { id: other.id })).body).toEqual({ data: { revokeApiToken: { status: 'REVOKED' } } });
      const refused = await repeatedly(4, () => post(url, '{ __typename }', other.token));
      expect(workersOf(refused)).toEqual(['1', '2']);
      expect(refused.map((a) => a.body.errors?.map((e) => e.extensions?.code))).toEqual(Array(4).fill(['UNAUTHENTICATED']));

      // A worker that dies is replaced (it gets the next worker number); the other answers meanwhile.
      const restarted = stderrLines(server, 'worker 3 ', 1);
      const [victim] = childrenOf(server.child.pid as number);
      process.kill(victim, 'SIGKILL');
      expect(await restarted).toEqual([expect.stringMatching(/^threadline: worker 3 \(pid \d+\) accepts requests$/)]);
      const replaced = await repeatedly(4, () => post(url, REPORT, admin));
      expect(replaced.map(dataOf)).toEqual(Array(4).fill(adaHas(2)));
      expect(workersOf(replaced)).toContain('3');

      const result = await server.stop('SIGTERM');
      stopped = true;
      expect([result.status, result.signal, result.stdout]).toEqual([0, null, `${server.firstLine}\n`]);
      expect(result.stderr.split('\n').filter(Boolean)).toEqual([
        expect.stringMatching(/^threadline: worker [12] \(pid \d+\) exited unexpectedly \(signal SIGKILL\); starting another in 250 ms$/),
        expect.stringMatching(/^threadline: worker 3 \(pid \d+\) accepts requests$/),
        'threadline: SIGTERM received, shutting down',
        'threadline: SIGTERM received, shutting down',
      ]);
    } finally {
      if (!stopped) await server.stop('SIGKILL');
    }
  }, 120_000);
});

describe('threadline serve --workers (more)', () => {
  it('stops cleanly on Ctrl-C at a terminal, where every process gets SIGINT and each worker gets it again from the primary', async () => {
    const test = await createTestDatabase('sqlite');
    try {
      const server = await startCli(['serve', '--workers', '2', '--port', '0', '--json'], { databaseUrl: test.url }, 60_000);
      const primary = server.child.pid as number;
      const workers = childrenOf(primary);
      expect(workers).toHaveLength(2);
      // The terminal's SIGINT reaches the workers first here, so that the primary's comes while they drain.
      const draining = stderrLines(server, 'SIGINT received', 2);
      for (const pid of workers) process.kill(pid, 'SIGINT');
      await draining;
      process.kill(primary, 'SIGINT');

      const result = await server.ended;

      expect(result).toEqual({ status: 0, signal: null, stdout: `${server.firstLine}\n`, stderr: 'threadline: SIGINT received, shutting down\n'.repeat(2) });
    } finally {
      await test.drop();
    }
  }, 60_000);


  it('waits twice as long before each further restart within a minute, so a crashing worker does not spin', async () => {
    const test = await createTestDatabase('sqlite');
    try {
      const server = await startCli(['serve', '--workers', '2', '--port', '0', '--json'], { databaseUrl: test.url }, 60_000);
      let stopped = false;
      try {
        const primary = server.child.pid as number;
        for (const [replacement, pause] of [[3, 250], [4, 500], [5, 1000]]) {
          const restarting = stderrLines(server, `starting another in`, 1);
          const accepting = stderrLines(server, `worker ${replacement} `, 1);
          process.kill(childrenOf(primary)[0], 'SIGKILL');
          expect((await restarting)[0]).toMatch(new RegExp(`exited unexpectedly \\(signal SIGKILL\\); starting another in ${pause} ms$`));
          expect(await accepting).toEqual([expect.stringMatching(new RegExp(`^threadline: worker ${replacement} \\(pid \\d+\\) accepts requests$`))]);
        }
        const result = await server.stop('SIGTERM');
        stopped = true;
        expect(result.status).toBe(0);
      } finally {
        if (!stopped) await server.stop('SIGKILL');
      }
    } finally {
      await test.drop();
    }
    // Five worker start-ups one after another: on a busy 2-core machine each can take several seconds.
  }, 180_000);

  it('exits 1 without restarting when the workers cannot start', async () => {
    const test = await createTestDatabase('sqlite');
    try {
      const result = await runCli(['serve', '--workers', '2', '--port', '0'], { databaseUrl: test.url, env: { THREADLINE_RATE_LIMIT: 'maybe' } }, 60_000);

      const lines = result.stderr.split('\n').filter(Boolean).map((line) => line.replace(/\d+/g, 'N'));
      expect([result.status, result.stdout]).toEqual([1, '']);
      // Settings are checked before any worker is started: the bad value stops the command at once.
      expect([...new Set(lines)].sort()).toEqual(['threadline: THREADLINE_RATE_LIMIT must be "on" or "off", got "maybe"']);
    } finally {
      await test.drop();
    }
  }, 60_000);

  it('reports a worker that stops before it accepts requests, stops the other one still starting, and exits 1 without restarting either', async () => {
    const test = await createTestDatabase('sqlite');
    // A plugin the server loads before it listens: it ends worker 1 there, and keeps worker 2 busy
    // there for good (a worker still starting, which ignores SIGTERM until it listens), so neither
    // ever accepts requests. The primary started fine: it loads no plugins.
    const plugins = mkdtempSync(join(tmpdir(), 'threadline-crash-plugin-'));
    writeFileSync(
      join(plugins, 'stop-workers.js'),
      `const cluster = require('node:cluster');
if (cluster.isWorker && cluster.worker.id === 1) process.exit(3);
if (cluster.isWorker) for (;;);
module.exports = ${JSON.stringify({ id: 'never-loaded', title: 'Never loaded', description: 'Stops the workers at start-up.', channel: 'CHAT', measures: ['count'], dimensions: ['assignee'], dateProperty: 'createdAt', defaultChartType: 'BAR' })};
`,
    );
    try {
      const result = await runCli(['serve', '--workers', '2', '--port', '0', '--json'], { databaseUrl: test.url, env: { THREADLINE_PLUGINS: plugins } }, 60_000);

      expect([result.status, result.signal, result.stdout]).toEqual([1, null, '']);
      expect(result.stderr.split('\n').filter(Boolean)).toEqual([expect.stringMatching(/^threadline: worker 1 \(pid \d+\) stopped before it accepted requests \(status 3\); stopping the others$/)]);
    } finally {
      rmSync(plugins, { recursive: true, force: true });
      await test.drop();
    }
  }, 60_000);

  it('refuses more than one worker on an in-memory SQLite database, and a count that is not a whole number of at least 1', async () => {
    const results = await Promise.all([
      runCli(['serve', '--workers', '2'], { databaseUrl: 'sqlite::memory:' }),
      runCli(['serve'], { databaseUrl: 'sqlite::memory:', env: { THREADLINE_WORKERS: '3' } }),
      runCli(['serve', '--workers', '0'], { databaseUrl: 'sqlite::memory:' }),
      runCli(['serve'], { databaseUrl: 'sqlite::memory:', env: { THREADLINE_WORKERS: 'many' } }),
    ]);

    expect(results).toEqual([
      { status: 1, signal: null, stdout: '', stderr: 'threadline: --workers 2: each worker process would see its own empty sqlite::memory: database; use a SQLite file or MySQL, or 1 worker\n' },
      { status: 1, signal: null, stdout: '', stderr: 'threadline: THREADLINE_WORKERS 3: each worker process would see its own empty sqlite::memory: database; use a SQLite file or MySQL, or 1 worker\n' },
      { status: 1, signal: null, stdout: '', stderr: 'threadline: --workers must be an integer from 1 to 256, not "0"\n' },
      { status: 1, signal: null, stdout: '', stderr: 'threadline: THREADLINE_WORKERS must be an integer from 1 to 256, not "many"\n' },
    ]);
  });
});
