import { errorCodes, startTestApi, TestApi } from '../support/api';
import { DIALECTS } from '../support/databases';
import { aConversation } from '../support/fixtures';
import { ConversationInput, CreateReportDocument, CreateReportInput, DrilldownDocument, IngestDocument, RunReportDocument, RunReportInput } from './generated/operations';

/**
 * The date range selects conversations by the report's date property; a time dimension on the
 * other date property only groups them, by its own local date, inside the range or not, and
 * conversations without that date (open ones have no closedAt) form the no-value group. So a
 * break-down never changes a report's total, and every point drills down to its count.
 */

const email = (id: string, createdAt: string, closedAt: string | null) =>
  aConversation({ id, channel: 'EMAIL', createdAt, status: closedAt ? 'CLOSED' : 'OPEN', ...(closedAt ? { closedAt } : {}) }) as unknown as ConversationInput;

/** Closed in the weekend of 7–8 March 2026 (UTC) or created in it; the ISO weeks start on 2026-01-05, 02-16, 03-02 and 03-09. */
const CONVERSATIONS = [
  email('a', '2026-03-03T10:00:00Z', '2026-03-07T09:00:00Z'),
  email('b', '2026-02-20T10:00:00Z', '2026-03-08T12:00:00Z'),
  email('c', '2026-01-05T00:00:00Z', '2026-03-07T23:59:59.999Z'),
  email('d', '2026-03-07T08:00:00Z', '2026-03-09T00:00:00Z'),
  email('e', '2026-03-08T10:00:00Z', null),
  email('f', '2026-03-07T11:00:00Z', '2026-03-07T12:00:00Z'),
];

const WEEKEND = { from: '2026-03-07', to: '2026-03-08' };

describe.each(DIALECTS)('time dimensions on %s', (dialect) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi(dialect, { plan: 'PROFESSIONAL', timezone: 'UTC' });
    const { data } = await api.request(IngestDocument, { input: CONVERSATIONS });
    expect(data?.ingestConversations.rejected).toEqual([]);
  });

  afterAll(() => api?.close());

  async function save(input: Partial<CreateReportInput>): Promise<string> {
    const { data, errors } = await api.request(CreateReportDocument, { input: { name: 'Emails', chartType: 'TABLE', channel: 'EMAIL', measures: ['count'], ...input } });
    expect(errors).toBeUndefined();
    return data!.createReport.id;
  }

  async function rows(run: RunReportInput): Promise<[(string | null)[], string[], (number | null)[]][]> {
    const { data, errors } = await api.request(RunReportDocument, { input: run });
    expect(errors).toBeUndefined();
    return data!.runReport.rows.map((r) => [r.dimensionValues.map((v) => v.value), r.dimensionValues.map((v) => v.label), r.measureValues]);
  }

  async function drill(run: RunReportInput, point: (string | null)[]) {
    const response = await api.request(DrilldownDocument, { input: { run, point, first: 50 } });
    return { codes: errorCodes(response), totalCount: response.data?.drilldown.totalCount, ids: response.data?.drilldown.nodes.map((n) => n.externalId).sort() };
  }

  it('groups conversations selected by closedAt by the week they were created, also before the range', async () => {
    const run = { reportId: await save({ dimensions: ['createdAt'], granularity: 'WEEK', dateProperty: 'closedAt', dateRange: WEEKEND }) };
    expect(await rows(run)).toEqual([
      [['2026-01-05'], ['2026-01-05'], [1]],
      [['2026-02-16'], ['2026-02-16'], [1]],
      [['2026-03-02'], ['2026-03-02'], [2]],
    ]);
    // The total is the report's without a break-down: the four closed that weekend.
    expect(await rows({ reportId: await save({ dateProperty: 'closedAt', dateRange: WEEKEND }) })).toEqual([[[], [], [4]]]);
    expect(await drill(run, ['2026-01-05'])).toEqual({ codes: [], totalCount: 1, ids: ['c'] });
    expect(await drill(run, ['2026-03-02'])).toEqual({ codes: [], totalCount: 2, ids: ['a', 'f'] });
    // A bucket outside the range that holds nothing is a point of this report with no conversations.
    expect(await drill(run, ['2026-02-23'])).toEqual({ codes: [], totalCount: 0, ids: [] });
    expect((await drill(run, ['2026-03-04'])).codes).toEqual(['BAD_USER_INPUT']);
  });

  it('groups conversations selected by createdAt by the week they were closed, open ones as no value, last', async () => {
    const run = { reportId: await save({ dimensions: ['closedAt'], granularity: 'WEEK', dateProperty: 'createdAt', dateRange: WEEKEND }) };
    expect(await rows(run)).toEqual([
      [['2026-03-02'], ['2026-03-02'], [1]],
      [['2026-03-09'], ['2026-03-09'], [1]],
      [[null], ['(No value)'], [1]],
    ]);
    expect(await drill(run, [null])).toEqual({ codes: [], totalCount: 1, ids: ['e'] });
    expect(await drill(run, ['2026-03-09'])).toEqual({ codes: [], totalCount: 1, ids: ['d'] });
  });

  it('lists the empty buckets of the range on the other date property, and no others', async () => {
    const run = { reportId: await save({ dimensions: ['closedAt'], granularity: 'DAY', dateProperty: 'createdAt', dateRange: { from: '2026-03-03', to: '2026-03-05' } }) };
    // Created on the 3rd, closed on the 7th: the range's days are listed, empty or not; the 6th, outside it and empty, is not.
    expect(await rows(run)).toEqual([
      [['2026-03-03'], ['2026-03-03'], [0]],
      [['2026-03-04'], ['2026-03-04'], [0]],
      [['2026-03-05'], ['2026-03-05'], [0]],
      [['2026-03-07'], ['2026-03-07'], [1]],
    ]);
  });

  it('spans all time by each date property\'s own first and last date', async () => {
    const byClosedMonth = { reportId: await save({ dimensions: ['closedAt'], granularity: 'MONTH' }) };
    expect(await rows(byClosedMonth)).toEqual([
      [['2026-03-01'], ['2026-03-01'], [5]],
      [[null], ['(No value)'], [1]],
    ]);
    // Created × closed: the x-axis lists every month from the first to the last creation, for each series.
    const crossed = { reportId: await save({ dimensions: ['createdAt', 'closedAt'], granularity: 'MONTH' }) };
    expect(await rows(crossed)).toEqual([
      [['2026-01-01', '2026-03-01'], ['2026-01-01', '2026-03-01'], [1]],
      [['2026-01-01', null], ['2026-01-01', '(No value)'], [0]],
      [['2026-02-01', '2026-03-01'], ['2026-02-01', '2026-03-01'], [1]],
      [['2026-02-01', null], ['2026-02-01', '(No value)'], [0]],
      [['2026-03-01', '2026-03-01'], ['2026-03-01', '2026-03-01'], [3]],
      [['2026-03-01', null], ['2026-03-01', '(No value)'], [1]],
    ]);
    expect(await drill(crossed, ['2026-03-01', null])).toEqual({ codes: [], totalCount: 1, ids: ['e'] });
    expect(await drill(crossed, ['2026-03-01', '2026-03-01'])).toEqual({ codes: [], totalCount: 3, ids: ['a', 'd', 'f'] });
  });

  it('keeps a report by closedAt over nothing but open conversations empty, and one by createdAt as the no-value group', async () => {
    const openOnly = [{ property: 'status', operator: 'EQ' as const, values: ['OPEN'] }];
    expect(await rows({ reportId: await save({ dimensions: ['createdAt'], granularity: 'WEEK', dateProperty: 'closedAt', filters: openOnly }) })).toEqual([]);
    expect(await rows({ reportId: await save({ dimensions: ['closedAt'], granularity: 'WEEK', dateProperty: 'createdAt', filters: openOnly }) })).toEqual([[[null], ['(No value)'], [1]]]);
  });

  // Last: it adds a conversation.
  it('refuses more buckets than a report may have when the other date property spans them', async () => {
    const { data } = await api.request(IngestDocument, { input: [email('z', '2014-01-01T10:00:00Z', '2026-03-08T10:00:00Z')] });
    expect(data?.ingestConversations.rejected).toEqual([]);
    const run = { reportId: await save({ dimensions: ['createdAt'], granularity: 'DAY', dateProperty: 'closedAt', dateRange: WEEKEND }) };
    const response = await api.request(RunReportDocument, { input: run });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0].message).toBe("granularity: DAY buckets over 2014-01-01..2026-03-08 exceed 3700; the selected conversations' createdAt spans them; choose a coarser granularity");
    expect(await rows({ ...run, granularity: 'YEAR' })).toEqual([
      [['2014-01-01'], ['2014-01-01'], [1]],
      [['2026-01-01'], ['2026-01-01'], [4]],
    ]);
  });
});
