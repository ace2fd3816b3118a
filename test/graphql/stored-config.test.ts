import { errorCodes, GraphQLResponse, startTestApi, TestApi } from '../support/api';
import { DIALECTS } from '../support/databases';
import { aConversation } from '../support/fixtures';
import {
  AddReportToDashboardDocument,
  ConversationInput,
  CreateDashboardFromTemplateDocument,
  CreateReportDocument,
  DeleteReportDocument,
  DrilldownDocument,
  IngestDocument,
  RestoreReportRevisionDocument,
  RunReportDocument,
  StoredDashboardsDocument,
  StoredDashboardTilesDocument,
  StoredReportsDocument,
  UpdateDashboardDocument,
  UpdateReportDocument,
} from './generated/operations';

/**
 * Saved reports and dashboards are read back with the rules they were written with. A config
 * stored under an older version (a measure or property since renamed) or damaged (not JSON) is
 * still listed, can be edited and deleted, and answers CONFIG_INVALID naming the report or
 * dashboard where it would run: never an internal error, never the caller's BAD_USER_INPUT, and
 * the other reports and dashboards of the same request still run. The old configs are written
 * straight into the database, as an older version would have left them.
 */

const BROKEN_CONFIGS: [what: string, config: string, field: string][] = [
  ['a renamed measure', '{"channel":"CHAT","measures":["count","avgResponseSeconds"],"dimensions":["assignee"],"granularity":null,"dateProperty":"createdAt","filters":[],"dateRange":null,"timezone":null}', 'measures[1]'],
  ['a renamed property', '{"channel":null,"measures":["count"],"dimensions":["assigneeName"],"granularity":null,"dateProperty":"createdAt","filters":[],"dateRange":null,"timezone":null}', 'dimensions[0]'],
  ['a filter on a renamed property', '{"channel":null,"measures":["count"],"dimensions":["assignee"],"granularity":null,"dateProperty":"createdAt","filters":[{"property":"owner","operator":"EQ","values":["u-7"]}],"dateRange":null,"timezone":null}', 'filters[0].property'],
  ['a renamed operator', '{"channel":null,"measures":["count"],"dimensions":["assignee"],"granularity":null,"dateProperty":"createdAt","filters":[{"property":"subject","operator":"MATCHES","values":["x"]}],"dateRange":null,"timezone":null}', 'filters[0].operator'],
  ['a granularity that no longer exists', '{"channel":null,"measures":["count"],"dimensions":["createdAt"],"granularity":"HOUR","dateProperty":"createdAt","filters":[],"dateRange":null,"timezone":null}', 'granularity'],
  ['a date property that no longer exists', '{"channel":null,"measures":["count"],"dimensions":[],"granularity":null,"dateProperty":"updatedAt","filters":[],"dateRange":null,"timezone":null}', 'dateProperty'],
  ['no JSON at all', '{"channel":"CHAT","measures":[', 'config'],
];

describe.each(DIALECTS)('stored configs read back on %s', (dialect) => {
  let api: TestApi;
  const reportIds = new Map<string, string>();
  let goodId: string;

  const ok = <T>(response: GraphQLResponse<T>): T => {
    expect(response.errors).toBeUndefined();
    return response.data as T;
  };

  const expectConfigInvalid = (response: GraphQLResponse<unknown>, kind: 'report' | 'dashboard', id: string, name: string, field: string) => {
    expect(errorCodes(response)).toContain('CONFIG_INVALID');
    const error = response.errors!.find((e) => e.extensions?.code === 'CONFIG_INVALID')!;
    expect(error.extensions).toEqual({ code: 'CONFIG_INVALID', [kind]: id, field });
    expect(error.message).toContain(`${JSON.stringify(name)} (${id}) no longer validates: ${field}`);
    expect(error.message).not.toMatch(/SELECT|Unexpected token|JSON\.parse|\.ts:\d|\n\s+at /);
  };

  beforeAll(async () => {
    api = await startTestApi(dialect, { plan: 'PROFESSIONAL', timezone: 'UTC' });
    ok(await api.request(IngestDocument, { input: [aConversation({ id: 'c-1' }), aConversation({ id: 'c-2', assignee: null })] as unknown as ConversationInput[] }));
    goodId = ok(await api.request(CreateReportDocument, { input: { name: 'A good one', chartType: 'BAR', measures: ['count'], dimensions: ['assignee'] } })).createReport.id;
    for (const [what, config] of BROKEN_CONFIGS) {
      const id = ok(await api.request(CreateReportDocument, { input: { name: what, chartType: 'TABLE', measures: ['count'] } })).createReport.id;
      await api.db.query('UPDATE saved_reports SET config = ? WHERE account_id = ? AND id = ?', [config, api.account.id, id]);
      reportIds.set(what, id);
    }
  });

  afterAll(() => api?.close());

  it('lists every report, each broken one with what can still be shown and an error only for its result', async () => {
    const response = await api.request(StoredReportsDocument, {});
    const reports = response.data!.reports;
    expect(reports.map((r) => r.name).sort()).toEqual(['A good one', ...BROKEN_CONFIGS.map(([what]) => what)].sort());
    expect(reports.find((r) => r.id === goodId)?.result?.rows).toEqual([{ measureValues: [1] }, { measureValues: [1] }]);
    for (const [what, , field] of BROKEN_CONFIGS) {
      const id = reportIds.get(what)!;
      expect({ what, result: reports.find((r) => r.id === id)?.result }).toEqual({ what, result: null });
      const error = response.errors?.find((e) => e.extensions?.report === id);
      expect({ what, extensions: error?.extensions }).toEqual({ what, extensions: { code: 'CONFIG_INVALID', report: id, field } });
    }
    expect(response.errors).toHaveLength(BROKEN_CONFIGS.length);
    // What no longer exists is left out of what the schema shows; the rest is shown as stored.
    const renamed = reports.find((r) => r.id === reportIds.get('a renamed measure'))!;
    expect({ measures: renamed.measures, dimensions: renamed.dimensions, channel: renamed.channel }).toEqual({ measures: [{ key: 'count' }], dimensions: [{ key: 'assignee' }], channel: 'CHAT' });
    expect(reports.find((r) => r.id === reportIds.get('a renamed property'))!.dimensions).toEqual([{ key: 'assigneeName' }]);
    expect(reports.find((r) => r.id === reportIds.get('a renamed operator'))!.filters).toEqual([]);
    expect(reports.find((r) => r.id === reportIds.get('no JSON at all'))).toMatchObject({ measures: [], dimensions: [], filters: [], granularity: null });
  });

  it('answers CONFIG_INVALID naming the report when it is run or drilled into', async () => {
    const id = reportIds.get('a renamed measure')!;
    expectConfigInvalid(await api.request(RunReportDocument, { input: { reportId: id } }), 'report', id, 'a renamed measure', 'measures[1]');
    expectConfigInvalid(await api.request(DrilldownDocument, { input: { run: { reportId: id }, point: ['u-7'] } }), 'report', id, 'a renamed measure', 'measures[1]');
    const unreadable = reportIds.get('no JSON at all')!;
    expectConfigInvalid(await api.request(RunReportDocument, { input: { reportId: unreadable } }), 'report', unreadable, 'no JSON at all', 'config');
  });

  it('runs the other reports of a dashboard that shows a broken one', async () => {
    const dashboard = ok(await api.request(CreateDashboardFromTemplateDocument, { input: { templateId: 'chat-overview', name: 'Mixed', privacy: 'EVERYONE_VIEW', reportDefinitionIds: ['chat-volume-by-assignee'] } })).createDashboardFromTemplate;
    const broken = reportIds.get('a renamed property')!;
    ok(await api.request(AddReportToDashboardDocument, { input: { dashboardId: dashboard.id, reportId: broken } }));
    const response = await api.request(StoredDashboardTilesDocument, { id: dashboard.id });
    expect(response.data!.dashboard.reports.map((r) => [r.title, r.result?.rows ?? null])).toEqual([
      ['Chat volume by assignee', [{ measureValues: [1] }, { measureValues: [1] }]],
      ['a renamed property', null],
    ]);
    expectConfigInvalid(response, 'report', broken, 'a renamed property', 'dimensions[0]');
  });

  it('lists a dashboard whose stored filters or date range no longer read, and runs none of its reports', async () => {
    const create = async (name: string) =>
      ok(await api.request(CreateDashboardFromTemplateDocument, { input: { templateId: 'chat-overview', name, privacy: 'EVERYONE_VIEW', reportDefinitionIds: ['chat-volume-by-assignee', 'chat-volume-by-page-url'] } })).createDashboardFromTemplate.id;
    const renamed = await create('Old filters');
    const damaged = await create('Damaged range');
    const fine = await create('Fine');
    await api.db.query('UPDATE dashboards SET filters = ? WHERE account_id = ? AND id = ?', ['[{"property":"owner","operator":"EQ","values":["u-7"]}]', api.account.id, renamed]);
    await api.db.query('UPDATE dashboards SET date_range = ? WHERE account_id = ? AND id = ?', ['{"preset":"LAST_FORTNIGHT"}', api.account.id, damaged]);

    const listed = new Map(ok(await api.request(StoredDashboardsDocument, {})).dashboards.map((d) => [d.id, d]));
    expect(listed.get(renamed)).toMatchObject({ name: 'Old filters', filters: [{ property: 'owner', operator: 'EQ', values: ['u-7'] }] });
    expect(listed.get(damaged)).toMatchObject({ name: 'Damaged range', dateRange: null });

    const tiles = async (id: string) => {
      const response = await api.request(StoredDashboardTilesDocument, { id });
      const errors = (response.errors ?? []).map((e) => [e.extensions?.code, e.extensions?.dashboard, e.extensions?.field]);
      return { results: response.data!.dashboard.reports.map((r) => r.result?.rows ?? null), errors, messages: (response.errors ?? []).map((e) => e.message) };
    };
    expect(await tiles(fine)).toEqual({ results: [[{ measureValues: [1] }, { measureValues: [1] }], [{ measureValues: [2] }]], errors: [], messages: [] });
    const old = await tiles(renamed);
    expect({ results: old.results, errors: old.errors }).toEqual({ results: [null, null], errors: [['CONFIG_INVALID', renamed, 'filters[0].property'], ['CONFIG_INVALID', renamed, 'filters[0].property']] });
    expect(old.messages[0]).toContain('Dashboard "Old filters"');
    expect((await tiles(damaged)).errors).toEqual([['CONFIG_INVALID', damaged, 'dateRange'], ['CONFIG_INVALID', damaged, 'dateRange']]);

    // Editing repairs it.
    ok(await api.request(UpdateDashboardDocument, { input: { id: renamed, filters: [] } }));
    expect(await tiles(renamed)).toEqual({ results: [[{ measureValues: [1] }, { measureValues: [1] }], [{ measureValues: [2] }]], errors: [], messages: [] });
  });

  it('is repaired by an edit that fixes the config, refuses one that keeps it broken, and deletes', async () => {
    const id = reportIds.get('a renamed measure')!;
    // An edit is validated as a whole, stored parts included: it names the field still wrong.
    const rename = await api.request(UpdateReportDocument, { input: { id, name: 'Renamed only' } });
    expect({ codes: errorCodes(rename), message: rename.errors?.[0].message }).toEqual({ codes: ['BAD_USER_INPUT'], message: 'measures[1]: unknown measure "avgResponseSeconds"' });
    const fixed = ok(await api.request(UpdateReportDocument, { input: { id, measures: ['count', 'avgFirstResponseSeconds'] } })).updateReport;
    expect(fixed.measures.map((m) => m.key)).toEqual(['count', 'avgFirstResponseSeconds']);
    expect(ok(await api.request(RunReportDocument, { input: { reportId: id } })).runReport.rows).toHaveLength(2);

    const unreadable = reportIds.get('no JSON at all')!;
    expect(ok(await api.request(DeleteReportDocument, { id: unreadable })).deleteReport).toBe(unreadable);
  });

  it('refuses to restore a revision stored under an older version, naming the revision', async () => {
    const id = ok(await api.request(CreateReportDocument, { input: { name: 'Revised', chartType: 'TABLE', measures: ['count'] } })).createReport.id;
    ok(await api.request(UpdateReportDocument, { input: { id, measures: ['closedCount'] } }));
    await api.db.query('UPDATE report_revisions SET snapshot = ? WHERE account_id = ? AND report_id = ? AND revision = 1', [
      '{"name":"Revised","chartType":"TABLE","config":{"channel":null,"measures":["conversations"],"dimensions":[],"granularity":null,"dateProperty":"createdAt","filters":[],"dateRange":null,"timezone":null}}',
      api.account.id,
      id,
    ]);
    const restore = await api.request(RestoreReportRevisionDocument, { input: { id, revision: 1 } });
    expect(errorCodes(restore)).toEqual(['BAD_USER_INPUT']);
    expect(restore.errors?.[0].message).toBe(`revision: revision 1 of report ${id} no longer validates (measures[0]: unknown measure "conversations"); edit the report instead`);
    expect(ok(await api.request(RunReportDocument, { input: { reportId: id } })).runReport.measures.map((m) => m.key)).toEqual(['closedCount']);
  });
});
