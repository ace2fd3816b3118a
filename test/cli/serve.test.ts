import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { Account } from '../../src/accounts/account.entity';
import { createAccount } from '../../src/accounts/accounts';
import { findTokenBySecret, issueToken, listTokens, revokeToken } from '../../src/auth/api-tokens';
import { createUser, listUsers } from '../../src/auth/users';
import { authenticate } from '../../src/auth/viewer';
import { freePort, runCli, startCli } from '../support/cli';
import { createTestDatabase, DIALECTS, TestDatabase } from '../support/databases';

async function graphql(url: string, query: string, token?: string): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

const UNAUTHENTICATED = {
  errors: [{ message: 'A valid API token is required: send "Authorization: Bearer <token>".', extensions: { code: 'UNAUTHENTICATED' } }],
};

async function countOf(test: TestDatabase, table: string): Promise<number> {
  const [{ n }] = await test.db.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(n);
}

/**
 * The CLI owns shutdown: on SIGINT/SIGTERM it stops the server, closes the database and exits 0.
 * Outside NODE_ENV=test Apollo registers its own signal handlers, which re-raise the signal after
 * stopping (the process then dies by the signal, before the database is closed), unless
 * createApolloServer passes `stopOnTerminationSignals: false`. These tests run the CLI without
 * NODE_ENV=test, as users do, so they catch that.
 */
describe.each(DIALECTS)('threadline serve and start (%s)', (dialect) => {
  /** The working directory of `start`: with MySQL it keeps its token in ./data, which must not be the project's. */
  let cwd: string;

  beforeAll(() => {
    cwd = mkdtempSync(join(tmpdir(), 'threadline-start-'));
  });
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  describe('serve', () => {
    let test: TestDatabase;

    beforeAll(async () => {
      test = await createTestDatabase(dialect);
    });
    afterAll(async () => {
      await test?.drop();
    });

    it('prints the URL once it answers GraphQL, adds no data, and stops on SIGTERM', async () => {
      const port = await freePort();
      const server = await startCli(['serve', '--json'], { databaseUrl: test.url, env: { PORT: String(port) } });
      let stopped = false;
      try {
        expect(server.firstLine).toBe(JSON.stringify({ url: `http://localhost:${port}/graphql` }));
        const { url } = JSON.parse(server.firstLine) as { url: string };

        expect(await graphql(url, '{ __typename }')).toEqual(UNAUTHENTICATED);
        expect(await graphql(url, '{ __typename }', 'tl_not-a-real-token')).toEqual(UNAUTHENTICATED);
        expect(await countOf(test, 'accounts')).toBe(0);

        const result = await server.stop('SIGTERM');
        stopped = true;
        expect(result).toEqual({
          status: 0,
          signal: null,
          stdout: `${server.firstLine}\n`,
          stderr: 'threadline: SIGTERM received, shutting down\n',
        });
      } finally {
        if (!stopped) await server.stop('SIGKILL');
      }
    });

    it('exits 1 with one line when the port is taken', async () => {
      const blocker: Server = createServer();
      await new Promise<void>((resolve) => blocker.listen(0, resolve));
      const { port } = blocker.address() as { port: number };
      try {
        const result = await runCli(['serve', '--port', String(port)], { databaseUrl: test.url });

        expect(result).toEqual({
          status: 1,
          signal: null,
          stdout: '',
          stderr: `threadline: port ${port} is already in use (choose another with --port or PORT)\n`,
        });
      } finally {
        await new Promise((resolve) => blocker.close(resolve));
      }
    });
    it('start on a database without the demo user issues a token for the first ADMIN of the first account', async () => {
      const account = await createAccount(test.db, { name: 'Acme', plan: 'STARTER' });
      await createUser(test.db, account, { email: 'member@example.com' });
      await createUser(test.db, account, { email: 'boss@example.com', role: 'ADMIN' });
      const port = await freePort();

      const server = await startCli(['start', '--port', String(port), '--json'], { databaseUrl: test.url, cwd });
      const result = await server.stop('SIGTERM');

      const printed = JSON.parse(server.firstLine) as Record<string, string>;
      expect(printed).toEqual({
        url: `http://localhost:${port}/graphql`,
        appUrl: `http://localhost:${port}/#token=${printed.token}`,
        accountId: String(account.id),
        email: 'boss@example.com',
        token: expect.stringMatching(/^tl_/),
        tokenFile: expect.any(String),
      });
      expect([result.status, result.stdout]).toEqual([0, `${server.firstLine}\n`]);
      expect([await countOf(test, 'accounts'), await countOf(test, 'conversations')]).toEqual([1, 0]);
    });
  });

  describe('start', () => {
    let test: TestDatabase;
    /** What the first start printed. */
    let first: Record<string, string>;

    beforeAll(async () => {
      test = await createTestDatabase(dialect);
    });
    afterAll(async () => {
      await test?.drop();
    });

    const startTokens = async () => (await listTokens(test.db)).filter((t) => t.name === 'threadline start');

    it('creates the demo account, user and data on an empty database, then serves with a working token kept in a private file', async () => {
      const port = await freePort();
      const server = await startCli(['start', '--port', String(port), '--json'], { databaseUrl: test.url, cwd }, 60_000);
      try {
        const printed = JSON.parse(server.firstLine) as Record<string, string>;
        first = printed;
        expect(printed).toEqual({
          url: `http://localhost:${port}/graphql`,
          appUrl: `http://localhost:${port}/#token=${printed.token}`,
          accountId: expect.stringMatching(/^\d+$/),
          email: 'demo@example.com',
          token: expect.stringMatching(/^tl_/),
          tokenFile: expect.stringMatching(/\.demo-token$/),
        });
        const file = isAbsolute(printed.tokenFile) ? printed.tokenFile : join(cwd, printed.tokenFile);
        expect(readFileSync(file, 'utf8')).toBe(`${printed.token}\n`);
        expect(statSync(file).mode & 0o777).toBe(0o600);
        expect(await graphql(printed.url, '{ __typename }', printed.token)).toEqual({ data: { __typename: 'Query' } });
        // The sign-in link opens the web app, built by npm run build, with no step of its own.
        const app = await fetch(printed.appUrl.replace(/#.*/, ''));
        expect([app.status, await app.text()]).toEqual([200, expect.stringContaining('<div id="root"></div>')]);
        expect(await test.db.dataSource.getRepository(Account).find()).toEqual([expect.objectContaining({ name: 'Demo', plan: 'PROFESSIONAL', timezone: 'Europe/Amsterdam' })]);
        expect(await countOf(test, 'conversations')).toBe(5000);
        const dashboards = (await graphql(printed.url, '{ dashboards { id name privacy reports { id } } }', printed.token)) as {
          data: { dashboards: { id: string; name: string; privacy: string; reports: unknown[] }[] };
        };
        expect(dashboards.data.dashboards.map((d) => [d.name, d.privacy, d.reports.length])).toEqual([
          ['Chat overview', 'EVERYONE_VIEW', 6],
          ['Email overview', 'EVERYONE_VIEW', 6],
        ]);
        // One dashboard's results per request: every dashboard's at once is over the request budget.
        for (const { id } of dashboards.data.dashboards) {
          const results = (await graphql(printed.url, `{ dashboard(id: "${id}") { reports { result { rows { measureValues } } } } }`, printed.token)) as {
            data: { dashboard: { reports: { result: { rows: unknown[] } }[] } };
          };
          expect(results.data.dashboard.reports.every((r) => r.result.rows.length > 0)).toBe(true);
        }
      } finally {
        expect((await server.stop('SIGINT')).status).toBe(0);
      }
    });

    it('adds nothing when accounts exist and prints the same token again, issuing none', async () => {
      const other = await createAccount(test.db, { name: 'Other', plan: 'FREE' });
      await createUser(test.db, other, { email: 'boss@example.com', role: 'ADMIN' });
      const tokensBefore = await countOf(test, 'api_tokens');
      const port = await freePort();

      const server = await startCli(['start', '--port', String(port)], { databaseUrl: test.url, cwd });
      try {
        const result = await server.stop('SIGINT');

        // The demo user of the first account, with the token of the first start; no new account or conversations.
        const token = first.token;
        expect(result.stdout).toBe(
          [
            `Threadline GraphQL server listening at http://localhost:${port}/graphql (Ctrl-C to stop)`,
            `Open the dashboards (this link signs you in): http://localhost:${port}/#token=${token}`,
            '',
            `API token for demo@example.com (account ${first.accountId} "Demo"): ${token}`,
            `(kept in ${first.tokenFile}; every start prints it again while it works)`,
            '',
            'Try it:',
            `  curl -s http://localhost:${port}/graphql \\`,
            `    -H 'Content-Type: application/json' \\`,
            `    -H 'Authorization: Bearer ${token}' \\`,
            `    -d '{"query":"{ runReport(input: {definitionId: \\"chat-volume-by-assignee\\"}) { rows { dimensionValues { label } measureValues } } }"}'`,
            '',
          ].join('\n'),
        );
        expect([result.status, result.stderr]).toEqual([0, 'threadline: SIGINT received, shutting down\n']);
        expect(await countOf(test, 'accounts')).toBe(2);
        expect(await countOf(test, 'conversations')).toBe(5000);
        expect(await countOf(test, 'api_tokens')).toBe(tokensBefore);
      } finally {
        if (server.child.exitCode === null && server.child.signalCode === null) await server.stop('SIGKILL');
      }
    });

    it('issues a new token once the kept one is revoked, and revokes its own earlier ones', async () => {
      const kept = (await findTokenBySecret(test.db, first.token))!;
      await revokeToken(test.db, kept.id);
      // Another token of start's that still works (as if the file had been lost once): revoked too.
      const demoUser = (await listUsers(test.db, { email: 'demo@example.com' }))[0];
      const stray = await issueToken(test.db, demoUser, { name: 'threadline start' });
      const other = await issueToken(test.db, demoUser, { name: 'my script' });

      const runs: Record<string, string>[] = [];
      for (let i = 0; i < 2; i++) {
        const server = await startCli(['start', '--port', String(await freePort()), '--json'], { databaseUrl: test.url, cwd });
        runs.push(JSON.parse(server.firstLine) as Record<string, string>);
        expect((await server.stop('SIGTERM')).status).toBe(0);
      }
      expect(runs[0].token).not.toBe(first.token);
      expect(runs[1].token).toBe(runs[0].token);
      const state = async (token: string) => {
        const result = await authenticate(test.db, `Bearer ${token}`);
        return 'viewer' in result ? 'works' : result.refusal;
      };
      expect([await state(runs[0].token), await state(stray.token), await state(first.token), await state(other.token)]).toEqual(['works', 'revoked', 'revoked', 'works']);
      expect((await startTokens()).filter((t) => !t.revokedAt)).toHaveLength(1);
    });
  });
});
