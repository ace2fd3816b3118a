import { Account } from '../../src/accounts/account.entity';
import { findAccount } from '../../src/accounts/accounts';
import { hashToken } from '../../src/auth/tokens';
import { User } from '../../src/auth/user.entity';
import { runCli, runClis } from '../support/cli';
import { createTestDatabase, DIALECTS, TestDatabase } from '../support/databases';

describe.each(DIALECTS)('threadline account create / user create (%s)', (dialect) => {
  let test: TestDatabase;
  let accountId: string;
  const cli = (...args: string[]) => runCli(args, { databaseUrl: test.url });

  beforeAll(async () => {
    test = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await test?.drop();
  });

  it('creates an account and prints its id as JSON', async () => {
    const result = await cli('account', 'create', '--name', 'Acme', '--plan', 'PROFESSIONAL', '--timezone', 'Europe/Amsterdam', '--json');

    expect(result).toEqual({ status: 0, signal: null, stdout: expect.stringMatching(/^\{"accountId":"\d+"\}\n$/), stderr: '' });
    accountId = (JSON.parse(result.stdout) as { accountId: string }).accountId;
    expect(await findAccount(test.db, accountId)).toMatchObject({ name: 'Acme', plan: 'PROFESSIONAL', reportingAddon: false, timezone: 'Europe/Amsterdam' });
  });

  it('prints a human-readable line without --json, with defaults for the optional flags', async () => {
    const result = await cli('account', 'create', '--name', 'Small shop', '--plan', 'starter', '--reporting-addon');

    const created = await test.db.dataSource.getRepository(Account).findOneByOrFail({ name: 'Small shop' });
    expect(result).toEqual({ status: 0, signal: null, stdout: `Created account ${created.id} "Small shop" (STARTER with reporting add-on, UTC).\n`, stderr: '' });
    expect(created).toMatchObject({ plan: 'STARTER', reportingAddon: true, timezone: 'UTC' });
  });

  it('rejects bad account input with one line on stderr and exit status 1', async () => {
    const cases: [string[], string][] = [
      [['--name', 'X', '--plan', 'GOLD'], 'plan: must be one of FREE, STARTER, PROFESSIONAL, ENTERPRISE, not "GOLD"'],
      [['--name', 'X', '--plan', 'FREE', '--timezone', 'Mars/Olympus'], 'timezone: "Mars/Olympus" is not an IANA time zone (e.g. Europe/Amsterdam)'],
    ];
    const results = await runClis(cases.map(([args]) => ['account', 'create', ...args]), { databaseUrl: test.url });

    expect(results).toEqual(cases.map(([, error]) => ({ status: 1, signal: null, stdout: '', stderr: `threadline: ${error}\n` })));
    expect(await test.db.dataSource.getRepository(Account).countBy({ name: 'X' })).toBe(0);
  });

  it('creates a user and prints the id and a working token as JSON', async () => {
    const result = await cli('user', 'create', '--account', accountId, '--email', 'Ada@Example.com', '--name', 'Ada', '--team', 'Tier 1', '--role', 'ADMIN', '--json');

    expect(result).toEqual({ status: 0, signal: null, stdout: expect.stringMatching(/^\{"userId":"[0-9a-f-]{36}","token":"tl_[\w-]+"\}\n$/), stderr: '' });
    const { userId, token } = JSON.parse(result.stdout) as { userId: string; token: string };
    const user = await test.db.dataSource.getRepository(User).findOneByOrFail({ id: userId });
    expect(user).toMatchObject({ accountId: Number(accountId), email: 'ada@example.com', name: 'Ada', role: 'ADMIN', teamId: 'team-tier-1' });
    const tokens = await test.db.query<{ user_id: string }>('SELECT user_id FROM api_tokens WHERE token_hash = ?', [hashToken(token)]);
    expect(tokens).toEqual([{ user_id: userId }]);
  });

  it('prints the token on a second line without --json; the role defaults to MEMBER', async () => {
    const result = await cli('user', 'create', '--account', accountId, '--email', 'grace@example.com');

    const user = await test.db.dataSource.getRepository(User).findOneByOrFail({ email: 'grace@example.com' });
    expect(result.stdout).toMatch(new RegExp(`^Created MEMBER user grace@example.com \\(${user.id}\\) in account ${accountId}\\.\nAPI token \\(shown only once\\): tl_[\\w-]+\n$`));
    expect([result.status, result.stderr]).toEqual([0, '']);
  });

  it('rejects bad user input with one line on stderr and exit status 1', async () => {
    const cases: [string[], string][] = [
      [['--account', '999999', '--email', 'x@example.com'], 'unknown account "999999" (create one with: threadline account create)'],
      [['--account', accountId, '--email', 'not-an-email'], 'email: "not-an-email" is not an email address'],
      [['--account', accountId, '--email', 'x@example.com', '--role', 'OWNER'], 'role: must be one of ADMIN, MEMBER, not "OWNER"'],
      [['--account', accountId, '--email', 'ada@example.com'], `email: a user with email ada@example.com already exists in account ${accountId}`],
    ];
    const results = await runClis(cases.map(([args]) => ['user', 'create', ...args]), { databaseUrl: test.url });

    expect(results).toEqual(cases.map(([, error]) => ({ status: 1, signal: null, stdout: '', stderr: `threadline: ${error}\n` })));
    expect(await test.db.dataSource.getRepository(User).countBy({ email: 'x@example.com' })).toBe(0);
  });
});
