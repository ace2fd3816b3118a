import { Account, Plan } from '../../src/accounts/account.entity';
import { createUser } from '../../src/auth/users';
import { errorCodes, GraphQLResponse, startTestApi, TestApi } from '../support/api';
import { DIALECTS } from '../support/databases';
import {
  AccessAddReportToDashboardDocument,
  AccessCreateDashboardDocument,
  AccessCreateReportDocument,
  AccessDashboardDocument,
  AccessDashboardResultsDocument,
  AccessDashboardsDocument,
  AccessDashboardTemplatesDocument,
  AccessDeleteDashboardDocument,
  AccessDeleteReportDocument,
  AccessDrilldownDocument,
  AccessEditDashboardReportDocument,
  AccessIngestDocument,
  AccessRemoveReportFromDashboardDocument,
  AccessReportDocument,
  AccessReportResultDocument,
  AccessReportsDocument,
  AccessRestoreReportRevisionDocument,
  AccessRunReportDocument,
  AccessUpdateDashboardDocument,
  AccessUpdateReportDocument,
  AccessViewerDocument,
  ConversationInput,
  CreateReportInput,
  DashboardAccess,
  DashboardPrivacy,
  ShareInput,
} from './generated/operations';

/**
 * Who may see and change dashboards and saved reports, and what each plan allows
 * (docs/api.md; the privacy, saved-report and plan-gating rules).
 */

const PRIVACIES: DashboardPrivacy[] = ['EVERYONE_EDIT', 'EVERYONE_VIEW', 'OWNER_AND_ADMINS', 'PRIVATE', 'SPECIFIC'];
const TWO_REPORTS = ['chat-volume-by-assignee', 'chat-volume-by-page-url'];
const CHAT_REPORTS = [
  'chat-volume-by-assignee',
  'chat-volume-by-page-url',
  'chat-response-time-by-assignee',
  'chat-time-to-close-by-assignee',
  'chats-closed-by-assignee',
  'chat-volume-by-chatflow',
];
const EMAIL_REPORTS = [
  'email-volume-by-assignee',
  'email-response-time-by-assignee',
  'emails-closed-by-assignee',
  'email-time-to-close-by-assignee',
  'email-volume-over-time',
  'open-emails-by-inbox',
];
const A_REPORT: CreateReportInput = { name: 'Chats by assignee', chartType: 'BAR', channel: 'CHAT', measures: ['count'], dimensions: ['assignee'] };

/**
 * The members of the ENTERPRISE account the matrix is about. `owner` (a MEMBER) creates every dashboard.
 * On SPECIFIC dashboards: `viewer` has a USER VIEW share; `editor` a USER EDIT share and is in the team
 * "Support Squad", which has a TEAM VIEW share (so `teamMate` views); `mixed` has a USER VIEW share and is in
 * "Escalations", which has a TEAM EDIT share. EDIT wins over VIEW for both `editor` and `mixed`.
 */
type Actor = 'owner' | 'admin' | 'other' | 'teamMate' | 'viewer' | 'editor' | 'mixed';
const ACTORS: Actor[] = ['owner', 'admin', 'other', 'teamMate', 'viewer', 'editor', 'mixed'];

const EVERYONE = (access: DashboardAccess) => ({ owner: 'EDIT', admin: 'EDIT', other: access, teamMate: access, viewer: access, editor: access, mixed: access }) as const;
/**
 * What each actor may do with a dashboard `owner` made with each privacy (null: nothing, not even see it).
 * Admins view every dashboard of their account, another user's PRIVATE one included (HubSpot's super-admin rule).
 */
const EXPECTED: Record<DashboardPrivacy, Record<Actor, DashboardAccess | null>> = {
  PRIVATE: { owner: 'EDIT', admin: 'VIEW', other: null, teamMate: null, viewer: null, editor: null, mixed: null },
  OWNER_AND_ADMINS: { owner: 'EDIT', admin: 'EDIT', other: null, teamMate: null, viewer: null, editor: null, mixed: null },
  EVERYONE_VIEW: EVERYONE('VIEW'),
  EVERYONE_EDIT: EVERYONE('EDIT'),
  SPECIFIC: { owner: 'EDIT', admin: 'EDIT', other: null, teamMate: 'VIEW', viewer: 'VIEW', editor: 'EDIT', mixed: 'EDIT' },
};

let emails = 0;

/** Asserts a refusal: exactly one error with `code`, and no data. */
function expectDenied(what: string, response: GraphQLResponse<unknown>, code: string): void {
  expect({ what, codes: errorCodes(response), data: response.data ?? null }).toEqual({ what, codes: [code], data: null });
}

function expectOk(what: string, response: GraphQLResponse<unknown>): void {
  expect({ what, errors: response.errors }).toEqual({ what, errors: undefined });
}

const byName = <T extends { name: string }>(items: T[]) => [...items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

describe.each(DIALECTS)('dashboard and saved report access on %s', (dialect) => {
  let api: TestApi;
  const tokens = {} as Record<Actor, string>;
  const ids = {} as Record<Actor, string>;
  let seq = 0;
  const unique = (label: string) => `${label} ${dialect}-${++seq}`;

  const userId = async (token: string) => {
    const viewer = await api.request(AccessViewerDocument, {}, token);
    expectOk('viewer', viewer);
    return viewer.data!.viewer.userId;
  };

  /** A dashboard from the chat template with two reports; fails the test if it cannot be created. */
  const createDashboard = async (token: string, privacy: DashboardPrivacy, name = unique(privacy), shares?: ShareInput[]) => {
    const response = await api.request(
      AccessCreateDashboardDocument,
      { input: { templateId: 'chat-overview', name, privacy, shares, reportDefinitionIds: TWO_REPORTS } },
      token,
    );
    expectOk(`create ${privacy} dashboard`, response);
    return response.data!.createDashboardFromTemplate;
  };

  const createReport = async (token: string, input: CreateReportInput = { ...A_REPORT, name: unique('Report') }) => {
    const response = await api.request(AccessCreateReportDocument, { input }, token);
    expectOk('createReport', response);
    return response.data!.createReport;
  };

  /** The shares that give the actors of the matrix their SPECIFIC access. */
  const specificShares = (): ShareInput[] => [
    { granteeType: 'USER', granteeId: ids.viewer, access: 'VIEW' },
    { granteeType: 'USER', granteeId: ids.editor, access: 'EDIT' },
    { granteeType: 'TEAM', granteeId: 'team-support-squad', access: 'VIEW' },
    { granteeType: 'USER', granteeId: ids.mixed, access: 'VIEW' },
    { granteeType: 'TEAM', granteeId: 'team-escalations', access: 'EDIT' },
  ];

  const dashboardFor = (privacy: DashboardPrivacy, name = unique(privacy)) =>
    createDashboard(tokens.owner, privacy, name, privacy === 'SPECIFIC' ? specificShares() : undefined);

  /** Another user of `account` (not the test account), created like `threadline user create` does. */
  const memberOf = async (account: Account, role: 'ADMIN' | 'MEMBER' = 'MEMBER', team?: string) =>
    (await createUser(api.db, account, { email: `access-${++emails}@example.org`, role, team })).token;

  beforeAll(async () => {
    api = await startTestApi(dialect, { plan: 'ENTERPRISE' });
    tokens.admin = api.token;
    tokens.owner = await api.userToken('MEMBER');
    tokens.other = await api.userToken('MEMBER');
    tokens.teamMate = await api.userToken('MEMBER', 'Support Squad');
    tokens.viewer = await api.userToken('MEMBER');
    tokens.editor = await api.userToken('MEMBER', 'Support Squad');
    tokens.mixed = await api.userToken('MEMBER', 'Escalations');
    for (const actor of ACTORS) ids[actor] = await userId(tokens[actor]);
    const teams = await api.request(AccessViewerDocument, {}, tokens.mixed);
    expect(teams.data?.viewer.teamId).toBe('team-escalations');
  });

  afterAll(() => api?.close());

  describe('privacy', () => {
    it('lists, by name, exactly the dashboards each user may see, with what they may do', async () => {
      const prefix = unique('Matrix');
      for (const privacy of PRIVACIES) await dashboardFor(privacy, `${prefix} ${privacy}`);
      for (const actor of ACTORS) {
        const response = await api.request(AccessDashboardsDocument, {}, tokens[actor]);
        expectOk(`dashboards as ${actor}`, response);
        const mine = response.data!.dashboards.filter((d) => d.name.startsWith(`${prefix} `));
        const expected = byName(
          PRIVACIES.filter((p) => EXPECTED[p][actor] !== null).map((p) => ({ name: `${prefix} ${p}`, privacy: p, access: EXPECTED[p][actor] })),
        );
        expect({ actor, dashboards: mine.map(({ name, privacy, access }) => ({ name, privacy, access })) }).toEqual({ actor, dashboards: expected });
        // The whole list is in name order, not only this test's part of it.
        const names = response.data!.dashboards.map((d) => d.name);
        expect(names).toEqual(byName(response.data!.dashboards).map((d) => d.name));
      }
    });

    it.each(PRIVACIES)('%s: dashboard(id) is FORBIDDEN to those who may not see it; only EDIT access changes it', async (privacy) => {
      const dashboard = await dashboardFor(privacy);
      const place = dashboard.reports[0].id;
      for (const actor of ACTORS) {
        const access = EXPECTED[privacy][actor];
        const token = tokens[actor];
        const read = await api.request(AccessDashboardDocument, { id: dashboard.id }, token);
        if (access === null) {
          expectDenied(`${privacy}: dashboard as ${actor}`, read, 'FORBIDDEN');
        } else {
          expectOk(`${privacy}: dashboard as ${actor}`, read);
          expect({ actor, access: read.data!.dashboard.access, owner: read.data!.dashboard.owner?.id }).toEqual({ actor, access, owner: ids.owner });
        }

        const renamed = `${dashboard.name} by ${actor}`;
        const rename = await api.request(AccessUpdateDashboardDocument, { input: { id: dashboard.id, name: renamed } }, token);
        const add = await api.request(AccessAddReportToDashboardDocument, { input: { dashboardId: dashboard.id, definitionId: 'chats-closed-by-assignee' } }, token);
        if (access === 'EDIT') {
          expectOk(`${privacy}: rename as ${actor}`, rename);
          expect(rename.data!.updateDashboard.name).toBe(renamed);
          expectOk(`${privacy}: add a report as ${actor}`, add);
          const added = add.data!.addReportToDashboard.reports;
          expect(added.map((r) => r.definition?.id)).toEqual([...TWO_REPORTS, 'chats-closed-by-assignee']);
          const remove = await api.request(AccessRemoveReportFromDashboardDocument, { input: { dashboardId: dashboard.id, dashboardReportId: added[2].id } }, token);
          expectOk(`${privacy}: remove a report as ${actor}`, remove);
          expect(remove.data!.removeReportFromDashboard.reports.map((r) => r.definition?.id)).toEqual(TWO_REPORTS);
        } else {
          expectDenied(`${privacy}: rename as ${actor} (${access ?? 'no access'})`, rename, 'FORBIDDEN');
          expectDenied(`${privacy}: add a report as ${actor} (${access ?? 'no access'})`, add, 'FORBIDDEN');
          const remove = await api.request(AccessRemoveReportFromDashboardDocument, { input: { dashboardId: dashboard.id, dashboardReportId: place } }, token);
          expectDenied(`${privacy}: remove a report as ${actor} (${access ?? 'no access'})`, remove, 'FORBIDDEN');
          const edit = await api.request(AccessEditDashboardReportDocument, { input: { dashboardId: dashboard.id, dashboardReportId: place, changes: { name: 'Mine now' } } }, token);
          expectDenied(`${privacy}: edit a report as ${actor} (${access ?? 'no access'})`, edit, 'FORBIDDEN');
        }
      }
      // What was refused left no trace: the dashboard still has its two catalog reports.
      const after = await api.request(AccessDashboardDocument, { id: dashboard.id }, tokens.owner);
      expect(after.data?.dashboard.reports.map((r) => [r.definition?.id ?? null, r.report])).toEqual(TWO_REPORTS.map((id) => [id, null]));
    });

    it('keeps SPECIFIC shares as given; members with view access run its reports', async () => {
      const dashboard = await dashboardFor('SPECIFIC');
      const key = (s: ShareInput) => `${s.granteeType}:${s.granteeId}:${s.access}`;
      expect(dashboard.shares.map(key).sort()).toEqual(specificShares().map(key).sort());
      const results = await api.request(AccessDashboardResultsDocument, { id: dashboard.id }, tokens.teamMate);
      expectOk('results as a team member with VIEW', results);
      expect(results.data!.dashboard.reports.map((r) => r.result?.dimensions.map((d) => d.key))).toEqual([['assignee'], ['pageUrl']]);
      expectDenied('results as a member without a share', await api.request(AccessDashboardResultsDocument, { id: dashboard.id }, tokens.other), 'FORBIDDEN');
    });

    it("shows an admin's PRIVATE dashboard to the other admins, view only, and hides it from members", async () => {
      const admin2 = await api.userToken('ADMIN');
      const dashboard = await createDashboard(tokens.admin, 'PRIVATE');
      const listed = await api.request(AccessDashboardsDocument, {}, admin2);
      expect(listed.data?.dashboards.filter((d) => d.id === dashboard.id)).toEqual([{ id: dashboard.id, name: dashboard.name, privacy: 'PRIVATE', access: 'VIEW' }]);
      const viewed = await api.request(AccessDashboardResultsDocument, { id: dashboard.id }, admin2);
      expectOk('admin2: dashboard results', viewed);
      expect(viewed.data!.dashboard.reports).toHaveLength(2);
      expectDenied('admin2: rename', await api.request(AccessUpdateDashboardDocument, { input: { id: dashboard.id, name: 'Renamed' } }, admin2), 'FORBIDDEN');
      expectDenied('admin2: privacy', await api.request(AccessUpdateDashboardDocument, { input: { id: dashboard.id, privacy: 'EVERYONE_VIEW' } }, admin2), 'FORBIDDEN');
      expectDenied('admin2: delete', await api.request(AccessDeleteDashboardDocument, { id: dashboard.id }, admin2), 'FORBIDDEN');

      const list = await api.request(AccessDashboardsDocument, {}, tokens.owner);
      expect(list.data?.dashboards.map((d) => d.id)).not.toContain(dashboard.id);
      expectDenied('member: dashboard', await api.request(AccessDashboardDocument, { id: dashboard.id }, tokens.owner), 'FORBIDDEN');
      expectDenied('member: delete', await api.request(AccessDeleteDashboardDocument, { id: dashboard.id }, tokens.owner), 'FORBIDDEN');
      const own = await api.request(AccessDashboardsDocument, {}, tokens.admin);
      expect(own.data?.dashboards.filter((d) => d.id === dashboard.id)).toEqual([{ id: dashboard.id, name: dashboard.name, privacy: 'PRIVATE', access: 'EDIT' }]);
      expect((await api.request(AccessDashboardDocument, { id: dashboard.id }, tokens.admin)).data?.dashboard.name).toBe(dashboard.name);
    });

    it('lets only the owner or an admin change privacy and shares', async () => {
      const open = await dashboardFor('EVERYONE_EDIT');
      // A member with EDIT access may rename it, but not change who sees it.
      expectOk('rename by an editing member', await api.request(AccessUpdateDashboardDocument, { input: { id: open.id, name: `${open.name}!` } }, tokens.other));
      expectDenied('privacy by an editing member', await api.request(AccessUpdateDashboardDocument, { input: { id: open.id, privacy: 'PRIVATE' } }, tokens.other), 'FORBIDDEN');
      const specific = await dashboardFor('SPECIFIC');
      const byEditor = await api.request(AccessUpdateDashboardDocument, { input: { id: specific.id, shares: [{ granteeType: 'USER', granteeId: ids.other, access: 'EDIT' }] } }, tokens.editor);
      expectDenied('shares by a member with an EDIT share', byEditor, 'FORBIDDEN');
      expectDenied('privacy by a member with an EDIT share', await api.request(AccessUpdateDashboardDocument, { input: { id: specific.id, privacy: 'EVERYONE_EDIT' } }, tokens.mixed), 'FORBIDDEN');
      const unchanged = await api.request(AccessDashboardDocument, { id: specific.id }, tokens.owner);
      expect(unchanged.data?.dashboard.privacy).toBe('SPECIFIC');
      expect(unchanged.data?.dashboard.shares).toHaveLength(5);
      expect((await api.request(AccessDashboardDocument, { id: open.id }, tokens.owner)).data?.dashboard.privacy).toBe('EVERYONE_EDIT');

      // An admin may: the members lose access at once.
      const byAdmin = await api.request(AccessUpdateDashboardDocument, { input: { id: open.id, privacy: 'OWNER_AND_ADMINS' } }, tokens.admin);
      expectOk('privacy by an admin', byAdmin);
      expect(byAdmin.data!.updateDashboard.privacy).toBe('OWNER_AND_ADMINS');
      expectDenied('dashboard as a member after the admin closed it', await api.request(AccessDashboardDocument, { id: open.id }, tokens.other), 'FORBIDDEN');

      // The owner may: shares name a single member, who then views it; the earlier editors lose access.
      const byOwner = await api.request(
        AccessUpdateDashboardDocument,
        { input: { id: specific.id, privacy: 'SPECIFIC', shares: [{ granteeType: 'USER', granteeId: ids.other, access: 'VIEW' }] } },
        tokens.owner,
      );
      expectOk('shares by the owner', byOwner);
      expect(byOwner.data!.updateDashboard.shares).toEqual([{ granteeType: 'USER', granteeId: ids.other, access: 'VIEW' }]);
      expect((await api.request(AccessDashboardDocument, { id: specific.id }, tokens.other)).data?.dashboard.access).toBe('VIEW');
      expectDenied('dashboard as a former editor', await api.request(AccessDashboardDocument, { id: specific.id }, tokens.editor), 'FORBIDDEN');
      expectDenied('dashboard as a former team viewer', await api.request(AccessDashboardDocument, { id: specific.id }, tokens.teamMate), 'FORBIDDEN');

      // An admin may not open up another user's PRIVATE dashboard.
      const secret = await dashboardFor('PRIVATE');
      expectDenied('privacy of a PRIVATE dashboard by an admin', await api.request(AccessUpdateDashboardDocument, { input: { id: secret.id, privacy: 'EVERYONE_VIEW' } }, tokens.admin), 'FORBIDDEN');
      expect((await api.request(AccessDashboardDocument, { id: secret.id }, tokens.owner)).data?.dashboard.privacy).toBe('PRIVATE');
    });

    it('lets only the owner or an admin delete a dashboard', async () => {
      for (const [privacy, actor] of [
        ['EVERYONE_EDIT', 'other'],
        ['EVERYONE_VIEW', 'viewer'],
        ['SPECIFIC', 'editor'],
        ['SPECIFIC', 'mixed'],
        ['OWNER_AND_ADMINS', 'other'],
        ['PRIVATE', 'admin'],
      ] as const) {
        const dashboard = await dashboardFor(privacy);
        expectDenied(`delete ${privacy} as ${actor}`, await api.request(AccessDeleteDashboardDocument, { id: dashboard.id }, tokens[actor]), 'FORBIDDEN');
        expectOk(`${privacy} still there`, await api.request(AccessDashboardDocument, { id: dashboard.id }, tokens.owner));
      }
      for (const [privacy, actor] of [
        ['EVERYONE_EDIT', 'admin'],
        ['OWNER_AND_ADMINS', 'admin'],
        ['SPECIFIC', 'admin'],
        ['PRIVATE', 'owner'],
        ['EVERYONE_VIEW', 'owner'],
      ] as const) {
        const dashboard = await dashboardFor(privacy);
        const deleted = await api.request(AccessDeleteDashboardDocument, { id: dashboard.id }, tokens[actor]);
        expectOk(`delete ${privacy} as ${actor}`, deleted);
        expect(deleted.data!.deleteDashboard).toBe(dashboard.id);
        expectDenied(`${privacy} after deletion`, await api.request(AccessDashboardDocument, { id: dashboard.id }, tokens.owner), 'NOT_FOUND');
        const list = await api.request(AccessDashboardsDocument, {}, tokens.owner);
        expect(list.data?.dashboards.map((d) => d.id)).not.toContain(dashboard.id);
      }
    });

    it('lets a member with EDIT access turn a catalog report into an edited copy on the dashboard', async () => {
      const dashboard = await dashboardFor('EVERYONE_EDIT');
      const edited = await api.request(
        AccessEditDashboardReportDocument,
        { input: { dashboardId: dashboard.id, dashboardReportId: dashboard.reports[0].id, changes: { name: 'My chats', chartType: 'TABLE' } } },
        tokens.other,
      );
      expectOk('editDashboardReport by an editing member', edited);
      const place = edited.data!.editDashboardReport.reports[0];
      expect({ title: place.title, report: place.report?.name, definition: place.definition }).toEqual({ title: 'My chats', report: 'My chats', definition: null });
    });
    it('never lets a place id of one dashboard reach another dashboard', async () => {
      const open = await dashboardFor('EVERYONE_EDIT');
      const secret = await dashboardFor('PRIVATE');
      const foreignPlace = secret.reports[0].id;
      const secretBefore = await api.request(AccessDashboardDocument, { id: secret.id }, tokens.owner);
      const openBefore = await api.request(AccessDashboardDocument, { id: open.id }, tokens.owner);
      const { token: stranger } = await api.otherAccount({ plan: 'ENTERPRISE' });
      const theirs = await api.request(AccessCreateDashboardDocument, { input: { templateId: 'chat-overview', name: 'Theirs', privacy: 'EVERYONE_EDIT', reportDefinitionIds: TWO_REPORTS } }, stranger);
      expectOk('their dashboard', theirs);
      const theirId = theirs.data!.createDashboardFromTemplate.id;
      for (const [who, token, dashboardId] of [['an editing member', tokens.other, open.id], ['another account', stranger, theirId]] as const) {
        const edit = await api.request(AccessEditDashboardReportDocument, { input: { dashboardId, dashboardReportId: foreignPlace, changes: { name: 'Hijacked' } } }, token);
        // The place is not on the dashboard given: refused as input naming the field, revealing nothing of the other dashboard.
        expectDenied(`editDashboardReport with a place of a private dashboard, by ${who}`, edit, 'BAD_USER_INPUT');
        expect(edit.errors?.[0].message).toMatch(/^dashboardReportId\b/);
        expect(edit.errors?.[0].message).not.toContain(secret.id);
        const remove = await api.request(AccessRemoveReportFromDashboardDocument, { input: { dashboardId, dashboardReportId: foreignPlace } }, token);
        expectDenied(`removeReportFromDashboard with a place of a private dashboard, by ${who}`, remove, 'BAD_USER_INPUT');
        expect(remove.errors?.[0].message).toMatch(/^dashboardReportId\b/);
        expect(remove.errors?.[0].message).not.toContain(secret.id);
        const own = (await api.request(AccessDashboardDocument, { id: dashboardId }, token)).data!.dashboard.reports.map((r) => ({ id: r.id }));
        const layout = await api.request(AccessUpdateDashboardDocument, { input: { id: dashboardId, layout: [...own.slice(1), { id: foreignPlace }] } }, token);
        expectDenied(`layout with a place of a private dashboard, by ${who}`, layout, 'BAD_USER_INPUT');
        expect(layout.errors?.[0].message).toMatch(/^layout\b/);
      }
      expect(await api.request(AccessDashboardDocument, { id: secret.id }, tokens.owner)).toEqual(secretBefore);
      expect(await api.request(AccessDashboardDocument, { id: open.id }, tokens.owner)).toEqual(openBefore);
    });

    it("does not let dashboard edit access change another user's saved report", async () => {
      const report = await createReport(tokens.admin);
      const dashboard = await dashboardFor('EVERYONE_EDIT');
      const added = await api.request(AccessAddReportToDashboardDocument, { input: { dashboardId: dashboard.id, reportId: report.id } }, tokens.owner);
      expectOk("add the admin's report", added);
      const place = added.data!.addReportToDashboard.reports[2];
      expect(place.report?.id).toBe(report.id);
      const before = await api.request(AccessReportDocument, { id: report.id }, tokens.admin);

      const edit = await api.request(AccessEditDashboardReportDocument, { input: { dashboardId: dashboard.id, dashboardReportId: place.id, changes: { name: 'Hijacked', chartType: 'PIE' } } }, tokens.other);
      // The saved report is the admin's: it stays as it was, whether the edit is refused or lands on a copy.
      expect(await api.request(AccessReportDocument, { id: report.id }, tokens.admin)).toEqual(before);
      if (edit.errors) {
        expectDenied("editDashboardReport of the admin's saved report by a member", edit, 'FORBIDDEN');
      } else {
        const edited = edit.data!.editDashboardReport.reports[2];
        expect(edited.report?.id).not.toBe(report.id);
        expect(edited.report?.name).toBe('Hijacked');
      }
    });

    it('takes a deleted saved report off every dashboard, also those its deleter cannot see', async () => {
      const report = await createReport(tokens.other);
      const secret = await dashboardFor('PRIVATE');
      expectOk('add to a private dashboard', await api.request(AccessAddReportToDashboardDocument, { input: { dashboardId: secret.id, reportId: report.id } }, tokens.owner));
      expectDenied('the deleter cannot see the dashboard', await api.request(AccessDashboardDocument, { id: secret.id }, tokens.other), 'FORBIDDEN');
      expectOk('its owner deletes the report', await api.request(AccessDeleteReportDocument, { id: report.id }, tokens.other));
      const after = await api.request(AccessDashboardDocument, { id: secret.id }, tokens.owner);
      expect(after.data?.dashboard.reports.map((r) => [r.definition?.id ?? null, r.report?.id ?? null])).toEqual(TWO_REPORTS.map((id) => [id, null]));
      expectOk('results still run', await api.request(AccessDashboardResultsDocument, { id: secret.id }, tokens.owner));
    });
  });

  describe('shares', () => {
    it('are refused with BAD_USER_INPUT on `shares` unless the privacy is SPECIFIC', async () => {
      const name = unique('Shared but public');
      const created = await api.request(
        AccessCreateDashboardDocument,
        { input: { templateId: 'chat-overview', name, privacy: 'EVERYONE_VIEW', shares: [{ granteeType: 'USER', granteeId: ids.viewer, access: 'EDIT' }] } },
        tokens.owner,
      );
      expectDenied('create EVERYONE_VIEW with shares', created, 'BAD_USER_INPUT');
      expect(created.errors?.[0].message).toMatch(/^shares\b/);
      const list = await api.request(AccessDashboardsDocument, {}, tokens.owner);
      expect(list.data?.dashboards.map((d) => d.name)).not.toContain(name);

      for (const privacy of ['PRIVATE', 'OWNER_AND_ADMINS', 'EVERYONE_EDIT'] as const) {
        const dashboard = await dashboardFor(privacy);
        const updated = await api.request(AccessUpdateDashboardDocument, { input: { id: dashboard.id, shares: [{ granteeType: 'TEAM', granteeId: 'team-support-squad', access: 'VIEW' }] } }, tokens.owner);
        expectDenied(`shares on ${privacy}`, updated, 'BAD_USER_INPUT');
        expect(updated.errors?.[0].message).toMatch(/^shares\b/);
        const after = await api.request(AccessDashboardDocument, { id: dashboard.id }, tokens.owner);
        expect(after.data?.dashboard).toMatchObject({ privacy, shares: [] });
      }
      // Leaving SPECIFIC while giving shares is refused too, and changes nothing.
      const specific = await dashboardFor('SPECIFIC');
      const leaving = await api.request(
        AccessUpdateDashboardDocument,
        { input: { id: specific.id, privacy: 'EVERYONE_VIEW', shares: [{ granteeType: 'USER', granteeId: ids.viewer, access: 'VIEW' }] } },
        tokens.owner,
      );
      expectDenied('privacy EVERYONE_VIEW with shares', leaving, 'BAD_USER_INPUT');
      expect(leaving.errors?.[0].message).toMatch(/^shares\b/);
      const kept = await api.request(AccessDashboardDocument, { id: specific.id }, tokens.owner);
      expect(kept.data?.dashboard.privacy).toBe('SPECIFIC');
      expect(kept.data?.dashboard.shares).toHaveLength(5);
    });

    it('to users and teams that are not in the account are refused with BAD_USER_INPUT on `shares`', async () => {
      const elsewhere = await api.otherAccount({ plan: 'ENTERPRISE' });
      const strangerId = await userId(await memberOf(elsewhere.account, 'MEMBER', 'Ghost Team'));
      const bad: [string, ShareInput][] = [
        ['an unknown user id', { granteeType: 'USER', granteeId: 'no-such-user', access: 'VIEW' }],
        ['a user of another account', { granteeType: 'USER', granteeId: strangerId, access: 'VIEW' }],
        ['an unknown team', { granteeType: 'TEAM', granteeId: 'team-nobody', access: 'EDIT' }],
        ['a team of another account', { granteeType: 'TEAM', granteeId: 'team-ghost-team', access: 'EDIT' }],
        ['a team given as a user', { granteeType: 'USER', granteeId: 'team-support-squad', access: 'VIEW' }],
      ];
      for (const [what, share] of bad) {
        const name = unique('Bad share');
        const created = await api.request(
          AccessCreateDashboardDocument,
          { input: { templateId: 'chat-overview', name, privacy: 'SPECIFIC', shares: [{ granteeType: 'USER', granteeId: ids.viewer, access: 'VIEW' }, share] } },
          tokens.owner,
        );
        expectDenied(`create with a share to ${what}`, created, 'BAD_USER_INPUT');
        expect({ what, message: created.errors?.[0].message }).toEqual({ what, message: expect.stringMatching(/^shares\b/) });
        const list = await api.request(AccessDashboardsDocument, {}, tokens.owner);
        expect(list.data?.dashboards.map((d) => d.name)).not.toContain(name);

        const dashboard = await dashboardFor('SPECIFIC');
        const updated = await api.request(AccessUpdateDashboardDocument, { input: { id: dashboard.id, shares: [share] } }, tokens.owner);
        expectDenied(`update with a share to ${what}`, updated, 'BAD_USER_INPUT');
        expect({ what, message: updated.errors?.[0].message }).toEqual({ what, message: expect.stringMatching(/^shares\b/) });
        const after = await api.request(AccessDashboardDocument, { id: dashboard.id }, tokens.owner);
        expect(after.data?.dashboard.shares).toHaveLength(5);
      }
      // Nothing of it is visible to the stranger's account.
      const theirs = await api.request(AccessDashboardsDocument, {}, elsewhere.token);
      expect(theirs.data?.dashboards).toEqual([]);
    });

    it('SPECIFIC needs ENTERPRISE: PLAN_REQUIRED on PROFESSIONAL', async () => {
      const pro = await api.otherAccount({ plan: 'PROFESSIONAL' });
      const proMember = await memberOf(pro.account);
      const proMemberId = await userId(proMember);
      for (const shares of [undefined, [{ granteeType: 'USER' as const, granteeId: proMemberId, access: 'VIEW' as const }]]) {
        const created = await api.request(AccessCreateDashboardDocument, { input: { templateId: 'email-overview', name: 'Specific on pro', privacy: 'SPECIFIC', shares } }, pro.token);
        expectDenied(`create SPECIFIC on PROFESSIONAL ${shares ? 'with' : 'without'} shares`, created, 'PLAN_REQUIRED');
        expect(created.errors?.[0].message).toMatch(/ENTERPRISE/);
      }
      expect((await api.request(AccessDashboardsDocument, {}, pro.token)).data?.dashboards).toEqual([]);

      const open = await api.request(AccessCreateDashboardDocument, { input: { templateId: 'email-overview', name: 'Open on pro', privacy: 'EVERYONE_VIEW' } }, pro.token);
      expectOk('create EVERYONE_VIEW on PROFESSIONAL', open);
      const id = open.data!.createDashboardFromTemplate.id;
      const toSpecific = await api.request(AccessUpdateDashboardDocument, { input: { id, privacy: 'SPECIFIC', shares: [{ granteeType: 'USER', granteeId: proMemberId, access: 'EDIT' }] } }, pro.token);
      expectDenied('update to SPECIFIC on PROFESSIONAL', toSpecific, 'PLAN_REQUIRED');
      expect(toSpecific.errors?.[0].message).toMatch(/ENTERPRISE/);
      const after = await api.request(AccessDashboardsDocument, {}, pro.token);
      expect(after.data?.dashboards).toEqual([{ id, name: 'Open on pro', privacy: 'EVERYONE_VIEW', access: 'EDIT' }]);
      expect((await api.request(AccessDashboardDocument, { id }, proMember)).data?.dashboard.access).toBe('VIEW');
    });
  });

  describe('another account', () => {
    it('does not see a SPECIFIC dashboard shared with a team whose external id it also uses', async () => {
      const dashboard = await dashboardFor('SPECIFIC');
      const elsewhere = await api.otherAccount({ plan: 'ENTERPRISE' });
      const namesake = await memberOf(elsewhere.account, 'MEMBER', 'Support Squad');
      expect((await api.request(AccessViewerDocument, {}, namesake)).data?.viewer.teamId).toBe('team-support-squad');
      expect((await api.request(AccessDashboardsDocument, {}, namesake)).data?.dashboards).toEqual([]);
      expectDenied('dashboard as a member of a namesake team', await api.request(AccessDashboardDocument, { id: dashboard.id }, namesake), 'NOT_FOUND');
      expectDenied('rename as a member of a namesake team', await api.request(AccessUpdateDashboardDocument, { input: { id: dashboard.id, name: 'x' } }, namesake), 'NOT_FOUND');
    });


    it('gets NOT_FOUND for every object of this account, exactly as for ids that do not exist, and lists none of them', async () => {
      const dashboard = await dashboardFor('EVERYONE_EDIT');
      const report = await createReport(tokens.admin);
      const renamed = await api.request(AccessUpdateReportDocument, { input: { id: report.id, name: `${report.name} v2` } }, tokens.admin);
      expectOk('update own report', renamed);
      const onDashboard = await api.request(AccessAddReportToDashboardDocument, { input: { dashboardId: dashboard.id, reportId: report.id } }, tokens.owner);
      expectOk('add the saved report to the dashboard', onDashboard);
      const before = await api.request(AccessDashboardDocument, { id: dashboard.id }, tokens.owner);
      const reportBefore = await api.request(AccessReportDocument, { id: report.id }, tokens.admin);

      const { token } = await api.otherAccount({ plan: 'ENTERPRISE' });
      const place = dashboard.reports[0].id;
      const attempts = (dashboardId: string, reportId: string): [string, () => Promise<GraphQLResponse<unknown>>][] => [
        ['dashboard', () => api.request(AccessDashboardDocument, { id: dashboardId }, token)],
        ['dashboard results', () => api.request(AccessDashboardResultsDocument, { id: dashboardId }, token)],
        ['updateDashboard name', () => api.request(AccessUpdateDashboardDocument, { input: { id: dashboardId, name: 'Hijacked' } }, token)],
        ['updateDashboard privacy', () => api.request(AccessUpdateDashboardDocument, { input: { id: dashboardId, privacy: 'PRIVATE' } }, token)],
        ['addReportToDashboard', () => api.request(AccessAddReportToDashboardDocument, { input: { dashboardId, definitionId: 'chats-closed-by-assignee' } }, token)],
        ['removeReportFromDashboard', () => api.request(AccessRemoveReportFromDashboardDocument, { input: { dashboardId, dashboardReportId: place } }, token)],
        ['editDashboardReport', () => api.request(AccessEditDashboardReportDocument, { input: { dashboardId, dashboardReportId: place, changes: { name: 'Hijacked' } } }, token)],
        ['deleteDashboard', () => api.request(AccessDeleteDashboardDocument, { id: dashboardId }, token)],
        ['report', () => api.request(AccessReportDocument, { id: reportId }, token)],
        ['report result', () => api.request(AccessReportResultDocument, { id: reportId }, token)],
        ['runReport', () => api.request(AccessRunReportDocument, { input: { reportId } }, token)],
        ['drilldown', () => api.request(AccessDrilldownDocument, { input: { run: { reportId }, point: ['u-7'] } }, token)],
        ['updateReport', () => api.request(AccessUpdateReportDocument, { input: { id: reportId, name: 'Hijacked' } }, token)],
        ['restoreReportRevision', () => api.request(AccessRestoreReportRevisionDocument, { input: { id: reportId, revision: 1 } }, token)],
        ['deleteReport', () => api.request(AccessDeleteReportDocument, { id: reportId }, token)],
      ];
      // Ids in the same form that no account has.
      const missingDashboard = /^\d+$/.test(dashboard.id) ? String(Number(dashboard.id) + 100000) : dashboard.id.replace(/[0-9a-f]/g, '0');
      const missingReport = /^\d+$/.test(report.id) ? String(Number(report.id) + 100000) : report.id.replace(/[0-9a-f]/g, '0');
      const theirs = attempts(dashboard.id, report.id);
      const missing = attempts(missingDashboard, missingReport);
      for (let i = 0; i < theirs.length; i++) {
        const [what, attempt] = theirs[i];
        const response = await attempt();
        expectDenied(`${what} of another account`, response, 'NOT_FOUND');
        const body = JSON.stringify(response);
        expect(body).not.toContain(dashboard.name);
        expect(body).not.toContain(report.name);
        const control = await missing[i][1]();
        expectDenied(`${what} of a missing id`, control, 'NOT_FOUND');
        const anonymous = (r: GraphQLResponse<unknown>, ...idsToHide: string[]) => idsToHide.reduce((m, id) => m.split(id).join('<id>'), r.errors?.[0].message ?? '');
        expect({ what, message: anonymous(response, dashboard.id, report.id) }).toEqual({ what, message: anonymous(control, missingDashboard, missingReport) });
      }

      expect((await api.request(AccessDashboardsDocument, {}, token)).data?.dashboards).toEqual([]);
      expect((await api.request(AccessReportsDocument, {}, token)).data?.reports).toEqual([]);
      // Its own objects are listed, still without this account's.
      const own = await api.request(AccessCreateDashboardDocument, { input: { templateId: 'chat-overview', name: 'Theirs', privacy: 'EVERYONE_VIEW' } }, token);
      expectOk('their own dashboard', own);
      const ownReport = await api.request(AccessCreateReportDocument, { input: { ...A_REPORT, name: 'Their report' } }, token);
      expectOk('their own report', ownReport);
      expect((await api.request(AccessDashboardsDocument, {}, token)).data?.dashboards.map((d) => d.name)).toEqual(['Theirs']);
      expect((await api.request(AccessReportsDocument, {}, token)).data?.reports.map((r) => r.name)).toEqual(['Their report']);
      // ... and this account does not see theirs, nor may it put their report on its dashboard.
      expect((await api.request(AccessDashboardsDocument, {}, tokens.admin)).data?.dashboards.map((d) => d.name)).not.toContain('Theirs');
      expect((await api.request(AccessReportsDocument, {}, tokens.admin)).data?.reports.map((r) => r.name)).not.toContain('Their report');
      const foreignReport = await api.request(AccessAddReportToDashboardDocument, { input: { dashboardId: dashboard.id, reportId: ownReport.data!.createReport.id } }, tokens.owner);
      expectDenied("add another account's saved report", foreignReport, 'NOT_FOUND');
      expectDenied("dashboard of another account, from this side", await api.request(AccessDashboardDocument, { id: own.data!.createDashboardFromTemplate.id }, tokens.admin), 'NOT_FOUND');

      // Nothing it tried changed anything.
      expect(await api.request(AccessDashboardDocument, { id: dashboard.id }, tokens.owner)).toEqual(before);
      expect(await api.request(AccessReportDocument, { id: report.id }, tokens.admin)).toEqual(reportBefore);
    });
  });

  describe('saved reports of other users', () => {
    it("may be viewed and run by a member, but not updated, restored or deleted (FORBIDDEN)", async () => {
      const report = await createReport(tokens.admin);
      const v2 = await api.request(AccessUpdateReportDocument, { input: { id: report.id, chartType: 'TABLE' } }, tokens.admin);
      expectOk('admin updates own report', v2);
      const before = await api.request(AccessReportDocument, { id: report.id }, tokens.admin);
      expect(before.data?.report).toMatchObject({ revision: 2, canEdit: true, owner: { id: ids.admin } });

      const listed = await api.request(AccessReportsDocument, {}, tokens.other);
      expect(listed.data?.reports.filter((r) => r.id === report.id)).toEqual([{ id: report.id, name: report.name, canEdit: false, owner: { id: ids.admin } }]);
      const read = await api.request(AccessReportDocument, { id: report.id }, tokens.other);
      expectOk('member reads the report', read);
      expect(read.data!.report).toEqual({ ...before.data!.report, canEdit: false });
      const run = await api.request(AccessRunReportDocument, { input: { reportId: report.id } }, tokens.other);
      expectOk('member runs the report', run);
      expect(run.data!.runReport.dimensions).toEqual([{ key: 'assignee' }]);
      expectOk('member runs Report.result', await api.request(AccessReportResultDocument, { id: report.id }, tokens.other));

      expectDenied('member updates', await api.request(AccessUpdateReportDocument, { input: { id: report.id, name: 'Mine' } }, tokens.other), 'FORBIDDEN');
      expectDenied('member restores', await api.request(AccessRestoreReportRevisionDocument, { input: { id: report.id, revision: 1 } }, tokens.other), 'FORBIDDEN');
      expectDenied('member deletes', await api.request(AccessDeleteReportDocument, { id: report.id }, tokens.other), 'FORBIDDEN');
      expect(await api.request(AccessReportDocument, { id: report.id }, tokens.admin)).toEqual(before);
    });

    it("are changed by their owner or an admin, each change a revision saying who", async () => {
      const report = await createReport(tokens.owner);
      expect(report).toMatchObject({ canEdit: true, revision: 1, owner: { id: ids.owner } });
      expect(report.revisions).toEqual([{ revision: 1, action: 'CREATED', author: { id: ids.owner }, changes: expect.any(Array), name: report.name, chartType: 'BAR', createdAt: expect.any(String) }]);
      expect((await api.request(AccessReportDocument, { id: report.id }, tokens.admin)).data?.report.canEdit).toBe(true);
      expectDenied('another member updates', await api.request(AccessUpdateReportDocument, { input: { id: report.id, name: 'Mine' } }, tokens.editor), 'FORBIDDEN');

      const byOwner = await api.request(AccessUpdateReportDocument, { input: { id: report.id, name: `${report.name} (owner)` } }, tokens.owner);
      expectOk('owner updates', byOwner);
      const byAdmin = await api.request(AccessUpdateReportDocument, { input: { id: report.id, chartType: 'COLUMN' } }, tokens.admin);
      expectOk('admin updates', byAdmin);
      expect(byAdmin.data!.updateReport.revisions.map(({ revision, action, author, changes, name, chartType }) => ({ revision, action, author, changes, name, chartType }))).toEqual([
        { revision: 3, action: 'UPDATED', author: { id: ids.admin }, changes: ['chartType'], name: `${report.name} (owner)`, chartType: 'COLUMN' },
        { revision: 2, action: 'UPDATED', author: { id: ids.owner }, changes: ['name'], name: `${report.name} (owner)`, chartType: 'BAR' },
        { revision: 1, action: 'CREATED', author: { id: ids.owner }, changes: expect.any(Array), name: report.name, chartType: 'BAR' },
      ]);
      // The owner keeps ownership when an admin edits.
      expect(byAdmin.data!.updateReport.owner).toEqual({ id: ids.owner });

      const restored = await api.request(AccessRestoreReportRevisionDocument, { input: { id: report.id, revision: 1 } }, tokens.owner);
      expectOk('owner restores', restored);
      expect(restored.data!.restoreReportRevision).toMatchObject({ name: report.name, chartType: 'BAR', revision: 4 });
      expect(restored.data!.restoreReportRevision.revisions[0]).toMatchObject({ revision: 4, action: 'RESTORED', author: { id: ids.owner }, name: report.name, chartType: 'BAR' });

      expectDenied('another member deletes', await api.request(AccessDeleteReportDocument, { id: report.id }, tokens.other), 'FORBIDDEN');
      const deleted = await api.request(AccessDeleteReportDocument, { id: report.id }, tokens.admin);
      expectOk('admin deletes', deleted);
      expect(deleted.data!.deleteReport).toBe(report.id);
      expectDenied('report after deletion', await api.request(AccessReportDocument, { id: report.id }, tokens.owner), 'NOT_FOUND');
      expectDenied('run after deletion', await api.request(AccessRunReportDocument, { input: { reportId: report.id } }, tokens.owner), 'NOT_FOUND');
    });
  });

  describe('revisions', () => {
    it('keeps one revision per accepted change, numbered without gaps or repeats, when changes arrive at the same time', async () => {
      const report = await createReport(tokens.owner);
      const names = Array.from({ length: 6 }, (_, i) => `${report.name} edit ${i}`);
      const responses = await Promise.all(names.map((name, i) => api.request(AccessUpdateReportDocument, { input: { id: report.id, name } }, i % 2 ? tokens.owner : tokens.admin)));
      // A change that lost the race is refused as a whole (and may be retried); the others are kept.
      const accepted = names.filter((_, i) => !responses[i].errors);
      for (const response of responses.filter((r) => r.errors)) {
        expectDenied('a concurrent updateReport that lost the race', response, 'BAD_USER_INPUT');
        expect(response.errors?.[0].message).toMatch(/^id: .*changed by someone else/);
      }
      expect(accepted.length).toBeGreaterThanOrEqual(1);
      const after = await api.request(AccessReportDocument, { id: report.id }, tokens.owner);
      const revisions = after.data!.report.revisions;
      expect(revisions.map((r) => r.revision)).toEqual(Array.from({ length: accepted.length + 1 }, (_, i) => accepted.length + 1 - i));
      expect(after.data!.report.revision).toBe(accepted.length + 1);
      expect(revisions.slice(0, -1).map((r) => r.name).sort()).toEqual([...accepted].sort());
      expect(after.data!.report.name).toBe(revisions[0].name);
    });
  });

  describe('plans', () => {
    const setPlan = (account: Account, plan: Plan, reportingAddon = false) => api.db.dataSource.getRepository(Account).update({ id: account.id }, { plan, reportingAddon });

    it.each([
      ['FREE', 3],
      ['STARTER', 10],
      ['PROFESSIONAL', 25],
      ['ENTERPRISE', 50],
    ] as const)('%s allows %i dashboards, then PLAN_REQUIRED naming the plan and the limit', async (plan, limit) => {
      const { account, token } = await api.otherAccount({ plan });
      const member = await memberOf(account);
      for (let i = 1; i <= limit; i++) {
        // Dashboards of every user and privacy count together.
        const response = await api.request(
          AccessCreateDashboardDocument,
          { input: { templateId: i % 2 ? 'chat-overview' : 'email-overview', name: `D${String(i).padStart(2, '0')}`, privacy: i % 3 ? 'EVERYONE_VIEW' : 'PRIVATE' } },
          i % 2 ? token : member,
        );
        expectOk(`${plan}: dashboard ${i} of ${limit}`, response);
      }
      for (const [who, as] of [['admin', token], ['member', member]]) {
        const over = await api.request(AccessCreateDashboardDocument, { input: { templateId: 'chat-overview', name: 'One too many', privacy: 'EVERYONE_VIEW' } }, as);
        expectDenied(`${plan}: dashboard ${limit + 1} by the ${who}`, over, 'PLAN_REQUIRED');
        const message = over.errors?.[0].message ?? '';
        expect({ message, plan: message.includes(plan), limit: new RegExp(`\\b${limit}\\b`).test(message) }).toEqual({ message, plan: true, limit: true });
      }
      const list = (await api.request(AccessDashboardsDocument, {}, token)).data!.dashboards;
      expect(list.map((d) => d.name)).not.toContain('One too many');
      // Deleting one makes room for one more.
      expectOk('delete one', await api.request(AccessDeleteDashboardDocument, { id: list[0].id }, token));
      expectOk(`${plan}: dashboard ${limit} again`, await api.request(AccessCreateDashboardDocument, { input: { templateId: 'chat-overview', name: 'Replacement', privacy: 'EVERYONE_VIEW' } }, member));
      expectDenied(`${plan}: over the limit again`, await api.request(AccessCreateDashboardDocument, { input: { templateId: 'chat-overview', name: 'One too many', privacy: 'EVERYONE_VIEW' } }, token), 'PLAN_REQUIRED');
    });

    it('holds the limit when dashboards are created at the same time', async () => {
      const { account, token } = await api.otherAccount({ plan: 'FREE' });
      const member = await memberOf(account);
      const responses = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          api.request(AccessCreateDashboardDocument, { input: { templateId: 'chat-overview', name: `Race ${i}`, privacy: 'EVERYONE_VIEW' } }, i % 2 ? token : member),
        ),
      );
      const outcomes = responses.map((r) => (r.errors ? errorCodes(r).join() : 'ok')).sort();
      expect(outcomes).toEqual(['PLAN_REQUIRED', 'PLAN_REQUIRED', 'PLAN_REQUIRED', 'PLAN_REQUIRED', 'PLAN_REQUIRED', 'ok', 'ok', 'ok']);
      expect((await api.request(AccessDashboardsDocument, {}, token)).data?.dashboards).toHaveLength(3);
    });

    it('FREE views standard dashboards and runs their reports', async () => {
      const { account, token } = await api.otherAccount({ plan: 'FREE' });
      const member = await memberOf(account);
      const conversation = (id: string, assignee: string | null, channel = 'CHAT'): ConversationInput => ({
        id,
        channel,
        inbox: { id: 'support', name: 'Support' },
        assignee: assignee ? { id: assignee, name: assignee.toUpperCase() } : null,
        status: 'OPEN',
        createdAt: '2026-03-01T09:15:00Z',
      });
      const ingest = await api.request(AccessIngestDocument, { input: [conversation('c-1', 'u-7'), conversation('c-2', 'u-7'), conversation('c-3', 'u-8'), conversation('c-4', null, 'EMAIL')] }, token);
      expect(ingest.data?.ingestConversations).toEqual({ imported: 4, rejected: [] });

      const templates = await api.request(AccessDashboardTemplatesDocument, {}, member);
      expectOk('dashboardTemplates on FREE', templates);
      expect(
        templates.data!.dashboardTemplates
          .map((t) => ({ id: t.id, channel: t.channel, reports: t.reports.map((r) => r.id).sort() }))
          .sort((a, b) => a.id.localeCompare(b.id)),
      ).toEqual([
        { id: 'chat-overview', channel: 'CHAT', reports: [...CHAT_REPORTS].sort() },
        { id: 'email-overview', channel: 'EMAIL', reports: [...EMAIL_REPORTS].sort() },
      ]);

      const all = await api.request(AccessCreateDashboardDocument, { input: { templateId: 'chat-overview', name: 'Chats', privacy: 'EVERYONE_VIEW' } }, token);
      expectOk('create a standard dashboard on FREE', all);
      const dashboard = all.data!.createDashboardFromTemplate;
      expect(dashboard).toMatchObject({ templateId: 'chat-overview', privacy: 'EVERYONE_VIEW', access: 'EDIT' });
      expect(dashboard.reports.map((r) => r.definition?.id).sort()).toEqual([...CHAT_REPORTS].sort());
      const picked = await api.request(AccessCreateDashboardDocument, { input: { templateId: 'email-overview', name: 'Emails', privacy: 'OWNER_AND_ADMINS', reportDefinitionIds: ['open-emails-by-inbox', 'email-volume-by-assignee'] } }, token);
      expectOk('create with picked reports on FREE', picked);
      expect(picked.data!.createDashboardFromTemplate.reports.map((r) => r.definition?.id).sort()).toEqual(['email-volume-by-assignee', 'open-emails-by-inbox']);

      for (const [who, as] of [['admin', token], ['member', member]]) {
        const results = await api.request(AccessDashboardResultsDocument, { id: dashboard.id }, as);
        expectOk(`results of the standard dashboard as the ${who} on FREE`, results);
        const byAssignee = results.data!.dashboard.reports.find((r) => r.definition?.id === 'chat-volume-by-assignee');
        expect(byAssignee?.result?.rows).toEqual([
          { dimensionValues: [{ value: 'u-7', label: 'U-7' }], measureValues: [2] },
          { dimensionValues: [{ value: 'u-8', label: 'U-8' }], measureValues: [1] },
        ]);
        expect(results.data!.dashboard.reports).toHaveLength(6);
        const run = await api.request(AccessRunReportDocument, { input: { definitionId: 'open-emails-by-inbox' } }, as);
        expectOk(`runReport on FREE as the ${who}`, run);
        expect(run.data!.runReport.rows).toEqual([{ dimensionValues: [{ value: 'support', label: 'Support' }], measureValues: [1] }]);
      }
    });

    it.each(['FREE', 'STARTER'] as const)('%s without the add-on: creating and editing reports is PLAN_REQUIRED; viewing and running still work', async (plan) => {
      const planRequired = (what: string, response: GraphQLResponse<unknown>) => {
        expectDenied(`${plan}: ${what}`, response, 'PLAN_REQUIRED');
        const message = response.errors?.[0].message ?? '';
        expect({ what, message, professional: /PROFESSIONAL/.test(message), addon: /add-on/i.test(message) }).toEqual({ what, message, professional: true, addon: true });
      };
      // Reports saved while the account was on PROFESSIONAL, before it moved to `plan`.
      const { account, token } = await api.otherAccount({ plan: 'PROFESSIONAL' });
      const saved = await api.request(AccessCreateReportDocument, { input: { ...A_REPORT, name: 'Saved on pro' } }, token);
      expectOk('createReport on PROFESSIONAL', saved);
      const report = saved.data!.createReport;
      expectOk('updateReport on PROFESSIONAL', await api.request(AccessUpdateReportDocument, { input: { id: report.id, chartType: 'COLUMN' } }, token));
      const created = await api.request(AccessCreateDashboardDocument, { input: { templateId: 'chat-overview', name: 'Board', privacy: 'EVERYONE_VIEW', reportDefinitionIds: TWO_REPORTS } }, token);
      expectOk('dashboard', created);
      const dashboardId = created.data!.createDashboardFromTemplate.id;
      const withSaved = await api.request(AccessAddReportToDashboardDocument, { input: { dashboardId, reportId: report.id } }, token);
      expectOk('add the saved report', withSaved);
      const places = withSaved.data!.addReportToDashboard.reports;

      await setPlan(account, plan);
      expect((await api.request(AccessViewerDocument, {}, token)).data?.viewer.account).toMatchObject({ plan, reportingAddon: false });
      const reportBefore = await api.request(AccessReportDocument, { id: report.id }, token);
      const dashboardBefore = await api.request(AccessDashboardDocument, { id: dashboardId }, token);
      expect(reportBefore.data?.report).toMatchObject({ revision: 2, canEdit: false });

      planRequired('createReport from scratch', await api.request(AccessCreateReportDocument, { input: { ...A_REPORT, name: 'New' } }, token));
      planRequired('createReport from a catalog report', await api.request(AccessCreateReportDocument, { input: { fromDefinitionId: 'chat-volume-by-assignee', name: 'Copy' } }, token));
      planRequired('updateReport', await api.request(AccessUpdateReportDocument, { input: { id: report.id, name: 'Renamed' } }, token));
      planRequired('restoreReportRevision', await api.request(AccessRestoreReportRevisionDocument, { input: { id: report.id, revision: 1 } }, token));
      planRequired('editDashboardReport of a catalog report', await api.request(AccessEditDashboardReportDocument, { input: { dashboardId, dashboardReportId: places[0].id, changes: { chartType: 'TABLE' } } }, token));
      planRequired('editDashboardReport of a saved report', await api.request(AccessEditDashboardReportDocument, { input: { dashboardId, dashboardReportId: places[2].id, changes: { name: 'Renamed' } } }, token));

      expect((await api.request(AccessReportsDocument, {}, token)).data?.reports.map((r) => r.name)).toEqual(['Saved on pro']);
      expect(await api.request(AccessReportDocument, { id: report.id }, token)).toEqual(reportBefore);
      expect(await api.request(AccessDashboardDocument, { id: dashboardId }, token)).toEqual(dashboardBefore);
      // Viewing works on every plan.
      expectOk(`runReport of a saved report on ${plan}`, await api.request(AccessRunReportDocument, { input: { reportId: report.id } }, token));
      const results = await api.request(AccessDashboardResultsDocument, { id: dashboardId }, token);
      expectOk(`dashboard results on ${plan}`, results);
      expect(results.data!.dashboard.reports).toHaveLength(3);

      // An account created on the plan is refused the same way.
      const fresh = await api.otherAccount({ plan });
      planRequired('createReport on a new account', await api.request(AccessCreateReportDocument, { input: { ...A_REPORT, name: 'New' } }, fresh.token));
      const board = await api.request(AccessCreateDashboardDocument, { input: { templateId: 'chat-overview', name: 'Board', privacy: 'PRIVATE', reportDefinitionIds: TWO_REPORTS } }, fresh.token);
      expectOk(`standard dashboard on ${plan}`, board);
      const place = board.data!.createDashboardFromTemplate.reports[0].id;
      planRequired('editDashboardReport on a new account', await api.request(AccessEditDashboardReportDocument, { input: { dashboardId: board.data!.createDashboardFromTemplate.id, dashboardReportId: place, changes: { name: 'Mine' } } }, fresh.token));
      expect((await api.request(AccessReportsDocument, {}, fresh.token)).data?.reports).toEqual([]);
    });

    it.each(['STARTER', 'FREE'] as const)('%s with the reporting add-on creates, edits, restores and edits on dashboards', async (plan) => {
      const { token } = await api.otherAccount({ plan, reportingAddon: true });
      const me = await userId(token);
      const created = await api.request(AccessCreateReportDocument, { input: { ...A_REPORT, name: 'With add-on' } }, token);
      expectOk(`createReport on ${plan} with the add-on`, created);
      const report = created.data!.createReport;
      expect(report).toMatchObject({ name: 'With add-on', chartType: 'BAR', canEdit: true, revision: 1, measures: [{ key: 'count' }], dimensions: [{ key: 'assignee' }] });

      const updated = await api.request(AccessUpdateReportDocument, { input: { id: report.id, name: 'Renamed', filters: [{ property: 'status', operator: 'EQ', values: ['OPEN'] }] } }, token);
      expectOk(`updateReport on ${plan} with the add-on`, updated);
      expect(updated.data!.updateReport).toMatchObject({ name: 'Renamed', revision: 2, filters: [{ property: 'status', operator: 'EQ', values: ['OPEN'] }] });
      expect(updated.data!.updateReport.revisions.map((r) => [r.revision, r.action, r.author?.id, [...r.changes].sort()])).toEqual([
        [2, 'UPDATED', me, ['filters', 'name']],
        [1, 'CREATED', me, expect.any(Array)],
      ]);

      const restored = await api.request(AccessRestoreReportRevisionDocument, { input: { id: report.id, revision: 1 } }, token);
      expectOk(`restoreReportRevision on ${plan} with the add-on`, restored);
      expect(restored.data!.restoreReportRevision).toMatchObject({ name: 'With add-on', filters: [], revision: 3 });
      expect(restored.data!.restoreReportRevision.revisions.map((r) => [r.revision, r.action, r.name])).toEqual([
        [3, 'RESTORED', 'With add-on'],
        [2, 'UPDATED', 'Renamed'],
        [1, 'CREATED', 'With add-on'],
      ]);

      const board = await api.request(AccessCreateDashboardDocument, { input: { templateId: 'chat-overview', name: 'Board', privacy: 'EVERYONE_VIEW', reportDefinitionIds: TWO_REPORTS } }, token);
      expectOk('dashboard', board);
      const dashboardId = board.data!.createDashboardFromTemplate.id;
      const edited = await api.request(AccessEditDashboardReportDocument, { input: { dashboardId, dashboardReportId: board.data!.createDashboardFromTemplate.reports[0].id, changes: { name: 'Edited copy', chartType: 'TABLE' } } }, token);
      expectOk(`editDashboardReport on ${plan} with the add-on`, edited);
      expect(edited.data!.editDashboardReport.reports.map((r) => r.title)).toEqual(['Edited copy', expect.any(String)]);
      expect(edited.data!.editDashboardReport.reports[0].report?.name).toBe('Edited copy');
    });
  });
});
