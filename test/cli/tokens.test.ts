import { Account } from '../../src/accounts/account.entity';
import { createAccount } from '../../src/accounts/accounts';
import { authenticate } from '../../src/auth/viewer';
import { createUser } from '../../src/auth/users';
import { runCli, runClis } from '../support/cli';
import { createTestDatabase, DIALECTS, TestDatabase } from '../support/databases';

/** `threadline token create|list|revoke` and `threadline user list|deactivate`, as an operator runs them. */
describe.each(DIALECTS)('threadline token and user management (%s)', (dialect) => {
  let test: TestDatabase;
  let acme: Account;
  let other: Account;
  const cli = (...args: string[]) => runCli(args, { databaseUrl: test.url });
  const json = <T>(result: { status: number | null; stdout: string; stderr: string }): T => {
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    return JSON.parse(result.stdout) as T;
  };
  /** How a request with `token` is answered: the user's email and scope, or why it is refused. */
  const whoIs = async (token: string) => {
    const result = await authenticate(test.db, `Bearer ${token}`);
    return 'viewer' in result ? `${result.viewer.email} ${result.viewer.scope}` : result.refusal;
  };

  beforeAll(async () => {
    test = await createTestDatabase(dialect);
    acme = await createAccount(test.db, { name: 'Acme', plan: 'PROFESSIONAL' });
    other = await createAccount(test.db, { name: 'Other', plan: 'FREE' });
    await createUser(test.db, acme, { email: 'boss@acme.example', role: 'ADMIN' });
    await createUser(test.db, acme, { email: 'agent@acme.example', name: 'Agent' });
    await createUser(test.db, acme, { email: 'shared@example.org' });
    await createUser(test.db, other, { email: 'shared@example.org', role: 'ADMIN' });
  });
  afterAll(async () => {
    await test?.drop();
  });

  it('creates a token of the default scope for a user found by email alone, shown once', async () => {
    const created = json<{ id: string; token: string; accountId: string; userId: string; scope: string; expiresAt: null }>(
      await cli('token', 'create', '--user', 'Agent@Acme.example', '--json'),
    );
    expect(created).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), token: expect.stringMatching(/^tl_[\w-]{32}$/), accountId: String(acme.id), userId: expect.any(String), scope: 'READ', expiresAt: null });
    expect(await whoIs(created.token)).toBe('agent@acme.example READ');

    const human = await cli('token', 'create', '--user', 'boss@acme.example');
    expect(human.stdout).toMatch(new RegExp(`^Created ADMIN token [0-9a-f-]{36} for boss@acme\\.example \\(account ${acme.id}\\), never expiring\\.\nAPI token \\(shown only once\\): tl_[\\w-]+\n$`));
  });

  it('creates an INGEST token with an expiry and a name, and needs --account for an email of several accounts', async () => {
    const before = Date.now();
    const created = json<{ token: string; scope: string; expiresAt: string; accountId: string }>(
      await cli('token', 'create', '--user', 'shared@example.org', '--account', String(acme.id), '--scope', 'ingest', '--expires', '90d', '--name', 'Zendesk sync', '--json'),
    );
    expect(created).toMatchObject({ scope: 'INGEST', accountId: String(acme.id) });
    const lifetime = Date.parse(created.expiresAt) - before;
    expect(lifetime >= 90 * 86_400_000 && lifetime < 90 * 86_400_000 + 60_000).toBe(true);
    expect(await whoIs(created.token)).toBe('shared@example.org INGEST');
  });

  it('refuses bad input with one line and exit status 1, creating nothing', async () => {
    const [{ n: before }] = await test.db.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM api_tokens');
    const cases: [string[], string][] = [
      [['create'], 'token create: --user is required (see: threadline token create --help)'],
      [['create', '--user', 'nobody@example.org'], 'no user with email nobody@example.org (see: threadline user list)'],
      [['create', '--user', 'shared@example.org'], `shared@example.org is a user of accounts ${acme.id}, ${other.id}: say which with --account`],
      [['create', '--user', 'shared@example.org', '--account', '999999'], 'unknown account "999999" (create one with: threadline account create)'],
      [['create', '--user', 'agent@acme.example', '--scope', 'ADMIN'], 'scope: only an ADMIN may hold an ADMIN-scoped token; give a MEMBER a READ or INGEST token'],
      [['create', '--user', 'agent@acme.example', '--scope', 'WRITE'], 'scope: must be one of READ, INGEST, ADMIN, not "WRITE"'],
      [['create', '--user', 'agent@acme.example', '--expires', 'next week'], 'expires: "next week" is not a lifetime such as 12h, 90d or 4w, or an ISO 8601 date (2027-01-31, meaning 00:00 UTC) or instant with offset'],
      [['create', '--user', 'agent@acme.example', '--expires', '2001-01-01'], 'expires: "2001-01-01" is not in the future'],
      [['create', '--user', 'agent@acme.example', '--colour', 'red'], 'token create: unknown option --colour (see: threadline token create --help)'],
      [['revoke'], 'token revoke: expected one token ID, got 0 (see: threadline token revoke --help)'],
      [['revoke', 'no-such-id'], 'no API token with id "no-such-id" (see: threadline token list)'],
      [['list', '--user', 'nobody@example.org'], 'no user with email nobody@example.org (see: threadline user list)'],
      [['delete'], 'token: unknown subcommand "delete" (expected: create, list, revoke)'],
      [[], 'token: expected a subcommand: create, list, revoke (see: threadline token --help)'],
    ];
    const results = await runClis(cases.map(([args]) => ['token', ...args]), { databaseUrl: test.url });
    expect(results).toEqual(cases.map(([, error]) => ({ status: 1, signal: null, stdout: '', stderr: `threadline: ${error}\n` })));
    const [{ n: after }] = await test.db.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM api_tokens');
    expect(Number(after)).toBe(Number(before));
  });

  it('lists tokens without their secrets, filtered by account or user, and revokes one by id', async () => {
    const { token, id } = json<{ token: string; id: string }>(await cli('token', 'create', '--user', 'agent@acme.example', '--name', 'Looker', '--json'));
    expect(await whoIs(token)).toBe('agent@acme.example READ');

    const all = await cli('token', 'list', '--json');
    const { tokens } = json<{ tokens: Record<string, unknown>[] }>(all);
    expect(all.stdout).not.toMatch(/tl_/);
    expect(tokens.find((t) => t.id === id)).toEqual({
      id,
      accountId: String(acme.id),
      userId: expect.any(String),
      email: 'agent@acme.example',
      name: 'Looker',
      scope: 'READ',
      status: 'ACTIVE',
      createdAt: expect.any(String),
      expiresAt: null,
      lastUsedAt: expect.any(String),
      revokedAt: null,
    });
    expect(new Set(tokens.map((t) => t.accountId))).toEqual(new Set([String(acme.id), String(other.id)]));
    const ofOther = json<{ tokens: { accountId: string }[] }>(await cli('token', 'list', '--account', String(other.id), '--json')).tokens;
    expect(ofOther.map((t) => t.accountId)).toEqual([String(other.id)]);
    const ofAgent = json<{ tokens: { email: string }[] }>(await cli('token', 'list', '--user', 'agent@acme.example', '--json')).tokens;
    expect(new Set(ofAgent.map((t) => t.email))).toEqual(new Set(['agent@acme.example']));
    const table = await cli('token', 'list', '--user', 'agent@acme.example');
    expect(table.stdout.split('\n')[0]).toMatch(/^ID +ACCOUNT +USER +NAME +SCOPE +STATUS +CREATED +EXPIRES +LAST USED +REVOKED$/);
    expect(table.stdout).toMatch(new RegExp(`\n${id} +${acme.id} +agent@acme\\.example +Looker +READ +ACTIVE `));

    const revoked = json<{ id: string; revokedAt: string }>(await cli('token', 'revoke', id, '--json'));
    expect(revoked).toEqual({ id, revokedAt: expect.any(String) });
    expect(await whoIs(token)).toBe('revoked');
    // Revoking again changes nothing and is no error.
    expect(json(await cli('token', 'revoke', id, '--json'))).toEqual(revoked);
    const listed = json<{ tokens: { id: string; status: string; revokedAt: string }[] }>(await cli('token', 'list', '--json')).tokens.find((t) => t.id === id);
    expect(listed).toMatchObject({ status: 'REVOKED', revokedAt: revoked.revokedAt });
  });

  it('lists users and deactivates one, revoking their tokens; the last active admin stays', async () => {
    const { token } = json<{ token: string }>(await cli('token', 'create', '--user', 'shared@example.org', '--account', String(acme.id), '--json'));
    const { users } = json<{ users: Record<string, unknown>[] }>(await cli('user', 'list', '--account', String(acme.id), '--json'));
    expect(users.map((u) => [u.email, u.role, u.active])).toEqual([
      ['agent@acme.example', 'MEMBER', true],
      ['boss@acme.example', 'ADMIN', true],
      ['shared@example.org', 'MEMBER', true],
    ]);

    const deactivated = json<{ userId: string; deactivatedAt: string }>(await cli('user', 'deactivate', '--account', String(acme.id), '--email', 'shared@example.org', '--json'));
    expect(deactivated).toEqual({ userId: users[2].userId, deactivatedAt: expect.any(String) });
    expect(await whoIs(token)).toBe('revoked');
    const after = json<{ users: Record<string, unknown>[] }>(await cli('user', 'list', '--account', String(acme.id), '--json')).users[2];
    expect(after).toMatchObject({ email: 'shared@example.org', active: false, activeTokens: 0, deactivatedAt: deactivated.deactivatedAt });
    // The same email in the other account is another user, untouched.
    expect(json<{ users: { email: string; active: boolean }[] }>(await cli('user', 'list', '--account', String(other.id), '--json')).users).toEqual([
      expect.objectContaining({ email: 'shared@example.org', active: true }),
    ]);

    const lastAdmin = await cli('user', 'deactivate', '--account', String(acme.id), '--email', 'boss@acme.example');
    expect(lastAdmin).toEqual({
      status: 1,
      signal: null,
      stdout: '',
      stderr: `threadline: id: boss@acme.example is the last active admin of account ${acme.id} and cannot be deactivated: make another user ADMIN first\n`,
    });
    const missing = await cli('user', 'deactivate', '--account', String(acme.id));
    expect(missing.stderr).toBe('threadline: user deactivate: --email is required (see: threadline user deactivate --help)\n');
  });
});
