import { MIGRATIONS } from '../../migrations';
import { SavedReportPrivacy1764489600000 } from '../../migrations/1764489600000-saved-report-privacy';
import { createTestDatabase, DIALECTS, TestDatabase } from '../support/databases';

/**
 * The backfill of migration SavedReportPrivacy on data stored before it: a report that sits on a
 * dashboard not shared with everyone, and on none that is, becomes PRIVATE; every other report
 * stays visible to everyone, as it was.
 */
describe.each(DIALECTS)('migration SavedReportPrivacy on %s', (dialect) => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await createTestDatabase(dialect, { migrate: false });
  });
  afterAll(() => test?.drop());

  it('makes private the reports shown only on restricted dashboards, in each account apart', async () => {
    const runner = test.db.dataSource.createQueryRunner();
    try {
      // The schema as it was before this migration.
      for (const Migration of MIGRATIONS.slice(0, MIGRATIONS.indexOf(SavedReportPrivacy1764489600000))) await new Migration().up(runner);

      const now = new Date('2026-03-01T09:00:00Z');
      const dashboard = (account: number, id: string, privacy: string) =>
        test.db.query(
          'INSERT INTO dashboards (account_id, id, owner_id, name, privacy, template_id, date_range, filters, created_at, updated_at) VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?)',
          [account, id, 'user-1', `Dashboard ${id}`, privacy, '[]', now, now],
        );
      const report = (account: number, id: string) =>
        test.db.query(
          'INSERT INTO saved_reports (account_id, id, owner_id, name, chart_type, config, source_definition_id, revision, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, NULL, 1, ?, ?)',
          [account, id, 'user-1', `Report ${id}`, 'BAR', '{}', now, now],
        );
      let place = 0;
      const show = (account: number, dashboardId: string, reportId: string) =>
        test.db.query('INSERT INTO dashboard_reports (account_id, dashboard_id, id, position, width, definition_id, report_id) VALUES (?, ?, ?, ?, 6, NULL, ?)', [
          account, dashboardId, `place-${++place}`, place, reportId,
        ]);

      for (const [id, privacy] of [['private', 'PRIVATE'], ['admins', 'OWNER_AND_ADMINS'], ['specific', 'SPECIFIC'], ['view', 'EVERYONE_VIEW'], ['edit', 'EVERYONE_EDIT']]) {
        await dashboard(1, id, privacy);
      }
      const placements: Record<string, string[]> = {
        'on-private': ['private'],
        'on-admins': ['admins'],
        'on-specific': ['specific'],
        'on-private-and-admins': ['private', 'admins'],
        'on-private-and-view': ['private', 'view'],
        'on-specific-and-edit': ['specific', 'edit'],
        'on-view': ['view'],
        'on-nothing': [],
      };
      for (const [reportId, dashboards] of Object.entries(placements)) {
        await report(1, reportId);
        for (const dashboardId of dashboards) await show(1, dashboardId, reportId);
      }
      // Account 2 has a report with the id of one of account 1's private ones, on no dashboard; and a
      // catalog report (no report_id) on a private dashboard.
      await report(2, 'on-private');
      await dashboard(2, 'private', 'PRIVATE');
      await test.db.query("INSERT INTO dashboard_reports (account_id, dashboard_id, id, position, width, definition_id, report_id) VALUES (2, 'private', 'catalog', 0, 6, 'chat-volume-by-assignee', NULL)");

      await new SavedReportPrivacy1764489600000().up(runner);

      const rows = await test.db.query<{ account_id: unknown; id: string; privacy: string }>('SELECT account_id, id, privacy FROM saved_reports ORDER BY account_id, id');
      expect(rows.map((r) => [Number(r.account_id), r.id, r.privacy])).toEqual([
        [1, 'on-admins', 'PRIVATE'],
        [1, 'on-nothing', 'EVERYONE'],
        [1, 'on-private', 'PRIVATE'],
        [1, 'on-private-and-admins', 'PRIVATE'],
        [1, 'on-private-and-view', 'EVERYONE'],
        [1, 'on-specific', 'PRIVATE'],
        [1, 'on-specific-and-edit', 'EVERYONE'],
        [1, 'on-view', 'EVERYONE'],
        [2, 'on-private', 'EVERYONE'],
      ]);

      // New rows get the default: visible to everyone, as before the migration.
      await report(1, 'later');
      const [later] = await test.db.query<{ privacy: string }>("SELECT privacy FROM saved_reports WHERE account_id = 1 AND id = 'later'");
      expect(later.privacy).toBe('EVERYONE');

      await new SavedReportPrivacy1764489600000().down(runner);
      const columns = await test.db.query<Record<string, unknown>>("SELECT * FROM saved_reports WHERE account_id = 1 AND id = 'later'");
      expect(Object.keys(columns[0])).not.toContain('privacy');
    } finally {
      await runner.release();
    }
  });
});
