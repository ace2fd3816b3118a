import { errorCodes, startTestApi, TestApi } from '../support/api';
import { DIALECTS } from '../support/databases';
import { aConversation } from '../support/fixtures';
import { ConversationInput, IngestDocument, RunReportComparedDocument, RunReportInput } from './generated/operations';

/**
 * Period comparison through the API. The run is 2026-03-02..2026-03-15 (two whole weeks, UTC); the
 * previous period the 14 days before it, 2026-02-16..2026-03-01; the previous year
 * 2025-03-02..2025-03-15, which starts on a Sunday and so has three (partial) weeks.
 *   run        c1 03-03 u-1   c2 03-04 u-1   c3 03-10 u-2
 *   previous   p1 02-17 u-1   p2 02-25 u-2   p3 02-26 u-2   p4 03-01 u-3
 *   year       y1 2025-03-05 u-1
 * Each is a chat and, with an `e` in front of its id, an email.
 */
const DATES: [string, string, string][] = [
  ['c1', '2026-03-03', 'u-1'], ['c2', '2026-03-04', 'u-1'], ['c3', '2026-03-10', 'u-2'],
  ['p1', '2026-02-17', 'u-1'], ['p2', '2026-02-25', 'u-2'], ['p3', '2026-02-26', 'u-2'], ['p4', '2026-03-01', 'u-3'],
  ['y1', '2025-03-05', 'u-1'],
];
const CONVERSATIONS = DATES.flatMap(([id, day, assignee]) =>
  (['CHAT', 'EMAIL'] as const).map((channel) => {
    const createdAt = `${day}T10:00:00Z`;
    return aConversation({
      id: channel === 'EMAIL' ? `e${id}` : id, channel, createdAt, assignee: { id: assignee, name: assignee },
      messages: [{ id: 'm1', from: 'VISITOR', sentAt: createdAt }],
    }) as unknown as ConversationInput;
  }),
);

const RUN = { from: '2026-03-02', to: '2026-03-15' };

describe.each(DIALECTS)('period comparison on %s', (dialect) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi(dialect, { plan: 'PROFESSIONAL', timezone: 'UTC' });
    const { data } = await api.request(IngestDocument, { input: CONVERSATIONS });
    expect(data?.ingestConversations.rejected).toEqual([]);
  });

  afterAll(() => api?.close());

  async function compared(input: RunReportInput) {
    const { data, errors } = await api.request(RunReportComparedDocument, { input });
    expect(errors).toBeUndefined();
    return {
      range: data!.runReport.comparisonRange,
      rows: data!.runReport.rows.map((r) => [r.dimensionValues[0].value, r.measureValues[0], r.comparisonValues?.[0], r.changes?.[0], r.changePercents?.[0]]),
    };
  }

  it('compares each group with the same group in the previous period; a group only there is no row', async () => {
    expect(await compared({ definitionId: 'chat-volume-by-assignee', dateRange: RUN, compareTo: 'PREVIOUS_PERIOD' })).toEqual({
      range: { from: '2026-02-16', to: '2026-03-01' },
      rows: [
        ['u-1', 2, 1, 1, 100],
        ['u-2', 1, 2, -1, -50],
      ],
    });
  });

  it('matches time buckets by position: week 1 with week 1', async () => {
    expect(await compared({ definitionId: 'email-volume-over-time', dateRange: RUN, compareTo: 'PREVIOUS_PERIOD' })).toEqual({
      range: { from: '2026-02-16', to: '2026-03-01' },
      rows: [
        ['2026-03-02', 2, 1, 1, 100], // ep1 in the week of 02-16
        ['2026-03-09', 1, 3, -2, (-2 / 3) * 100], // ep2 ep3 ep4 in the week of 02-23
      ],
    });
  });

  it('compares with the previous year, whose partial first week is the first bucket; a change from 0 has no percentage', async () => {
    expect(await compared({ definitionId: 'email-volume-over-time', dateRange: RUN, compareTo: 'PREVIOUS_YEAR' })).toEqual({
      range: { from: '2025-03-02', to: '2025-03-15' },
      rows: [
        ['2026-03-02', 2, 0, 2, null], // 2025-02-24's week holds only 2025-03-02, a Sunday without email
        ['2026-03-09', 1, 1, 0, 0], // ey1 in the week of 2025-03-03
      ],
    });
  });

  it('compares a bucket past the comparison range\'s last one with nothing', async () => {
    // 2026-03-01 (a Sunday) to 03-09 has three weeks; the 9 days before it, 02-20 to 02-28, two.
    expect(await compared({ definitionId: 'email-volume-over-time', dateRange: { from: '2026-03-01', to: '2026-03-09' }, compareTo: 'PREVIOUS_PERIOD' })).toEqual({
      range: { from: '2026-02-20', to: '2026-02-28' },
      rows: [
        ['2026-02-23', 1, 0, 1, null], // ep4 against 02-20..02-22 of the week of 02-16
        ['2026-03-02', 2, 2, 0, 0], // ec1 ec2 against ep2 ep3
        ['2026-03-09', 0, null, null, null],
      ],
    });
  });

  it('gives no comparison without compareTo, and refuses one over all time', async () => {
    const plain = await compared({ definitionId: 'chat-volume-by-assignee', dateRange: RUN });
    expect(plain).toEqual({ range: null, rows: [['u-1', 2, undefined, undefined, undefined], ['u-2', 1, undefined, undefined, undefined]] });
    const response = await api.request(RunReportComparedDocument, { input: { definitionId: 'chat-volume-by-assignee', compareTo: 'PREVIOUS_YEAR' } });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0].extensions?.field).toBe('compareTo');
  });
});
