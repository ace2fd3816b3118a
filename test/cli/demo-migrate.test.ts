import { createAccount } from '../../src/accounts/accounts';
import { MIGRATIONS } from '../../migrations';
import { fromDbInstant } from '../../src/db/database';
import { runCli } from '../support/cli';
import { createTestDatabase, DIALECTS, TestDatabase } from '../support/databases';

const MIGRATION_NAMES = MIGRATIONS.map((Migration) => new Migration().name ?? Migration.name);

describe.each(DIALECTS)('threadline migrate and demo (%s)', (dialect) => {
  let test: TestDatabase;
  const cli = (...args: string[]) => runCli(args, { databaseUrl: test.url });

  beforeAll(async () => {
    test = await createTestDatabase(dialect, { migrate: false });
  });
  afterAll(async () => {
    await test?.drop();
  });

  it('applies every pending migration once; running it again is fine', async () => {
    const first = await cli('migrate', '--json');
    const second = await cli('migrate', '--json');
    const third = await cli('migrate');

    expect(first).toEqual({ status: 0, signal: null, stdout: `${JSON.stringify({ applied: MIGRATION_NAMES })}\n`, stderr: '' });
    expect(second).toEqual({ status: 0, signal: null, stdout: '{"applied":[]}\n', stderr: '' });
    expect(third).toEqual({ status: 0, signal: null, stdout: 'No pending migrations: the database is up to date.\n', stderr: '' });
  });

  it('fills an account with the requested number of demo conversations', async () => {
    const account = await createAccount(test.db, { name: 'Demo', plan: 'PROFESSIONAL' });

    const result = await cli('demo', '--account', String(account.id), '--conversations', '200', '--seed', '7', '--json');

    expect(result).toEqual({ status: 0, signal: null, stdout: '{"imported":200}\n', stderr: '' });
    const [row] = await test.db.query<{ n: number | string; channels: number | string; oldest: unknown; newest: unknown }>(
      'SELECT COUNT(*) AS n, COUNT(DISTINCT channel) AS channels, MIN(created_at) AS oldest, MAX(created_at) AS newest FROM conversations WHERE account_id = ?',
      [account.id],
    );
    expect([Number(row.n), Number(row.channels)]).toEqual([200, 2]);
    // Six months of history ending now.
    const day = 24 * 3600 * 1000;
    expect(fromDbInstant(row.oldest)!.getTime()).toBeGreaterThan(Date.now() - 185 * day);
    expect(fromDbInstant(row.newest)!.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('exits 1 for an unknown account', async () => {
    const result = await cli('demo', '--account', '31337', '--conversations', '5');

    expect(result).toEqual({ status: 1, signal: null, stdout: '', stderr: 'threadline: unknown account "31337" (create one with: threadline account create)\n' });
  });
});
