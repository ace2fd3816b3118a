import { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import {
  AddReportToDashboardDocument,
  ConversationInput,
  CreateDashboardFromTemplateDocument,
  CreateReportDocument,
  DashboardsDocument,
  EveryDashboardResultTwiceDocument,
  EveryDashboardResultUnlessSkippedDocument,
  EverySavedReportResultDocument,
  FullDashboardResultsDocument,
  IngestDocument,
  SavedReportResultsDocument,
} from './generated/operations';
import { GraphQLResponse, ok, startTestApi, TestApi } from '../support/api';
import { DIALECTS } from '../support/databases';
import { aConversation } from '../support/fixtures';

const raw = <V = Record<string, never>>(query: string) => parse(query) as TypedDocumentNode<Record<string, unknown>, V>;

const CATALOG = [
  'chat-volume-by-assignee', 'chat-volume-by-page-url', 'chat-response-time-by-assignee', 'chat-time-to-close-by-assignee', 'chats-closed-by-assignee', 'chat-volume-by-chatflow',
  'email-volume-by-assignee', 'email-response-time-by-assignee', 'emails-closed-by-assignee', 'email-time-to-close-by-assignee', 'email-volume-over-time', 'open-emails-by-inbox',
];
const HINT = 'Each list multiplies the runs below it by the most items it may hold (see its description): split the request, e.g. one dashboard(id) at a time, or pass reports(first: N).';

/** An over-budget refusal as the client sees it. */
const overBudget = (cost: number) => ({
  status: 400,
  errors: [{ message: `query: costs ${cost} report runs and conversation pages (budget 40). ${HINT}`, extensions: { code: 'BAD_USER_INPUT', field: 'query', cost, budget: 40 } }],
});

/** Statements that read or write what a request is about, as opposed to looking up its token. */
const TOUCHES_DATA = /\b(conversations|report_rollups|dashboards|dashboard_reports|saved_reports)\b/;

describe.each(DIALECTS)('what one request may cost, on %s', (dialect) => {
  let api: TestApi;
  let statements: string[] = [];
  let dashboardId: string;

  /** The SQL a request ran, beyond what every request runs to authenticate (measured on `{ __typename }` just before). */
  const statementsOf = async <T>(send: () => Promise<GraphQLResponse<T>>) => {
    statements = [];
    await api.request(raw('{ __typename }'));
    const baseline = statements.length;
    statements = [];
    const response = await send();
    return { response, count: statements.length - baseline, touched: statements.filter((sql) => TOUCHES_DATA.test(sql)) };
  };

  beforeAll(async () => {
    api = await startTestApi(dialect, { timezone: 'UTC', plan: 'PROFESSIONAL' }, { onQuery: (sql) => statements.push(sql) });
    const input = [
      aConversation({ id: 'c1', createdAt: '2026-03-02T10:00:00Z' }),
      aConversation({ id: 'c2', status: 'CLOSED', createdAt: '2026-03-03T10:00:00Z', closedAt: '2026-03-03T10:30:00Z', assignee: null }),
      aConversation({ id: 'c3', channel: 'EMAIL', createdAt: '2026-03-04T09:00:00Z', assignee: { id: 'u-8', name: 'Grace Hopper' } }),
      aConversation({ id: 'c4', channel: 'EMAIL', status: 'CLOSED', createdAt: '2026-03-05T09:00:00Z', closedAt: '2026-03-05T11:00:00Z', inbox: { id: 'billing', name: 'Billing' } }),
    ] as unknown as ConversationInput[];
    expect(ok(await api.request(IngestDocument, { input })).ingestConversations.imported).toBe(4);
    const dashboard = ok(await api.request(CreateDashboardFromTemplateDocument, { input: { templateId: 'chat-overview', name: 'Everything', privacy: 'EVERYONE_VIEW' } })).createDashboardFromTemplate;
    dashboardId = dashboard.id;
    // The template gives 6; a dashboard holds at most 30.
    for (let i = 6; i < 30; i++) ok(await api.request(AddReportToDashboardDocument, { input: { dashboardId, definitionId: CATALOG[i % CATALOG.length] } }));
    for (let i = 0; i < 6; i++) ok(await api.request(CreateReportDocument, { input: { fromDefinitionId: CATALOG[i], name: `Saved ${i}` } }));
  });

  afterAll(() => api.close());

  it('runs a whole dashboard of 30 reports in one request, each answered as runReport answers it', async () => {
    const { dashboard } = ok(await api.request(FullDashboardResultsDocument, { id: dashboardId }));
    expect(dashboard.reports).toHaveLength(30);
    const runs = ok(await api.request(raw(`{ ${CATALOG.map((id, i) => `r${i}: runReport(input: { definitionId: "${id}" }) { rows { dimensionValues { value label } measureValues } }`).join(' ')} }`)));
    const expected = dashboard.reports.map((item) => runs[`r${CATALOG.indexOf(item.definition?.id ?? '')}`]);
    expect(dashboard.reports.map((item) => ({ rows: item.result?.rows }))).toEqual(expected);
    expect(dashboard.reports.some((item) => item.result?.rows.some((row) => row.measureValues.some((v) => (v ?? 0) > 0)))).toBe(true);
  });

  it('refuses every dashboard with every result, twice over, before anything runs', async () => {
    const { response, count, touched } = await statementsOf(() => api.request(EveryDashboardResultTwiceDocument));
    expect({ status: response.status, errors: response.errors }).toEqual(overBudget(2 * 50 * 30));
    expect({ count, touched }).toEqual({ count: 0, touched: [] });
    // The same measure sees a request that does run: listing the dashboards reads them.
    const listed = await statementsOf(() => api.request(DashboardsDocument));
    expect(listed.touched.length).toBeGreaterThan(0);
  });

  it('counts aliases of runReport together with a dashboard\'s results', async () => {
    const query = (runs: number) =>
      raw<{ id: string }>(`query ($id: ID!) { dashboard(id: $id) { reports { result { csv } } } ${Array.from({ length: runs }, (_, i) => `r${i}: runReport(input: { definitionId: "open-emails-by-inbox" }) { csv }`).join(' ')} }`);
    const within = ok(await api.request(query(10), { id: dashboardId }));
    expect(Object.keys(within)).toHaveLength(11);
    const { response, count } = await statementsOf(() => api.request(query(11), { id: dashboardId }));
    expect({ status: response.status, errors: response.errors, count }).toEqual({ ...overBudget(41), count: 0 });
  });

  it('counts a fragment where it is spread, and leaves out results that @skip drops', async () => {
    const spread = raw<{ id: string }>(`
      query ($id: ID!) { ...Runs dashboard(id: $id) { reports { ...Result } } }
      fragment Runs on Query { ${Array.from({ length: 11 }, (_, i) => `r${i}: runReport(input: { definitionId: "open-emails-by-inbox" }) { csv }`).join(' ')} }
      fragment Result on DashboardReport { result { csv } }`);
    const refused = await api.request(spread, { id: dashboardId });
    expect({ status: refused.status, errors: refused.errors }).toEqual(overBudget(41));
    const skipped = ok(await api.request(EveryDashboardResultUnlessSkippedDocument, { skip: true }));
    expect(skipped.dashboards.map((d) => d.reports.length)).toEqual([30]);
    const kept = await api.request(EveryDashboardResultUnlessSkippedDocument, { skip: false });
    expect({ status: kept.status, errors: kept.errors }).toEqual(overBudget(1500));
  });

  it('runs saved reports a page at a time: `first` prices the page, and all of them at once is refused', async () => {
    const page = ok(await api.request(SavedReportResultsDocument, { first: 5 }));
    expect(page.reports).toHaveLength(5);
    expect(page.reports.every((r) => (r.result?.csv.length ?? 0) > 0)).toBe(true);
    const over = await statementsOf(() => api.request(SavedReportResultsDocument, { first: 41 }));
    expect({ status: over.response.status, errors: over.response.errors, count: over.count }).toEqual({ ...overBudget(41), count: 0 });
    const all = await api.request(EverySavedReportResultDocument);
    expect({ status: all.status, errors: all.errors }).toEqual(overBudget(1000));
    // Without results, `reports` still lists every saved report.
    expect(ok(await api.request(raw('{ reports { id } }'))).reports).toHaveLength(6);
    for (const first of [0, 1001]) {
      const bad = await api.request(raw(`{ reports(first: ${first}) { id } }`));
      expect(bad.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['BAD_USER_INPUT', `first: must be between 1 and 1000, got ${first}`]]);
    }
  });

  it('counts ingests by their conversations and writes nothing when over budget', async () => {
    const batch = Array.from({ length: 1000 }, (_, i) => aConversation({ id: `bulk-${i}` })) as unknown as ConversationInput[];
    const ingests = (n: number) =>
      raw<{ input: ConversationInput[] }>(`mutation ($input: [ConversationInput!]!) { ${Array.from({ length: n }, (_, i) => `i${i}: ingestConversations(input: $input) { imported }`).join(' ')} }`);
    const { response, count } = await statementsOf(() => api.request(ingests(5), { input: batch }));
    expect({ status: response.status, errors: response.errors, count }).toEqual({ ...overBudget(50), count: 0 });
    const [{ n }] = await api.db.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM conversations WHERE account_id = ?', [api.account.id]);
    expect(Number(n)).toBe(4);
  });

  // Last: it leaves the account with a thousand saved reports.
  it('refuses a saved report beyond the most an account may keep, which is what `reports` without `first` is priced at', async () => {
    // Saving 994 more through the API would be slow: they are copied in SQL from one saved through it.
    const [{ id }] = await api.db.query<{ id: string }>('SELECT id FROM saved_reports WHERE account_id = ? ORDER BY id LIMIT 1', [api.account.id]);
    for (let start = 6; start < 1000; start += 200) {
      const ids = Array.from({ length: Math.min(200, 1000 - start) }, (_, i) => `copy-${start + i}`);
      await api.db.query(
        `INSERT INTO saved_reports (account_id, id, owner_id, name, chart_type, config, source_definition_id, revision, created_at, updated_at)
         SELECT s.account_id, n.id, s.owner_id, s.name, s.chart_type, s.config, s.source_definition_id, s.revision, s.created_at, s.updated_at
         FROM saved_reports s JOIN (${ids.map(() => 'SELECT ? AS id').join(' UNION ALL ')}) n WHERE s.account_id = ? AND s.id = ?`,
        [...ids, api.account.id, id],
      );
    }
    const create = () => api.request(CreateReportDocument, { input: { fromDefinitionId: 'chat-volume-by-assignee', name: 'One more' } });
    const refused = await create();
    expect(refused.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['BAD_USER_INPUT', 'input: this account keeps 1000 saved reports, the most it may; delete one first']]);
    expect(ok(await api.request(raw('{ reports { id } }'))).reports).toHaveLength(1000);
    await api.db.query('DELETE FROM saved_reports WHERE account_id = ? AND id = ?', [api.account.id, 'copy-999']);
    expect(ok(await create()).createReport.name).toBe('One more');
  });
});
