import { ConversationIdsDocument, ConversationInput, DrilldownDocument, IngestDocument, RunReportDocument } from './generated/operations';
import { GraphQLResponse, startTestApi, TestApi } from '../support/api';
import { DIALECTS } from '../support/databases';
import { aConversation } from '../support/fixtures';

const encode = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/**
 * Cursors come back from clients, so anything may arrive. Each of these once answered
 * INTERNAL_SERVER_ERROR ("Instant out of range") or could reach the database as a bad value.
 */
const FORGED_CURSORS: [string, string][] = [
  ['an instant past year 9999', encode([1e15, 'c1'])],
  ['an instant before year 1000', encode([-1e15, 'c1'])],
  ['an instant beyond what a Date holds', encode([8.64e15 + 1, 'c1'])],
  ['a fraction of a millisecond', encode([1772445600000.5, 'c1'])],
  ['a number too large for JSON', encode('[1e999, "c1"]')],
  ['a string for the instant', encode(['2026-03-02', 'c1'])],
  ['a number for the id', encode([1772445600000, 7])],
  ['null for the instant', encode([null, 'c1'])],
  ['one element', encode([1772445600000])],
  ['three elements', encode([1772445600000, 'c1', 'x'])],
  ['an object', encode({ createdAt: 1772445600000, externalId: 'c1' })],
  ['a bare number', encode(5)],
  ['an id longer than any id', encode([1772445600000, 'x'.repeat(192)])],
  ['not base64 at all', '!!!***@@@'],
  ['valid base64 of garbage', Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x5b]).toString('base64url')],
  ['megabytes of base64', 'A'.repeat(3_000_000)],
];

function refusal(response: GraphQLResponse<unknown>) {
  return response.errors?.map((e) => [e.extensions?.code, e.extensions?.field, e.message]);
}

describe.each(DIALECTS)('forged input on %s', (dialect) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi(dialect, { timezone: 'UTC' });
    const input = [
      aConversation({ id: 'c1', channel: 'EMAIL', createdAt: '2026-03-02T10:00:00Z' }),
      aConversation({ id: 'c2', channel: 'EMAIL', createdAt: '2026-03-03T10:00:00Z' }),
      aConversation({ id: 'c3', channel: 'EMAIL', createdAt: '2026-03-04T10:00:00Z' }),
    ] as unknown as ConversationInput[];
    expect((await api.request(IngestDocument, { input })).data?.ingestConversations.imported).toBe(3);
  });

  afterAll(() => api.close());

  it('pages on with a cursor the API gave', async () => {
    const first = await api.request(ConversationIdsDocument, { first: 1 });
    const next = await api.request(ConversationIdsDocument, { first: 5, after: first.data?.conversations.pageInfo.endCursor });
    expect(next.data?.conversations.nodes.map((n) => n.externalId)).toEqual(['c2', 'c1']);
    const drill = await api.request(DrilldownDocument, { input: { run: { definitionId: 'email-volume-by-assignee' }, point: ['u-7'], first: 2 } });
    const rest = await api.request(DrilldownDocument, { input: { run: { definitionId: 'email-volume-by-assignee' }, point: ['u-7'], first: 2, after: drill.data?.drilldown.pageInfo.endCursor } });
    expect(rest.data?.drilldown.nodes.map((n) => n.externalId)).toEqual(['c1']);
  });

  it.each(FORGED_CURSORS)('refuses a conversations cursor holding %s as BAD_USER_INPUT naming `after`', async (_, after) => {
    const response = await api.request(ConversationIdsDocument, { after });
    expect(refusal(response)).toEqual([['BAD_USER_INPUT', 'after', 'after: is not a cursor returned by this API (use pageInfo.endCursor)']]);
  });

  it.each(FORGED_CURSORS)('refuses a drill-down cursor holding %s as BAD_USER_INPUT naming `after`', async (_, after) => {
    const response = await api.request(DrilldownDocument, { input: { run: { definitionId: 'email-volume-by-assignee' }, point: ['u-7'], after } });
    expect(refusal(response)).toEqual([['BAD_USER_INPUT', 'after', 'after: is not a cursor returned by this API (use pageInfo.endCursor)']]);
  });

  it('refuses a drill-down point that is no time bucket of the report, also when the report has none', async () => {
    const drill = (point: (string | null)[], dateRange?: { from: string; to: string }) =>
      api.request(DrilldownDocument, { input: { run: { definitionId: 'email-volume-over-time', granularity: 'DAY', dateRange }, point } });
    const notBucket = (value: string | null) => [['BAD_USER_INPUT', 'point[0]', `point[0]: ${JSON.stringify(value)} is not a time bucket of this report (the first day of a bucket, YYYY-MM-DD)`]];
    for (const value of ['not-a-date', '2026-13-45', '99999-01-01', '2026-03-02T00:00:00Z', '', null]) {
      expect([value, refusal(await drill([value]))]).toEqual([value, notBucket(value)]);
    }
    expect((await drill(['2026-03-02'])).data?.drilldown.totalCount).toBe(1);
    // A range without conversations has buckets; all time over an empty account has none at all.
    expect(refusal(await drill(['2026-03-02'], { from: '2027-01-01', to: '2027-01-31' }))).toEqual(notBucket('2026-03-02'));
    const { account, token } = await api.otherAccount();
    expect(account.id).not.toBe(api.account.id);
    const empty = await api.request(DrilldownDocument, { input: { run: { definitionId: 'email-volume-over-time' }, point: ['2026-03-02'] } }, token);
    expect(refusal(empty)).toEqual(notBucket('2026-03-02'));
    expect(refusal(await drill(['2026-03-02', 'x']))).toEqual([['BAD_USER_INPUT', 'point', 'point: must hold one value per dimension (createdAt): expected 1, got 2']]);
  });

  it('refuses date and duration filter values outside what both stores hold', async () => {
    const filter = (property: string, operator: 'GT' | 'LT' | 'EQ', value: string) => api.request(ConversationIdsDocument, { filters: [{ property, operator, values: [value] }] });
    const neither = (value: string) => [['BAD_USER_INPUT', 'filters[0].values[0]', `filters[0].values[0]: ${JSON.stringify(value)} is neither a date (YYYY-MM-DD) nor an ISO 8601 timestamp with an offset`]];
    for (const value of ['99999-01-01', '+099999-01-01T00:00:00Z', '0000-01-01T00:00:00Z', '1899-12-31T23:59:59Z']) {
      expect([value, refusal(await filter('createdAt', 'GT', value))]).toEqual([value, neither(value)]);
    }
    expect(refusal(await filter('closedAt', 'LT', '0999-12-31'))).toEqual([['BAD_USER_INPUT', 'filters[0].values[0]', 'filters[0].values[0]: 0999-12-31 is outside the dates reports cover (1900-01-01 to 9998-12-31)']]);
    expect(refusal(await filter('createdAt', 'GT', '9999-12-31'))).toEqual([['BAD_USER_INPUT', 'filters[0].values[0]', 'filters[0].values[0]: 9999-12-31 is outside the dates reports cover (1900-01-01 to 9998-12-31)']]);
    // The edges themselves are fine.
    expect((await filter('createdAt', 'GT', '9998-12-31')).errors).toBeUndefined();
    expect((await filter('createdAt', 'EQ', '9999-12-31T23:59:59+00:00')).errors).toBeUndefined();
    expect((await filter('createdAt', 'GT', '1900-01-01T00:00:00+14:00')).data?.conversations.nodes).toHaveLength(3);
    // 1e308 seconds is Infinity milliseconds: MariaDB cannot be sent it.
    for (const value of ['1e308', '-1e308']) {
      expect(refusal(await filter('firstResponseSeconds', 'GT', value))).toEqual([['BAD_USER_INPUT', 'filters[0].values[0]', `filters[0].values[0]: must be a number of seconds between -1e305 and 1e305, not "${value}"`]]);
    }
    expect((await filter('firstResponseSeconds', 'GT', '1e300')).errors).toBeUndefined();
  });

  it('refuses report date ranges outside what reports cover, and runs their edges in any time zone', async () => {
    const run = (definitionId: string, from: string, to: string, timezone: string) => api.request(RunReportDocument, { input: { definitionId, granularity: 'DAY', dateRange: { from, to }, timezone } });
    expect(refusal(await run('email-volume-by-assignee', '0001-01-01', '2026-01-01', 'UTC'))).toEqual([['BAD_USER_INPUT', 'dateRange.from', 'dateRange.from: 0001-01-01 is outside the dates reports cover (1900-01-01 to 9998-12-31)']]);
    for (const timezone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      const all = await run('email-volume-by-assignee', '1900-01-01', '9998-12-31', timezone);
      const first = await run('email-volume-over-time', '1900-01-01', '1900-01-31', timezone);
      const last = await run('email-volume-over-time', '9998-12-01', '9998-12-31', timezone);
      expect([timezone, all.data?.runReport.rows.map((r) => r.measureValues), first.data?.runReport.rows.length, last.data?.runReport.rows.length]).toEqual([timezone, [[3]], 31, 31]);
    }
  });
});
