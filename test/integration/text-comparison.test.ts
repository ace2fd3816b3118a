import { ConversationIdsDocument, ConversationInput, IngestDocument, RunReportDocument } from '../graphql/generated/operations';
import { startTestApi, TestApi } from '../support/api';
import { DIALECTS } from '../support/databases';
import { aConversation } from '../support/fixtures';

/** Text compares the same on both stores: exactly for groups and EQ, Unicode-case-blind for CONTAINS. */
describe.each(DIALECTS)('text comparison on %s', (dialect) => {
  let api: TestApi;
  const chat = (id: string, overrides: Record<string, unknown>) => aConversation({ id, ...overrides }) as unknown as ConversationInput;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const ingest = await api.request(IngestDocument, {
      input: [
        chat('t-1', { pageUrl: 'https://example.com/p', subject: 'ÉCOLE enrolment', properties: { 'Customer tier': 'gold' } }),
        chat('t-2', { pageUrl: 'https://example.com/p ', subject: 'école', properties: { 'Customer tier': 'gold ' } }),
        chat('t-3', { pageUrl: 'https://example.com/P', subject: 'Ecole' }),
      ],
    });
    expect(ingest.data?.ingestConversations.rejected).toEqual([]);
  });

  afterAll(() => api.close());

  it('groups values that differ by a trailing space or by case apart', async () => {
    const { data } = await api.request(RunReportDocument, { input: { definitionId: 'chat-volume-by-page-url' } });
    expect(data?.runReport.rows.map((r) => [r.dimensionValues[0].value, r.measureValues[0]])).toEqual([
      ['https://example.com/P', 1],
      ['https://example.com/p', 1],
      ['https://example.com/p ', 1],
    ]);
  });

  it('matches EQ exactly and CONTAINS without regard to case, accented letters included', async () => {
    const ids = async (property: string, operator: 'EQ' | 'CONTAINS' | 'STARTS_WITH', value: string) => {
      const { data, errors } = await api.request(ConversationIdsDocument, { filters: [{ property, operator, values: [value] }] });
      expect(errors).toBeUndefined();
      return data!.conversations.nodes.map((n) => n.externalId).sort();
    };
    expect(await ids('pageUrl', 'EQ', 'https://example.com/p')).toEqual(['t-1']);
    expect(await ids('subject', 'CONTAINS', 'école')).toEqual(['t-1', 't-2']);
    expect(await ids('subject', 'STARTS_WITH', 'Éc')).toEqual(['t-1', 't-2']);
    expect(await ids('properties.Customer tier', 'EQ', 'gold')).toEqual(['t-1']);
  });
});
