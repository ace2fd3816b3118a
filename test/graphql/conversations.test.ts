import { findTokenBySecret, revokeToken } from '../../src/auth/api-tokens';
import { ConversationIdsDocument, ConversationsDocument, IngestDocument, ViewerDocument } from './generated/operations';
import { startTestApi, errorCodes, TestApi } from '../support/api';
import { DIALECTS } from '../support/databases';
import { aConversation as aRecord } from '../support/fixtures';
import { ConversationInput } from './generated/operations';

/** The fixture, typed as the GraphQL input it is sent as. */
const aConversation = (overrides: Record<string, unknown> = {}) => aRecord(overrides) as unknown as ConversationInput;

describe.each(DIALECTS)('conversations over HTTP on %s', (dialect) => {
  let api: TestApi;
  let queries: string[] = [];

  beforeAll(async () => {
    api = await startTestApi(dialect, { timezone: 'Europe/Amsterdam' }, { onQuery: (sql) => queries.push(sql) });
    const ingest = await api.request(IngestDocument, {
      input: [
        aConversation({
          id: 'c-1',
          team: { id: 't-1', name: 'Tier 1' },
          chatflow: { id: 'cf-2', name: 'Pricing bot' },
          pageUrl: 'https://example.com/pricing',
          status: 'CLOSED',
          createdAt: '2026-03-01T09:15:00Z',
          closedAt: '2026-03-01T10:02:10.250Z',
          subject: 'Question about plans',
          contact: { email: 'visitor@example.org', name: 'Vera Visitor' },
          // Out of order, with a bot message that must not count as the response.
          messages: [
            { id: 'm3', from: 'AGENT', agentId: 'u-7', sentAt: '2026-03-01T09:17:30Z' },
            { id: 'm1', from: 'VISITOR', sentAt: '2026-03-01T09:15:00Z' },
            { id: 'm2', from: 'BOT', sentAt: '2026-03-01T09:15:02Z' },
          ],
          properties: { priority: 'high', score: 4.5, vip: true },
        }),
        aConversation({ id: 'c-2', channel: 'EMAIL', assignee: null, createdAt: '2026-03-02T23:30:00+01:00', messages: [{ from: 'VISITOR', sentAt: '2026-03-02T23:30:00+01:00' }], properties: { priority: 'low' } }),
        aConversation({ id: 'c-3', status: 'CLOSED', createdAt: '2026-03-03T08:00:00Z', closedAt: '2026-03-03T08:30:00Z' }),
        aConversation({ id: 'c-4', createdAt: '2026-03-03T08:00:00Z', assignee: { id: 'u-8', name: 'Grace Hopper' } }),
        aConversation({ id: 'c-5', createdAt: '2026-03-04T12:00:00Z', pageUrl: "x'); DROP TABLE conversations; --" }),
        aConversation({ id: 'c-bad', status: 'CLOSED' }),
      ],
    });
    expect(ingest.data?.ingestConversations).toEqual({
      imported: 5,
      updated: 0,
      unchanged: 0,
      rejected: [{ index: 5, error: 'closedAt: is required when status is CLOSED' }],
    });
  });

  afterAll(() => api.close());

  beforeEach(() => {
    queries = [];
  });

  it('refuses requests without a valid token', async () => {
    const missing = await api.request(ViewerDocument, {}, null);
    expect(errorCodes(missing)).toEqual(['UNAUTHENTICATED']);
    expect(missing.data ?? null).toBeNull();
    expect(errorCodes(await api.request(ViewerDocument, {}, 'tl_not-a-real-token'))).toEqual(['UNAUTHENTICATED']);

    const token = await api.userToken();
    expect((await api.request(ViewerDocument, {}, token)).data?.viewer.role).toBe('MEMBER');
    const { id } = (await findTokenBySecret(api.db, token))!;
    expect(await revokeToken(api.db, id)).toMatchObject({ id, revokedAt: expect.any(Date) });
    const revoked = await api.request(ViewerDocument, {}, token);
    expect(errorCodes(revoked)).toEqual(['UNAUTHENTICATED']);
    expect(revoked.status).toBe(401);
  });

  it('tells who is calling', async () => {
    const { data } = await api.request(ViewerDocument);
    expect(data?.viewer).toEqual({
      userId: expect.any(String),
      email: expect.stringMatching(/@example\.com$/),
      role: 'ADMIN',
      account: { id: String(api.account.id), name: 'Acme Support', plan: 'PROFESSIONAL', reportingAddon: false, timezone: 'Europe/Amsterdam' },
    });
  });

  it('returns stored conversations with derived durations and related objects', async () => {
    const { data, errors } = await api.request(ConversationsDocument, { filters: [{ property: 'subject', operator: 'IS_KNOWN' }] });
    expect(errors).toBeUndefined();
    expect(data?.conversations.totalCount).toBe(1);
    expect(data?.conversations.nodes).toEqual([
      {
        externalId: 'c-1',
        channel: 'CHAT',
        status: 'CLOSED',
        createdAt: '2026-03-01T09:15:00.000Z',
        closedAt: '2026-03-01T10:02:10.250Z',
        firstResponseSeconds: 150,
        timeToCloseSeconds: 2830.25,
        subject: 'Question about plans',
        pageUrl: 'https://example.com/pricing',
        messageCount: 3,
        contact: { email: 'visitor@example.org', name: 'Vera Visitor' },
        assignee: { externalId: 'u-7', name: 'Ada Lovelace', email: 'ada@example.com' },
        inbox: { externalId: 'support', name: 'Support' },
        team: { externalId: 't-1', name: 'Tier 1' },
        chatflow: { externalId: 'cf-2', name: 'Pricing bot' },
        properties: [
          { name: 'priority', value: 'high' },
          { name: 'score', value: '4.5' },
          { name: 'vip', value: 'true' },
        ],
      },
    ]);
  });

  it('pages newest first with stable cursors, ties broken by id', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const response: Awaited<ReturnType<typeof api.request<import('./generated/operations').ConversationIdsQuery, object>>> = await api.request(ConversationIdsDocument, { first: 2, after });
      const connection = response.data!.conversations;
      seen.push(...connection.nodes.map((n) => n.externalId));
      expect(connection.pageInfo.hasNextPage).toBe(page < 2);
      after = connection.pageInfo.endCursor ?? null;
      if (!connection.pageInfo.hasNextPage) break;
    }
    expect(seen).toEqual(['c-5', 'c-4', 'c-3', 'c-2', 'c-1']);
  });

  it('rejects bad page arguments with BAD_USER_INPUT naming the argument', async () => {
    const tooMany = await api.request(ConversationIdsDocument, { first: 501 });
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
    expect(tooMany.errors?.[0].message).toBe('first: must be between 1 and 500, got 501');
    expect(errorCodes(await api.request(ConversationIdsDocument, { first: 0 }))).toEqual(['BAD_USER_INPUT']);
    const cursor = await api.request(ConversationIdsDocument, { after: 'garbage' });
    expect(cursor.errors?.[0].message).toMatch(/^after: /);
    expect(errorCodes(cursor)).toEqual(['BAD_USER_INPUT']);
  });

  it('filters with AND, comparing external ids, keeping unassigned as no value', async () => {
    const ids = async (filters: { property: string; operator: never; values?: string[] }[]) => {
      const { data, errors } = await api.request(ConversationsDocument, { filters });
      expect(errors).toBeUndefined();
      return data!.conversations.nodes.map((n) => n.externalId);
    };
    const f = (property: string, operator: string, values?: string[]) => ({ property, operator: operator as never, values });
    expect(await ids([f('assignee', 'EQ', ['u-7'])])).toEqual(['c-5', 'c-3', 'c-1']);
    expect(await ids([f('assignee', 'IS_UNKNOWN')])).toEqual(['c-2']);
    expect(await ids([f('assignee', 'NEQ', ['u-7'])])).toEqual(['c-4', 'c-2']);
    expect(await ids([f('channel', 'EQ', ['CHAT']), f('status', 'EQ', ['CLOSED'])])).toEqual(['c-3', 'c-1']);
    expect(await ids([f('properties.priority', 'IN', ['high', 'low'])])).toEqual(['c-2', 'c-1']);
    // c-2 was created 2026-03-02 23:30 in Amsterdam (22:30 UTC): the local day, not the UTC one, counts.
    expect(await ids([f('createdAt', 'EQ', ['2026-03-02'])])).toEqual(['c-2']);
    const utc = await api.request(ConversationsDocument, { filters: [f('createdAt', 'EQ', ['2026-03-02'])], timezone: 'UTC' });
    expect(utc.data!.conversations.nodes.map((n) => n.externalId)).toEqual(['c-2']);
    const tokyo = await api.request(ConversationsDocument, { filters: [f('createdAt', 'EQ', ['2026-03-02'])], timezone: 'Asia/Tokyo' });
    expect(tokyo.data!.conversations.nodes.map((n) => n.externalId)).toEqual([]);
  });

  it('treats SQL in values as data and unknown properties as BAD_USER_INPUT', async () => {
    const injected = await api.request(ConversationsDocument, { filters: [{ property: 'pageUrl', operator: 'EQ', values: ["x'); DROP TABLE conversations; --"] }] });
    expect(injected.data?.conversations.nodes.map((n) => n.externalId)).toEqual(['c-5']);
    const byName = await api.request(ConversationsDocument, { filters: [{ property: 'subject; DROP TABLE conversations', operator: 'EQ', values: ['x'] }] });
    expect(errorCodes(byName)).toEqual(['BAD_USER_INPUT']);
    expect(byName.errors?.[0].message).toMatch(/^filters\[0\]\.property: unknown property/);
    const operator = await api.request(ConversationsDocument, { filters: [{ property: 'subject', operator: 'GT', values: ['x'] }] });
    expect(operator.errors?.[0].message).toMatch(/^filters\[0\]\.operator: GT is not allowed for subject/);
    const zone = await api.request(ConversationsDocument, { timezone: 'Mars/Olympus' });
    expect(zone.errors?.[0].message).toMatch(/^timezone: /);
    expect((await api.request(ConversationIdsDocument, {})).data?.conversations.nodes).toHaveLength(5);
  });

  it('re-ingesting is idempotent and an update replaces the conversation', async () => {
    const same = aConversation({ id: 'c-4', createdAt: '2026-03-03T08:00:00Z', assignee: { id: 'u-8', name: 'Grace Hopper' } });
    expect((await api.request(IngestDocument, { input: [same] })).data?.ingestConversations).toEqual({ imported: 0, updated: 0, unchanged: 1, rejected: [] });
    const renamed: ConversationInput = { ...same, assignee: { id: 'u-8', name: 'Grace B. Hopper' }, status: 'CLOSED', closedAt: '2026-03-03T09:00:00Z' };
    expect((await api.request(IngestDocument, { input: [renamed] })).data?.ingestConversations).toMatchObject({ imported: 0, updated: 1 });
    const { data } = await api.request(ConversationsDocument, { filters: [{ property: 'assignee', operator: 'EQ', values: ['u-8'] }] });
    expect(data?.conversations.nodes.map((n) => [n.externalId, n.status, n.timeToCloseSeconds, n.assignee?.name])).toEqual([['c-4', 'CLOSED', 3600, 'Grace B. Hopper']]);
  });

  it('rejects a bad object by its index and stores the others, as import does with lines', async () => {
    const { id: _id, createdAt: _createdAt, ...noIdNoCreatedAt } = aConversation({ id: 'x' });
    const response = await api.request(IngestDocument, {
      input: [aConversation({ id: 'ing-ok' }), aConversation({ id: 'ing-sms', channel: 'SMS' }), noIdNoCreatedAt as ConversationInput, aConversation({ id: 'ing-from', messages: [{ from: 'ROBOT', sentAt: '2026-03-01T09:15:00Z' }] })],
    });
    expect(response.data?.ingestConversations).toEqual({
      imported: 1,
      updated: 0,
      unchanged: 0,
      rejected: [
        { index: 1, error: 'channel: must be one of CHAT, EMAIL, not "SMS"' },
        { index: 2, error: 'id: is required' },
        { index: 3, error: 'messages[0].from: must be one of VISITOR, AGENT, BOT, not "ROBOT"' },
      ],
    });
    const stored = await api.request(ConversationIdsDocument, { filters: [{ property: 'subject', operator: 'IS_UNKNOWN' }, { property: 'createdAt', operator: 'EQ', values: ['2026-03-01'] }] });
    expect(stored.data?.conversations.nodes.map((n) => n.externalId)).toContain('ing-ok');
    expect(stored.data?.conversations.nodes.map((n) => n.externalId)).not.toContain('ing-sms');
  });

  it('keeps accounts apart', async () => {
    const other = await api.otherAccount();
    const empty = await api.request(ConversationIdsDocument, {}, other.token);
    expect(empty.data?.conversations.nodes).toEqual([]);
    await api.request(IngestDocument, { input: [aConversation({ id: 'c-1', subject: 'Other account' })] }, other.token);
    const mine = await api.request(ConversationsDocument, { filters: [{ property: 'subject', operator: 'IS_KNOWN' }] });
    expect(mine.data?.conversations.nodes.map((n) => n.subject)).toEqual(['Question about plans']);
  });

  it('loads related objects in one query per kind, whatever the page size (no N+1)', async () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      aConversation({ id: `bulk-${i}`, createdAt: `2025-01-01T00:${String(i).padStart(2, '0')}:00Z`, assignee: { id: `u-b${i % 7}`, name: `Agent ${i % 7}` }, team: { id: `t-b${i % 3}`, name: 'T' }, properties: { n: i } }),
    );
    expect((await api.request(IngestDocument, { input: many })).data?.ingestConversations.imported).toBe(60);
    const countFor = async (first: number) => {
      queries = [];
      const { data } = await api.request(ConversationsDocument, { first, filters: [{ property: 'createdAt', operator: 'LT', values: ['2025-12-31'] }] });
      expect(data?.conversations.nodes).toHaveLength(first);
      // A token's last use is written at most once a minute, and the token is looked up only until
      // the server holds it, whichever requests those fall on: neither is counted.
      return queries.filter((sql) => !/^UPDATE api_tokens SET last_used_at|FROM api_tokens t\b/.test(sql)).length;
    };
    const small = await countFor(3);
    expect(await countFor(50)).toBe(small);
    // custom properties, page, count, then one per related kind (assignee, inbox, team, properties; no chatflow on page)
    expect(small).toBeLessThanOrEqual(8);
  });
});
