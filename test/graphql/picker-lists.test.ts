import { createUser } from '../../src/auth/users';
import { ingestReportFixture } from '../fixtures/report-helpers';
import { BILLING, DOCS_URL, MAIN_TIMEZONE, PRICING_URL, SALES, SUPPORT, WEBSITE } from '../fixtures/reports-fixture';
import { AccountRulesDocument, PropertyValuesDocument, PropertyValuesQueryVariables, ReportMeasuresDocument, TeamsDocument } from '../graphql/generated/operations';
import { errorCodes, ok, startTestApi, TestApi } from '../support/api';
import { DIALECTS } from '../support/databases';

/**
 * What the web app's pickers list: the values of a property with labels and counts (hand-counted
 * from test/fixtures/reports-fixture.ts: 14 chats, 20 emails), the measures, the teams, and
 * whether the plan allows editing.
 */
describe.each(DIALECTS)('picker lists on %s', (dialect) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi(dialect, { timezone: MAIN_TIMEZONE });
    await ingestReportFixture(api);
  });

  afterAll(() => api.close());

  const values = async (variables: PropertyValuesQueryVariables, token?: string) => ok(await api.request(PropertyValuesDocument, variables, token)).propertyValues;
  const value = (v: string, label: string, count: number) => ({ value: v, label, count });

  it('lists assignees by name with their conversations, most first, never another account\'s', async () => {
    // Ada: ch-01 02 08 11, em-01 02 08 11 14 18; Grace: ch-03 06 10 14, em-03 06 07 12 16; Alan: ch-07 09 13, em-09 10 15 19 20.
    expect(await values({ key: 'assignee' })).toEqual({
      totalCount: 3,
      pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
      nodes: [value('u-ada', 'Ada Lovelace', 10), value('u-grace', 'Grace Hopper', 9), value('u-alan', 'Alan Turing', 8)],
    });
  });

  it('pages through inboxes and searches their names and ids, ignoring case', async () => {
    const first = await values({ key: 'inbox', first: 2 });
    expect(first).toEqual({ totalCount: 4, pageInfo: { hasNextPage: true, endCursor: expect.any(String) }, nodes: [value(WEBSITE.id, WEBSITE.name, 14), value(SUPPORT.id, SUPPORT.name, 9)] });
    const second = await values({ key: 'inbox', first: 2, after: first.pageInfo.endCursor });
    expect(second).toEqual({ totalCount: 4, pageInfo: { hasNextPage: false, endCursor: expect.any(String) }, nodes: [value(BILLING.id, BILLING.name, 6), value(SALES.id, SALES.name, 5)] });
    expect((await values({ key: 'inbox', search: 'S' })).nodes).toEqual([value(WEBSITE.id, WEBSITE.name, 14), value(SUPPORT.id, SUPPORT.name, 9), value(SALES.id, SALES.name, 5)]);
    expect((await values({ key: 'inbox', search: 'BILL' })).nodes).toEqual([value(BILLING.id, BILLING.name, 6)]);
    // `%` and `_` are letters here, not wildcards.
    expect(await values({ key: 'inbox', search: '%' })).toMatchObject({ totalCount: 0, nodes: [] });
  });

  it('orders a tie by label: both chatflows started five chats', async () => {
    expect((await values({ key: 'chatflow' })).nodes).toEqual([value('cf-pricing', 'Pricing bot', 5), value('cf-welcome', 'Welcome bot', 5)]);
  });

  it('lists page URLs and custom values as they were imported, case kept apart', async () => {
    expect((await values({ key: 'pageUrl' })).nodes).toEqual([value(PRICING_URL, PRICING_URL, 7), value(DOCS_URL, DOCS_URL, 4)]);
    // high: ch-01 em-01 em-10; low: ch-03 ch-11 em-05; urgent: ch-06 em-07; High: ch-07.
    expect((await values({ key: 'properties.priority' })).nodes).toEqual([value('high', 'high', 3), value('low', 'low', 3), value('urgent', 'urgent', 2), value('High', 'High', 1)]);
    expect((await values({ key: 'properties.priority', search: 'HIGH' })).nodes).toEqual([value('high', 'high', 3), value('High', 'High', 1)]);
  });

  it('lists every value of an enum with its label, those no conversation has too', async () => {
    expect((await values({ key: 'status' })).nodes).toEqual([value('OPEN', 'Open', 19), value('CLOSED', 'Closed', 15)]);
    expect((await values({ key: 'channel', search: 'mail' })).nodes).toEqual([value('EMAIL', 'Email', 20)]);
    const ranges = await values({ key: 'firstResponseRange', first: 3 });
    expect(ranges.totalCount).toBe(7);
    expect(ranges.pageInfo.hasNextPage).toBe(true);
  });

  it('lists teams by name for sharing, also those no conversation points at', async () => {
    await api.userToken('MEMBER', 'Tier 2');
    await api.userToken('MEMBER', 'Billing crew');
    const other = await api.otherAccount();
    await createUser(api.db, other.account, { email: 'someone@other.example', team: 'Tier 2' });
    expect(ok(await api.request(TeamsDocument)).teams).toEqual([
      { externalId: 'team-billing-crew', name: 'Billing crew' },
      { externalId: 'team-tier-2', name: 'Tier 2' },
    ]);
    expect((await values({ key: 'team' })).nodes).toEqual([value('team-billing-crew', 'Billing crew', 0), value('team-tier-2', 'Tier 2', 0)]);
    expect(ok(await api.request(TeamsDocument, {}, other.token)).teams).toEqual([{ externalId: 'team-tier-2', name: 'Tier 2' }]);
  });

  it('refuses what has no list, unknown keys, bad pages and forged cursors, naming the field', async () => {
    const refused = async (variables: PropertyValuesQueryVariables) => {
      const response = await api.request(PropertyValuesDocument, variables);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      return response.errors![0].message;
    };
    expect(await refused({ key: 'createdAt' })).toMatch(/^key: createdAt is a DATETIME property/);
    expect(await refused({ key: 'firstResponseSeconds' })).toMatch(/^key: .*DURATION/);
    expect(await refused({ key: 'properties.nope' })).toMatch(/^key: unknown property/);
    expect(await refused({ key: 'assignee', first: 0 })).toMatch(/^first:/);
    expect(await refused({ key: 'assignee', first: 501 })).toMatch(/^first:/);
    expect(await refused({ key: 'assignee', after: 'not-a-cursor' })).toMatch(/^after:/);
    const inboxCursor = (await values({ key: 'inbox', first: 1 })).pageInfo.endCursor;
    expect(await refused({ key: 'assignee', after: inboxCursor })).toMatch(/^after:/);
  });

  it('counts toward the request budget like a conversations page', async () => {
    const aliases = Array.from({ length: 41 }, (_, i) => `v${i}: propertyValues(key: "inbox") { totalCount }`).join('\n');
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}` },
      body: JSON.stringify({ query: `{ ${aliases} }` }),
    });
    const body = (await response.json()) as { errors: { extensions: { code: string; cost: number } }[] };
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', cost: 41 });
  });

  it('lists every measure a report can show, with its label and unit', async () => {
    expect(ok(await api.request(ReportMeasuresDocument)).reportMeasures).toEqual([
      { key: 'count', label: 'Conversations', unit: 'COUNT' },
      { key: 'closedCount', label: 'Closed conversations', unit: 'COUNT' },
      { key: 'openCount', label: 'Open conversations', unit: 'COUNT' },
      { key: 'avgFirstResponseSeconds', label: 'Average first response time', unit: 'SECONDS' },
      { key: 'avgTimeToCloseSeconds', label: 'Average time to close', unit: 'SECONDS' },
      { key: 'medianFirstResponseSeconds', label: 'Median first response time', unit: 'SECONDS' },
      { key: 'p90FirstResponseSeconds', label: '90th percentile first response time', unit: 'SECONDS' },
      { key: 'medianTimeToCloseSeconds', label: 'Median time to close', unit: 'SECONDS' },
      { key: 'p90TimeToCloseSeconds', label: '90th percentile time to close', unit: 'SECONDS' },
    ]);
  });

  it('says whether the plan allows editing reports, and what it needs when not', async () => {
    const rules = async (token: string) => ok(await api.request(AccountRulesDocument, {}, token)).viewer.account;
    expect(await rules(api.token)).toEqual({ plan: 'PROFESSIONAL', reportingAddon: false, canEditReports: true, reportEditingRequires: null });
    expect(await rules((await api.otherAccount({ plan: 'STARTER', reportingAddon: true })).token)).toEqual({ plan: 'STARTER', reportingAddon: true, canEditReports: true, reportEditingRequires: null });
    expect(await rules((await api.otherAccount({ plan: 'FREE' })).token)).toEqual({
      plan: 'FREE',
      reportingAddon: false,
      canEditReports: false,
      reportEditingRequires: 'Editing reports needs the PROFESSIONAL or ENTERPRISE plan or the reporting add-on; this account is on FREE without the add-on.',
    });
  });
});
