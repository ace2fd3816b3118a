import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Covering indexes for the reports computed from the conversations (the raw path: percentiles,
 * custom properties, THREADLINE_ROLLUPS=off, the hours at a range's edges). Each starts with the
 * account, then the channel, then the date property a report selects by, and carries every column
 * the standard reports group, filter and average by, so a report over a date range reads a
 * contiguous slice of one index and never the table. MariaDB then also prefers it to the primary
 * key, which it picked for 30 days at a million conversations (reading the whole account).
 *
 * They replace `ix_conversations_created` and `ix_conversations_closed`, which they start with.
 * Not covered: `page_url` (up to 2048 characters, more than a key holds) and `team_id` (InnoDB's
 * 3072-byte key limit): reports by them use the same index and read those rows' columns too.
 */
const REPORT_INDEXES = {
  created: 'ix_conversations_report_created',
  closed: 'ix_conversations_report_closed',
} as const;

export class CoveringReportIndexes1765094400000 implements MigrationInterface {
  name = 'CoveringReportIndexes1765094400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = queryRunner.connection.options.type === 'mysql';
    await queryRunner.query(
      `CREATE INDEX ${REPORT_INDEXES.created} ON conversations (account_id, channel, created_at, status, assignee_id, inbox_id, chatflow_id, first_response_ms)`,
    );
    await queryRunner.query(`CREATE INDEX ${REPORT_INDEXES.closed} ON conversations (account_id, channel, closed_at, status, assignee_id, time_to_close_ms)`);
    await queryRunner.query(mysql ? 'DROP INDEX ix_conversations_created ON conversations' : 'DROP INDEX ix_conversations_created');
    await queryRunner.query(mysql ? 'DROP INDEX ix_conversations_closed ON conversations' : 'DROP INDEX ix_conversations_closed');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const mysql = queryRunner.connection.options.type === 'mysql';
    await queryRunner.query('CREATE INDEX ix_conversations_created ON conversations (account_id, channel, created_at)');
    await queryRunner.query('CREATE INDEX ix_conversations_closed ON conversations (account_id, channel, closed_at)');
    await queryRunner.query(mysql ? `DROP INDEX ${REPORT_INDEXES.created} ON conversations` : `DROP INDEX ${REPORT_INDEXES.created}`);
    await queryRunner.query(mysql ? `DROP INDEX ${REPORT_INDEXES.closed} ON conversations` : `DROP INDEX ${REPORT_INDEXES.closed}`);
  }
}
