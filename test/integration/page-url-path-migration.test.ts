import { MIGRATIONS } from '../../migrations';
import { PageUrlPath1764835200000 } from '../../migrations/1764835200000-page-url-path';
import { createTestDatabase, DIALECTS, TestDatabase } from '../support/databases';

/** The backfill of migration PageUrlPath on conversations stored before it, across more than one batch. */
describe.each(DIALECTS)('migration PageUrlPath on %s', (dialect) => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await createTestDatabase(dialect, { migrate: false });
  });
  afterAll(() => test?.drop());

  it('computes the path of every stored page URL, in every account, and leaves no URL without one', async () => {
    const runner = test.db.dataSource.createQueryRunner();
    try {
      for (const Migration of MIGRATIONS.slice(0, MIGRATIONS.indexOf(PageUrlPath1764835200000))) await new Migration().up(runner);
      const now = new Date('2026-03-01T09:00:00Z');
      const conversation = (account: number, id: string, url: string | null) =>
        test.db.query(
          "INSERT INTO conversations (account_id, external_id, channel, status, inbox_id, page_url, created_at, content_hash, updated_at) VALUES (?, ?, 'CHAT', 'OPEN', 'support', ?, ?, 'h', ?)",
          [account, id, url, now, now],
        );
      for (let i = 0; i < 1203; i++) await conversation(1 + (i % 2), `c-${String(i).padStart(4, '0')}`, i % 3 === 0 ? null : `https://Example.com/p${i % 5}/?utm=${i}#top`);
      await new PageUrlPath1764835200000().up(runner);

      const rows = await test.db.query<{ account_id: unknown; external_id: string; page_url: string | null; page_url_path: string | null }>(
        'SELECT account_id, external_id, page_url, page_url_path FROM conversations ORDER BY account_id, external_id',
      );
      expect(rows).toHaveLength(1203);
      for (const row of rows) {
        const i = Number(row.external_id.slice(2));
        expect([row.external_id, row.page_url_path]).toEqual([row.external_id, i % 3 === 0 ? null : `https://example.com/p${i % 5}`]);
      }
    } finally {
      await runner.release();
    }
  });
});
