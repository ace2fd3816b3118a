import { MigrationInterface, QueryRunner } from 'typeorm';
import { pageUrlPath } from '../src/conversations/page-url';

/** Conversations rewritten per statement by the backfill. */
const BATCH = 500;

/**
 * `page_url_path`: the page URL without query and fragment, scheme and host lower-cased and the
 * trailing slash normalised (src/conversations/page-url.ts), so that `?utm_source=…` and `#top`
 * no longer split one page into many rows. Written with every conversation from now on; the
 * backfill computes it in TypeScript for the conversations stored before, a batch at a time in
 * primary-key order.
 */
export class PageUrlPath1764835200000 implements MigrationInterface {
  name = 'PageUrlPath1764835200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE conversations ADD COLUMN page_url_path VARCHAR(2049) NULL');
    let after: [number, string] = [-1, ''];
    for (;;) {
      const rows = (await queryRunner.query(
        `SELECT account_id, external_id, page_url FROM conversations
          WHERE page_url IS NOT NULL AND (account_id > ? OR (account_id = ? AND external_id > ?))
          ORDER BY account_id, external_id LIMIT ${BATCH}`,
        [after[0], after[0], after[1]],
      )) as { account_id: number | string; external_id: string; page_url: string }[];
      if (rows.length === 0) break;
      for (const row of rows) {
        await queryRunner.query('UPDATE conversations SET page_url_path = ? WHERE account_id = ? AND external_id = ?', [pageUrlPath(row.page_url), row.account_id, row.external_id]);
      }
      const last = rows[rows.length - 1];
      after = [Number(last.account_id), last.external_id];
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE conversations DROP COLUMN page_url_path');
  }
}
