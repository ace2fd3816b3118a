import { MigrationInterface, QueryRunner } from 'typeorm';
import { mysqlDialect } from '../src/db/dialects/mysql';
import { sqliteDialect } from '../src/db/dialects/sqlite';
import { rebuildRollupsIn } from '../src/reporting/engine/rollup/maintain';
import { Statement, textOf } from '../src/db/database';
import { noPadBinaryCollation } from './1764144000000-exact-text-comparison';

/**
 * Rollups: conversations pre-aggregated for the report planner (src/reporting/engine/rollup/),
 * which answers from them when that is provably the same as the raw SQL; the conversation writer
 * keeps them current. src/reporting/engine/rollup/cells.ts describes the model.
 *
 * report_rollup_groups: the groups an account has had in each grouping (`grouped_by`: status,
 * assignee, inbox, team, chatflow, pageUrl): channel, status and the grouping's column (the other
 * columns null), numbered per account and found by a key hashed from those values (a page URL of
 * 2048 characters cannot be part of a key).
 * report_rollups: per account, grouping, date property (createdAt, closedAt), channel, UTC bucket
 * (whole days; quarter hours too for `status`) and group number: the number of conversations, and
 * counts and millisecond sums of both durations. Its key leads with account_id, then what every
 * rollup query fixes, then the bucket: a report reads a few contiguous ranges of it.
 * SQLite: WITHOUT ROWID stores the rows in key order too.
 *
 * Accounts that already have conversations get their rollups computed here.
 */
export class ReportRollups1764230400000 implements MigrationInterface {
  name = 'ReportRollups1764230400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = queryRunner.connection.options.type === 'mysql';
    const tail = mysql ? ` ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${await noPadBinaryCollation(queryRunner)}` : ' WITHOUT ROWID';
    const t = mysql
      ? { int: 'INT', small: 'SMALLINT', bigint: 'BIGINT', instant: 'DATETIME(3)', hash: 'CHAR(32) CHARACTER SET ascii COLLATE ascii_bin' }
      : { int: 'INTEGER', small: 'INTEGER', bigint: 'INTEGER', instant: 'DATETIME', hash: 'CHAR(32)' };
    await queryRunner.query(`CREATE TABLE report_rollup_groups (
        account_id ${t.int} NOT NULL,
        group_id ${t.int} NOT NULL,
        group_key ${t.hash} NOT NULL,
        grouped_by VARCHAR(8) NOT NULL,
        channel VARCHAR(5) NOT NULL,
        status VARCHAR(6) NOT NULL,
        inbox_id VARCHAR(191) NULL,
        assignee_id VARCHAR(191) NULL,
        team_id VARCHAR(191) NULL,
        chatflow_id VARCHAR(191) NULL,
        page_url VARCHAR(2048) NULL,
        PRIMARY KEY (account_id, group_id)
      )${tail}`);
    await queryRunner.query('CREATE UNIQUE INDEX ux_report_rollup_groups_key ON report_rollup_groups (account_id, group_key)');
    await queryRunner.query(`CREATE TABLE report_rollups (
        account_id ${t.int} NOT NULL,
        grouped_by VARCHAR(8) NOT NULL,
        date_property VARCHAR(9) NOT NULL,
        channel VARCHAR(5) NOT NULL,
        bucket_minutes ${t.small} NOT NULL,
        bucket_start ${t.instant} NOT NULL,
        group_id ${t.int} NOT NULL,
        conversations ${t.int} NOT NULL,
        first_response_count ${t.int} NOT NULL,
        first_response_ms_sum ${t.bigint} NOT NULL,
        time_to_close_count ${t.int} NOT NULL,
        time_to_close_ms_sum ${t.bigint} NOT NULL,
        PRIMARY KEY (account_id, grouped_by, date_property, channel, bucket_minutes, bucket_start, group_id)
      )${tail}`);
    const tx = {
      query: <T>(statement: Statement, given?: readonly unknown[]) => {
        const { sql, params } = textOf(statement, given);
        return queryRunner.query(sql, [...params]) as Promise<T[]>;
      },
    };
    const accounts = (await queryRunner.query('SELECT DISTINCT account_id FROM conversations')) as { account_id: number | string }[];
    for (const { account_id } of accounts) await rebuildRollupsIn(tx, mysql ? mysqlDialect : sqliteDialect, Number(account_id));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE report_rollups');
    await queryRunner.query('DROP TABLE report_rollup_groups');
  }
}
