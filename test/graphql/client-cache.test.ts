import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { errorCodes, startTestApi, TestApi } from '../support/api';
import { DIALECTS } from '../support/databases';
import { aConversation as aRecord } from '../support/fixtures';
import {
  ConversationInput,
  IngestDocument,
  RelayConversationsDocument,
  RelayDrilldownDocument,
  RelayPropertyValuesDocument,
  TeamIdsDocument,
} from './generated/operations';

const aConversation = (overrides: Record<string, unknown> = {}) => aRecord(overrides) as unknown as ConversationInput;

/** Seven conversations of u-7 (newest first: c-7 … c-1) and one of u-8, all in March 2026. */
const CONVERSATIONS = [
  ...Array.from({ length: 7 }, (_, i) =>
    aConversation({ id: `c-${i + 1}`, subject: `Subject ${i + 1}`, team: { id: 't-1', name: 'Tier 1' }, chatflow: { id: 'cf-2', name: 'Bot' }, createdAt: `2026-03-0${i + 1}T09:00:00Z` }),
  ),
  aConversation({ id: 'c-8', assignee: { id: 'u-8', name: 'Grace Hopper' }, createdAt: '2026-03-08T09:00:00Z' }),
];

const DRILL = { run: { definitionId: 'chat-volume-by-assignee', dateRange: { from: '2026-03-01', to: '2026-03-31' } }, point: ['u-7'] };

/** Apollo Client as a web app would set it up against this API: connections merged page by page. */
function apolloClient(api: TestApi, token = api.token) {
  return new ApolloClient({
    link: new HttpLink({ uri: api.url, headers: { authorization: `Bearer ${token}` } }),
    cache: new InMemoryCache({
      typePolicies: {
        Query: {
          fields: {
            drilldown: relayStylePagination(['input']),
            conversations: relayStylePagination(['filters']),
          },
        },
      },
    }),
  });
}

describe.each(DIALECTS)('client caches on %s', (dialect) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const ingested = await api.request(IngestDocument, { input: CONVERSATIONS });
    expect(ingested.data?.ingestConversations).toMatchObject({ imported: 8, rejected: [] });
  });

  afterAll(() => api.close());

  it('merges drill-down pages with relayStylePagination', async () => {
    const client = apolloClient(api);
    const first = await client.query({ query: RelayDrilldownDocument, variables: { input: DRILL, first: 3 } });
    expect(first.data?.drilldown.edges.map((e) => e.node.externalId)).toEqual(['c-7', 'c-6', 'c-5']);
    let pageInfo = first.data!.drilldown.pageInfo;
    const pages = [pageInfo];
    while (pageInfo.hasNextPage && pages.length < 5) {
      // What fetchMore does: the same field, asked after the last cursor (cache-first would answer from the cache).
      const next = await client.query({ query: RelayDrilldownDocument, variables: { input: DRILL, first: 3, after: pageInfo.endCursor }, fetchPolicy: 'network-only' });
      pageInfo = next.data!.drilldown.pageInfo;
      pages.push(pageInfo);
    }
    expect(pages).toHaveLength(3);

    const merged = client.readQuery({ query: RelayDrilldownDocument, variables: { input: DRILL, first: 3 } });
    expect(merged?.drilldown.edges.map((e) => e.node.externalId)).toEqual(['c-7', 'c-6', 'c-5', 'c-4', 'c-3', 'c-2', 'c-1']);
    expect(merged?.drilldown.totalCount).toBe(7);
    expect(merged?.drilldown.pageInfo).toMatchObject({ hasNextPage: false, startCursor: merged?.drilldown.edges[0].cursor, endCursor: merged?.drilldown.edges[6].cursor });

    // Another data point is another list: the input is the key, not the page arguments.
    const other = await client.query({ query: RelayDrilldownDocument, variables: { input: { ...DRILL, point: ['u-8'] }, first: 3 } });
    expect(other.data?.drilldown.edges.map((e) => e.node.externalId)).toEqual(['c-8']);
    expect(client.readQuery({ query: RelayDrilldownDocument, variables: { input: DRILL } })?.drilldown.edges).toHaveLength(7);
  });

  it('normalises conversations and what they point at, so one query updates another', async () => {
    const client = apolloClient(api);
    await client.query({ query: RelayDrilldownDocument, variables: { input: DRILL, first: 2 } });
    const cache = client.cache.extract() as Record<string, unknown>;
    const conversationKeys = Object.keys(cache).filter((key) => key.startsWith('Conversation:'));
    expect(conversationKeys).toHaveLength(2);
    // One Agent, Inbox, Team and Chatflow entry shared by both conversations.
    for (const type of ['Agent', 'Inbox', 'Team', 'Chatflow']) expect(Object.keys(cache).filter((key) => key.startsWith(`${type}:`))).toHaveLength(1);

    // The subject changes on the server; a different query reads it, and the drill-down shows it.
    await api.request(IngestDocument, { input: [{ ...CONVERSATIONS[6], subject: 'Renamed' }] });
    const list = await client.query({ query: RelayConversationsDocument, variables: { first: 2 }, fetchPolicy: 'network-only' });
    expect(list.data?.conversations.edges.map((e) => e.node.externalId)).toEqual(['c-8', 'c-7']);
    const drill = client.readQuery({ query: RelayDrilldownDocument, variables: { input: DRILL, first: 2 } });
    expect(drill?.drilldown.edges[0].node).toMatchObject({ externalId: 'c-7', subject: 'Renamed' });
    await api.request(IngestDocument, { input: [CONVERSATIONS[6]] });
  });

  it('gives ids that are stable, unique per type and account, and opaque to other accounts', async () => {
    const read = async (token = api.token) => (await api.request(RelayDrilldownDocument, { input: DRILL, first: 1 }, token)).data!.drilldown.edges[0].node;
    const once = await read();
    expect(await read()).toEqual(once);
    const ids = [once.id, once.assignee?.id, once.inbox.id, once.team?.id, once.chatflow?.id];
    expect(new Set(ids).size).toBe(5);
    const teams = (await api.request(TeamIdsDocument)).data!.teams;
    expect(teams).toEqual([{ id: once.team?.id, externalId: 't-1' }]);

    // The same external ids in another account are other objects with other ids.
    const other = await api.otherAccount();
    await api.request(IngestDocument, { input: CONVERSATIONS }, other.token);
    const theirs = await read(other.token);
    expect(theirs.externalId).toBe(once.externalId);
    for (const key of ['id', 'assignee', 'inbox', 'team', 'chatflow'] as const) expect(theirs[key]).not.toEqual(once[key]);
  });

  it('pages by edges, with start cursors and previous-page flags', async () => {
    const page1 = (await api.request(RelayConversationsDocument, { first: 2 })).data!.conversations;
    expect(page1.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: page1.edges[0].cursor, endCursor: page1.edges[1].cursor });
    // Any edge's cursor pages on after that conversation.
    const fromFirst = (await api.request(RelayConversationsDocument, { first: 2, after: page1.edges[0].cursor })).data!.conversations;
    expect(fromFirst.edges[0].node.externalId).toBe(page1.edges[1].node.externalId);
    expect(fromFirst.pageInfo.hasPreviousPage).toBe(true);

    const empty = (await api.request(RelayConversationsDocument, { first: 2, filters: [{ property: 'subject', operator: 'EQ', values: ['nothing'] }] })).data!.conversations;
    expect(empty).toEqual({ pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, edges: [] });

    const values = (await api.request(RelayPropertyValuesDocument, { key: 'status', first: 1 })).data!.propertyValues;
    expect(values.edges.map((e) => e.node)).toEqual(values.nodes);
    const rest = (await api.request(RelayPropertyValuesDocument, { key: 'status', first: 1, after: values.edges[0].cursor })).data!.propertyValues;
    expect(rest.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false, startCursor: rest.edges[0].cursor });
    expect(rest.nodes).toHaveLength(1);
    expect(rest.nodes[0]).not.toEqual(values.nodes[0]);
  });

  it('takes a drill-down page beside the input or in it, not both', async () => {
    const both = await api.request(RelayDrilldownDocument, { input: { ...DRILL, first: 2 }, first: 2 });
    expect(errorCodes(both)).toEqual(['BAD_USER_INPUT']);
    expect(both.errors?.[0].message).toMatch(/first/);
    const inInput = await api.request(RelayDrilldownDocument, { input: { ...DRILL, first: 2 } });
    const beside = await api.request(RelayDrilldownDocument, { input: DRILL, first: 2 });
    expect(inInput.data).toEqual(beside.data);
  });
});
