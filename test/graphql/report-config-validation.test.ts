import { errorCodes, GraphQLResponse, startTestApi, TestApi } from '../support/api';
import { DIALECTS } from '../support/databases';
import {
  AccessCreateDashboardDocument,
  AccessCreateReportDocument,
  AccessDashboardDocument,
  AccessEditDashboardReportDocument,
  AccessIngestDocument,
  AccessReportDocument,
  AccessReportsDocument,
  AccessRestoreReportRevisionDocument,
  AccessRunReportDocument,
  AccessUpdateReportDocument,
  CreateReportInput,
  ReportChangesInput,
} from './generated/operations';

/**
 * Saved report configs are validated on create and on every update: unknown properties and measures,
 * operators the property's type does not allow, chart types that cannot show the dimensions, bad dates
 * and zones give BAD_USER_INPUT whose message starts with the field (docs/api.md), and a refused
 * change leaves the report and its revisions as they were.
 */

const BASE: CreateReportInput = { name: 'Chats by assignee', chartType: 'BAR', channel: 'CHAT', measures: ['count'], dimensions: ['assignee'] };

/** A config that must be refused: what is wrong, the changes, the start of the message, and what the message must mention. */
type Case = [what: string, changes: ReportChangesInput, field: RegExp, mentions?: string[]];

/** Every row with all four elements: jest's each would take a missing last one for a `done` callback. */
const rows = (cases: Case[]) => cases.map(([what, changes, field, mentions]) => [what, changes, field, mentions ?? []] as Required<Case>);

const f = (property: string, operator: string, values?: string[]) => ({ property, operator: operator as never, values });

/** Invalid on their own, whatever report they are applied to (on top of BASE for createReport). */
const INVALID: Case[] = [
  ['an unknown measure', { measures: ['count', 'nope'] }, /^measures\[1\]: /, ['nope']],
  ['no measure', { measures: [] }, /^measures: /],
  ['more than 5 measures', { measures: ['count', 'closedCount', 'openCount', 'avgFirstResponseSeconds', 'avgTimeToCloseSeconds', 'medianFirstResponseSeconds'] }, /^measures: /],
  ['an unknown dimension', { dimensions: ['nope'] }, /^dimensions\[0\]: /, ['nope']],
  ['an unknown second dimension', { dimensions: ['assignee', 'nope'] }, /^dimensions\[1\]: /, ['nope']],
  ['an unknown custom property as dimension', { dimensions: ['properties.nope'] }, /^dimensions\[0\]: /, ['properties.nope']],
  ['more than 2 dimensions', { chartType: 'TABLE', dimensions: ['assignee', 'inbox', 'team'] }, /^dimensions: /],
  ['a date dimension without granularity', { chartType: 'LINE', dimensions: ['createdAt'] }, /^granularity: /],
  ['an unknown filter property', { filters: [f('nope', 'EQ', ['x'])] }, /^filters\[0\]\.property: /, ['nope']],
  ['an unknown custom filter property', { filters: [f('status', 'EQ', ['OPEN']), f('properties.nope', 'EQ', ['x'])] }, /^filters\[1\]\.property: /, ['properties.nope']],
  ['CONTAINS on a duration', { filters: [f('firstResponseSeconds', 'CONTAINS', ['60'])] }, /^filters\[0\]\.operator: /, ['CONTAINS', 'firstResponseSeconds']],
  ['GT on an id property', { filters: [f('status', 'EQ', ['OPEN']), f('assignee', 'GT', ['u-7'])] }, /^filters\[1\]\.operator: /, ['GT', 'assignee']],
  ['STARTS_WITH on an enum', { filters: [f('channel', 'STARTS_WITH', ['CH'])] }, /^filters\[0\]\.operator: /, ['STARTS_WITH', 'channel']],
  ['BETWEEN with one value', { filters: [f('firstResponseSeconds', 'BETWEEN', ['60'])] }, /^filters\[0\]\.values: /],
  ['EQ without a value', { filters: [f('status', 'EQ', [])] }, /^filters\[0\]\.values: /],
  ['IN without values', { filters: [f('inbox', 'IN')] }, /^filters\[0\]\.values: /],
  ['a date filter that is not a date', { filters: [f('createdAt', 'GT', ['yesterday'])] }, /^filters\[0\]\.values(\[0\])?: /, ['yesterday']],
  ['a duration that is not a number', { filters: [f('firstResponseSeconds', 'GT', ['soon'])] }, /^filters\[0\]\.values(\[0\])?: /, ['soon']],
  ['an unknown enum value', { filters: [f('status', 'EQ', ['PENDING'])] }, /^filters\[0\]\.values(\[0\])?: /, ['PENDING']],
  ['PIE with two dimensions', { chartType: 'PIE', dimensions: ['assignee', 'inbox'] }, /^chartType: /, ['PIE']],
  ['DONUT with no dimension', { chartType: 'DONUT', dimensions: [] }, /^chartType: /, ['DONUT']],
  ['SUMMARY with a dimension', { chartType: 'SUMMARY', dimensions: ['assignee'] }, /^chartType: /, ['SUMMARY']],
  ['LINE with no dimension', { chartType: 'LINE', dimensions: [] }, /^chartType: /, ['LINE']],
  ['a bad timezone', { timezone: 'Mars/Olympus_Mons' }, /^timezone: /, ['Mars/Olympus_Mons']],
  ['a date range ending before it starts', { dateRange: { from: '2026-03-31', to: '2026-03-01' } }, /^dateRange(\.to)?: /],
  ['a preset together with from/to', { dateRange: { preset: 'LAST_30_DAYS', from: '2026-03-01', to: '2026-03-31' } }, /^dateRange(\.preset|\.from|\.to)?: /],
  ['a date range with only from', { dateRange: { from: '2026-03-01' } }, /^dateRange(\.to)?: /],
  ['a date that does not exist', { dateRange: { from: '2026-02-30', to: '2026-03-31' } }, /^dateRange\.from: /, ['2026-02-30']],
  ['a date in another format', { dateRange: { from: '01/03/2026', to: '2026-03-31' } }, /^dateRange\.from: /, ['01/03/2026']],
  ['an empty date range', { dateRange: {} }, /^dateRange(\.preset|\.from|\.to)?: /],
  ['a date property that is not a date', { dateProperty: 'subject' }, /^dateProperty: /, ['subject']],
  ['an empty name', { name: '' }, /^name: /],
  ['a blank name', { name: '   ' }, /^name: /],
  ['a name over 200 characters', { name: 'x'.repeat(201) }, /^name: /],
];

describe.each(DIALECTS)('saved report configs on %s', (dialect) => {
  let api: TestApi;
  let seq = 0;
  const unique = (label: string) => `${label} ${++seq}`;

  const expectBadInput = (what: string, response: GraphQLResponse<unknown>, field: RegExp, mentions: string[] = []) => {
    const message = response.errors?.[0].message ?? '';
    expect({ what, codes: errorCodes(response), data: response.data ?? null }).toEqual({ what, codes: ['BAD_USER_INPUT'], data: null });
    expect({ what, message, names: field.test(message) }).toEqual({ what, message, names: true });
    for (const word of mentions) expect({ what, message, mentions: word, found: message.includes(word) }).toEqual({ what, message, mentions: word, found: true });
    // Never SQL, stack traces or internals.
    expect(message).not.toMatch(/SELECT|INSERT|UPDATE .* SET|sqlite|mysql|\.ts:\d|at .*\(/i);
  };

  const create = async (input: CreateReportInput) => {
    const response = await api.request(AccessCreateReportDocument, { input });
    expect({ name: input.name, errors: response.errors }).toEqual({ name: input.name, errors: undefined });
    return response.data!.createReport;
  };

  const reportNames = async () => (await api.request(AccessReportsDocument, {})).data!.reports.map((r) => r.name);

  beforeAll(async () => {
    api = await startTestApi(dialect, { plan: 'PROFESSIONAL' });
    const ingest = await api.request(AccessIngestDocument, {
      input: [
        {
          id: 'c-1',
          channel: 'CHAT',
          inbox: { id: 'support', name: 'Support' },
          assignee: { id: 'u-7', name: 'Ada' },
          status: 'CLOSED',
          createdAt: '2026-03-01T09:15:00Z',
          closedAt: '2026-03-01T10:15:00Z',
          properties: { priority: 'high' },
        },
      ],
    });
    expect(ingest.data?.ingestConversations).toEqual({ imported: 1, rejected: [] });
  });

  afterAll(() => api?.close());

  it('accepts every valid shape and keeps it as given', async () => {
    const valid: [CreateReportInput, Record<string, unknown>][] = [
      [BASE, { chartType: 'BAR', dimensions: [{ key: 'assignee' }], measures: [{ key: 'count' }] }],
      [{ ...BASE, chartType: 'PIE' }, { chartType: 'PIE' }],
      [{ ...BASE, chartType: 'DONUT', dimensions: ['inbox'] }, { chartType: 'DONUT', dimensions: [{ key: 'inbox' }] }],
      [{ ...BASE, chartType: 'SUMMARY', dimensions: [], measures: ['count', 'avgFirstResponseSeconds'] }, { dimensions: [], measures: [{ key: 'count' }, { key: 'avgFirstResponseSeconds' }] }],
      [{ ...BASE, chartType: 'LINE', dimensions: ['createdAt'], granularity: 'WEEK' }, { dimensions: [{ key: 'createdAt' }], granularity: 'WEEK' }],
      [{ ...BASE, chartType: 'TABLE', dimensions: ['assignee', 'properties.priority'] }, { dimensions: [{ key: 'assignee' }, { key: 'properties.priority' }] }],
      [
        {
          ...BASE,
          filters: [f('firstResponseSeconds', 'GT', ['60']), f('assignee', 'EQ', ['u-7']), f('subject', 'CONTAINS', ['plan']), f('properties.priority', 'IN', ['high', 'low']), f('createdAt', 'BETWEEN', ['2026-03-01', '2026-03-31']), f('team', 'IS_UNKNOWN')],
        },
        { filters: [f('firstResponseSeconds', 'GT', ['60']), f('assignee', 'EQ', ['u-7']), f('subject', 'CONTAINS', ['plan']), f('properties.priority', 'IN', ['high', 'low']), f('createdAt', 'BETWEEN', ['2026-03-01', '2026-03-31']), { property: 'team', operator: 'IS_UNKNOWN', values: [] }] },
      ],
      [{ ...BASE, dateRange: { preset: 'LAST_30_DAYS' } }, { dateRange: { preset: 'LAST_30_DAYS', from: expect.any(String), to: expect.any(String) } }],
      [{ ...BASE, dateRange: { from: '2026-03-01', to: '2026-03-01' }, timezone: 'Europe/Amsterdam' }, { dateRange: { from: '2026-03-01', to: '2026-03-01', preset: null }, timezone: 'Europe/Amsterdam' }],
      [{ ...BASE, dateProperty: 'closedAt' }, { dateProperty: 'closedAt' }],
      [{ fromDefinitionId: 'chat-volume-by-assignee', name: 'Copy' }, { sourceDefinitionId: 'chat-volume-by-assignee', channel: 'CHAT', dimensions: [{ key: 'assignee' }], measures: [{ key: 'count' }] }],
    ];
    for (const [input, expected] of valid) {
      const report = await create({ ...input, name: unique(input.name ?? 'Report') });
      expect(report).toMatchObject({ ...expected, revision: 1 });
      const run = await api.request(AccessRunReportDocument, { input: { reportId: report.id } });
      expect({ name: report.name, errors: run.errors }).toEqual({ name: report.name, errors: undefined });
    }
  });

  it.each(
    rows([
      ...INVALID,
      ['no name', { name: null }, /^name: /],
      ['no chart type (from scratch)', { chartType: null }, /^chartType: /],
    ]),
  )('createReport refuses %s with BAD_USER_INPUT naming the field', async (what, changes, field, mentions) => {
    const name = changes.name === undefined ? unique(`Refused: ${what}`) : changes.name;
    const before = await reportNames();
    const response = await api.request(AccessCreateReportDocument, { input: { ...BASE, ...changes, name } as CreateReportInput });
    expectBadInput(`createReport with ${what}`, response, field, mentions);
    expect(await reportNames()).toEqual(before);
  });

  it('createReport from a catalog report validates the changes against what it copies', async () => {
    // chat-volume-by-assignee has one dimension: SUMMARY cannot show it.
    const summary = await api.request(AccessCreateReportDocument, { input: { fromDefinitionId: 'chat-volume-by-assignee', name: 'Copy', chartType: 'SUMMARY' } });
    expectBadInput('a SUMMARY copy of a report with a dimension', summary, /^chartType: /, ['SUMMARY']);
    const filter = await api.request(AccessCreateReportDocument, { input: { fromDefinitionId: 'chat-volume-by-assignee', name: 'Copy', filters: [f('assignee', 'LT', ['u-7'])] } });
    expectBadInput('an LT filter on a copy', filter, /^filters\[0\]\.operator: /, ['LT', 'assignee']);
  });

  describe('updateReport', () => {
    /** A report with a history: created, then renamed. */
    const aReport = async (input: CreateReportInput = BASE) => {
      const report = await create({ ...input, name: unique(input.name ?? 'Report') });
      const renamed = await api.request(AccessUpdateReportDocument, { input: { id: report.id, name: `${report.name} v2` } });
      expect(renamed.errors).toBeUndefined();
      const before = await api.request(AccessReportDocument, { id: report.id });
      expect(before.data?.report.revisions.map((r) => r.revision)).toEqual([2, 1]);
      return { id: report.id, before };
    };

    const expectUnchanged = async (id: string, before: GraphQLResponse<unknown>) => {
      expect(await api.request(AccessReportDocument, { id })).toEqual(before);
    };

    it.each(rows(INVALID))(
      'refuses %s with BAD_USER_INPUT naming the field, and changes nothing',
      async (what, changes, field, mentions) => {
        const { id, before } = await aReport();
        const response = await api.request(AccessUpdateReportDocument, { input: { id, ...changes } });
        expectBadInput(`updateReport with ${what}`, response, field, mentions);
        await expectUnchanged(id, before);
      },
    );

    it.each([
      ['PIE for a report with two dimensions', { ...BASE, chartType: 'TABLE', dimensions: ['assignee', 'inbox'] }, { chartType: 'PIE' }, /^chartType: /],
      ['SUMMARY for a report with a dimension', BASE, { chartType: 'SUMMARY' }, /^chartType: /],
      ['LINE after clearing the dimensions', { ...BASE, chartType: 'COLUMN' }, { chartType: 'LINE', dimensions: null }, /^chartType: /],
      ['a second dimension on a PIE', { ...BASE, chartType: 'PIE' }, { dimensions: ['assignee', 'inbox'] }, /^(chartType|dimensions): /],
      ['a dimension on a SUMMARY', { ...BASE, chartType: 'SUMMARY', dimensions: [] }, { dimensions: ['assignee'] }, /^(chartType|dimensions): /],
      ['clearing the dimension of a LINE', { ...BASE, chartType: 'LINE', dimensions: ['createdAt'], granularity: 'DAY' }, { dimensions: null }, /^(chartType|dimensions): /],
      ['clearing the granularity of a date dimension', { ...BASE, chartType: 'LINE', dimensions: ['createdAt'], granularity: 'DAY' }, { granularity: null }, /^granularity: /],
      ['a date dimension on a report without granularity', BASE, { dimensions: ['closedAt'] }, /^granularity: /],
      ['a third dimension', { ...BASE, chartType: 'TABLE', dimensions: ['assignee', 'inbox'] }, { dimensions: ['assignee', 'inbox', 'chatflow'] }, /^dimensions: /],
    ] as [string, CreateReportInput, ReportChangesInput, RegExp][])(
      'refuses %s: the change is checked against the rest of the report',
      async (what, input, changes, field) => {
        const { id, before } = await aReport(input);
        const response = await api.request(AccessUpdateReportDocument, { input: { id, ...changes } });
        expectBadInput(`updateReport with ${what}`, response, field);
        await expectUnchanged(id, before);
      },
    );

    it('refuses to restore a revision the report does not have, and changes nothing', async () => {
      const { id, before } = await aReport();
      for (const revision of [3, 0, -1]) {
        const response = await api.request(AccessRestoreReportRevisionDocument, { input: { id, revision } });
        expect({ revision, codes: errorCodes(response), data: response.data ?? null }).toEqual({ revision, codes: [expect.stringMatching(/^(BAD_USER_INPUT|NOT_FOUND)$/)], data: null });
        expect(response.errors?.[0].message).toMatch(/revision/i);
      }
      await expectUnchanged(id, before);
    });

    it('takes an explicit null name as no change (a name cannot be cleared): no new revision', async () => {
      const { id, before } = await aReport();
      const response = await api.request(AccessUpdateReportDocument, { input: { id, name: null } });
      expect(response.errors).toBeUndefined();
      await expectUnchanged(id, before);
    });

    it('applies nothing of a change that is partly valid', async () => {
      const { id, before } = await aReport();
      const response = await api.request(AccessUpdateReportDocument, { input: { id, name: 'Partly valid', chartType: 'COLUMN', filters: [f('assignee', 'GT', ['u-7'])] } });
      expectBadInput('a valid name and chart type with an invalid filter', response, /^filters\[0\]\.operator: /);
      await expectUnchanged(id, before);
    });

    it('accepts a valid change after refusing invalid ones, as one new revision', async () => {
      const { id } = await aReport();
      expectBadInput('an unknown dimension', await api.request(AccessUpdateReportDocument, { input: { id, dimensions: ['nope'] } }), /^dimensions\[0\]: /);
      const ok = await api.request(AccessUpdateReportDocument, { input: { id, chartType: 'LINE', dimensions: ['createdAt'], granularity: 'MONTH' } });
      expect(ok.errors).toBeUndefined();
      expect(ok.data!.updateReport).toMatchObject({ revision: 3, chartType: 'LINE', dimensions: [{ key: 'createdAt' }], granularity: 'MONTH' });
      expect(ok.data!.updateReport.revisions.map((r) => [r.revision, r.action, [...r.changes].sort()])).toEqual([
        [3, 'UPDATED', ['chartType', 'dimensions', 'granularity']],
        [2, 'UPDATED', ['name']],
        [1, 'CREATED', expect.any(Array)],
      ]);
    });
  });

  describe('editDashboardReport', () => {
    it.each([
      ['an unknown dimension', { dimensions: ['nope'] }, /^(changes\.)?dimensions\[0\]: /],
      ['GT on assignee', { filters: [f('assignee', 'GT', ['u-7'])] }, /^(changes\.)?filters\[0\]\.operator: /],
      ['PIE with two dimensions', { chartType: 'PIE', dimensions: ['assignee', 'inbox'] }, /^(changes\.)?chartType: /],
      ['a bad timezone', { timezone: 'Nowhere/Land' }, /^(changes\.)?timezone: /],
      ['an empty name', { name: '' }, /^(changes\.)?name: /],
    ] as [string, ReportChangesInput, RegExp][])('refuses %s on a catalog report and on a saved report, and changes nothing', async (what, changes, field) => {
      const created = await api.request(AccessCreateDashboardDocument, { input: { templateId: 'chat-overview', name: unique('Board'), privacy: 'EVERYONE_VIEW', reportDefinitionIds: ['chat-volume-by-assignee', 'chat-volume-by-page-url'] } });
      expect(created.errors).toBeUndefined();
      const dashboardId = created.data!.createDashboardFromTemplate.id;
      const copied = await api.request(AccessEditDashboardReportDocument, { input: { dashboardId, dashboardReportId: created.data!.createDashboardFromTemplate.reports[1].id, changes: { name: unique('Copy') } } });
      expect(copied.errors).toBeUndefined();
      const savedPlace = copied.data!.editDashboardReport.reports[1];
      const savedId = savedPlace.report!.id;
      const dashboardBefore = await api.request(AccessDashboardDocument, { id: dashboardId });
      const reportBefore = await api.request(AccessReportDocument, { id: savedId });
      const namesBefore = await reportNames();

      for (const place of dashboardBefore.data!.dashboard.reports) {
        const response = await api.request(AccessEditDashboardReportDocument, { input: { dashboardId, dashboardReportId: place.id, changes } });
        expectBadInput(`editDashboardReport of ${place.title} with ${what}`, response, field);
      }
      expect(await api.request(AccessDashboardDocument, { id: dashboardId })).toEqual(dashboardBefore);
      expect(await api.request(AccessReportDocument, { id: savedId })).toEqual(reportBefore);
      expect(await reportNames()).toEqual(namesBefore);
    });
  });
});
