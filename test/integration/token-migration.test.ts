import { QueryRunner } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { TokenManagement1764403200000 } from '../../migrations/1764403200000-token-management';
import { DatabaseIdentity1764748800000 } from '../../migrations/1764748800000-database-identity';
import { hashToken } from '../../src/auth/tokens';
import { authenticate } from '../../src/auth/viewer';
import { fromDbInstant } from '../../src/db/database';
import { createTestDatabase, DIALECTS, TestDatabase } from '../support/databases';

/**
 * Tokens made before scopes existed keep working after the upgrade, with a public id and the
 * scope of their user's role; revoked ones stay revoked.
 */
describe.each(DIALECTS)('the token management migration on %s', (dialect) => {
  let test: TestDatabase;
  let runner: QueryRunner;

  beforeAll(async () => {
    test = await createTestDatabase(dialect, { migrate: false });
    runner = test.db.dataSource.createQueryRunner();
    for (const Migration of MIGRATIONS.slice(0, MIGRATIONS.indexOf(TokenManagement1764403200000))) await new Migration().up(runner);
  });
  afterAll(async () => {
    await runner?.release();
    await test?.drop();
  });

  it('gives existing tokens ids and their role\'s scope, keeps revocations, and lets users be deactivated', async () => {
    const instant = '2026-01-02 03:04:05.678';
    await runner.query("INSERT INTO accounts (name, plan, reporting_addon, timezone, data_version, created_at) VALUES ('Old', 'FREE', 0, 'UTC', 0, ?)", [instant]);
    const [{ id: accountId }] = await runner.query('SELECT id FROM accounts');
    for (const [id, role] of [['u-admin', 'ADMIN'], ['u-member', 'MEMBER']]) {
      await runner.query('INSERT INTO users (account_id, id, email, name, role, team_id, created_at) VALUES (?, ?, ?, NULL, ?, NULL, ?)', [accountId, id, `${id}@example.org`, role, instant]);
    }
    const tokens = [['tl_admin', 'u-admin', null], ['tl_member', 'u-member', null], ['tl_gone', 'u-member', instant]] as const;
    for (const [token, user, revoked] of tokens) {
      await runner.query('INSERT INTO api_tokens (token_hash, account_id, user_id, created_at, revoked_at) VALUES (?, ?, ?, ?, ?)', [hashToken(token), accountId, user, instant, revoked]);
    }

    await new TokenManagement1764403200000().up(runner);
    // Authentication also reads the database's identity (for the report cache), a later migration.
    await new DatabaseIdentity1764748800000().up(runner);

    const rows = await test.db.query<Record<string, unknown>>('SELECT token_hash, id, user_id, name, scope, created_at, expires_at, last_used_at, revoked_at FROM api_tokens ORDER BY user_id, revoked_at');
    expect(rows.map((r) => ({ ...r, created_at: fromDbInstant(r.created_at)?.toISOString(), revoked_at: fromDbInstant(r.revoked_at)?.toISOString() ?? null }))).toEqual([
      { token_hash: hashToken('tl_admin'), id: expect.stringMatching(/^[0-9a-f-]{36}$/), user_id: 'u-admin', name: null, scope: 'ADMIN', created_at: '2026-01-02T03:04:05.678Z', expires_at: null, last_used_at: null, revoked_at: null },
      { token_hash: hashToken('tl_member'), id: expect.stringMatching(/^[0-9a-f-]{36}$/), user_id: 'u-member', name: null, scope: 'READ', created_at: '2026-01-02T03:04:05.678Z', expires_at: null, last_used_at: null, revoked_at: null },
      { token_hash: hashToken('tl_gone'), id: expect.stringMatching(/^[0-9a-f-]{36}$/), user_id: 'u-member', name: null, scope: 'READ', created_at: '2026-01-02T03:04:05.678Z', expires_at: null, last_used_at: null, revoked_at: '2026-01-02T03:04:05.678Z' },
    ]);
    expect(new Set(rows.map((r) => r.id)).size).toBe(3);
    const who = async (token: string) => {
      const result = await authenticate(test.db, `Bearer ${token}`);
      return 'viewer' in result ? `${result.viewer.userId} ${result.viewer.scope}` : result.refusal;
    };
    expect([await who('tl_admin'), await who('tl_member'), await who('tl_gone')]).toEqual(['u-admin ADMIN', 'u-member READ', 'revoked']);
    await expect(runner.query('INSERT INTO api_tokens (token_hash, id, account_id, user_id, scope, created_at) VALUES (?, ?, ?, ?, ?, ?)', ['h', rows[0].id, accountId, 'u-admin', 'READ', instant])).rejects.toThrow();

    await test.db.query('UPDATE users SET deactivated_at = ? WHERE id = ?', [new Date(), 'u-admin']);
    expect(await who('tl_admin')).toBe('deactivated');
  });

  it('goes back to the old tables, where an expired token stays unusable, and up again', async () => {
    const [member] = await test.db.query<{ id: string }>("SELECT id FROM api_tokens WHERE token_hash = ?", [hashToken('tl_member')]);
    await test.db.query('UPDATE api_tokens SET expires_at = ? WHERE id = ?', ['2026-02-01 00:00:00.000', member.id]);
    await new TokenManagement1764403200000().down(runner);
    const old = await test.db.query<Record<string, unknown>>('SELECT token_hash, revoked_at FROM api_tokens ORDER BY token_hash');
    expect(Object.fromEntries(old.map((r) => [r.token_hash, fromDbInstant(r.revoked_at)?.toISOString() ?? null]))).toEqual({
      [hashToken('tl_admin')]: null,
      [hashToken('tl_member')]: '2026-02-01T00:00:00.000Z',
      [hashToken('tl_gone')]: '2026-01-02T03:04:05.678Z',
    });
    await expect(test.db.query('SELECT deactivated_at FROM users')).rejects.toThrow();
    await new TokenManagement1764403200000().up(runner);
    expect(await test.db.query('SELECT scope FROM api_tokens WHERE token_hash = ?', [hashToken('tl_admin')])).toEqual([{ scope: 'ADMIN' }]);
  });
});
