import {
  AddReportToDashboardDocument,
  ConversationInput,
  CreateDashboardFromTemplateDocument,
  CreateReportDocument,
  DashboardDocument,
  DashboardResultsDocument,
  DashboardsDocument,
  DashboardTemplatesDocument,
  DeleteDashboardDocument,
  DeleteReportDocument,
  DrilldownDocument,
  EditDashboardReportDocument,
  FilterInput,
  IngestDocument,
  RemoveReportFromDashboardDocument,
  ReportDefinitionsDocument,
  RestoreReportRevisionDocument,
  ResultRowsFragment,
  RunReportDocument,
  SavedReportDocument,
  SavedReportResultDocument,
  SavedReportsDocument,
  SavedReportsWithRevisionsDocument,
  UpdateDashboardDocument,
  UpdateReportDocument,
} from './generated/operations';
import { errorCodes, ok, startTestApi, TestApi } from '../support/api';
import { DIALECTS } from '../support/databases';
import { aConversation } from '../support/fixtures';

/**
 * The dashboard and report-editor flows of a support manager, over HTTP, against numbers worked
 * out by hand from the six conversations below (account timezone UTC).
 *
 *   id  channel assignee  status  created     closed      first response  inbox    priority
 *   c1  CHAT    Ada u-7   OPEN    03-02 10:00 -           60 s            support  high
 *   c2  CHAT    Ada u-7   CLOSED  03-03 10:00 03-03 10:30 120 s           support  low
 *   c3  CHAT    (none)    OPEN    03-03 12:00 -           (unanswered)    support  high
 *   c4  EMAIL   Grace u-8 CLOSED  03-04 09:00 03-04 11:00 300 s           support  high
 *   c5  EMAIL   Grace u-8 OPEN    03-10 09:00 -           600 s           billing  -
 *   c6  CHAT    Grace u-8 CLOSED  02-20 09:00 02-20 09:10 30 s            support  -
 */
const ADA = { id: 'u-7', name: 'Ada Lovelace' };
const GRACE = { id: 'u-8', name: 'Grace Hopper' };
const BILLING = { id: 'billing', name: 'Billing' };

function conversation(id: string, channel: 'CHAT' | 'EMAIL', assignee: typeof ADA | null, created: string, opts: { closed?: string; responseSeconds?: number; priority?: string; inbox?: typeof BILLING } = {}) {
  const createdAt = `2026-${created}:00Z`;
  const messages: Record<string, unknown>[] = [{ from: 'VISITOR', sentAt: createdAt }];
  if (opts.responseSeconds !== undefined) {
    messages.push({ from: 'AGENT', agentId: assignee?.id, sentAt: new Date(Date.parse(createdAt) + opts.responseSeconds * 1000).toISOString() });
  }
  return aConversation({
    id,
    channel,
    assignee,
    status: opts.closed ? 'CLOSED' : 'OPEN',
    createdAt,
    closedAt: opts.closed ? `2026-${opts.closed}:00Z` : undefined,
    messages,
    ...(opts.inbox ? { inbox: opts.inbox } : {}),
    ...(opts.priority ? { properties: { priority: opts.priority } } : {}),
  }) as unknown as ConversationInput;
}

const CONVERSATIONS = [
  conversation('c1', 'CHAT', ADA, '03-02T10:00', { responseSeconds: 60, priority: 'high' }),
  conversation('c2', 'CHAT', ADA, '03-03T10:00', { closed: '03-03T10:30', responseSeconds: 120, priority: 'low' }),
  conversation('c3', 'CHAT', null, '03-03T12:00', { priority: 'high' }),
  conversation('c4', 'EMAIL', GRACE, '03-04T09:00', { closed: '03-04T11:00', responseSeconds: 300, priority: 'high' }),
  conversation('c5', 'EMAIL', GRACE, '03-10T09:00', { responseSeconds: 600, inbox: BILLING }),
  conversation('c6', 'CHAT', GRACE, '02-20T09:00', { closed: '02-20T09:10', responseSeconds: 30 }),
];

const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const HIGH_PRIORITY = { property: 'properties.priority', operator: 'EQ' as const, values: ['high'] };

/** Rows as `[dimension values..., measure values...]`, sorted, so ties in row order do not matter. */
function table(result: ResultRowsFragment | null): (string | number | null)[][] {
  if (!result) throw new Error('the report did not run');
  return result.rows.map((r) => [...r.dimensionValues.map((d) => d.value), ...r.measureValues]).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

describe.each(DIALECTS)('dashboards and saved reports over HTTP on %s', (dialect) => {
  let api: TestApi;
  let queries: string[] = [];
  // Statements running at the same time: all of them, and report queries over conversations.
  let inFlight = 0;
  let maxInFlight = 0;
  let reportsInFlight = 0;
  let maxReportsInFlight = 0;

  beforeAll(async () => {
    api = await startTestApi(dialect, { timezone: 'UTC', plan: 'PROFESSIONAL' }, {
      onQuery: (sql) => {
        queries.push(sql);
        const report = /FROM (conversations c|report_rollups r)/.test(sql);
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        if (report) maxReportsInFlight = Math.max(maxReportsInFlight, ++reportsInFlight);
        return () => {
          inFlight--;
          if (report) reportsInFlight--;
        };
      },
    });
    const ingest = ok(await api.request(IngestDocument, { input: CONVERSATIONS }));
    expect(ingest.ingestConversations.imported).toBe(6);
  });

  afterAll(() => api.close());

  beforeEach(() => {
    queries = [];
    maxInFlight = 0;
  });

  const createChatDashboard = async (reportDefinitionIds?: string[], name = 'Support chats') =>
    ok(await api.request(CreateDashboardFromTemplateDocument, { input: { templateId: 'chat-overview', name, privacy: 'EVERYONE_VIEW', reportDefinitionIds } })).createDashboardFromTemplate;

  it('lists the two templates of the library with their six reports each', async () => {
    const { dashboardTemplates } = ok(await api.request(DashboardTemplatesDocument));
    expect(dashboardTemplates.map((t) => [t.id, t.channel, t.reports.map((r) => r.id)])).toEqual([
      ['chat-overview', 'CHAT', ['chat-volume-by-assignee', 'chat-volume-by-page-url', 'chat-response-time-by-assignee', 'chat-time-to-close-by-assignee', 'chats-closed-by-assignee', 'chat-volume-by-chatflow']],
      ['email-overview', 'EMAIL', ['email-volume-by-assignee', 'email-response-time-by-assignee', 'emails-closed-by-assignee', 'email-time-to-close-by-assignee', 'email-volume-over-time', 'open-emails-by-inbox']],
    ]);
  });

  it('creates a dashboard from a template with the ticked reports, in template order', async () => {
    const dashboard = await createChatDashboard(['chats-closed-by-assignee', 'chat-volume-by-assignee'], '  Support chats  ');
    expect(dashboard).toMatchObject({ name: 'Support chats', privacy: 'EVERYONE_VIEW', templateId: 'chat-overview', access: 'EDIT', dateRange: null, filters: [] });
    expect(dashboard.owner?.email).toMatch(/@example\.com$/);
    expect(dashboard.reports.map((r) => [r.position, r.width, r.title, r.definition?.id])).toEqual([
      [0, 6, 'Chat volume by assignee', 'chat-volume-by-assignee'],
      [1, 6, 'Total chats closed by assignee', 'chats-closed-by-assignee'],
    ]);
    const all = await createChatDashboard(undefined, 'All chat reports');
    expect(all.reports).toHaveLength(6);
    const { dashboards } = ok(await api.request(DashboardsDocument));
    expect(dashboards.map((d) => d.id)).toEqual(expect.arrayContaining([dashboard.id, all.id]));
    expect(ok(await api.request(DashboardDocument, { id: dashboard.id })).dashboard).toEqual(dashboard);
  });

  it('applies the dashboard date range and filters to every report; a result argument overrides the range', async () => {
    const dashboard = await createChatDashboard(['chat-volume-by-assignee', 'chats-closed-by-assignee']);
    const updated = ok(await api.request(UpdateDashboardDocument, { input: { id: dashboard.id, dateRange: MARCH } })).updateDashboard;
    expect(updated.dateRange).toEqual({ preset: null, ...MARCH });
    const results = async (variables: { dateRange?: typeof MARCH; filters?: FilterInput[] } = {}) =>
      ok(await api.request(DashboardResultsDocument, { id: dashboard.id, ...variables })).dashboard.reports.map((r) => table(r.result));

    // March: c1, c2 (Ada) and c3 (unassigned) were created; only c2 was closed. c6 is February.
    expect(await results()).toEqual([
      [['u-7', 2], [null, 1]],
      [['u-7', 1]],
    ]);
    // The same numbers as running each catalog report on its own with that range.
    const alone = ok(await api.request(RunReportDocument, { input: { definitionId: 'chat-volume-by-assignee', dateRange: MARCH } })).runReport;
    expect(table(alone)).toEqual([['u-7', 2], [null, 1]]);

    ok(await api.request(UpdateDashboardDocument, { input: { id: dashboard.id, filters: [HIGH_PRIORITY] } }));
    expect(await results()).toEqual([[['u-7', 1], [null, 1]], []]);
    // A run's own range wins over the dashboard's; its filters add to the dashboard's.
    expect(await results({ dateRange: { from: '2026-02-01', to: '2026-02-28' } })).toEqual([[], []]);
    ok(await api.request(UpdateDashboardDocument, { input: { id: dashboard.id, filters: null } }));
    expect(await results({ dateRange: { from: '2026-02-01', to: '2026-02-28' } })).toEqual([[['u-8', 1]], [['u-8', 1]]]);
    expect(await results({ filters: [{ property: 'assignee', operator: 'IS_UNKNOWN' }] })).toEqual([[[null, 1]], []]);
    // Cleared date range: all time.
    ok(await api.request(UpdateDashboardDocument, { input: { id: dashboard.id, dateRange: null } }));
    expect(await results()).toEqual([[['u-7', 2], ['u-8', 1], [null, 1]], [['u-7', 1], ['u-8', 1]]]);
  });

  it('renames, reorders and resizes; adds catalog and saved reports; removes and deletes', async () => {
    const dashboard = await createChatDashboard(['chat-volume-by-assignee', 'chats-closed-by-assignee', 'chat-volume-by-chatflow']);
    const [a, b, c] = dashboard.reports;
    const arranged = ok(await api.request(UpdateDashboardDocument, { input: { id: dashboard.id, name: 'Chats, reordered', layout: [{ id: c.id, width: 12 }, { id: a.id }, { id: b.id, width: 4 }] } })).updateDashboard;
    expect(arranged.name).toBe('Chats, reordered');
    expect(arranged.reports.map((r) => [r.id, r.position, r.width])).toEqual([[c.id, 0, 12], [a.id, 1, 6], [b.id, 2, 4]]);

    const withEmail = ok(await api.request(AddReportToDashboardDocument, { input: { dashboardId: dashboard.id, definitionId: 'open-emails-by-inbox', position: 1, width: 8 } })).addReportToDashboard;
    expect(withEmail.reports.map((r) => [r.definition?.id, r.position, r.width])).toEqual([
      ['chat-volume-by-chatflow', 0, 12],
      ['open-emails-by-inbox', 1, 8],
      ['chat-volume-by-assignee', 2, 6],
      ['chats-closed-by-assignee', 3, 4],
    ]);
    const saved = ok(await api.request(CreateReportDocument, { input: { name: 'All conversations', chartType: 'SUMMARY' } })).createReport;
    const withSaved = ok(await api.request(AddReportToDashboardDocument, { input: { dashboardId: dashboard.id, reportId: saved.id } })).addReportToDashboard;
    expect(withSaved.reports.map((r) => r.report?.id ?? r.definition?.id)).toEqual(['chat-volume-by-chatflow', 'open-emails-by-inbox', 'chat-volume-by-assignee', 'chats-closed-by-assignee', saved.id]);
    expect(withSaved.reports[4].title).toBe('All conversations');

    const removedByPlace = ok(await api.request(RemoveReportFromDashboardDocument, { input: { dashboardId: dashboard.id, dashboardReportId: a.id } })).removeReportFromDashboard;
    const removed = ok(await api.request(RemoveReportFromDashboardDocument, { input: { dashboardId: dashboard.id, definitionId: 'open-emails-by-inbox' } })).removeReportFromDashboard;
    expect(removedByPlace.reports).toHaveLength(4);
    expect(removed.reports.map((r) => [r.report?.id ?? r.definition?.id, r.position])).toEqual([['chat-volume-by-chatflow', 0], ['chats-closed-by-assignee', 1], [saved.id, 2]]);

    // Deleting a saved report takes it off the dashboard; deleting the dashboard keeps saved reports.
    expect(ok(await api.request(DeleteReportDocument, { id: saved.id })).deleteReport).toBe(saved.id);
    expect(ok(await api.request(DashboardDocument, { id: dashboard.id })).dashboard.reports.map((r) => r.definition?.id)).toEqual(['chat-volume-by-chatflow', 'chats-closed-by-assignee']);
    expect(ok(await api.request(DeleteDashboardDocument, { id: dashboard.id })).deleteDashboard).toBe(dashboard.id);
    expect(errorCodes(await api.request(DashboardDocument, { id: dashboard.id }))).toEqual(['NOT_FOUND']);
    expect(ok(await api.request(DashboardsDocument)).dashboards.map((d) => d.id)).not.toContain(dashboard.id);
  });

  it('refuses layouts, positions and widths that do not fit the dashboard', async () => {
    const dashboard = await createChatDashboard(['chat-volume-by-assignee', 'chats-closed-by-assignee']);
    const [a, b] = dashboard.reports;
    const refused = async (input: Parameters<typeof api.request<unknown, { input: object }>>[1]) => {
      const response = await api.request(UpdateDashboardDocument, input as never);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      return response.errors![0].message;
    };
    expect(await refused({ input: { id: dashboard.id, layout: [{ id: a.id }] } })).toBe('layout: must list all 2 reports of the dashboard, got 1');
    expect(await refused({ input: { id: dashboard.id, layout: [{ id: a.id }, { id: a.id }] } })).toBe(`layout[1].id: ${a.id} is listed twice`);
    expect(await refused({ input: { id: dashboard.id, layout: [{ id: a.id }, { id: b.id, width: 13 }] } })).toBe('layout[1].width: must be 1 to 12 columns, got 13');
    expect(await refused({ input: { id: dashboard.id, name: ' ' } })).toBe('name: must not be empty');
    const add = await api.request(AddReportToDashboardDocument, { input: { dashboardId: dashboard.id, definitionId: 'chat-volume-by-page-url', position: 5 } });
    expect(add.errors?.[0].message).toBe('position: must be 0 to 2');
    const unknown = await api.request(AddReportToDashboardDocument, { input: { dashboardId: dashboard.id, definitionId: 'no-such-report' } });
    expect(unknown.errors?.[0].message).toMatch(/^definitionId: no report "no-such-report" in the catalog/);
    const template = await api.request(CreateDashboardFromTemplateDocument, { input: { templateId: 'chat-overview', name: 'x', privacy: 'PRIVATE', reportDefinitionIds: ['email-volume-by-assignee'] } });
    expect(template.errors?.[0].message).toBe('reportDefinitionIds[0]: "email-volume-by-assignee" is not a report of template chat-overview');
    // Nothing of the refused changes was written.
    expect(ok(await api.request(DashboardDocument, { id: dashboard.id })).dashboard).toEqual(dashboard);
  });

  it('builds a custom report, edits it with a revision per change, and undoes the edit', async () => {
    const created = ok(await api.request(CreateReportDocument, {
      input: { name: 'Volume by channel and status', chartType: 'TABLE', measures: ['count', 'avgFirstResponseSeconds'], dimensions: ['channel', 'status'] },
    })).createReport;
    expect(created).toMatchObject({ name: 'Volume by channel and status', chartType: 'TABLE', channel: null, dateProperty: 'createdAt', revision: 1, canEdit: true, sourceDefinitionId: null, filters: [] });
    expect(created.dimensions).toEqual([{ key: 'channel', label: 'Channel' }, { key: 'status', label: 'Status' }]);
    const result = async (id = created.id) => table(ok(await api.request(SavedReportResultDocument, { id })).report.result);
    // Averages are over answered conversations only: c3 is unanswered.
    expect(await result()).toEqual([
      ['CHAT', 'CLOSED', 2, 75],
      ['CHAT', 'OPEN', 2, 60],
      ['EMAIL', 'CLOSED', 1, 300],
      ['EMAIL', 'OPEN', 1, 600],
    ]);

    // Move status to the x-axis, add a custom property filter from conversationProperties, restyle.
    const updated = ok(await api.request(UpdateReportDocument, {
      input: { id: created.id, name: 'High priority by status', chartType: 'COLUMN', dimensions: ['status', 'channel'], filters: [HIGH_PRIORITY] },
    })).updateReport;
    expect(updated).toMatchObject({ name: 'High priority by status', chartType: 'COLUMN', revision: 2, filters: [{ property: 'properties.priority', operator: 'EQ', values: ['high'] }] });
    expect(await result()).toEqual([
      ['CLOSED', 'EMAIL', 1, 300],
      ['OPEN', 'CHAT', 2, 60],
    ]);
    // Fields left out stay; nothing changed keeps no revision.
    expect(ok(await api.request(UpdateReportDocument, { input: { id: created.id, chartType: 'COLUMN' } })).updateReport.revision).toBe(2);

    const restored = ok(await api.request(RestoreReportRevisionDocument, { input: { id: created.id, revision: 1 } })).restoreReportRevision;
    expect(restored).toMatchObject({ name: 'Volume by channel and status', chartType: 'TABLE', revision: 3, filters: [] });
    expect(restored.dimensions.map((d) => d.key)).toEqual(['channel', 'status']);
    expect(await result()).toHaveLength(4);

    const { report } = ok(await api.request(SavedReportDocument, { id: created.id }));
    expect(report.revisions.map((r) => [r.revision, r.action, r.changes, r.name, r.chartType])).toEqual([
      [3, 'RESTORED', ['name', 'chartType', 'dimensions', 'filters'], 'Volume by channel and status', 'TABLE'],
      [2, 'UPDATED', ['name', 'chartType', 'dimensions', 'filters'], 'High priority by status', 'COLUMN'],
      [1, 'CREATED', [], 'Volume by channel and status', 'TABLE'],
    ]);
    expect(new Set(report.revisions.map((r) => r.author?.email))).toEqual(new Set([created.owner?.email]));
    expect(ok(await api.request(SavedReportsDocument)).reports.map((r) => r.id)).toContain(created.id);
  });

  it('runs and drills into a saved report by reportId, with its own range and timezone', async () => {
    const report = ok(await api.request(CreateReportDocument, {
      input: { fromDefinitionId: 'email-volume-by-assignee', name: 'Email in early March, Tokyo', dateRange: { from: '2026-03-01', to: '2026-03-05' }, timezone: 'Asia/Tokyo' },
    })).createReport;
    expect(report).toMatchObject({ sourceDefinitionId: 'email-volume-by-assignee', channel: 'EMAIL', chartType: 'BAR', timezone: 'Asia/Tokyo', dateRange: { preset: null, from: '2026-03-01', to: '2026-03-05' } });
    // c4 (03-04 09:00 UTC) is in range; c5 (03-10) is not.
    const run = ok(await api.request(RunReportDocument, { input: { reportId: report.id } })).runReport;
    expect(table(run)).toEqual([['u-8', 1]]);
    const wider = ok(await api.request(RunReportDocument, { input: { reportId: report.id, dateRange: MARCH } })).runReport;
    expect(table(wider)).toEqual([['u-8', 2]]);
    const drill = ok(await api.request(DrilldownDocument, { input: { run: { reportId: report.id }, point: ['u-8'] } })).drilldown;
    expect(drill.nodes.map((n) => n.externalId)).toEqual(['c4']);
    expect(drill.totalCount).toBe(1);
    const both = await api.request(RunReportDocument, { input: { reportId: report.id, definitionId: 'email-volume-by-assignee' } });
    expect(both.errors?.[0].message).toBe('definitionId: give exactly one of definitionId and reportId');
    expect(errorCodes(await api.request(RunReportDocument, { input: { reportId: 'no-such-report' } }))).toEqual(['NOT_FOUND']);
  });

  it('saves an edited copy when a standard report is edited on a dashboard; the catalog stays as it was', async () => {
    const dashboard = await createChatDashboard(['chat-volume-by-assignee', 'chats-closed-by-assignee']);
    ok(await api.request(UpdateDashboardDocument, { input: { id: dashboard.id, dateRange: MARCH } }));
    const edited = ok(await api.request(EditDashboardReportDocument, {
      input: { dashboardId: dashboard.id, dashboardReportId: dashboard.reports[0].id, changes: { name: 'High priority chats', filters: [HIGH_PRIORITY] } },
    })).editDashboardReport;
    const [copy, untouched] = edited.reports;
    expect(copy).toMatchObject({ id: dashboard.reports[0].id, position: 0, title: 'High priority chats', definition: null, report: { name: 'High priority chats', sourceDefinitionId: 'chat-volume-by-assignee' } });
    expect(untouched.definition?.id).toBe('chats-closed-by-assignee');
    const results = ok(await api.request(DashboardResultsDocument, { id: dashboard.id })).dashboard.reports.map((r) => table(r.result));
    expect(results).toEqual([[['u-7', 1], [null, 1]], [['u-7', 1]]]);
    const catalog = ok(await api.request(ReportDefinitionsDocument, { channel: 'CHAT' })).reportDefinitions;
    expect(catalog.find((d) => d.id === 'chat-volume-by-assignee')?.title).toBe('Chat volume by assignee');

    // Editing the copy again changes the saved report itself (a new revision), not another copy.
    const again = ok(await api.request(EditDashboardReportDocument, { input: { dashboardId: dashboard.id, dashboardReportId: copy.id, changes: { chartType: 'PIE' } } })).editDashboardReport;
    expect(again.reports[0].report?.id).toBe(copy.report?.id);
    const { report } = ok(await api.request(SavedReportDocument, { id: copy.report!.id }));
    expect([report.chartType, report.revision]).toEqual(['PIE', 2]);
  });

  it('keeps rolling date ranges as presets and resolves them when the report runs', async () => {
    const other = await api.otherAccount({ timezone: 'UTC', plan: 'ENTERPRISE' });
    const day = (daysAgo: number, time = '12:00:00') => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10) + `T${time}Z`;
    const at = (id: string, createdAt: string) => aConversation({ id, createdAt, messages: [] }) as unknown as ConversationInput;
    // LAST_7_DAYS is the seven whole days before today: 1 and 7 days ago count, today and 8 days ago do not.
    ok(await api.request(IngestDocument, { input: [at('today', day(0, '00:00:00')), at('d1', day(1)), at('d7', day(7)), at('d8', day(8))] }, other.token));
    const report = ok(await api.request(CreateReportDocument, { input: { name: 'Last week', chartType: 'SUMMARY', dateRange: { preset: 'LAST_7_DAYS' } } }, other.token)).createReport;
    expect(report.dateRange).toEqual({ preset: 'LAST_7_DAYS', from: day(7).slice(0, 10), to: day(1).slice(0, 10) });
    const { report: run } = ok(await api.request(SavedReportResultDocument, { id: report.id }, other.token));
    expect(run.result?.rows.map((r) => r.measureValues)).toEqual([[2]]);
    const both = await api.request(CreateReportDocument, { input: { name: 'x', chartType: 'SUMMARY', dateRange: { preset: 'LAST_7_DAYS', from: '2026-01-01' } } }, other.token);
    expect(both.errors?.[0].message).toBe('dateRange: give either preset or from and to, not both');
  });

  it('lists the revisions of every saved report with one query, not one per report', async () => {
    for (const name of ['Rev one', 'Rev two', 'Rev three']) ok(await api.request(CreateReportDocument, { input: { name, chartType: 'SUMMARY' } }));
    queries = [];
    const { reports } = ok(await api.request(SavedReportsWithRevisionsDocument));
    expect(reports.length).toBeGreaterThanOrEqual(3);
    expect(reports.every((r) => r.revisions.length >= 1 && r.revisions.every((v) => v.author?.email))).toBe(true);
    expect(queries.filter((sql) => /FROM report_revisions/.test(sql))).toHaveLength(1);
    expect(queries.filter((sql) => /FROM users/.test(sql))).toHaveLength(1);
  });

  it('loads a six-report dashboard in one request without N+1, running the reports concurrently', async () => {
    const small = await createChatDashboard(['chat-volume-by-assignee']);
    const full = await createChatDashboard();
    const saved = ok(await api.request(CreateReportDocument, { input: { name: 'Saved one', chartType: 'TABLE', dimensions: ['inbox'] } })).createReport;
    ok(await api.request(AddReportToDashboardDocument, { input: { dashboardId: small.id, reportId: saved.id } }));
    ok(await api.request(RemoveReportFromDashboardDocument, { input: { dashboardId: full.id, definitionId: 'chat-volume-by-chatflow' } }));
    ok(await api.request(AddReportToDashboardDocument, { input: { dashboardId: full.id, reportId: saved.id } }));
    const lookups = (sqls: string[]) => sqls.filter((sql) => /\b(dashboards|dashboard_reports|dashboard_shares|saved_reports|users|custom_properties)\b/.test(sql) && !/api_tokens/.test(sql)).length;

    queries = [];
    // Filters no other run used: every report is computed, none comes from the report cache.
    const smallResults = ok(await api.request(DashboardResultsDocument, { id: small.id, filters: [{ property: 'subject', operator: 'NOT_CONTAINS', values: ['small run'] }] })).dashboard.reports;
    const smallLookups = lookups(queries);
    queries = [];
    maxInFlight = 0;
    maxReportsInFlight = 0;
    const fullResults = ok(await api.request(DashboardResultsDocument, { id: full.id, filters: [{ property: 'subject', operator: 'NOT_CONTAINS', values: ['full run'] }] })).dashboard.reports;
    expect(fullResults.map((r) => r.title)).toEqual(['Chat volume by assignee', 'Chat volume by URL', 'Chat response time by assignee', 'Time to close chats by assignee', 'Total chats closed by assignee', 'Saved one']);
    expect(smallResults).toHaveLength(2);
    // Six reports need no more lookups than two (each set with one saved report).
    expect(lookups(queries)).toBe(smallLookups);
    // MariaDB answers on a pool: the six runs start together, four at once in the account's turns
    // (THREADLINE_ACCOUNT_REPORTS_IN_FLIGHT), and their report queries overlap. SQLite answers one at a time.
    if (dialect === 'mysql') {
      expect(maxInFlight).toBeGreaterThanOrEqual(4);
      expect(maxReportsInFlight).toBeGreaterThanOrEqual(2);
    }
  });
});
