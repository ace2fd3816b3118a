import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, runClis } from '../support/cli';

/** Command-line handling that never reaches a database (a throw-away SQLite path, never created). */
describe('threadline usage and errors', () => {
  let dir: string;
  let databaseUrl: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'threadline-usage-'));
    databaseUrl = `sqlite:${join(dir, 'never.sqlite')}`;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints usage for --help and for a command --help, exit 0', async () => {
    const [top, account, importHelp] = await Promise.all([
      runCli(['--help'], { databaseUrl }),
      runCli(['account', 'create', '--help'], { databaseUrl }),
      runCli(['import', '--help'], { databaseUrl }),
    ]);

    expect([top.status, top.stderr]).toEqual([0, '']);
    expect(top.stdout).toMatch(/^Usage: threadline <command> \[options\] \[--json\]\n/);
    for (const command of ['serve', 'migrate', 'account create', 'user create', 'token create', 'import', 'demo', 'start']) {
      expect(top.stdout).toContain(`  threadline ${command} `);
    }
    expect([account.status, account.stderr]).toEqual([0, '']);
    expect(account.stdout).toMatch(/^Usage: threadline account create --name NAME --plan FREE\|STARTER\|PROFESSIONAL\|ENTERPRISE /);
    expect([importHelp.status, importHelp.stderr]).toEqual([0, '']);
    expect(importHelp.stdout).toMatch(/^Usage: threadline import --account ID FILE \[--max-line-bytes N\] \[--quiet\] \[--json\]\n/);
  });

  it('exits 1 with one line for a missing or unknown command, subcommand, flag or flag value', async () => {
    const cases: [string[], string][] = [
      [[], 'no command given (see: threadline --help)'],
      [['frobnicate'], 'unknown command "frobnicate" (see: threadline --help)'],
      [['account'], 'account: expected a subcommand: create (see: threadline account --help)'],
      [['user', 'delete'], 'user: unknown subcommand "delete" (expected: create, list, deactivate)'],
      [['migrate', '--force'], 'migrate: unknown option --force (see: threadline migrate --help)'],
      [['migrate', 'now'], 'migrate: unexpected argument "now" (see: threadline migrate --help)'],
      [['serve', '--port', '70000'], '--port must be an integer from 0 to 65535, not "70000"'],
      [['account', 'create', '--plan', 'FREE'], 'account create: --name is required (see: threadline account create --help)'],
      [['account', 'create', '--name', 'X'], 'account create: --plan is required (see: threadline account create --help)'],
      [['account', 'create', '--name', 'X', '--plan', 'FREE', '--colour', 'red'], 'account create: unknown option --colour (see: threadline account create --help)'],
      [['account', 'create', '--name'], 'account create: --name needs a value (see: threadline account create --help)'],
      [['user', 'create', '--email', 'x@example.com'], 'user create: --account is required (see: threadline user create --help)'],
      [['user', 'create', '--account', '1'], 'user create: --email is required (see: threadline user create --help)'],
      [['import', '--account', '1'], 'import: FILE is required ("-" reads stdin) (see: threadline import --help)'],
      [['import', 'conversations.ndjson'], 'import: --account is required (see: threadline import --help)'],
      [['import', '--account', '1', 'a.ndjson', 'b.ndjson'], 'import: expected one FILE, got 2: a.ndjson b.ndjson'],
      [['demo', '--conversations', '5'], 'demo: --account is required (see: threadline demo --help)'],
      [['demo', '--account', '1', '--conversations', 'many'], 'demo: --conversations must be an integer from 0 to 10000000, not "many"'],
      [['demo', '--account', '1', '--seed=-1'], 'demo: --seed must be an integer from 0 to 4294967295, not "-1"'],
      [['demo', '--account', '1', '--seed', '-1'], 'demo: --seed needs a value (write --seed=VALUE for a value starting with "-") (see: threadline demo --help)'],
    ];
    const results = await runClis(cases.map(([args]) => args), { databaseUrl });

    expect(results).toEqual(cases.map(([, error]) => ({ status: 1, signal: null, stdout: '', stderr: `threadline: ${error}\n` })));
  });

  it('exits 1 with one line naming a file that cannot be read, before opening the database', async () => {
    const missing = join(dir, 'missing.ndjson');
    const results = await Promise.all([
      runCli(['import', '--account', '1', missing], { databaseUrl }),
      runCli(['import', '--account', '1', dir], { databaseUrl }),
    ]);

    expect(results).toEqual([
      { status: 1, signal: null, stdout: '', stderr: `threadline: cannot read "${missing}": no such file\n` },
      { status: 1, signal: null, stdout: '', stderr: `threadline: cannot read "${dir}": is a directory\n` },
    ]);
    expect(existsSync(join(dir, 'never.sqlite'))).toBe(false);
  });

  it('exits 1 with one line for a bad DATABASE_URL or an unreachable database, never showing the password', async () => {
    const [scheme, unreachable, debug] = await Promise.all([
      runCli(['migrate'], { databaseUrl: 'postgres://db.example.com/threadline' }),
      runCli(['migrate'], { databaseUrl: 'mysql://root:s3cret@127.0.0.1:1/threadline' }),
      runCli(['migrate'], { databaseUrl: 'mysql://root:s3cret@127.0.0.1:1/threadline', env: { THREADLINE_DEBUG: '1' } }),
    ]);

    expect(scheme).toEqual({ status: 1, signal: null, stdout: '', stderr: 'threadline: DATABASE_URL "postgres://db.example.com/threadline" must start with sqlite: or mysql://\n' });
    expect(unreachable).toEqual({
      status: 1,
      signal: null,
      stdout: '',
      stderr: 'threadline: cannot open the database mysql://127.0.0.1:1/threadline: connect ECONNREFUSED 127.0.0.1:1\n',
    });
    // THREADLINE_DEBUG=1 adds the stack after the same first line.
    expect(debug.status).toBe(1);
    expect(debug.stderr.split('\n')[0]).toBe('threadline: cannot open the database mysql://127.0.0.1:1/threadline: connect ECONNREFUSED 127.0.0.1:1');
    expect(debug.stderr).toMatch(/\n\s+at /);
    expect(`${unreachable.stderr}${debug.stderr}`).not.toContain('s3cret');
  });

  it('exits 1 with one line for DATABASE_REPLICA_URLS it cannot use, before connecting, never showing a password', async () => {
    const replicas = (value: string, databaseUrl = 'mysql://root:s3cret@127.0.0.1:1/threadline') => runCli(['migrate'], { databaseUrl, env: { DATABASE_REPLICA_URLS: value } });
    const results = await Promise.all([
      replicas('mysql://127.0.0.1:3307/threadline', 'sqlite::memory:'),
      replicas('mysql://127.0.0.1:3307/threadline, sqlite:replica.sqlite'),
      replicas('mysql://root:s3cret@127.0.0.1:3307'),
    ]);
    expect(results.map((r) => [r.status, r.stdout, r.stderr])).toEqual([
      [1, '', 'threadline: DATABASE_REPLICA_URLS needs a mysql:// DATABASE_URL: SQLite has no replicas\n'],
      [1, '', 'threadline: DATABASE_REPLICA_URLS: "sqlite:replica.sqlite" must start with mysql://\n'],
      [1, '', 'threadline: DATABASE_REPLICA_URLS: "mysql://root:***@127.0.0.1:3307" names no database\n'],
    ]);
  });
});
