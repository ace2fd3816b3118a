import { createAccount } from '../../src/accounts/accounts';
import { createUser, deactivateUser, listUsers } from '../../src/auth/users';
import { createTestDatabase, DIALECTS, TestDatabase } from '../support/databases';

/**
 * An account keeps an active admin even when two admins deactivate each other at the same moment.
 * On MariaDB the two transactions are made to overlap for certain: a third one holds the admins'
 * token rows, so each deactivation stops at revoking tokens, after its last-admin check, until both
 * have got that far (or one waits for the other's account lock, as it should). SQLite runs write
 * transactions one at a time, so there the two simply race.
 */
describe.each(DIALECTS)('the last active admin on %s', (dialect) => {
  let test: TestDatabase;
  const started: string[] = [];

  beforeAll(async () => {
    test = await createTestDatabase(dialect, { onQuery: (sql) => started.push(sql) });
  });
  afterAll(() => test?.drop());

  it('stays when two admins deactivate each other at once', async () => {
    const { db } = test;
    const account = await createAccount(db, { name: 'Rivals', plan: 'FREE' });
    const [a, b] = [await createUser(db, account, { email: 'a@example.org', role: 'ADMIN' }), await createUser(db, account, { email: 'b@example.org', role: 'ADMIN' })];

    const blocker = dialect === 'mysql' ? db.dataSource.createQueryRunner() : null;
    if (blocker) {
      await blocker.connect();
      await blocker.startTransaction();
      await blocker.query('SELECT token_hash FROM api_tokens WHERE account_id = ? FOR UPDATE', [account.id]);
    }
    started.length = 0;
    const outcomes = Promise.allSettled([deactivateUser(db, account.id, a.user.id), deactivateUser(db, account.id, b.user.id)]);
    if (blocker) {
      const waiting = () => started.filter((sql) => /^UPDATE api_tokens SET revoked_at|^SELECT id FROM accounts WHERE id = \? FOR UPDATE/.test(sql)).length;
      for (let polls = 0; waiting() < 2 && polls < 1000; polls++) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(waiting()).toBeGreaterThanOrEqual(2);
      await blocker.commitTransaction();
      await blocker.release();
    }

    const results = (await outcomes).map((r) => (r.status === 'fulfilled' ? 'deactivated' : (r.reason as Error).message.replace(/^id: \S+/, 'id: …')));
    expect(results.sort()).toEqual(['deactivated', `id: … is the last active admin of account ${account.id} and cannot be deactivated: make another user ADMIN first`]);
    const admins = (await listUsers(db, { accountId: account.id })).filter((u) => u.role === 'ADMIN' && !u.deactivatedAt);
    expect(admins).toHaveLength(1);
  });
});
