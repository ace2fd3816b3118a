import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Saved reports get a privacy: EVERYONE (every member views and runs it, as before) or PRIVATE
 * (its owner; admins view it). A report edited on a private dashboard used to be listed and
 * runnable by every member, its name and filters telling what the dashboard was for: the backfill
 * makes a report PRIVATE when it sits on a dashboard not shared with everyone (PRIVATE,
 * OWNER_AND_ADMINS or SPECIFIC) and on no dashboard that is (EVERYONE_VIEW or EVERYONE_EDIT).
 * Viewers of those dashboards still see it there.
 */
export class SavedReportPrivacy1764489600000 implements MigrationInterface {
  name = 'SavedReportPrivacy1764489600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE saved_reports ADD COLUMN privacy VARCHAR(16) NOT NULL DEFAULT 'EVERYONE'`);
    const onDashboards = (privacies: string) => `SELECT 1 FROM dashboard_reports dr
        JOIN dashboards d ON d.account_id = dr.account_id AND d.id = dr.dashboard_id
       WHERE dr.account_id = saved_reports.account_id AND dr.report_id = saved_reports.id AND d.privacy IN (${privacies})`;
    await queryRunner.query(
      `UPDATE saved_reports SET privacy = 'PRIVATE'
        WHERE EXISTS (${onDashboards("'PRIVATE', 'OWNER_AND_ADMINS', 'SPECIFIC'")})
          AND NOT EXISTS (${onDashboards("'EVERYONE_VIEW', 'EVERYONE_EDIT'")})`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE saved_reports DROP COLUMN privacy');
  }
}
