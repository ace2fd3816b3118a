import { errorCodes, GraphQLResponse, startTestApi, TestApi } from '../support/api';
import { DIALECTS } from '../support/databases';
import { aConversation } from '../support/fixtures';
import {
  ConversationInput,
  DashboardPrivacy,
  IngestDocument,
  PrivacyAddReportDocument,
  PrivacyCreateDashboardDocument,
  PrivacyCreateReportDocument,
  PrivacyDashboardDocument,
  PrivacyDashboardsDocument,
  PrivacyDashboardTileReportResultsDocument,
  PrivacyDashboardTilesDocument,
  PrivacyDeleteReportDocument,
  PrivacyDrilldownDocument,
  PrivacyEditTileDocument,
  PrivacyReassignDashboardDocument,
  PrivacyReassignReportDocument,
  PrivacyReportDocument,
  PrivacyReportsDocument,
  PrivacyRestoreReportDocument,
  PrivacyRunDocument,
  PrivacyUpdateDashboardDocument,
  PrivacyUpdateReportDocument,
  PrivacyViewerDocument,
  ReportPrivacy,
  ShareInput,
} from './generated/operations';

/**
 * Saved reports have an owner and a privacy (issue 9): a report saved from a dashboard that is not
 * shared with everyone is private to its owner, listed and runnable by nobody else, while those
 * who see the dashboard still see it there; admins view every dashboard and report of their
 * account (never edit another user's private one) and reassign owners.
 */

const TWO_REPORTS = ['chat-volume-by-assignee', 'chat-volume-by-page-url'];
type Actor = 'admin' | 'owner' | 'other' | 'viewer';

function expectDenied(what: string, response: GraphQLResponse<unknown>, code: string): void {
  expect({ what, codes: errorCodes(response), data: response.data ?? null }).toEqual({ what, codes: [code], data: null });
}

function expectOk<T>(what: string, response: GraphQLResponse<T>): T {
  expect({ what, errors: response.errors }).toEqual({ what, errors: undefined });
  return response.data as T;
}

describe.each(DIALECTS)('saved report privacy on %s', (dialect) => {
  let api: TestApi;
  const tokens = {} as Record<Actor, string>;
  const ids = {} as Record<Actor, string>;
  let seq = 0;

  beforeAll(async () => {
    api = await startTestApi(dialect, { plan: 'ENTERPRISE' });
    tokens.admin = api.token;
    for (const actor of ['owner', 'other', 'viewer'] as const) tokens[actor] = await api.userToken('MEMBER');
    for (const actor of ['admin', 'owner', 'other', 'viewer'] as const) {
      ids[actor] = expectOk('viewer', await api.request(PrivacyViewerDocument, {}, tokens[actor])).viewer.userId;
    }
    const conversation = (id: string, assignee: string) => aConversation({ id, assignee: { id: assignee, name: assignee } }) as unknown as ConversationInput;
    const ingested = await api.request(IngestDocument, { input: [conversation('c-1', 'u-7'), conversation('c-2', 'u-7'), conversation('c-3', 'u-8')] });
    expect(ingested.data?.ingestConversations).toMatchObject({ imported: 3, rejected: [] });
  });
  afterAll(() => api?.close());

  const createDashboard = async (token: string, privacy: DashboardPrivacy, shares?: ShareInput[]) => {
    const input = { templateId: 'chat-overview', name: `Board ${++seq}`, privacy, shares, reportDefinitionIds: TWO_REPORTS };
    return expectOk(`create ${privacy} dashboard`, await api.request(PrivacyCreateDashboardDocument, { input }, token)).createDashboardFromTemplate;
  };

  /** `token` edits the first catalog tile of a new dashboard: the saved copy, as its tile shows it. */
  const editedOn = async (privacy: DashboardPrivacy, token = tokens.owner, shares?: ShareInput[]) => {
    const dashboard = await createDashboard(token, privacy, shares);
    const input = { dashboardId: dashboard.id, dashboardReportId: dashboard.reports[0].id, changes: { name: `Edited on ${privacy} ${++seq}` } };
    const edited = expectOk(`edit a tile on ${privacy}`, await api.request(PrivacyEditTileDocument, { input }, token)).editDashboardReport;
    return { dashboard, report: edited.reports[0].report! };
  };

  const listed = async (token: string) => expectOk('reports', await api.request(PrivacyReportsDocument, {}, token)).reports.map((r) => r.id);

  it.each<[DashboardPrivacy, ReportPrivacy]>([
    ['PRIVATE', 'PRIVATE'],
    ['OWNER_AND_ADMINS', 'PRIVATE'],
    ['SPECIFIC', 'PRIVATE'],
    ['EVERYONE_VIEW', 'EVERYONE'],
    ['EVERYONE_EDIT', 'EVERYONE'],
  ])('a report edited on a %s dashboard is saved %s', async (dashboardPrivacy, reportPrivacy) => {
    const { report } = await editedOn(dashboardPrivacy);
    expect(report).toMatchObject({ privacy: reportPrivacy, canEdit: true, owner: { id: ids.owner } });
    expect((await listed(tokens.other)).includes(report.id)).toBe(reportPrivacy === 'EVERYONE');
  });

  it('keeps a report edited on a PRIVATE dashboard from every member but its owner; admins view it, never change it', async () => {
    const { report } = await editedOn('PRIVATE');
    const run = { reportId: report.id };
    const ownBoard = await createDashboard(tokens.other, 'EVERYONE_VIEW');

    // Another member: not listed, and every way in is FORBIDDEN (same account, as for dashboards).
    expect(await listed(tokens.other)).not.toContain(report.id);
    expectDenied('report(id) by a member', await api.request(PrivacyReportDocument, { id: report.id }, tokens.other), 'FORBIDDEN');
    expectDenied('runReport by a member', await api.request(PrivacyRunDocument, { input: run }, tokens.other), 'FORBIDDEN');
    expectDenied('drilldown by a member', await api.request(PrivacyDrilldownDocument, { input: { run, point: ['u-7'] } }, tokens.other), 'FORBIDDEN');
    expectDenied('updateReport by a member', await api.request(PrivacyUpdateReportDocument, { input: { id: report.id, name: 'Mine' } }, tokens.other), 'FORBIDDEN');
    expectDenied('updateReport privacy by a member', await api.request(PrivacyUpdateReportDocument, { input: { id: report.id, privacy: 'EVERYONE' } }, tokens.other), 'FORBIDDEN');
    expectDenied('deleteReport by a member', await api.request(PrivacyDeleteReportDocument, { id: report.id }, tokens.other), 'FORBIDDEN');
    expectDenied('addReportToDashboard by a member', await api.request(PrivacyAddReportDocument, { input: { dashboardId: ownBoard.id, reportId: report.id } }, tokens.other), 'FORBIDDEN');
    for (const response of [await api.request(PrivacyReportDocument, { id: report.id }, tokens.other), await api.request(PrivacyRunDocument, { input: run }, tokens.other)]) {
      expect(JSON.stringify(response)).not.toContain(report.name);
    }

    // Its owner sees, runs and edits it.
    expect(await listed(tokens.owner)).toContain(report.id);
    const mine = expectOk('report(id) by its owner', await api.request(PrivacyReportDocument, { id: report.id }, tokens.owner)).report;
    expect(mine).toMatchObject({ privacy: 'PRIVATE', canEdit: true });
    const rows = expectOk('runReport by its owner', await api.request(PrivacyRunDocument, { input: run }, tokens.owner)).runReport.rows;
    expect(rows).toEqual([
      { dimensionValues: [{ value: 'u-7' }], measureValues: [2] },
      { dimensionValues: [{ value: 'u-8' }], measureValues: [1] },
    ]);
    expect(expectOk('drilldown by its owner', await api.request(PrivacyDrilldownDocument, { input: { run, point: ['u-7'] } }, tokens.owner)).drilldown.totalCount).toBe(2);

    // An admin views and runs it, but may not change, delete or pass it on.
    expect(await listed(tokens.admin)).toContain(report.id);
    expect(expectOk('report(id) by an admin', await api.request(PrivacyReportDocument, { id: report.id }, tokens.admin)).report).toEqual({ ...mine, canEdit: false });
    expect(expectOk('runReport by an admin', await api.request(PrivacyRunDocument, { input: run }, tokens.admin)).runReport.rows).toEqual(rows);
    expectDenied('updateReport by an admin', await api.request(PrivacyUpdateReportDocument, { input: { id: report.id, name: 'Admin was here' } }, tokens.admin), 'FORBIDDEN');
    expectDenied('updateReport privacy by an admin', await api.request(PrivacyUpdateReportDocument, { input: { id: report.id, privacy: 'EVERYONE' } }, tokens.admin), 'FORBIDDEN');
    expectDenied('restoreReportRevision by an admin', await api.request(PrivacyRestoreReportDocument, { input: { id: report.id, revision: 1 } }, tokens.admin), 'FORBIDDEN');
    expectDenied('deleteReport by an admin', await api.request(PrivacyDeleteReportDocument, { id: report.id }, tokens.admin), 'FORBIDDEN');
    const adminBoard = await createDashboard(tokens.admin, 'EVERYONE_VIEW');
    expectDenied('addReportToDashboard by an admin', await api.request(PrivacyAddReportDocument, { input: { dashboardId: adminBoard.id, reportId: report.id } }, tokens.admin), 'FORBIDDEN');

    // Another account: NOT_FOUND, as for any id it does not have.
    const { token: stranger } = await api.otherAccount({ plan: 'ENTERPRISE' });
    expectDenied('report(id) from another account', await api.request(PrivacyReportDocument, { id: report.id }, stranger), 'NOT_FOUND');
    expectDenied('runReport from another account', await api.request(PrivacyRunDocument, { input: run }, stranger), 'NOT_FOUND');

    // Nothing refused changed it.
    expect(expectOk('report(id) after', await api.request(PrivacyReportDocument, { id: report.id }, tokens.owner)).report).toEqual(mine);
  });

  it("shows a private report's tile to everyone who sees its SPECIFIC dashboard, and nothing more", async () => {
    const shares: ShareInput[] = [{ granteeType: 'USER', granteeId: ids.viewer, access: 'VIEW' }];
    const { dashboard, report } = await editedOn('SPECIFIC', tokens.owner, shares);
    expect(report.privacy).toBe('PRIVATE');
    const tiles = expectOk('the dashboard as its viewer', await api.request(PrivacyDashboardTilesDocument, { id: dashboard.id }, tokens.viewer)).dashboard;
    expect(tiles.access).toBe('VIEW');
    const tile = tiles.reports[0];
    const counts = [
      { dimensionValues: [{ value: 'u-7' }], measureValues: [2] },
      { dimensionValues: [{ value: 'u-8' }], measureValues: [1] },
    ];
    expect(tile).toEqual({
      id: dashboard.reports[0].id,
      title: report.name,
      report: { id: report.id, name: report.name, privacy: 'PRIVATE', canEdit: false, owner: { id: ids.owner } },
      result: { rows: counts },
    });
    const tileReports = expectOk('the tile report results as the viewer', await api.request(PrivacyDashboardTileReportResultsDocument, { id: dashboard.id }, tokens.viewer)).dashboard;
    expect(tileReports.reports[0].report).toEqual({ id: report.id, result: { rows: counts } });
    // Seen through the dashboard only: not listed, not runnable, not readable on its own.
    expect(await listed(tokens.viewer)).not.toContain(report.id);
    expectDenied('report(id) by the viewer', await api.request(PrivacyReportDocument, { id: report.id }, tokens.viewer), 'FORBIDDEN');
    expectDenied('runReport by the viewer', await api.request(PrivacyRunDocument, { input: { reportId: report.id } }, tokens.viewer), 'FORBIDDEN');
    // A member the dashboard is not shared with sees neither.
    expectDenied('the dashboard by another member', await api.request(PrivacyDashboardTilesDocument, { id: dashboard.id }, tokens.other), 'FORBIDDEN');
  });

  it("runs and drills into a private report's tile for those who see the dashboard, naming the dashboard, with its filters", async () => {
    const shares: ShareInput[] = [{ granteeType: 'USER', granteeId: ids.viewer, access: 'VIEW' }];
    const { dashboard, report } = await editedOn('SPECIFIC', tokens.owner, shares);
    const onTile = { reportId: report.id, dashboardId: dashboard.id };
    const run = async (input: typeof onTile, token = tokens.viewer) => expectOk('runReport on the tile', await api.request(PrivacyRunDocument, { input }, token)).runReport.rows;
    const drill = async (point: string) => expectOk('drilldown on the tile', await api.request(PrivacyDrilldownDocument, { input: { run: onTile, point: [point] } }, tokens.viewer)).drilldown.totalCount;
    expect(await run(onTile)).toEqual([
      { dimensionValues: [{ value: 'u-7' }], measureValues: [2] },
      { dimensionValues: [{ value: 'u-8' }], measureValues: [1] },
    ]);
    expect(await drill('u-7')).toBe(2);

    // The dashboard's filters apply, as on its tile; a catalog tile runs the same way.
    const filters = [{ property: 'assignee', operator: 'EQ' as const, values: ['u-8'] }];
    expectOk('filter the dashboard', await api.request(PrivacyUpdateDashboardDocument, { input: { id: dashboard.id, filters } }, tokens.owner));
    const tiles = expectOk('tiles', await api.request(PrivacyDashboardTilesDocument, { id: dashboard.id }, tokens.viewer)).dashboard.reports;
    expect(await run(onTile)).toEqual(tiles[0].result?.rows);
    expect(tiles[0].result?.rows).toEqual([{ dimensionValues: [{ value: 'u-8' }], measureValues: [1] }]);
    expect([await drill('u-7'), await drill('u-8')]).toEqual([0, 1]);
    const catalogTile = { definitionId: TWO_REPORTS[1], dashboardId: dashboard.id };
    expect(expectOk('catalog tile', await api.request(PrivacyRunDocument, { input: catalogTile }, tokens.viewer)).runReport.rows).toEqual(tiles[1].result?.rows);

    // Not for those who may not see the dashboard, nor for a report that is not on it.
    expectDenied('runReport on the tile by another member', await api.request(PrivacyRunDocument, { input: onTile }, tokens.other), 'FORBIDDEN');
    expectDenied('drilldown on the tile by another member', await api.request(PrivacyDrilldownDocument, { input: { run: onTile, point: ['u-8'] } }, tokens.other), 'FORBIDDEN');
    const elsewhere = await createDashboard(tokens.viewer, 'PRIVATE');
    const offBoard = await api.request(PrivacyRunDocument, { input: { reportId: report.id, dashboardId: elsewhere.id } }, tokens.viewer);
    expectDenied('runReport naming a dashboard the report is not on', offBoard, 'BAD_USER_INPUT');
    expect(offBoard.errors?.[0].message).toMatch(/^dashboardId: /);
    const { token: stranger } = await api.otherAccount({ plan: 'ENTERPRISE' });
    expectDenied('runReport on the tile from another account', await api.request(PrivacyRunDocument, { input: onTile }, stranger), 'NOT_FOUND');
  });

  it('lets a member with EDIT access edit a private tile of another user: the edit lands on a private copy of their own', async () => {
    const shares: ShareInput[] = [{ granteeType: 'USER', granteeId: ids.other, access: 'EDIT' }];
    const { dashboard, report } = await editedOn('SPECIFIC', tokens.owner, shares);
    const input = { dashboardId: dashboard.id, dashboardReportId: dashboard.reports[0].id, changes: { name: 'My version' } };
    const copy = expectOk('edit by the editor', await api.request(PrivacyEditTileDocument, { input }, tokens.other)).editDashboardReport.reports[0].report!;
    expect(copy).toMatchObject({ name: 'My version', privacy: 'PRIVATE', canEdit: true, owner: { id: ids.other } });
    expect(copy.id).not.toBe(report.id);
    expect(expectOk('the original', await api.request(PrivacyReportDocument, { id: report.id }, tokens.owner)).report.name).toBe(report.name);
  });

  it('takes a privacy on createReport (default EVERYONE); its owner or an admin changes it, as a revision a restore does not undo', async () => {
    const chart = { chartType: 'BAR' as const, dimensions: ['assignee'] };
    const open = expectOk('create', await api.request(PrivacyCreateReportDocument, { input: { ...chart, name: `Open ${++seq}` } }, tokens.owner)).createReport;
    expect(open).toMatchObject({ privacy: 'EVERYONE', canEdit: true });
    expect(await listed(tokens.other)).toContain(open.id);
    const secret = expectOk('create private', await api.request(PrivacyCreateReportDocument, { input: { ...chart, name: `Secret ${++seq}`, privacy: 'PRIVATE' } }, tokens.owner)).createReport;
    expect(secret.privacy).toBe('PRIVATE');
    expect(await listed(tokens.other)).not.toContain(secret.id);

    const closed = expectOk('owner makes it private', await api.request(PrivacyUpdateReportDocument, { input: { id: open.id, privacy: 'PRIVATE' } }, tokens.owner)).updateReport;
    expect(closed).toMatchObject({ privacy: 'PRIVATE', revision: 2 });
    expect(closed.revisions[0]).toEqual({ revision: 2, changes: ['privacy'], author: { id: ids.owner } });
    expect(await listed(tokens.other)).not.toContain(open.id);
    expectOk('rename', await api.request(PrivacyUpdateReportDocument, { input: { id: open.id, name: `${open.name} renamed` } }, tokens.owner));
    const restored = expectOk('restore revision 1', await api.request(PrivacyRestoreReportDocument, { input: { id: open.id, revision: 1 } }, tokens.owner)).restoreReportRevision;
    // The content of revision 1 comes back; who may see it is not content and stays.
    expect(restored).toMatchObject({ name: open.name, privacy: 'PRIVATE', revision: 4 });

    const reopened = expectOk('owner shares it again', await api.request(PrivacyUpdateReportDocument, { input: { id: open.id, privacy: 'EVERYONE' } }, tokens.owner)).updateReport;
    expect(reopened.privacy).toBe('EVERYONE');
    // An admin may close a report shared with everyone; then they only view it.
    const byAdmin = expectOk('admin makes it private', await api.request(PrivacyUpdateReportDocument, { input: { id: open.id, privacy: 'PRIVATE' } }, tokens.admin)).updateReport;
    expect(byAdmin).toMatchObject({ privacy: 'PRIVATE', canEdit: false, owner: { id: ids.owner } });
    expectDenied('a member changes the privacy of an EVERYONE report', await api.request(PrivacyUpdateReportDocument, { input: { id: secret.id, privacy: 'EVERYONE' } }, tokens.other), 'FORBIDDEN');
  });

  describe('reassigning the owner', () => {
    it('lets an admin give a dashboard, private ones included, to another user of the account', async () => {
      const dashboard = await createDashboard(tokens.owner, 'PRIVATE');
      const seenByAdmin = expectOk('admin views the PRIVATE dashboard', await api.request(PrivacyDashboardDocument, { id: dashboard.id }, tokens.admin)).dashboard;
      expect(seenByAdmin).toMatchObject({ access: 'VIEW', owner: { id: ids.owner } });
      expect(expectOk('dashboards as admin', await api.request(PrivacyDashboardsDocument, {}, tokens.admin)).dashboards).toContainEqual({ id: dashboard.id, access: 'VIEW' });

      const moved = expectOk('reassign', await api.request(PrivacyReassignDashboardDocument, { input: { dashboardId: dashboard.id, ownerId: ids.other } }, tokens.admin)).reassignDashboardOwner;
      expect(moved).toEqual({ id: dashboard.id, access: 'VIEW', owner: { id: ids.other } });
      expect(expectOk('the new owner', await api.request(PrivacyDashboardDocument, { id: dashboard.id }, tokens.other)).dashboard).toMatchObject({ access: 'EDIT', owner: { id: ids.other } });
      expectDenied('the former owner', await api.request(PrivacyDashboardDocument, { id: dashboard.id }, tokens.owner), 'FORBIDDEN');
    });

    it('lets an admin give a report, private ones included, to another user of the account, as a revision', async () => {
      const { report } = await editedOn('PRIVATE');
      const moved = expectOk('reassign', await api.request(PrivacyReassignReportDocument, { input: { reportId: report.id, ownerId: ids.other } }, tokens.admin)).reassignReportOwner;
      expect(moved).toMatchObject({ id: report.id, privacy: 'PRIVATE', canEdit: false, owner: { id: ids.other } });
      expect(moved.revisions[0]).toEqual({ revision: 2, changes: ['owner'], author: { id: ids.admin } });
      expect(await listed(tokens.other)).toContain(report.id);
      expect(await listed(tokens.owner)).not.toContain(report.id);
      expect(expectOk('the new owner edits', await api.request(PrivacyUpdateReportDocument, { input: { id: report.id, name: 'Handed over' } }, tokens.other)).updateReport.canEdit).toBe(true);
    });

    it('is refused to members (FORBIDDEN), for other accounts (NOT_FOUND) and to an owner not in the account (BAD_USER_INPUT on ownerId)', async () => {
      const dashboard = await createDashboard(tokens.owner, 'EVERYONE_EDIT');
      const { report } = await editedOn('EVERYONE_EDIT');
      const reassign = (dashboardId: string, reportId: string, ownerId: string, token: string) =>
        Promise.all([
          api.request(PrivacyReassignDashboardDocument, { input: { dashboardId, ownerId } }, token),
          api.request(PrivacyReassignReportDocument, { input: { reportId, ownerId } }, token),
        ]);
      for (const response of await reassign(dashboard.id, report.id, ids.other, tokens.owner)) expectDenied('by the owner, a member', response, 'FORBIDDEN');
      for (const response of await reassign(dashboard.id, report.id, ids.owner, tokens.other)) expectDenied('by a member', response, 'FORBIDDEN');

      const elsewhere = await api.otherAccount({ plan: 'ENTERPRISE' });
      const strangerId = expectOk('stranger', await api.request(PrivacyViewerDocument, {}, elsewhere.token)).viewer.userId;
      for (const response of await reassign(dashboard.id, report.id, strangerId, elsewhere.token)) expectDenied('by an admin of another account', response, 'NOT_FOUND');
      for (const ownerId of ['no-such-user', strangerId]) {
        for (const response of await reassign(dashboard.id, report.id, ownerId, tokens.admin)) {
          expectDenied(`to ${ownerId}`, response, 'BAD_USER_INPUT');
          expect(response.errors?.[0].message).toMatch(/^ownerId: /);
        }
      }
      expect(expectOk('dashboard after', await api.request(PrivacyDashboardDocument, { id: dashboard.id }, tokens.owner)).dashboard.owner).toEqual({ id: ids.owner });
      expect(expectOk('report after', await api.request(PrivacyReportDocument, { id: report.id }, tokens.owner)).report).toMatchObject({ owner: { id: ids.owner }, revision: 1 });
    });
  });
});
