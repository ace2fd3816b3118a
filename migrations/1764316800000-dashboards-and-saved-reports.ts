import { MigrationInterface, QueryRunner } from 'typeorm';
import { noPadBinaryCollation } from './1764144000000-exact-text-comparison';

/**
 * Saved reports (with every revision, so an edit can be undone) and dashboards (their reports in
 * order, and who they are shared with). As in the first schema: account_id leads every key and no
 * foreign keys; the services keep references consistent. A report's configuration is JSON text:
 * it is only ever read whole, and validated by the editor before it is written.
 */
export class DashboardsAndSavedReports1764316800000 implements MigrationInterface {
  name = 'DashboardsAndSavedReports1764316800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = queryRunner.connection.options.type === 'mysql';
    const tail = mysql ? ` ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${await noPadBinaryCollation(queryRunner)}` : '';
    const instant = mysql ? 'DATETIME(3)' : 'DATETIME';
    const text = mysql ? 'MEDIUMTEXT' : 'TEXT';
    const int = mysql ? 'INT' : 'INTEGER';
    const statements = [
      `CREATE TABLE saved_reports (
        account_id ${int} NOT NULL,
        id VARCHAR(36) NOT NULL,
        owner_id VARCHAR(36) NOT NULL,
        name VARCHAR(200) NOT NULL,
        chart_type VARCHAR(10) NOT NULL,
        config ${text} NOT NULL,
        source_definition_id VARCHAR(100) NULL,
        revision ${int} NOT NULL,
        created_at ${instant} NOT NULL,
        updated_at ${instant} NOT NULL,
        PRIMARY KEY (account_id, id)
      )${tail}`,
      `CREATE TABLE report_revisions (
        account_id ${int} NOT NULL,
        report_id VARCHAR(36) NOT NULL,
        revision ${int} NOT NULL,
        user_id VARCHAR(36) NOT NULL,
        action VARCHAR(10) NOT NULL,
        changes VARCHAR(500) NOT NULL,
        snapshot ${text} NOT NULL,
        created_at ${instant} NOT NULL,
        PRIMARY KEY (account_id, report_id, revision)
      )${tail}`,
      `CREATE TABLE dashboards (
        account_id ${int} NOT NULL,
        id VARCHAR(36) NOT NULL,
        owner_id VARCHAR(36) NOT NULL,
        name VARCHAR(200) NOT NULL,
        privacy VARCHAR(16) NOT NULL,
        template_id VARCHAR(100) NULL,
        date_range VARCHAR(100) NULL,
        filters ${text} NOT NULL,
        created_at ${instant} NOT NULL,
        updated_at ${instant} NOT NULL,
        PRIMARY KEY (account_id, id)
      )${tail}`,
      `CREATE TABLE dashboard_reports (
        account_id ${int} NOT NULL,
        dashboard_id VARCHAR(36) NOT NULL,
        id VARCHAR(36) NOT NULL,
        position ${int} NOT NULL,
        width ${int} NOT NULL,
        definition_id VARCHAR(100) NULL,
        report_id VARCHAR(36) NULL,
        PRIMARY KEY (account_id, dashboard_id, id)
      )${tail}`,
      `CREATE INDEX ix_dashboard_reports_report ON dashboard_reports (account_id, report_id)`,
      `CREATE TABLE dashboard_shares (
        account_id ${int} NOT NULL,
        dashboard_id VARCHAR(36) NOT NULL,
        grantee_type VARCHAR(4) NOT NULL,
        grantee_id VARCHAR(191) NOT NULL,
        access VARCHAR(4) NOT NULL,
        PRIMARY KEY (account_id, dashboard_id, grantee_type, grantee_id)
      )${tail}`,
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['dashboard_shares', 'dashboard_reports', 'dashboards', 'report_revisions', 'saved_reports']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
