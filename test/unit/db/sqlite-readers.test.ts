import { QueryTimedOut, SqliteReaders } from '../../../src/db/sqlite-readers';
import { createTestDatabase, TestDatabase } from '../../support/databases';

/** Runs for minutes: a billion-row join (SQLite's recursive CTE has no depth limit to stop it sooner). */
const SLOW = 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) SELECT COUNT(*) AS n FROM n a, n b, n c';

describe('SQLite reader processes', () => {
  let store: TestDatabase;
  let readers: SqliteReaders;
  let kills = 0;

  beforeEach(async () => {
    store = await createTestDatabase('sqlite', { sqliteReaders: 0 });
    await store.db.query('CREATE TABLE t (x INTEGER)');
    await store.db.query('INSERT INTO t VALUES (1), (2)');
    kills = 0;
    readers = new SqliteReaders({ file: store.url.slice('sqlite:'.length), size: 1, onKill: () => kills++ });
  });
  afterEach(async () => {
    await readers.close();
    await store.drop();
  });

  it('answer a query', async () => {
    expect(await readers.run('SELECT SUM(x) AS total FROM t WHERE x > ?', [0], 5000)).toEqual([{ total: 3 }]);
  });

  it('count the wait for a free reader toward the time limit: a query queued behind a slow one answers its timeout, not when the slow one ends', async () => {
    // The only reader is busy for a minute; the second query may take 300 ms in all.
    const slow = readers.run(SLOW, [], 60_000);
    const slowOutcome = slow.catch((error: unknown) => error);

    await expect(readers.run('SELECT COUNT(*) AS n FROM t', [], 300)).rejects.toEqual(new QueryTimedOut(300));

    // It never reached a reader: the slow query still runs (nothing was killed), and the reader
    // stays the slow query's until the end.
    expect(kills).toBe(0);
    await readers.close();
    expect(await slowOutcome).toEqual(new Error('The SQLite readers are closed'));
  });

  it('stop a query past its limit by killing its reader, and answer the next one on a fresh reader', async () => {
    await expect(readers.run(SLOW, [], 300)).rejects.toEqual(new QueryTimedOut(300));
    expect(kills).toBe(1);
    expect(await readers.run('SELECT COUNT(*) AS n FROM t', [], 5000)).toEqual([{ n: 2 }]);
  });
});
