import { reloadSettings } from '../../src/config';
import { closeReportCache } from '../../src/reporting/cache';
import { ConversationInput, IngestDocument } from './generated/operations';
import { startTestApi, TestApi } from '../support/api';
import { DIALECTS } from '../support/databases';
import { MARCH_CHATS } from '../support/fixtures';
import { itWithRedis, redisUrl } from '../support/servers';

/**
 * `extensions.threadline.source` says where each report's answer came from (CACHE, ROLLUP, RAW),
 * keyed by the report's response path; `Threadline-Timing: 1` adds its server-side milliseconds.
 */

const MARCH = MARCH_CHATS as unknown as ConversationInput[];

interface Answer {
  status: number;
  serverTiming: string | null;
  data?: Record<string, unknown>;
  errors?: unknown[];
  extensions?: { threadline?: { source?: Record<string, string>; timings?: Record<string, number> } };
}

/** One counter per run keeps every test's runs apart in the process-wide cache. */
let runs = 0;
/** A run from March on that the cache has never seen: each ends a day later than the one before. */
const freshRun = (definitionId = 'chat-volume-by-assignee', filters: object[] = []) => ({
  definitionId,
  dateRange: { from: '2026-03-01', to: new Date(Date.UTC(2026, 3, 1 + ++runs)).toISOString().slice(0, 10) },
  filters,
});

describe.each(DIALECTS)('where an answer came from, over HTTP on %s', (dialect) => {
  let api: TestApi;

  beforeAll(async () => {
    await closeReportCache();
    api = await startTestApi(dialect, { timezone: 'UTC' });
    expect((await api.request(IngestDocument, { input: MARCH })).data?.ingestConversations).toMatchObject({ imported: 3 });
  });

  afterAll(async () => {
    await api.close();
    await closeReportCache();
  });

  async function post(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}`, ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, serverTiming: response.headers.get('server-timing'), ...((await response.json()) as object) };
  }

  const RUN = 'query ($input: RunReportInput!) { runReport(input: $input) { rows { measureValues } } }';

  it('says ROLLUP for a report the rollup answers, then CACHE for the same run', async () => {
    const input = freshRun();
    const first = await post(RUN, { input });
    expect(first.errors).toBeUndefined();
    expect(first.extensions).toEqual({ threadline: { source: { runReport: 'ROLLUP' } } });
    expect((await post(RUN, { input })).extensions).toEqual({ threadline: { source: { runReport: 'CACHE' } } });
  });

  it('says RAW for a report the rollup cannot answer (a filter on the subject) and with THREADLINE_ROLLUPS=off', async () => {
    const bySubject = freshRun('chat-volume-by-assignee', [{ property: 'subject', operator: 'IS_KNOWN' }]);
    expect((await post(RUN, { input: bySubject })).extensions?.threadline?.source).toEqual({ runReport: 'RAW' });
    const saved = process.env.THREADLINE_ROLLUPS;
    process.env.THREADLINE_ROLLUPS = 'off';
    reloadSettings();
    try {
      expect((await post(RUN, { input: freshRun() })).extensions?.threadline?.source).toEqual({ runReport: 'RAW' });
    } finally {
      if (saved === undefined) delete process.env.THREADLINE_ROLLUPS;
      else process.env.THREADLINE_ROLLUPS = saved;
      reloadSettings();
    }
  });

  it('keys several reports of one request by their response paths, aliases included', async () => {
    const cached = freshRun('email-volume-by-assignee');
    await post(RUN, { input: cached });
    const both = await post('query ($a: RunReportInput!, $b: RunReportInput!) { first: runReport(input: $a) { rows { measureValues } } second: runReport(input: $b) { rows { measureValues } } }', {
      a: cached,
      b: freshRun('chat-volume-by-chatflow'),
    });
    expect(both.errors).toBeUndefined();
    expect(both.extensions).toEqual({ threadline: { source: { first: 'CACHE', second: 'ROLLUP' } } });
  });

  it('adds server-side milliseconds per report when asked with Threadline-Timing: 1, and only then', async () => {
    const input = freshRun();
    const untimed = await post(RUN, { input });
    expect([untimed.extensions?.threadline?.timings, untimed.serverTiming]).toEqual([undefined, null]);
    const timed = await post(RUN, { input }, { 'threadline-timing': '1' });
    expect(timed.extensions?.threadline).toEqual({ source: { runReport: 'CACHE' }, timings: { runReport: expect.any(Number) } });
    expect(timed.extensions?.threadline?.timings?.runReport).toBeGreaterThanOrEqual(0);
    expect(timed.serverTiming).toMatch(/^report;desc="runReport CACHE";dur=\d+(\.\d+)?$/);
  });

  it('reports each report of a dashboard under its item path', async () => {
    const created = await post('mutation { createDashboardFromTemplate(input: {templateId: "email-overview", name: "Mail", privacy: PRIVATE}) { id } }');
    const id = (created.data?.createDashboardFromTemplate as { id: string }).id;
    const shown = await post('query ($id: ID!) { dashboard(id: $id) { reports { result { rows { measureValues } } } } }', { id }, { 'threadline-timing': 'true' });
    expect(shown.errors).toBeUndefined();
    const sources = shown.extensions?.threadline?.source ?? {};
    expect(Object.keys(sources).sort()).toEqual([0, 1, 2, 3, 4, 5].map((i) => `dashboard.reports.${i}.result`));
    expect(Object.values(sources).every((s) => ['ROLLUP', 'RAW', 'CACHE'].includes(s))).toBe(true);
    expect(Object.keys(shown.extensions?.threadline?.timings ?? {}).sort()).toEqual(Object.keys(sources).sort());
    const again = await post('query ($id: ID!) { dashboard(id: $id) { reports { result { rows { measureValues } } } } }', { id });
    expect(new Set(Object.values(again.extensions?.threadline?.source ?? {}))).toEqual(new Set(['CACHE']));
  });

  it('adds nothing to a response that ran no report', async () => {
    const plain = await post('{ __typename }', {}, { 'threadline-timing': '1' });
    expect([plain.extensions, plain.serverTiming]).toEqual([undefined, null]);
  });

  itWithRedis('says CACHE for a result another process left in Redis', async () => {
    const saved = process.env.REDIS_URL;
    process.env.REDIS_URL = redisUrl();
    reloadSettings();
    try {
      await closeReportCache();
      const input = freshRun();
      expect((await post(RUN, { input })).extensions?.threadline?.source).toEqual({ runReport: 'ROLLUP' });
      // A fresh in-process cache, as in another process: only Redis holds the result now. Another
      // selection of the same run, so that this server's whole-response cache cannot answer it.
      await closeReportCache();
      const other = 'query ($input: RunReportInput!) { runReport(input: $input) { rows { dimensionValues { value } measureValues } } }';
      expect((await post(other, { input })).extensions?.threadline?.source).toEqual({ runReport: 'CACHE' });
    } finally {
      if (saved === undefined) delete process.env.REDIS_URL;
      else process.env.REDIS_URL = saved;
      reloadSettings();
      await closeReportCache();
    }
  });
});
