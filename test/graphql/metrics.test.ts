import { Readable } from 'node:stream';
import { importNdjson } from '../../src/conversations/import';
import { MAX_COMBINED_OPERATIONS } from '../../src/server/metrics-routes';
import { startTestApi, TestApi } from '../support/api';
import { DIALECTS } from '../support/databases';
import { aConversation, toNdjson } from '../support/fixtures';
import { AuthViewerDocument, ConversationInput, ExportRunDocument, IngestDocument, RunReportDocument } from './generated/operations';

const METRICS_TOKEN = 'metrics-secret-for-tests';

type Labels = Record<string, string>;

/** The samples of a Prometheus text exposition. */
function parse(text: string): { name: string; labels: Labels; value: number }[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a sample: ${line}`);
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
      return { name: match[1], labels, value: Number(match[3]) };
    });
}

describe.each(DIALECTS)('Prometheus metrics over HTTP on %s', (dialect) => {
  let api: TestApi;

  const scrape = async (authorization: string | null = `Bearer ${METRICS_TOKEN}`) =>
    fetch(new URL('/metrics', api.url), { headers: authorization ? { authorization } : {} });

  /** The sum of the samples named `name` whose labels include `labels`. */
  const sample = async (name: string, labels: Labels = {}) => {
    const response = await scrape();
    expect(response.status).toBe(200);
    return parse(await response.text())
      .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
      .reduce((sum, s) => sum + s.value, 0);
  };

  /** How much each of `reads` grew while `action` ran. */
  const growth = async (reads: Record<string, () => Promise<number>>, action: () => Promise<unknown>) => {
    const before = Object.fromEntries(await Promise.all(Object.entries(reads).map(async ([k, read]) => [k, await read()] as const)));
    await action();
    return Object.fromEntries(await Promise.all(Object.entries(reads).map(async ([k, read]) => [k, (await read()) - before[k]] as const)));
  };

  const requests = (operation: string, code: string) => () => sample('threadline_request_duration_seconds_count', { operation, code });

  beforeAll(async () => {
    api = await startTestApi(dialect, {}, {}, { metricsToken: METRICS_TOKEN });
  });

  afterAll(() => api.close());

  it('refuses a scrape without the metrics token, also with an API token', async () => {
    for (const authorization of [null, 'Bearer wrong', `Bearer ${api.token}`, METRICS_TOKEN, `Bearer ${METRICS_TOKEN}x`]) {
      const refused = await scrape(authorization);
      expect({ authorization, status: refused.status }).toEqual({ authorization, status: 401 });
      expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect(await refused.json()).toEqual({ errors: [{ message: expect.stringContaining('THREADLINE_METRICS_TOKEN'), extensions: { code: 'UNAUTHENTICATED' } }] });
    }
    const allowed = await scrape();
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await allowed.text()).toMatch(/^# HELP threadline_request_duration_seconds /m);
  });

  it('counts requests by operation and code, with durations', async () => {
    const moved = await growth(
      {
        viewerOk: requests('viewer', 'OK'),
        unauthenticated: requests('graphql', 'UNAUTHENTICATED'),
        badInput: requests('runReport', 'BAD_USER_INPUT'),
        exportOk: requests('export', 'OK'),
        exportNotFound: requests('export', 'NOT_FOUND'),
        durationSum: () => sample('threadline_request_duration_seconds_sum'),
      },
      async () => {
        await api.request(AuthViewerDocument, {});
        await api.request(AuthViewerDocument, {});
        await api.request(AuthViewerDocument, {}, null);
        await api.request(ExportRunDocument, { input: { definitionId: 'chat-volume-by-assignee', timezone: 'Mars/Olympus' } });
        const headers = { authorization: `Bearer ${api.token}` };
        await fetch(new URL('/export/reports/chat-volume-by-assignee.csv', api.url), { headers });
        await fetch(new URL('/export/reports/nope.csv', api.url), { headers });
      },
    );
    expect({ ...moved, durationSum: moved.durationSum > 0 }).toEqual({ viewerOk: 2, unauthenticated: 1, badInput: 1, exportOk: 1, exportNotFound: 1, durationSum: true });
  });

  it('counts report cache hits and misses and where aggregates come from', async () => {
    const input = { definitionId: 'email-volume-by-assignee', dateRange: { from: '2026-01-01', to: '2026-01-31' } };
    const moved = await growth(
      {
        misses: () => sample('threadline_report_cache_requests_total', { result: 'miss' }),
        memoryHits: () => sample('threadline_report_cache_requests_total', { result: 'hit', tier: 'memory' }),
        responseHits: () => sample('threadline_report_cache_requests_total', { result: 'hit', tier: 'response' }),
        aggregates: () => sample('threadline_report_aggregates_total'),
      },
      async () => {
        await api.request(ExportRunDocument, { input });
        // Another query of the same run: the result from memory; the same query again: the whole response.
        await api.request(RunReportDocument, { input });
        await api.request(ExportRunDocument, { input });
      },
    );
    expect(moved).toEqual({ misses: 1, memoryHits: 1, responseHits: 1, aggregates: 1 });
  });

  it('counts conversations ingested and imported, by outcome', async () => {
    const written = (via: string, outcome: string) => () => sample('threadline_conversations_written_total', { via, outcome });
    const moved = await growth(
      { ingested: written('ingest', 'imported'), rejected: written('ingest', 'rejected'), imported: written('import', 'imported'), updated: written('import', 'updated') },
      async () => {
        const input = [aConversation({ id: 'm-1' }), aConversation({ id: 'm-2' }), aConversation({ id: 'm-bad', status: 'CLOSED' })] as unknown as ConversationInput[];
        await api.request(IngestDocument, { input });
        await importNdjson(api.db, api.account.id, Readable.from([toNdjson([aConversation({ id: 'm-1', subject: 'changed' }), aConversation({ id: 'm-3' })])]));
      },
    );
    expect(moved).toEqual({ ingested: 2, rejected: 1, imported: 1, updated: 1 });
  });

  it('keeps the operation label to a bounded set however many root field combinations clients send', async () => {
    const fields = ['__typename', 'viewer { __typename }', 'reportDefinitions { __typename }', 'reportMeasures { __typename }', 'conversationProperties { __typename }', 'dashboardTemplates { __typename }', 'dashboards { __typename }', 'teams { __typename }', 'members { __typename }', 'users { __typename }', 'reports { __typename }'];
    const combinations = fields.flatMap((a, i) => fields.slice(i + 1).flatMap((b, j) => [[a, b], ...fields.slice(i + j + 2).map((c) => [a, b, c])])).slice(0, MAX_COMBINED_OPERATIONS + 30);
    for (const selection of combinations) {
      const response = await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}` },
        body: JSON.stringify({ query: `{ ${selection.join(' ')} }` }),
      });
      expect(await response.json()).not.toHaveProperty('errors');
    }
    const operations = new Set(parse(await (await scrape()).text()).filter((s) => s.name === 'threadline_request_duration_seconds_count').map((s) => s.labels.operation));
    expect([...operations].filter((o) => o.includes(',')).length).toBeLessThanOrEqual(MAX_COMBINED_OPERATIONS);
    expect(operations).toContain('(many)');
  });

  if (dialect === 'mysql') {
    it('shows the database pool', async () => {
      expect(await sample('threadline_db_pool_connections', { state: 'limit' })).toBeGreaterThan(0);
      expect(await sample('threadline_db_pool_waiting_requests')).toBe(0);
    });
  }
});

describe('metrics without a token', () => {
  it('are open when THREADLINE_METRICS_TOKEN is not set', async () => {
    const api = await startTestApi('sqlite', {}, {}, { metricsToken: '' });
    try {
      const response = await fetch(new URL('/metrics', api.url));
      expect(response.status).toBe(200);
    } finally {
      await api.close();
    }
  });
});
