import { openDatabase } from '../../src/db/database';
import { startServer } from '../../src/server/http';
import { errorCodes, GraphQLResponse, postGraphQL, startTestApi, TestApi } from '../support/api';
import { DIALECTS } from '../support/databases';
import { aConversation } from '../support/fixtures';
import {
  AccessCreateDashboardDocument,
  AccessUpdateDashboardDocument,
  AuthApiTokensDocument,
  AuthConversationsDocument,
  AuthCreateApiTokenDocument,
  AuthCreateUserDocument,
  AuthDashboardsDocument,
  AuthDeactivateUserDocument,
  AuthIngestDocument,
  AuthIntrospectionDocument,
  AuthMembersDocument,
  AuthReportDefinitionsDocument,
  AuthReportsDocument,
  AuthRevokeApiTokenDocument,
  AuthRunReportDocument,
  AuthTypenameDocument,
  AuthUpdateUserDocument,
  AuthUsersDocument,
  AuthViewerDocument,
  ConversationInput,
  CreateApiTokenInput,
  PrivacyReassignDashboardDocument,
} from './generated/operations';

/**
 * Roles, token scopes and token management, black-box over HTTP: one test per denial and per
 * protection (README "Access: roles, scopes and tokens").
 */

const conversation = (overrides: Record<string, unknown> = {}) => aConversation(overrides) as unknown as ConversationInput;
const BY_ASSIGNEE = { definitionId: 'chat-volume-by-assignee' };

function expectDenied(what: string, response: GraphQLResponse<unknown>, code: string, message?: RegExp): void {
  expect({ what, codes: errorCodes(response), data: response.data ?? null }).toEqual({ what, codes: [code], data: null });
  if (message) expect({ what, message: response.errors![0].message }).toEqual({ what, message: expect.stringMatching(message) });
}

function expectOk(what: string, response: GraphQLResponse<unknown>): void {
  expect({ what, errors: response.errors }).toEqual({ what, errors: undefined });
}

describe.each(DIALECTS)('roles, scopes and API tokens on %s', (dialect) => {
  let api: TestApi;
  let emails = 0;
  const email = (label: string) => `${label}-${++emails}@example.org`;

  /** A new user of the test account (by the admin, over GraphQL): their id and first token. */
  const newUser = async (role: 'ADMIN' | 'MEMBER' = 'MEMBER', label = 'user') => {
    const response = await api.request(AuthCreateUserDocument, { input: { email: email(label), role, name: `${label} ${emails}` } });
    expectOk('createUser', response);
    const { user, token } = response.data!.createUser;
    return { id: user.id, email: user.email, token: token.token, tokenId: token.apiToken.id };
  };

  /** A token made by the admin; fails the test if it cannot be made. */
  const newToken = async (input: CreateApiTokenInput) => {
    const response = await api.request(AuthCreateApiTokenDocument, { input });
    expectOk(`createApiToken ${JSON.stringify(input)}`, response);
    return response.data!.createApiToken;
  };

  const assigneeLabels = async () => {
    const run = await api.request(AuthRunReportDocument, { input: BY_ASSIGNEE });
    expectOk('runReport', run);
    return run.data!.runReport.rows.map((r) => [r.dimensionValues[0].value, r.measureValues[0]]);
  };

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const ingest = await api.request(AuthIngestDocument, { input: [conversation({ id: 'c-1' })] });
    expect(ingest.data?.ingestConversations).toEqual({ imported: 1, updated: 0, rejected: [] });
  });

  afterAll(() => api?.close());

  describe('writing conversations', () => {
    it("refuses a MEMBER's token: FORBIDDEN with the reason, and nothing is written", async () => {
      const member = await newUser('MEMBER');
      const renamed = conversation({ id: 'c-1', assignee: { id: 'u-7', name: 'Mallory' } });
      const response = await api.request(AuthIngestDocument, { input: [renamed, conversation({ id: 'c-new' })] }, member.token);

      expectDenied('member ingest', response, 'FORBIDDEN', /^ingestConversations writes conversations: it needs an ADMIN's ADMIN-scoped token or a token with the INGEST scope \(this is a READ-scoped token of a MEMBER\)\.$/);
      const conversations = await api.request(AuthConversationsDocument, {});
      expect(conversations.data?.conversations.totalCount).toBe(1);
      expect(await assigneeLabels()).toEqual([['u-7', 1]]);
    });

    it("refuses an ADMIN's READ token", async () => {
      const { token } = await newToken({ email: (await api.request(AuthViewerDocument, {})).data!.viewer.email, scope: 'READ' });
      expectDenied('admin READ ingest', await api.request(AuthIngestDocument, { input: [conversation({ id: 'c-read' })] }, token), 'FORBIDDEN', /READ-scoped token of an ADMIN/);
    });

    it('accepts an INGEST token, which may belong to any user, and an ADMIN token', async () => {
      const integration = await newUser('MEMBER', 'integration');
      const { token, apiToken } = await newToken({ userId: integration.id, scope: 'INGEST', name: 'Zendesk sync' });
      expect(apiToken).toMatchObject({ scope: 'INGEST', status: 'ACTIVE', name: 'Zendesk sync', user: { id: integration.id } });

      const ingest = await api.request(AuthIngestDocument, { input: [conversation({ id: 'c-2', assignee: { id: 'u-8', name: 'Grace' } })] }, token);
      expect(ingest.data?.ingestConversations).toEqual({ imported: 1, updated: 0, rejected: [] });
      const admin = await api.request(AuthIngestDocument, { input: [conversation({ id: 'c-3', assignee: { id: 'u-8', name: 'Grace' } })] });
      expect(admin.data?.ingestConversations).toEqual({ imported: 1, updated: 0, rejected: [] });
      expect(await assigneeLabels()).toEqual([['u-8', 2], ['u-7', 1]]);
    });
  });

  describe('an INGEST token', () => {
    let token: string;

    beforeAll(async () => {
      token = (await newToken({ email: (await newUser('ADMIN', 'integration-admin')).email, scope: 'INGEST' })).token;
    });

    it('reads nothing: every other root field answers FORBIDDEN saying the scope allows ingest only', async () => {
      const attempts: [string, GraphQLResponse<unknown>][] = [
        ['viewer', await api.request(AuthViewerDocument, {}, token)],
        ['runReport', await api.request(AuthRunReportDocument, { input: BY_ASSIGNEE }, token)],
        ['dashboards', await api.request(AuthDashboardsDocument, {}, token)],
        ['reports', await api.request(AuthReportsDocument, {}, token)],
        ['conversations', await api.request(AuthConversationsDocument, {}, token)],
        ['reportDefinitions', await api.request(AuthReportDefinitionsDocument, {}, token)],
        ['members', await api.request(AuthMembersDocument, {}, token)],
        ['apiTokens', await api.request(AuthApiTokensDocument, {}, token)],
        ['users', await api.request(AuthUsersDocument, {}, token)],
        ['createApiToken', await api.request(AuthCreateApiTokenDocument, { input: { email: 'x@example.org' } }, token)],
        ['createDashboardFromTemplate', await api.request(AccessCreateDashboardDocument, { input: { templateId: 'chat-overview', name: 'Nope', privacy: 'PRIVATE' } }, token)],
      ];
      for (const [field, response] of attempts) {
        expectDenied(field, response, 'FORBIDDEN', new RegExp(`^${field}: this token's scope is INGEST, which allows only ingestConversations\\.$`));
      }
      expect((await api.request(AuthDashboardsDocument, {})).data?.dashboards).toEqual([]);
    });

    it('still answers __typename and introspection, which show only the public schema', async () => {
      expect(await api.request(AuthTypenameDocument, {}, token)).toEqual({ status: 200, data: { __typename: 'Query' } });
      expect(await api.request(AuthIntrospectionDocument, {}, token)).toEqual({ status: 200, data: { __schema: { queryType: { name: 'Query' } } } });
    });
  });

  describe('managing users and tokens', () => {
    it('is refused to members and to READ tokens, with the reason', async () => {
      const member = await newUser('MEMBER');
      const adminRead = (await newToken({ email: (await newUser('ADMIN', 'admin-read')).email, scope: 'READ' })).token;
      for (const [who, token, reason] of [
        ['member', member.token, /READ-scoped token of a MEMBER/],
        ['admin READ token', adminRead, /READ-scoped token of an ADMIN/],
      ] as const) {
        const attempts: [string, GraphQLResponse<unknown>][] = [
          ['apiTokens', await api.request(AuthApiTokensDocument, {}, token)],
          ['createApiToken', await api.request(AuthCreateApiTokenDocument, { input: { userId: member.id, scope: 'INGEST' } }, token)],
          ['revokeApiToken', await api.request(AuthRevokeApiTokenDocument, { id: member.tokenId }, token)],
          ['users', await api.request(AuthUsersDocument, {}, token)],
          ['createUser', await api.request(AuthCreateUserDocument, { input: { email: email('sneaky'), role: 'ADMIN' } }, token)],
          ['updateUser', await api.request(AuthUpdateUserDocument, { input: { id: member.id, role: 'ADMIN' } }, token)],
          ['deactivateUser', await api.request(AuthDeactivateUserDocument, { id: member.id }, token)],
        ];
        for (const [field, response] of attempts) {
          expectDenied(`${who}: ${field}`, response, 'FORBIDDEN', new RegExp(`^${field} manages users and tokens: it needs an ADMIN's ADMIN-scoped token \\(.*\\)\\.$`));
          expect(response.errors![0].message).toMatch(reason);
        }
      }
      // Nothing changed: the member is still a MEMBER with a working token.
      expect((await api.request(AuthViewerDocument, {}, member.token)).data?.viewer).toMatchObject({ role: 'MEMBER', scope: 'READ' });
    });

    it("lets members list the account's active users by name and email, and nothing more", async () => {
      const member = await newUser('MEMBER');
      const gone = await newUser('MEMBER', 'gone');
      expectOk('deactivate', await api.request(AuthDeactivateUserDocument, { id: gone.id }));
      const members = await api.request(AuthMembersDocument, {}, member.token);
      expectOk('members', members);
      const listed = members.data!.members;
      expect(listed).toContainEqual({ id: member.id, email: member.email, name: expect.any(String) });
      expect(listed.map((m) => m.id)).not.toContain(gone.id);
      expect(listed.map((m) => m.email)).toEqual([...listed.map((m) => m.email)].sort());
    });

    it('lists tokens with scope, expiry and last use, never a secret', async () => {
      const user = await newUser('MEMBER', 'lister');
      const before = Date.now();
      const { token, apiToken } = await newToken({ userId: user.id, expires: '90d', name: 'Looker' });
      expect(apiToken).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'Looker',
        scope: 'READ',
        status: 'ACTIVE',
        user: { id: user.id, email: user.email, name: expect.any(String) },
        createdAt: expect.any(String),
        expiresAt: expect.any(String),
        lastUsedAt: null,
        revokedAt: null,
      });
      const lifetime = Date.parse(apiToken.expiresAt!) - before;
      expect(lifetime).toBeGreaterThanOrEqual(90 * 86_400_000);
      expect(lifetime).toBeLessThan(90 * 86_400_000 + 60_000);

      expectOk('use it', await api.request(AuthViewerDocument, {}, token));
      const listed = await api.request(AuthApiTokensDocument, { userId: user.id });
      expectOk('apiTokens', listed);
      expect(listed.data!.apiTokens.map((t) => [t.id, t.name, t.scope, t.status])).toEqual([
        [user.tokenId, null, 'READ', 'ACTIVE'],
        [apiToken.id, 'Looker', 'READ', 'ACTIVE'],
      ]);
      const used = listed.data!.apiTokens[1];
      expect(used.lastUsedAt).not.toBeNull();
      expect(Date.parse(used.lastUsedAt!)).toBeGreaterThanOrEqual(Date.parse(apiToken.createdAt));
      const all = JSON.stringify(await api.request(AuthApiTokensDocument, {}));
      expect(all).toContain(apiToken.id);
      expect(all).not.toContain(token);
      expect(all).not.toContain(user.token);
      expect(all).not.toMatch(/tl_/);
    });

    it('refuses an ADMIN-scoped token for a MEMBER, and bad scopes, users and expiries, naming the field', async () => {
      const member = await newUser('MEMBER');
      const cases: [CreateApiTokenInput, RegExp][] = [
        [{ userId: member.id, scope: 'ADMIN' }, /^scope: only an ADMIN may hold an ADMIN-scoped token/],
        [{ userId: member.id, expires: 'soon' }, /^expires: "soon" is not a lifetime such as 12h, 90d or 4w/],
        [{ userId: member.id, expires: '2020-01-01' }, /^expires: "2020-01-01" is not in the future$/],
        [{ userId: member.id, expires: '4000d' }, /^expires: "4000d" is more than ten years ahead$/],
        [{ userId: member.id, name: 'x'.repeat(101) }, /^name: must be at most 100 characters$/],
        [{}, /^userId: give the user by userId or by email/],
        [{ userId: member.id, email: member.email }, /^userId: give the user by userId or by email/],
      ];
      for (const [input, message] of cases) expectDenied(JSON.stringify(input), await api.request(AuthCreateApiTokenDocument, { input }), 'BAD_USER_INPUT', message);
      const tokens = await api.request(AuthApiTokensDocument, { userId: member.id });
      expect(tokens.data?.apiTokens).toHaveLength(1);
    });

    it('creates users whose first token is shown once, and refuses a second user with the same email', async () => {
      const created = await api.request(AuthCreateUserDocument, { input: { email: 'New.Hire@Example.org', name: 'New Hire', team: 'Tier 2' } });
      expectOk('createUser', created);
      const { user, token } = created.data!.createUser;
      expect(user).toEqual({
        id: expect.any(String),
        email: 'new.hire@example.org',
        name: 'New Hire',
        role: 'MEMBER',
        teamId: 'team-tier-2',
        active: true,
        deactivatedAt: null,
        activeTokenCount: 1,
        lastUsedAt: null,
      });
      expect(token).toMatchObject({ token: expect.stringMatching(/^tl_/), apiToken: { scope: 'READ', status: 'ACTIVE', user: { id: user.id } } });
      expect((await api.request(AuthViewerDocument, {}, token.token)).data?.viewer).toEqual({ userId: user.id, email: 'new.hire@example.org', role: 'MEMBER', scope: 'READ' });
      expectDenied('duplicate', await api.request(AuthCreateUserDocument, { input: { email: 'new.hire@example.org' } }), 'BAD_USER_INPUT', /^email: a user with email new\.hire@example\.org already exists/);
    });

    it("answers NOT_FOUND for another account's tokens and users, and never lists them", async () => {
      const other = await api.otherAccount();
      const [otherAdmin] = (await api.request(AuthUsersDocument, {}, other.token)).data!.users;
      const [otherToken] = (await api.request(AuthApiTokensDocument, {}, other.token)).data!.apiTokens;
      const attempts: [string, GraphQLResponse<unknown>][] = [
        ['revokeApiToken', await api.request(AuthRevokeApiTokenDocument, { id: otherToken.id })],
        ['createApiToken by id', await api.request(AuthCreateApiTokenDocument, { input: { userId: otherAdmin.id } })],
        ['createApiToken by email', await api.request(AuthCreateApiTokenDocument, { input: { email: otherAdmin.email } })],
        ['updateUser', await api.request(AuthUpdateUserDocument, { input: { id: otherAdmin.id, role: 'MEMBER' } })],
        ['deactivateUser', await api.request(AuthDeactivateUserDocument, { id: otherAdmin.id })],
      ];
      for (const [what, response] of attempts) expectDenied(what, response, 'NOT_FOUND');
      expectDenied('unknown token id', await api.request(AuthRevokeApiTokenDocument, { id: 'no-such-token' }), 'NOT_FOUND', /^No API token with id "no-such-token"\.$/);
      const mine = JSON.stringify([await api.request(AuthApiTokensDocument, {}), await api.request(AuthUsersDocument, {}), await api.request(AuthMembersDocument, {})]);
      expect(mine).not.toContain(otherToken.id);
      expect(mine).not.toContain(otherAdmin.id);
      // The other account's admin still works.
      expect((await api.request(AuthViewerDocument, {}, other.token)).data?.viewer.role).toBe('ADMIN');
    });
  });

  describe('revoked, expired and deactivated', () => {
    it('a revoked token fails on its very next request, also for a report it has cached', async () => {
      const member = await newUser('MEMBER');
      for (let i = 0; i < 2; i++) expectOk(`run ${i}`, await api.request(AuthRunReportDocument, { input: BY_ASSIGNEE }, member.token));

      const revoked = await api.request(AuthRevokeApiTokenDocument, { id: member.tokenId });
      expectOk('revokeApiToken', revoked);
      expect(revoked.data!.revokeApiToken).toMatchObject({ id: member.tokenId, status: 'REVOKED', revokedAt: expect.any(String) });

      const refused = await api.request(AuthRunReportDocument, { input: BY_ASSIGNEE }, member.token);
      expect(refused).toEqual({
        status: 401,
        errors: [{ message: 'This API token has been revoked: ask an admin of your account for a new one.', extensions: { code: 'UNAUTHENTICATED' } }],
      });
      // Revoking again changes nothing.
      const again = await api.request(AuthRevokeApiTokenDocument, { id: member.tokenId });
      expect(again.data?.revokeApiToken.revokedAt).toBe(revoked.data!.revokeApiToken.revokedAt);
    });

    it('a token revoked through one server process is refused at once by another on the same database', async () => {
      const db = await openDatabase(api.database.url);
      const second = await startServer(db, { port: 0, host: '127.0.0.1' });
      try {
        const member = await newUser('MEMBER');
        expectOk('second server before', await postGraphQL(second.url, AuthViewerDocument, {}, member.token));
        const admin = await postGraphQL(second.url, AuthRevokeApiTokenDocument, { id: member.tokenId }, api.token);
        expectOk('revoke on the second server', admin);
        expectDenied('first server after', await api.request(AuthViewerDocument, {}, member.token), 'UNAUTHENTICATED', /revoked/);
        expectDenied('second server after', await postGraphQL(second.url, AuthViewerDocument, {}, member.token), 'UNAUTHENTICATED', /revoked/);
      } finally {
        await second.close();
        await db.close();
      }
    });

    it('an expired token fails with a message saying so, and is listed as EXPIRED', async () => {
      const user = await newUser('MEMBER');
      const { token, apiToken } = await newToken({ userId: user.id, expires: '1h' });
      expectOk('before expiry', await api.request(AuthViewerDocument, {}, token));
      // Time is not waited for: the expiry is moved into the past.
      await api.db.query('UPDATE api_tokens SET expires_at = ? WHERE id = ?', [new Date(Date.now() - 1000), apiToken.id]);

      const refused = await api.request(AuthViewerDocument, {}, token);
      expect(refused).toEqual({
        status: 401,
        errors: [{ message: 'This API token has expired: ask an admin of your account for a new one.', extensions: { code: 'UNAUTHENTICATED' } }],
      });
      const listed = await api.request(AuthApiTokensDocument, { userId: user.id });
      expect(listed.data?.apiTokens.find((t) => t.id === apiToken.id)?.status).toBe('EXPIRED');
      expect((await api.request(AuthUsersDocument, {})).data?.users.find((u) => u.id === user.id)?.activeTokenCount).toBe(1);
    });

    it('a deactivated user cannot authenticate with any token; their dashboards remain', async () => {
      const user = await newUser('MEMBER', 'leaver');
      const second = await newToken({ userId: user.id, scope: 'INGEST' });
      const dashboard = await api.request(AccessCreateDashboardDocument, { input: { templateId: 'chat-overview', name: 'Leaver board', privacy: 'EVERYONE_VIEW' } }, user.token);
      expectOk('dashboard', dashboard);

      const deactivated = await api.request(AuthDeactivateUserDocument, { id: user.id });
      expectOk('deactivateUser', deactivated);
      expect(deactivated.data!.deactivateUser).toMatchObject({ id: user.id, active: false, deactivatedAt: expect.any(String), activeTokenCount: 0 });

      expectDenied('first token', await api.request(AuthViewerDocument, {}, user.token), 'UNAUTHENTICATED', /revoked/);
      expectDenied('ingest token', await api.request(AuthIngestDocument, { input: [conversation({ id: 'c-leaver' })] }, second.token), 'UNAUTHENTICATED', /revoked/);
      expectDenied('new token', await api.request(AuthCreateApiTokenDocument, { input: { userId: user.id } }), 'BAD_USER_INPUT', /^user: .* is deactivated$/);
      const tokens = await api.request(AuthApiTokensDocument, { userId: user.id });
      expect(tokens.data?.apiTokens.map((t) => t.status)).toEqual(['REVOKED', 'REVOKED']);
      expect((await api.request(AuthDashboardsDocument, {})).data?.dashboards.map((d) => d.name)).toContain('Leaver board');
    });

    it('a user deactivated behind the server\'s back (another process) is refused even with a token not yet revoked', async () => {
      const user = await newUser('MEMBER');
      await api.db.query('UPDATE users SET deactivated_at = ? WHERE id = ?', [new Date(), user.id]);
      expectDenied('deactivated', await api.request(AuthViewerDocument, {}, user.token), 'UNAUTHENTICATED', /^The user of this API token has been deactivated\.$/);
    });
  });

  describe('admins', () => {
    it('cannot deactivate or demote the last active admin, and may once there is another', async () => {
      const solo = await startTestApi(dialect);
      try {
        const me = (await solo.request(AuthViewerDocument, {})).data!.viewer;
        expectDenied('deactivate self', await solo.request(AuthDeactivateUserDocument, { id: me.userId }), 'BAD_USER_INPUT', /^id: .* is the last active admin of account \d+ and cannot be deactivated: make another user ADMIN first$/);
        expectDenied('demote self', await solo.request(AuthUpdateUserDocument, { input: { id: me.userId, role: 'MEMBER' } }), 'BAD_USER_INPUT', /^role: .* is the last active admin of account \d+ and cannot be demoted/);
        expect((await solo.request(AuthViewerDocument, {})).data?.viewer).toMatchObject({ role: 'ADMIN', scope: 'ADMIN' });

        const created = await solo.request(AuthCreateUserDocument, { input: { email: 'second@example.org', role: 'MEMBER' } });
        const promoted = await solo.request(AuthUpdateUserDocument, { input: { id: created.data!.createUser.user.id, role: 'ADMIN', name: 'Second', team: 'Ops' } });
        expect(promoted.data?.updateUser).toMatchObject({ role: 'ADMIN', name: 'Second', teamId: 'team-ops' });
        const demoted = await solo.request(AuthUpdateUserDocument, { input: { id: me.userId, role: 'MEMBER' } });
        expect(demoted.data?.updateUser.role).toBe('MEMBER');
        // The demoted admin's ADMIN token now acts as a READ token.
        expect((await solo.request(AuthViewerDocument, {})).data?.viewer).toMatchObject({ role: 'MEMBER', scope: 'READ' });
        expectDenied('demoted admin', await solo.request(AuthUsersDocument, {}), 'FORBIDDEN');
      } finally {
        await solo.close();
      }
    });

    it("with a READ token sees the dashboards an admin sees, but edits and reassigns only what a member may", async () => {
      const owner = await newUser('MEMBER', 'owner');
      const created = await api.request(AccessCreateDashboardDocument, { input: { templateId: 'chat-overview', name: 'Owners only', privacy: 'OWNER_AND_ADMINS' } }, owner.token);
      expectOk('create', created);
      const id = created.data!.createDashboardFromTemplate.id;
      const adminRead = (await newToken({ email: (await api.request(AuthViewerDocument, {})).data!.viewer.email, scope: 'READ', name: 'wallboard' })).token;

      const asAdmin = (await api.request(AuthDashboardsDocument, {})).data!.dashboards.find((d) => d.id === id);
      const asRead = (await api.request(AuthDashboardsDocument, {}, adminRead)).data!.dashboards.find((d) => d.id === id);
      expect([asAdmin?.access, asRead?.access]).toEqual(['EDIT', 'VIEW']);
      expectDenied('edit with READ', await api.request(AccessUpdateDashboardDocument, { input: { id, name: 'Renamed' } }, adminRead), 'FORBIDDEN');
      const me = (await api.request(AuthViewerDocument, {})).data!.viewer.userId;
      expectDenied('reassign with READ', await api.request(PrivacyReassignDashboardDocument, { input: { dashboardId: id, ownerId: me } }, adminRead), 'FORBIDDEN', /^Only an admin may reassign the owner of a dashboard, with an ADMIN-scoped token\.$/);
      expectOk('edit with ADMIN', await api.request(AccessUpdateDashboardDocument, { input: { id, name: 'Renamed' } }));
      expectOk('reassign with ADMIN', await api.request(PrivacyReassignDashboardDocument, { input: { dashboardId: id, ownerId: me } }));
    });
  });
});
