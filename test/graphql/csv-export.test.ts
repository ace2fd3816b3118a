import { errorCodes, startTestApi, TestApi } from '../support/api';
import { DIALECTS } from '../support/databases';
import { aConversation as aRecord } from '../support/fixtures';
import { AuthCreateApiTokenDocument, AuthViewerDocument, ConversationInput, CreateReportDocument, ExportRunDocument, IngestDocument } from './generated/operations';

const aConversation = (overrides: Record<string, unknown> = {}) => aRecord(overrides) as unknown as ConversationInput;
const DAY = 86_400_000;

/** A conversation `daysAgo` before now whose first response took `responseMs`. */
function answered(id: string, daysAgo: number, responseMs: number, overrides: Record<string, unknown> = {}): ConversationInput {
  const created = new Date(Date.now() - daysAgo * DAY);
  return aConversation({
    id,
    createdAt: created.toISOString(),
    messages: [
      { id: 'm1', from: 'VISITOR', sentAt: created.toISOString() },
      { id: 'm2', from: 'AGENT', agentId: 'u-7', sentAt: new Date(created.getTime() + responseMs).toISOString() },
    ],
    ...overrides,
  });
}

const GRACE = { assignee: { id: 'u-8', name: 'Grace Hopper' }, inbox: { id: 'sales', name: 'Sales' } };

/** Ada: three chats two days ago (1.001 s, 1.001 s, 1.002 s) and an email; Grace: a chat 40 days ago (2 s). */
const CONVERSATIONS = [
  answered('c-1', 2, 1001),
  answered('c-2', 2, 1001),
  answered('c-3', 2, 1002),
  answered('e-1', 2, 5000, { channel: 'EMAIL' }),
  answered('c-4', 40, 2000, GRACE),
];

interface Answer {
  status: number;
  type: string | null;
  body: string;
  retryAfter: string | null;
}

async function get(api: TestApi, path: string, token: string | null = api.token): Promise<Answer> {
  const response = await fetch(new URL(path, api.url), { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text(), retryAfter: response.headers.get('retry-after') };
}

function expectError(answer: Answer, status: number, code: string, message?: RegExp): void {
  expect({ status: answer.status, type: answer.type }).toEqual({ status, type: 'application/json; charset=utf-8' });
  const { errors } = JSON.parse(answer.body) as { errors: { message: string; extensions: { code: string } }[] };
  expect(errors.map((e) => e.extensions.code)).toEqual([code]);
  if (message) expect(errors[0].message).toMatch(message);
}

const CRLF = (...lines: string[]) => lines.map((l) => `${l}\r\n`).join('');

describe.each(DIALECTS)('CSV export over HTTP on %s', (dialect) => {
  let api: TestApi;
  let savedId: string;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    expect((await api.request(IngestDocument, { input: CONVERSATIONS })).data?.ingestConversations).toMatchObject({ imported: 5, rejected: [] });
    const created = await api.request(CreateReportDocument, { input: { name: 'Volume, both channels', chartType: 'TABLE', dimensions: ['assignee'], measures: ['count'] } });
    savedId = created.data!.createReport.id;
  });

  afterAll(() => api.close());

  it('exports a catalog report with an id and a label column per dimension, measures rounded to milliseconds', async () => {
    const answer = await get(api, '/export/reports/chat-response-time-by-assignee.csv');
    expect(answer).toMatchObject({ status: 200, type: 'text/csv; charset=utf-8' });
    expect(answer.body).toBe(CRLF('Assignee id,Assignee,Average first response time (seconds)', 'u-8,Grace Hopper,2', 'u-7,Ada Lovelace,1.001'));

    // The same run over GraphQL: the raw average, and the csv field rounded the same way.
    const run = await api.request(ExportRunDocument, { input: { definitionId: 'chat-response-time-by-assignee' } });
    expect(run.data?.runReport.rows.map((r) => [r.dimensionValues[0].value, r.measureValues[0]])).toEqual([
      ['u-8', 2],
      ['u-7', expect.closeTo(1.0013333, 6)],
    ]);
    expect(run.data?.runReport.csv).toBe(CRLF('Assignee,Average first response time (seconds)', 'Grace Hopper,2', 'Ada Lovelace,1.001'));
  });

  it('takes the run\'s date range, preset, time zone, channel and filters as query parameters', async () => {
    const path = (query: string) => `/export/reports/chat-volume-by-assignee.csv?${query}`;
    expect((await get(api, path('preset=LAST_30_DAYS&timezone=UTC'))).body).toBe(CRLF('Assignee id,Assignee,Conversations', 'u-7,Ada Lovelace,3'));
    expect((await get(api, path('from=2020-01-01&to=2020-12-31&timezone=Europe%2FAmsterdam'))).body).toBe(CRLF('Assignee id,Assignee,Conversations'));

    const saved = (query = '') => get(api, `/export/saved-reports/${savedId}.csv${query}`);
    expect((await saved()).body).toBe(CRLF('Assignee id,Assignee,Conversations', 'u-7,Ada Lovelace,4', 'u-8,Grace Hopper,1'));
    expect((await saved('?channel=EMAIL')).body).toBe(CRLF('Assignee id,Assignee,Conversations', 'u-7,Ada Lovelace,1'));
    const filters = encodeURIComponent(JSON.stringify([{ property: 'inbox', operator: 'IN', values: ['sales'] }]));
    expect((await saved(`?filters=${filters}`)).body).toBe(CRLF('Assignee id,Assignee,Conversations', 'u-8,Grace Hopper,1'));
  });

  it('answers errors as JSON with the usual codes and HTTP statuses', async () => {
    const chat = '/export/reports/chat-volume-by-assignee.csv';
    expectError(await get(api, chat, null), 401, 'UNAUTHENTICATED');
    expectError(await get(api, chat, 'tl_not-a-token'), 401, 'UNAUTHENTICATED');
    expectError(await get(api, '/export/reports/no-such-report.csv'), 404, 'NOT_FOUND', /no-such-report/);
    expectError(await get(api, '/export/saved-reports/00000000-0000-0000-0000-000000000000.csv'), 404, 'NOT_FOUND');
    expectError(await get(api, `${chat}?from=2026-13-01&to=2026-12-31`), 400, 'BAD_USER_INPUT', /^dateRange\.from/);
    expectError(await get(api, `${chat}?from=2026-01-01`), 400, 'BAD_USER_INPUT', /^dateRange\.to: is required/);
    expectError(await get(api, `${chat}?preset=LAST_30_DAYS&from=2026-01-01&to=2026-01-02`), 400, 'BAD_USER_INPUT', /not both/);
    expectError(await get(api, `${chat}?preset=SOMEDAY`), 400, 'BAD_USER_INPUT', /^preset: must be one of TODAY/);
    expectError(await get(api, `${chat}?timezone=Mars%2FOlympus`), 400, 'BAD_USER_INPUT', /^timezone/);
    expectError(await get(api, `${chat}?timezone=UTC&timezone=UTC`), 400, 'BAD_USER_INPUT', /^timezone: must be given once/);
    expectError(await get(api, `${chat}?dateRange=x`), 400, 'BAD_USER_INPUT', /^dateRange: is not a parameter/);
    expectError(await get(api, `${chat}?channel=SMS`), 400, 'BAD_USER_INPUT', /^channel/);
    expectError(await get(api, `${chat}?filters=nope`), 400, 'BAD_USER_INPUT', /^filters: .*not JSON/);
    expectError(await get(api, `${chat}?filters=${encodeURIComponent('[{"property":"inbox","operator":"LIKE","values":["x"]}]')}`), 400, 'BAD_USER_INPUT', /^filters\[0\]\.operator/);
    expectError(await get(api, `${chat}?filters=${encodeURIComponent('[{"property":"nope","operator":"EQ","values":["x"]}]')}`), 400, 'BAD_USER_INPUT', /nope/);

    // Scopes as in GraphQL: an ingest-only token may not read reports.
    const { email } = (await api.request(AuthViewerDocument, {})).data!.viewer;
    const ingest = await api.request(AuthCreateApiTokenDocument, { input: { email, scope: 'INGEST' } });
    expectError(await get(api, chat, ingest.data!.createApiToken.token), 403, 'FORBIDDEN', /INGEST/);
  });

  it('never shows another account\'s saved report, nor a private one of another user', async () => {
    const other = await api.otherAccount();
    expectError(await get(api, `/export/saved-reports/${savedId}.csv`, other.token), 404, 'NOT_FOUND');
    const privateOne = await api.request(CreateReportDocument, { input: { fromDefinitionId: 'chat-volume-by-assignee', name: 'Mine', privacy: 'PRIVATE' } });
    const member = await api.userToken('MEMBER');
    const denied = await get(api, `/export/saved-reports/${privateOne.data!.createReport.id}.csv`, member);
    expect([403, 404]).toContain(denied.status);
    expect(denied.body).not.toMatch(/Ada|Grace/);
  });

  it('neutralises cells a spreadsheet would run as a formula, ids and names alike, and leaves numbers alone', async () => {
    const imported = [answered('x-1', 400, 1000, { assignee: { id: '+cmd', name: '=HYPERLINK("http://evil.example","ok")' } }), answered('x-2', 400, 1000, { assignee: { id: '-1', name: '@SUM(A1)' } })];
    expect((await api.request(IngestDocument, { input: imported })).data?.ingestConversations).toMatchObject({ imported: 2, rejected: [] });
    const day = new Date(Date.now() - 400 * DAY).toISOString().slice(0, 10);
    const answer = await get(api, `/export/reports/chat-volume-by-assignee.csv?from=${day}&to=${day}&timezone=UTC`);
    expect(answer.body).toBe(CRLF('Assignee id,Assignee,Conversations', '\'+cmd,"\'=HYPERLINK(""http://evil.example"",""ok"")",1', '-1,\'@SUM(A1),1'));
  });

  it('counts against the same per-token rate limit as GraphQL requests', async () => {
    const limited = await startTestApi(dialect, {}, {}, { rateLimits: { enabled: true, requestsPerWindow: 3, authFailuresPerWindow: 100, windowSeconds: 3600 } });
    try {
      expect((await limited.request(AuthViewerDocument, {})).status).toBe(200);
      expect((await get(limited, '/export/reports/chat-volume-by-assignee.csv')).status).toBe(200);
      expect((await get(limited, '/export/reports/chat-volume-by-assignee.csv')).status).toBe(200);
      const refused = await get(limited, '/export/reports/chat-volume-by-assignee.csv');
      expectError(refused, 429, 'RATE_LIMITED');
      expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(errorCodes(await limited.request(AuthViewerDocument, {}))).toEqual(['RATE_LIMITED']);
    } finally {
      await limited.close();
    }
  });
});
