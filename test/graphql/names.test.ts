import { startTestApi, TestApi } from '../support/api';
import { DIALECTS } from '../support/databases';
import { aConversation, NAMED_REFS, REFS_BY_ID } from '../support/fixtures';
import { ConversationInput, IngestDocument, NamesCreateReportDocument, NamesShownDocument } from './generated/operations';

/**
 * Names are never wiped (issue 9): a reference by id alone keeps the stored name in every report
 * label and on every conversation; a new id given without a name shows as its id until a name
 * arrives. Ingested over HTTP with an admin token, as a client app pushes conversations.
 */

const NEW_BY_ID = { inbox: { id: 'sales' }, assignee: { id: 'u-9' }, team: { id: 't-2' }, chatflow: { id: 'cf-3' } };
const NEW_NAMED = {
  inbox: { id: 'sales', name: 'Sales' },
  assignee: { id: 'u-9', name: 'Grace Hopper', email: 'grace@example.com' },
  team: { id: 't-2', name: 'Tier 2' },
  chatflow: { id: 'cf-3', name: 'Demo booking' },
};

const conversation = (id: string, refs: object): ConversationInput => aConversation({ id, ...refs }) as unknown as ConversationInput;

describe.each(DIALECTS)('names over HTTP on %s', (dialect) => {
  let api: TestApi;
  const reports = {} as Record<'assignee' | 'inbox' | 'team' | 'chatflow', string>;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    for (const dimension of ['assignee', 'inbox', 'team', 'chatflow'] as const) {
      const created = await api.request(NamesCreateReportDocument, { input: { name: `By ${dimension}`, chartType: 'BAR', dimensions: [dimension] } });
      expect(created.errors).toBeUndefined();
      reports[dimension] = created.data!.createReport.id;
    }
  });
  afterAll(() => api?.close());

  const ingest = async (...input: ConversationInput[]) => {
    const response = await api.request(IngestDocument, { input });
    expect(response.errors).toBeUndefined();
    return response.data!.ingestConversations;
  };

  /** Every label of the four reports, and the names each conversation shows, by id. */
  const shown = async () => {
    const response = await api.request(NamesShownDocument, reports);
    expect(response.errors).toBeUndefined();
    const data = response.data!;
    const labels = (rows: typeof data.assignee.rows) => Object.fromEntries(rows.map((r) => [r.dimensionValues[0].value, r.dimensionValues[0].label]));
    return {
      labels: { assignee: labels(data.assignee.rows), inbox: labels(data.inbox.rows), team: labels(data.team.rows), chatflow: labels(data.chatflow.rows) },
      conversations: Object.fromEntries(
        data.conversations.nodes.map((c) => [c.externalId, [c.inbox.name, c.assignee?.name, c.assignee?.email, c.team?.name, c.chatflow?.name]]),
      ),
    };
  };

  it('keeps every name given by id alone, shows a new id until it is named, and clears an email only when told', async () => {
    expect(await ingest(conversation('c-1', NAMED_REFS))).toEqual({ imported: 1, updated: 0, unchanged: 0, rejected: [] });
    const named = ['Support', 'Ada Lovelace', 'ada@example.com', 'Tier 1', 'Pricing bot'];

    // The same conversation and a new one, both by id alone: nothing is renamed.
    expect(await ingest(conversation('c-1', REFS_BY_ID), conversation('c-2', REFS_BY_ID))).toEqual({ imported: 1, updated: 1, unchanged: 0, rejected: [] });
    expect(await shown()).toEqual({
      labels: { assignee: { 'u-7': 'Ada Lovelace' }, inbox: { support: 'Support' }, team: { 't-1': 'Tier 1' }, chatflow: { 'cf-1': 'Pricing bot' } },
      conversations: { 'c-1': named, 'c-2': named },
    });
    // Idempotent: the same call again is unchanged.
    expect(await ingest(conversation('c-1', REFS_BY_ID), conversation('c-2', REFS_BY_ID))).toEqual({ imported: 0, updated: 0, unchanged: 2, rejected: [] });

    // New ids without names show as their ids...
    await ingest(conversation('c-3', NEW_BY_ID));
    const before = await shown();
    expect(before.labels).toEqual({
      assignee: { 'u-7': 'Ada Lovelace', 'u-9': 'u-9' },
      inbox: { support: 'Support', sales: 'sales' },
      team: { 't-1': 'Tier 1', 't-2': 't-2' },
      chatflow: { 'cf-1': 'Pricing bot', 'cf-3': 'cf-3' },
    });
    expect(before.conversations['c-3']).toEqual(['sales', 'u-9', null, 't-2', 'cf-3']);

    // ... until a name arrives, on another conversation: then every conversation shows it.
    await ingest(conversation('c-4', NEW_NAMED));
    const after = await shown();
    expect(after.labels).toEqual({
      assignee: { 'u-7': 'Ada Lovelace', 'u-9': 'Grace Hopper' },
      inbox: { support: 'Support', sales: 'Sales' },
      team: { 't-1': 'Tier 1', 't-2': 'Tier 2' },
      chatflow: { 'cf-1': 'Pricing bot', 'cf-3': 'Demo booking' },
    });
    const graceNamed = ['Sales', 'Grace Hopper', 'grace@example.com', 'Tier 2', 'Demo booking'];
    expect([after.conversations['c-3'], after.conversations['c-4']]).toEqual([graceNamed, graceNamed]);

    // An explicit null clears the email; the name stays.
    await ingest(conversation('c-5', { ...REFS_BY_ID, assignee: { id: 'u-7', email: null } }));
    expect((await shown()).conversations['c-1']).toEqual(['Support', 'Ada Lovelace', null, 'Tier 1', 'Pricing bot']);
  });
});
