import { reloadSettings } from '../../src/config';
import { startServer } from '../../src/server/http';
import { closeReportCache } from '../../src/reporting/cache';
import { ConversationInput } from './generated/operations';
import { startTestApi, TestApi } from '../support/api';
import { DIALECTS } from '../support/databases';
import { aConversation, MARCH_CHATS } from '../support/fixtures';

/**
 * The whole-response cache of report queries (src/server/response-cache.ts), black-box over HTTP.
 * Whether an answer came whole from it is read from `/metrics`: every such hit counts its reports
 * under `threadline_report_cache_requests_total{result="hit",tier="response"}`.
 */
const asInput = (overrides: Record<string, unknown>) => aConversation(overrides) as unknown as ConversationInput;

const MARCH = MARCH_CHATS as unknown as ConversationInput[];

interface Answer {
  status: number;
  contentType: string | null;
  serverTiming: string | null;
  text: string;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
  extensions?: { threadline?: { source?: Record<string, string>; timings?: Record<string, number> } };
}

const RUN = 'query Run($input: RunReportInput!) { runReport(input: $input) { rows { dimensionValues { value } measureValues } } }';
const INGEST = 'mutation ($input: [ConversationInput!]!) { ingestConversations(input: $input) { imported updated unchanged } }';

/** One counter per run keeps every test's runs apart from the others' cached ones. */
let runs = 0;
const freshRun = (definitionId = 'chat-volume-by-assignee') => ({
  definitionId,
  dateRange: { from: '2026-03-01', to: new Date(Date.UTC(2026, 3, 1 + ++runs)).toISOString().slice(0, 10) },
});

/** `[assignee, count]` per row of a volume-by-assignee answer. */
function counts(answer: Answer, field = 'runReport'): unknown[] {
  const rows = (answer.data?.[field] as { rows: { dimensionValues: { value: string | null }[]; measureValues: number[] }[] }).rows;
  return rows.map((r) => [r.dimensionValues[0].value, r.measureValues[0]]);
}

describe.each(DIALECTS)('whole cached responses over HTTP on %s', (dialect) => {
  let api: TestApi;

  beforeAll(async () => {
    await closeReportCache();
    api = await startTestApi(dialect, { timezone: 'UTC' });
    expect((await post(INGEST, { input: MARCH })).errors).toBeUndefined();
  });

  afterAll(async () => {
    await api.close();
    await closeReportCache();
  });

  async function post(query: string, variables: Record<string, unknown> = {}, options: { token?: string; headers?: Record<string, string>; url?: string; operationName?: string } = {}): Promise<Answer> {
    const response = await fetch(options.url ?? api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token ?? api.token}`, ...options.headers },
      body: JSON.stringify({ query, variables, ...(options.operationName ? { operationName: options.operationName } : {}) }),
    });
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type'), serverTiming: response.headers.get('server-timing'), text, ...(JSON.parse(text) as object) };
  }

  /** Reports answered by whole cached responses so far (this process's metrics). */
  async function responseHits(): Promise<number> {
    const metrics = await (await fetch(api.url.replace(/\/graphql$/, '/metrics'))).text();
    const line = metrics.split('\n').find((l) => l.startsWith('threadline_report_cache_requests_total{') && l.includes('result="hit"') && l.includes('tier="response"'));
    return line ? Number(line.split(' ').pop()) : 0;
  }

  /** Whether `request` was answered whole from the cache (and what it answered). */
  async function hit(request: () => Promise<Answer>): Promise<{ hit: boolean; answer: Answer }> {
    const before = await responseHits();
    const answer = await request();
    return { hit: (await responseHits()) > before, answer };
  }

  async function userId(token = api.token): Promise<string> {
    return ((await post('{ viewer { userId } }', {}, { token })).data?.viewer as { userId: string }).userId;
  }

  async function newToken(scope: 'READ' | 'INGEST' | 'ADMIN', forUser?: string): Promise<{ token: string; id: string }> {
    const made = await post('mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id } } }', { input: { userId: forUser ?? (await userId()), scope } });
    expect(made.errors).toBeUndefined();
    const { token, apiToken } = made.data?.createApiToken as { token: string; apiToken: { id: string } };
    return { token, id: apiToken.id };
  }

  it('answers a repeated catalog report from the stored response: the same data, source CACHE', async () => {
    const input = freshRun();
    const first = await post(RUN, { input });
    expect(first.errors).toBeUndefined();
    expect(first.extensions?.threadline?.source).toEqual({ runReport: 'ROLLUP' });
    const second = await hit(() => post(RUN, { input }));
    expect(second.hit).toBe(true);
    expect(second.answer).toMatchObject({ status: 200, data: first.data, extensions: { threadline: { source: { runReport: 'CACHE' } } } });
    expect(second.answer.contentType).toBe(first.contentType);
    expect(second.answer.text.endsWith('\n')).toBe(true);
    expect(counts(second.answer)).toEqual([['u-7', 2], ['u-8', 1]]);
  });

  it('adds the timing of a hit when asked with Threadline-Timing, and only then', async () => {
    const input = freshRun();
    await post(RUN, { input });
    const timed = await hit(() => post(RUN, { input }, { headers: { 'threadline-timing': '1' } }));
    expect(timed.hit).toBe(true);
    expect(timed.answer.extensions?.threadline).toEqual({ source: { runReport: 'CACHE' }, timings: { runReport: expect.any(Number) } });
    expect(timed.answer.serverTiming).toMatch(/^report;desc="runReport CACHE";dur=\d+(\.\d+)?$/);
    const untimed = await hit(() => post(RUN, { input }));
    expect([untimed.hit, untimed.answer.extensions?.threadline, untimed.answer.serverTiming]).toEqual([true, { source: { runReport: 'CACHE' } }, null]);
  });

  it('keys on the variables (in any key order), the query text, the operation name and the Accept header', async () => {
    const input = freshRun();
    const first = await post(RUN, { input });
    expect((await hit(() => post(RUN, { input: { dateRange: input.dateRange, definitionId: input.definitionId } }))).hit).toBe(true);
    // Another range is another answer.
    const shorter = { ...input, dateRange: { from: '2026-03-01', to: '2026-03-15' } };
    const other = await hit(() => post(RUN, { input: shorter }));
    expect(other.hit).toBe(false);
    expect(counts(other.answer)).toEqual([['u-7', 2]]);
    expect(counts(first)).toEqual([['u-7', 2], ['u-8', 1]]);
    // The same run asked with other selections, or under another operation name, is not the same response.
    const labels = 'query Run($input: RunReportInput!) { runReport(input: $input) { rows { dimensionValues { value label } } } }';
    const withLabels = await hit(() => post(labels, { input }));
    expect([withLabels.hit, (withLabels.answer.data?.runReport as { rows: unknown[] }).rows[0]]).toEqual([false, { dimensionValues: [{ value: 'u-7', label: expect.any(String) }] }]);
    const two = 'query A($input: RunReportInput!) { runReport(input: $input) { rows { measureValues } } } query B($input: RunReportInput!) { runReport(input: $input) { rows { dimensionValues { value } } } }';
    const a = await post(two, { input }, { operationName: 'A' });
    const b = await hit(() => post(two, { input }, { operationName: 'B' }));
    expect([b.hit, b.answer.data]).toEqual([false, { runReport: { rows: [{ dimensionValues: [{ value: 'u-7' }] }, { dimensionValues: [{ value: 'u-8' }] }] } }]);
    const aAgain = await hit(() => post(two, { input }, { operationName: 'A' }));
    expect([aAgain.hit, aAgain.answer.data]).toEqual([true, a.data]);
    // The content type follows what the client accepts.
    const strict = await hit(() => post(RUN, { input }, { headers: { accept: 'application/graphql-response+json' } }));
    expect([strict.hit, strict.answer.contentType]).toEqual([false, expect.stringMatching(/^application\/graphql-response\+json/)]);
    const strictAgain = await hit(() => post(RUN, { input }, { headers: { accept: 'application/graphql-response+json' } }));
    expect([strictAgain.hit, strictAgain.answer.contentType]).toEqual([true, strict.answer.contentType]);
  });

  it('refuses a revoked token on its next request, although its response is cached', async () => {
    const { token, id } = await newToken('READ');
    const input = freshRun();
    expect((await post(RUN, { input }, { token })).errors).toBeUndefined();
    expect((await hit(() => post(RUN, { input }, { token }))).hit).toBe(true);
    expect((await post('mutation ($id: ID!) { revokeApiToken(id: $id) { revokedAt } }', { id })).errors).toBeUndefined();
    const refused = await hit(() => post(RUN, { input }, { token }));
    expect([refused.hit, refused.answer.status, refused.answer.errors?.map((e) => e.extensions?.code), refused.answer.data ?? null]).toEqual([false, 401, ['UNAUTHENTICATED'], null]);
  });

  it('gives a token of the same user with a scope that may not read FORBIDDEN, not the cached response', async () => {
    const input = freshRun();
    expect((await post(RUN, { input })).errors).toBeUndefined();
    expect((await hit(() => post(RUN, { input }))).hit).toBe(true);
    const { token } = await newToken('INGEST');
    const denied = await hit(() => post(RUN, { input }, { token }));
    expect([denied.hit, denied.answer.errors?.map((e) => e.extensions?.code), denied.answer.data ?? null]).toEqual([false, ['FORBIDDEN'], null]);
  });

  it('counts cached answers against the rate limit: the request over it is refused', async () => {
    const limited = await startServer(api.db, { port: 0, host: '127.0.0.1', rateLimits: { enabled: true, requestsPerWindow: 3, authFailuresPerWindow: 100, windowSeconds: 60 } });
    try {
      const input = freshRun();
      const { token } = await newToken('READ');
      expect((await post(RUN, { input }, { token, url: limited.url })).errors).toBeUndefined();
      expect((await post(RUN, { input }, { token, url: limited.url })).extensions?.threadline?.source).toEqual({ runReport: 'CACHE' });
      expect((await post(RUN, { input }, { token, url: limited.url })).errors).toBeUndefined();
      const over = await post(RUN, { input }, { token, url: limited.url });
      expect([over.status, over.errors?.map((e) => e.extensions?.code)]).toEqual([429, ['RATE_LIMITED']]);
    } finally {
      await limited.close();
    }
  });

  it('shows an ingest\'s new conversations on the very next request', async () => {
    const input = { definitionId: 'chat-volume-by-assignee', dateRange: { from: '2026-05-01', to: '2026-05-31' } };
    expect(counts(await post(RUN, { input }))).toEqual([]);
    expect((await hit(() => post(RUN, { input }))).hit).toBe(true);
    expect((await post(INGEST, { input: [asInput({ id: 'may-1', createdAt: '2026-05-05T10:00:00Z' })] })).errors).toBeUndefined();
    const after = await hit(() => post(RUN, { input }));
    expect([after.hit, counts(after.answer)]).toEqual([false, [['u-7', 1]]]);
    expect((await hit(() => post(RUN, { input }))).hit).toBe(true);
  });

  it('never gives another account\'s or another user\'s stored response', async () => {
    const input = freshRun();
    const mine = await post(RUN, { input });
    expect(counts(mine)).toEqual([['u-7', 2], ['u-8', 1]]);
    expect((await hit(() => post(RUN, { input }))).hit).toBe(true);
    const other = await api.otherAccount({ timezone: 'UTC' });
    const theirs = await hit(() => post(RUN, { input }, { token: other.token }));
    expect([theirs.hit, counts(theirs.answer)]).toEqual([false, []]);
    const member = await api.userToken('MEMBER');
    const colleague = await hit(() => post(RUN, { input }, { token: member }));
    expect([colleague.hit, colleague.answer.data]).toEqual([false, mine.data]);
    expect((await hit(() => post(RUN, { input }, { token: member }))).hit).toBe(true);
    // A new role (which moves no data version) is a new key too.
    const promoted = await post('mutation ($input: UpdateUserInput!) { updateUser(input: $input) { role } }', { input: { id: await userId(member), role: 'ADMIN' } });
    expect(promoted.errors).toBeUndefined();
    const asAdmin = await hit(() => post(RUN, { input }, { token: member }));
    expect([asAdmin.hit, asAdmin.answer.data]).toEqual([false, mine.data]);
    // Another token of the same user, with the same scope, may share it.
    const { token } = await newToken('ADMIN');
    expect((await hit(() => post(RUN, { input }, { token }))).hit).toBe(true);
  });

  it('never holds runs of a saved report or of a dashboard: their edits show at once', async () => {
    const created = await post('mutation ($input: CreateReportInput!) { createReport(input: $input) { id } }', { input: { fromDefinitionId: 'chat-volume-by-assignee', name: 'Mine' } });
    const reportId = (created.data?.createReport as { id: string }).id;
    const saved = { reportId, dateRange: { from: '2026-03-01', to: '2026-03-31' } };
    expect(counts(await post(RUN, { input: saved }))).toEqual([['u-7', 2], ['u-8', 1]]);
    expect((await hit(() => post(RUN, { input: saved }))).hit).toBe(false);
    expect((await post('mutation ($input: UpdateReportInput!) { updateReport(input: $input) { id } }', { input: { id: reportId, filters: [{ property: 'status', operator: 'EQ', values: ['CLOSED'] }] } })).errors).toBeUndefined();
    expect(counts(await post(RUN, { input: saved }))).toEqual([['u-7', 1]]);
    // Also given as a literal, or by a variable of its own.
    const literal = `{ runReport(input: {reportId: "${reportId}", dateRange: {from: "2026-03-01", to: "2026-03-31"}}) { rows { measureValues } } }`;
    await post(literal);
    expect((await hit(() => post(literal))).hit).toBe(false);
    const byVariable = 'query ($id: ID) { runReport(input: {reportId: $id, dateRange: {from: "2026-03-01", to: "2026-03-31"}}) { rows { measureValues } } }';
    await post(byVariable, { id: reportId });
    expect((await hit(() => post(byVariable, { id: reportId }))).hit).toBe(false);

    const dashboard = await post('mutation { createDashboardFromTemplate(input: {templateId: "chat-overview", name: "Chats", privacy: PRIVATE}) { id } }');
    const dashboardId = (dashboard.data?.createDashboardFromTemplate as { id: string }).id;
    const tile = { definitionId: 'chat-volume-by-assignee', dashboardId, dateRange: { from: '2026-03-01', to: '2026-03-31' } };
    expect(counts(await post(RUN, { input: tile }))).toEqual([['u-7', 2], ['u-8', 1]]);
    expect((await hit(() => post(RUN, { input: tile }))).hit).toBe(false);
    expect((await post('mutation ($input: UpdateDashboardInput!) { updateDashboard(input: $input) { id } }', { input: { id: dashboardId, filters: [{ property: 'assignee', operator: 'EQ', values: ['u-8'] }] } })).errors).toBeUndefined();
    expect(counts(await post(RUN, { input: tile }))).toEqual([['u-8', 1]]);
  });

  it('never holds errors, partial results, operations with other root fields or mutations', async () => {
    const unknown = { definitionId: 'no-such-report' };
    expect((await post(RUN, { input: unknown })).errors).toHaveLength(1);
    expect((await hit(() => post(RUN, { input: unknown }))).answer.errors).toHaveLength(1);
    const partial = 'query ($a: RunReportInput!, $b: RunReportInput!) { a: runReport(input: $a) { rows { measureValues } } b: runReport(input: $b) { rows { measureValues } } }';
    const variables = { a: freshRun(), b: unknown };
    const first = await post(partial, variables);
    // runReport is non-null: one failing report nulls the whole answer (partial data is refused too: test/unit/server/response-cache.test.ts).
    expect([first.errors?.length, first.data]).toEqual([1, null]);
    const again = await hit(() => post(partial, variables));
    expect([again.hit, again.answer.errors?.length]).toEqual([false, 1]);
    const mixed = 'query ($input: RunReportInput!) { runReport(input: $input) { rows { measureValues } } dashboards { id } }';
    const input = freshRun();
    await post(mixed, { input });
    expect((await hit(() => post(mixed, { input }))).hit).toBe(false);
    const ingest = { input: [asInput({ id: 'june-1', createdAt: '2026-06-05T10:00:00Z' })] };
    expect((await post(INGEST, ingest)).data?.ingestConversations).toMatchObject({ imported: 1 });
    expect((await post(INGEST, ingest)).data?.ingestConversations).toMatchObject({ imported: 0, unchanged: 1 });
  });

  it('holds nothing with THREADLINE_CACHE=off', async () => {
    const saved = process.env.THREADLINE_CACHE;
    process.env.THREADLINE_CACHE = 'off';
    reloadSettings();
    await closeReportCache();
    try {
      const input = freshRun();
      expect((await post(RUN, { input })).errors).toBeUndefined();
      const again = await hit(() => post(RUN, { input }));
      expect([again.hit, again.answer.extensions?.threadline?.source]).toEqual([false, { runReport: 'ROLLUP' }]);
    } finally {
      if (saved === undefined) delete process.env.THREADLINE_CACHE;
      else process.env.THREADLINE_CACHE = saved;
      reloadSettings();
      await closeReportCache();
    }
  });

  it('holds nothing with THREADLINE_RESPONSE_CACHE_MB=0 (responseCacheBytes 0)', async () => {
    const uncached = await startServer(api.db, { port: 0, host: '127.0.0.1', responseCacheBytes: 0 });
    try {
      const input = freshRun();
      await post(RUN, { input }, { url: uncached.url });
      const again = await hit(() => post(RUN, { input }, { url: uncached.url }));
      expect([again.hit, again.answer.extensions?.threadline?.source]).toEqual([false, { runReport: 'CACHE' }]);
    } finally {
      await uncached.close();
    }
  });
});
