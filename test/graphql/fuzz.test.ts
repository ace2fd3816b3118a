import fc from 'fast-check';
import { startTestApi, TestApi } from '../support/api';
import { DIALECTS } from '../support/databases';
import { aConversation } from '../support/fixtures';
import { check, countCase, DATE_TEXTS, defined, enumValue, FUZZ_RUNS, LEAKS, likely, NASTY_STRINGS, optional, printTally, text, TIMEZONES } from '../support/fuzz';

/**
 * Property-based abuse tests (issue 9): random and adversarial inputs sent to a running server over
 * HTTP, as a hostile client would. Whatever arrives, every answer is data or a client error (never
 * INTERNAL_SERVER_ERROR or HTTP 5xx), shows no SQL and no stack, and never shows another account's
 * rows. Seed and number of cases: see test/support/fuzz.ts.
 */

/** Marks every string of account B's data; B's names carry a marker no request of A ever holds. */
const B_ID = 'bsecret';
const B_NAME = 'Bnamesecret';

/** Codes an answer may carry: the documented ones (docs/api.md) and GraphQL's request errors. */
const CLIENT_CODES = new Set([
  'UNAUTHENTICATED', 'FORBIDDEN', 'PLAN_REQUIRED', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFIG_INVALID',
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST',
]);

/** The injection attempts among the strings requests carry, as they appear inside a JSON answer. */
const SQL_LIKE = NASTY_STRINGS.filter((s) => /SELECT|DROP/.test(s)).map((s) => JSON.stringify(s).slice(1, -1));

interface Answer {
  status: number;
  text: string;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

const OPERATORS = ['EQ', 'NEQ', 'IN', 'NOT_IN', 'GT', 'GTE', 'LT', 'LTE', 'BETWEEN', 'CONTAINS', 'NOT_CONTAINS', 'STARTS_WITH', 'IS_KNOWN', 'IS_UNKNOWN'];

/** A string field as stored: blank or absent is no value. */
const blankAsNull = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : null);

const COUNT_FIELDS = 'rows { dimensionValues { value label } measureValues } measures { key unit } dimensions { key label } csv';
const CONVERSATION_FIELDS = 'externalId subject pageUrl assignee { externalId name email } inbox { externalId name } team { externalId name } chatflow { externalId name } contact { name email } properties { name value }';

describe.each(DIALECTS)('fuzzing the API on %s', (dialect) => {
  let api: TestApi;
  let adminA: string;
  let memberA: string;
  let tokenB: string;
  let tokenC: string;
  /** Every id, key and value a request of A may name: A's own, the catalog's, and B's ids (never B's names). */
  const known: string[] = [];
  const definitionIds: string[] = [];
  let properties: { key: string; type: string; operators: string[]; groupable: boolean; values: string[] | null }[] = [];
  const measureKeys: string[] = [];
  const ids = { reportA: '', dashboardA: '', reportB: '', dashboardB: '', dashboardReportsA: [] as string[], dashboardReportB: '' };
  const cursors: string[] = [];
  const A_CONVERSATIONS = 6;
  let snapshotB = '';

  /** POSTs raw GraphQL, as any client may; returns the status, the body and its text. */
  async function post(query: string, variables: unknown, token: string | null): Promise<Answer & { request: string }> {
    const request = JSON.stringify({ query, variables });
    const response = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: request });
    const answer = await response.text();
    return { status: response.status, text: answer, body: JSON.parse(answer) as Answer['body'], request };
  }

  /** Asserts the properties every answer to A has, and returns it. */
  async function ask(property: string, query: string, variables: unknown, token = adminA): Promise<Answer> {
    const answer = await post(query, variables, token);
    countCase(`${property} (${dialect})`, !answer.body.errors);
    const context = { property, variables, status: answer.status, answer: answer.text.slice(0, 2000) };
    const codes = (answer.body.errors ?? []).map((e) => e.extensions?.code);
    expect({ ...context, serverError: answer.status >= 500 || codes.some((c) => !CLIENT_CODES.has(c ?? '')) }).toEqual({ ...context, serverError: false });
    // An answer may quote what a client sent, now or in an earlier request (a saved report's name):
    // the vocabulary's injection attempts are left out, and the rest must add nothing of the kind.
    const own = SQL_LIKE.reduce((rest, quoted) => rest.split(quoted).join(''), answer.text);
    for (const [what, pattern] of LEAKS) {
      const leaked = pattern.test(own) && !pattern.test(answer.request);
      expect({ ...context, leaked: leaked ? what : null }).toEqual({ ...context, leaked: null });
    }
    const other = answer.text.includes(B_NAME) || (answer.text.includes(B_ID) && !answer.request.includes(B_ID));
    expect({ ...context, showsAccountB: other }).toEqual({ ...context, showsAccountB: false });
    expectNoMoreThanA(answer.body.data, context);
    return answer;
  }

  /** No conversation list answering A counts more conversations than A has (B has more). */
  function expectNoMoreThanA(data: Answer['body']['data'], context: object) {
    const lists = [data?.conversations, data?.drilldown] as ({ totalCount?: number } | undefined)[];
    const counts = lists.map((list) => list?.totalCount ?? 0);
    expect({ ...context, counts: counts.filter((c) => c > A_CONVERSATIONS) }).toEqual({ ...context, counts: [] });
  }

  /** The data of a set-up request, which must succeed. */
  async function must<T>(query: string, variables: unknown, token: string): Promise<T> {
    const answer = await post(query, variables, token);
    expect(answer.body.errors).toBeUndefined();
    return answer.body.data as T;
  }

  const ingest = (input: unknown[], token: string) => must<{ ingestConversations: { imported: number } }>('mutation($input: [ConversationInput!]!) { ingestConversations(input: $input) { imported rejected { index error } } }', { input }, token);
  const createDashboard = async (token: string) =>
    (await must<{ createDashboardFromTemplate: { id: string; reports: { id: string }[] } }>('mutation($input: CreateDashboardFromTemplateInput!) { createDashboardFromTemplate(input: $input) { id reports { id } } }', { input: { templateId: 'chat-overview', name: 'Fuzz board', privacy: 'EVERYONE_EDIT' } }, token)).createDashboardFromTemplate;
  const createReport = async (token: string, name: string) =>
    (await must<{ createReport: { id: string } }>('mutation($input: CreateReportInput!) { createReport(input: $input) { id } }', { input: { fromDefinitionId: 'chat-volume-by-assignee', name } }, token)).createReport.id;
  const conversationsOf = async (token: string) =>
    JSON.stringify(await must(`{ conversations(first: 500) { totalCount nodes { ${CONVERSATION_FIELDS} } } }`, {}, token));

  beforeAll(async () => {
    api = await startTestApi(dialect, { timezone: 'Europe/Amsterdam' });
    adminA = api.token;
    memberA = await api.userToken('MEMBER');
    const b = await api.otherAccount({ name: `Other ${B_NAME}` });
    tokenB = b.token;
    tokenC = (await api.otherAccount({ name: 'Ingest target' })).token;

    const conversation = (i: number, marker: string | null) => {
      const id = (s: string) => (marker ? `${B_ID}-${s}` : s);
      const name = (s: string) => (marker ? `${B_NAME} ${s}` : s);
      return aConversation({
        id: id(`c${i}`), channel: i % 2 ? 'CHAT' : 'EMAIL', status: i % 3 ? 'CLOSED' : 'OPEN',
        createdAt: `2026-03-0${1 + i}T10:00:00Z`, ...(i % 3 ? { closedAt: `2026-03-0${1 + i}T12:00:00Z` } : {}),
        inbox: { id: id('support'), name: name('Support') },
        assignee: { id: id(`u-${i % 2}`), name: name(`Agent ${i % 2}`), email: marker ? `${B_ID}@example.com` : `a${i % 2}@example.com` },
        team: { id: id('t-1'), name: name('Tier 1') },
        ...(i % 2 ? { chatflow: { id: id('cf-1'), name: name('Bot') }, pageUrl: `https://example.com/${id('page')}` } : {}),
        subject: name(`Subject ${i}`), contact: { name: name('Visitor'), email: marker ? `v-${B_ID}@example.org` : 'v@example.org' },
        messages: [
          { id: 'm1', from: 'VISITOR', sentAt: `2026-03-0${1 + i}T10:00:00Z` },
          { id: 'm2', from: 'AGENT', agentId: id(`u-${i % 2}`), sentAt: `2026-03-0${1 + i}T10:0${i}:00Z` },
        ],
        properties: { priority: marker ? `${B_ID}-high` : ['high', 'low'][i % 2], vip: i % 2 === 0, score: i },
      });
    };
    expect((await ingest(Array.from({ length: A_CONVERSATIONS }, (_, i) => conversation(i, null)), adminA)).ingestConversations.imported).toBe(A_CONVERSATIONS);
    expect((await ingest(Array.from({ length: 8 }, (_, i) => conversation(i, B_ID)), tokenB)).ingestConversations.imported).toBe(8);

    ids.reportB = await createReport(tokenB, `${B_NAME} report`);
    const boardB = await createDashboard(tokenB);
    ids.dashboardB = boardB.id;
    ids.dashboardReportB = boardB.reports[0].id;
    ids.reportA = await createReport(adminA, 'A report');
    const boardA = await createDashboard(adminA);
    ids.dashboardA = boardA.id;
    ids.dashboardReportsA = boardA.reports.map((r) => r.id);

    const catalog = await must<{ reportDefinitions: { id: string }[]; conversationProperties: typeof properties; reportMeasures: { key: string }[] }>('{ reportDefinitions { id } conversationProperties { key type operators groupable values } reportMeasures { key } }', {}, adminA);
    definitionIds.push(...catalog.reportDefinitions.map((d) => d.id));
    properties = catalog.conversationProperties;
    measureKeys.push(...catalog.reportMeasures.map((m) => m.key));
    known.push(
      ...definitionIds, ...properties.map((p) => p.key), ...measureKeys,
      ...Object.values(ids).flat(), 'c1', 'u-0', 'u-1', 'support', 't-1', 'cf-1', 'high', 'low', 'true', 'false', '0', '3', '3600', '-1',
      `${B_ID}-c1`, `${B_ID}-u-0`, `${B_ID}-support`, `${B_ID}-high`, ...DATE_TEXTS, ...TIMEZONES, '1', '999999999999', String(2 ** 31),
    );
    // Real cursors, to be mutated: the first page of conversations and of a drill-down.
    type Page = { pageInfo: { endCursor: string } };
    const page = await must<{ conversations: Page }>('{ conversations(first: 2) { pageInfo { endCursor } } }', {}, adminA);
    const drill = await must<{ drilldown: Page }>('query($input: DrilldownInput!) { drilldown(input: $input) { pageInfo { endCursor } } }', { input: { run: { definitionId: 'chat-volume-by-assignee' }, point: ['u-1'], first: 1 } }, adminA);
    cursors.push(page.conversations.pageInfo.endCursor, drill.drilldown.pageInfo.endCursor);
    snapshotB = await conversationsOf(tokenB);
  });

  afterAll(async () => {
    printTally(dialect);
    await api?.close();
  });

  const anyText = () => text(known);
  /** Values of the kind a property of `type` takes, and now and then anything. */
  const valueOf = (property: { type: string; values: string[] | null }) => likely(({
    BOOLEAN: fc.constantFrom('true', 'false', 'TRUE', '1'),
    DATETIME: fc.oneof(fc.constantFrom(...DATE_TEXTS), fc.date({ min: new Date('1890-01-01'), max: new Date('9999-12-31') }).map((d) => (Number.isNaN(d.getTime()) ? '2026-03-02' : d.toISOString()))),
    DURATION: fc.oneof(fc.double().map(String), fc.integer().map(String), fc.constantFrom('0', '3600', '-1', '1e305', '1e306', 'Infinity')),
    NUMBER: fc.oneof(fc.double().map(String), fc.integer().map(String), fc.constantFrom('0', '-0', '1e308', '3')),
    ENUM: property.values?.length ? fc.constantFrom(...property.values) : anyText(),
  } as Record<string, fc.Arbitrary<string>>)[property.type] ?? anyText(), known);
  /** A filter on a property of the account with one of its operators, mostly; sometimes anything. */
  const filter = () => fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...properties).chain((property) => fc.record({
      property: fc.constant(property.key),
      // Group-only properties (hour of day, weekday) have no operators: any operator is then an attack.
      operator: property.operators.length ? fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...property.operators) }, { weight: 1, arbitrary: enumValue(OPERATORS) }) : enumValue(OPERATORS),
      values: optional(fc.array(valueOf(property), { maxLength: 3 })),
    }, { requiredKeys: ['property', 'operator'] })) },
    { weight: 1, arbitrary: fc.record({ property: anyText(), operator: enumValue(OPERATORS), values: optional(fc.array(anyText(), { maxLength: 4 })) }, { requiredKeys: ['property', 'operator'] }) },
  );
  const filters = () => optional(fc.array(filter(), { maxLength: 4 }));
  const date = () => likely(fc.date({ min: new Date('1899-12-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), known);
  const dateRange = () => optional(fc.oneof(
    { weight: 3, arbitrary: fc.tuple(date(), date()).map(([from, to]) => (from <= to ? { from, to } : { from: to, to: from })) },
    { weight: 1, arbitrary: fc.record({ from: date(), to: date() }) },
  ));
  const granularity = () => optional(enumValue(['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR']));
  const timezone = () => optional(likely(fc.constantFrom(...TIMEZONES.slice(0, 7)), known));
  /** Which report to run: mostly one of the catalog, a saved one or a dashboard's tile; sometimes any mix. */
  const whichReport = () => fc.oneof(
    { weight: 6, arbitrary: fc.record({ definitionId: fc.constantFrom(...definitionIds) }) },
    { weight: 2, arbitrary: fc.record({ reportId: fc.constantFrom(ids.reportA, ids.reportB) }) },
    { weight: 1, arbitrary: fc.record({ dashboardId: fc.constantFrom(ids.dashboardA, ids.dashboardB), definitionId: fc.constantFrom(...definitionIds) }) },
    { weight: 2, arbitrary: fc.record({ definitionId: optional(anyText()), reportId: optional(anyText()), dashboardId: optional(anyText()) }, { requiredKeys: [] }) },
  );
  const runInput = () => fc.tuple(whichReport(), fc.record({
    dateRange: dateRange(),
    filters: filters(),
    granularity: granularity(),
    timezone: timezone(),
  }, { requiredKeys: [] })).map(([which, how]) => ({ ...which, ...how }));
  const base64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
  /** A cursor: a real one, one changed in a character, a forged one, or any text. */
  const cursor = () => fc.oneof(
    fc.constantFrom(...cursors),
    fc.tuple(fc.constantFrom(...cursors), fc.nat(), fc.string({ minLength: 1, maxLength: 1 })).map(([c, at, ch]) => c.slice(0, at % c.length) + ch + c.slice((at % c.length) + 1)),
    fc.tuple(fc.oneof(fc.double(), fc.integer(), fc.constant(1772445600000), anyText()), fc.oneof(anyText(), fc.integer())).map(base64),
    fc.jsonValue().map(base64),
    fc.base64String({ maxLength: 40 }),
    anyText(),
  );
  const pageSize = () => optional(fc.oneof(fc.integer({ min: -2, max: 501 }), fc.constantFrom(0, 1, 50, 500, 2 ** 31 - 1, -(2 ** 31))));
  const anyToken = () => fc.constantFrom('admin', 'admin', 'admin', 'member');
  const tokenOf = (who: string) => (who === 'admin' ? adminA : memberA);

  it('answers every runReport with data or a client error, never B\'s rows', async () => {
    await check(fc.tuple(runInput(), anyToken()), async ([input, who]) => {
      await ask('runReport', `query($input: RunReportInput!) { runReport(input: $input) { ${COUNT_FIELDS} } }`, { input }, tokenOf(who));
    });
  });

  it('answers every drill-down, with any point and cursor, with data or a client error', async () => {
    const input = fc.record({
      run: runInput(),
      point: optional(fc.array(optional(anyText()), { maxLength: 3 })),
      measure: optional(anyText()),
      first: pageSize(),
      after: optional(cursor()),
    }, { requiredKeys: ['run'] });
    // Half the cases drill into a data point the run really has, so they get past the point's checks.
    await check(fc.tuple(input, fc.option(fc.nat())), async ([value, row]) => {
      if (row !== null) {
        const run = await ask('runReport before a drill-down', `query($input: RunReportInput!) { runReport(input: $input) { ${COUNT_FIELDS} } }`, { input: value.run });
        const rows = (run.body.data?.runReport as { rows: { dimensionValues: { value: string | null }[] }[] } | undefined)?.rows ?? [];
        if (rows.length > 0) value.point = rows[row % rows.length].dimensionValues.map((d) => d.value);
      }
      await ask('drilldown', `query($input: DrilldownInput!) { drilldown(input: $input) { totalCount pageInfo { endCursor hasNextPage } nodes { ${CONVERSATION_FIELDS} } } }`, { input: value });
    });
  });

  it('answers every conversations page and value list, with any filters and cursor, with data or a client error', async () => {
    const conversations = fc.record({ filters: filters(), first: pageSize(), after: optional(cursor()), timezone: timezone() }, { requiredKeys: [] });
    await check(fc.tuple(conversations, anyToken()), async ([variables, who]) => {
      await ask('conversations', `query($filters: [FilterInput!], $first: Int, $after: String, $timezone: String) { conversations(filters: $filters, first: $first, after: $after, timezone: $timezone) { totalCount pageInfo { endCursor } nodes { ${CONVERSATION_FIELDS} } } }`, variables, tokenOf(who));
    });
    const values = fc.record({ key: likely(fc.constantFrom(...properties.map((p) => p.key)), known), search: optional(anyText()), first: pageSize(), after: optional(cursor()) }, { requiredKeys: ['key'] });
    await check(values, async (variables) => {
      await ask('propertyValues', 'query($key: String!, $search: String, $first: Int, $after: String) { propertyValues(key: $key, search: $search, first: $first, after: $after) { totalCount pageInfo { endCursor } nodes { value label count } } }', variables);
    });
  });

  const reportChanges = () => ({
    name: optional(likely(fc.string({ minLength: 1, maxLength: 30 }), known)),
    chartType: optional(enumValue(['AREA', 'BAR', 'COLUMN', 'DONUT', 'LINE', 'PIE', 'SUMMARY', 'TABLE'])),
    channel: optional(enumValue(['CHAT', 'EMAIL'])),
    measures: optional(fc.array(likely(fc.constantFrom(...measureKeys), known), { maxLength: 6 })),
    dimensions: optional(fc.array(likely(fc.constantFrom(...properties.filter((p) => p.groupable).map((p) => p.key)), known), { maxLength: 3 })),
    filters: filters(),
    granularity: granularity(),
    dateProperty: optional(likely(fc.constantFrom('createdAt', 'closedAt'), known)),
    dateRange: optional(keptDateRange()),
    timezone: timezone(),
  });
  /** Changes to a report: mostly one or two of them, so many get past validation; sometimes all at once. */
  const someReportChanges = () => {
    const all = reportChanges();
    return fc.oneof(
      { weight: 3, arbitrary: fc.shuffledSubarray(Object.keys(all) as (keyof typeof all)[], { minLength: 1, maxLength: 2 }).chain((keys) => fc.record(Object.fromEntries(keys.map((k) => [k, all[k]])))) },
      { weight: 1, arbitrary: fc.record(all, { requiredKeys: [] }) },
    );
  };
  /** A date range a report or dashboard keeps: a preset or two dates, mostly; sometimes any mix. */
  const keptDateRange = () => fc.oneof(
    fc.record({ preset: enumValue(['LAST_7_DAYS', 'LAST_30_DAYS', 'THIS_MONTH', 'LAST_QUARTER', 'LAST_YEAR', 'TODAY']) }),
    fc.record({ from: date(), to: date() }),
    fc.record({ preset: optional(enumValue(['LAST_7_DAYS', 'THIS_YEAR'])), from: optional(anyText()), to: optional(anyText()) }, { requiredKeys: [] }),
  );
  const REPORT_FIELDS = `id name chartType measures { key } dimensions { key } filters { property operator values } dateRange { from to preset } timezone result { ${COUNT_FIELDS} }`;

  it('saves every report config as given or refuses it as a client error, and runs what it saved', async () => {
    // Mostly an edited copy of a catalog report (name and source given), sometimes anything.
    const create = fc.oneof(
      { weight: 3, arbitrary: fc.tuple(someReportChanges(), fc.record({ name: likely(fc.string({ minLength: 1, maxLength: 30 }), known), fromDefinitionId: likely(fc.constantFrom(...definitionIds), known), privacy: optional(enumValue(['EVERYONE', 'PRIVATE'])) }, { requiredKeys: ['name', 'fromDefinitionId'] })).map(([changes, source]) => ({ ...changes, ...source })) },
      { weight: 1, arbitrary: fc.record({ ...reportChanges(), fromDefinitionId: optional(fc.oneof(fc.constantFrom(...definitionIds), anyText())), privacy: optional(enumValue(['EVERYONE', 'PRIVATE'])) }, { requiredKeys: [] }) },
    );
    const update = fc.tuple(someReportChanges(), fc.oneof({ weight: 4, arbitrary: fc.constant(ids.reportA) }, { weight: 1, arbitrary: anyText() })).map(([changes, id]) => ({ ...changes, id }));
    await check(fc.tuple(fc.oneof(create.map((input) => ['create', input] as const), update.map((input) => ['update', input] as const)), anyToken()), async ([[kind, input], who]) => {
      const answer = kind === 'create'
        ? await ask('createReport', `mutation($input: CreateReportInput!) { createReport(input: $input) { ${REPORT_FIELDS} } }`, { input }, tokenOf(who))
        : await ask('updateReport', `mutation($input: UpdateReportInput!) { updateReport(input: $input) { ${REPORT_FIELDS} } }`, { input }, tokenOf(who));
      const saved = (answer.body.data?.createReport ?? answer.body.data?.updateReport) as { id: string } | undefined;
      if (saved) {
        // What was saved runs, lists and shows its revisions, on every later request too.
        await ask('saved report', `query($id: ID!, $run: RunReportInput!) { report(id: $id) { ${REPORT_FIELDS} revisions { revision } } runReport(input: $run) { ${COUNT_FIELDS} } }`, { id: saved.id, run: { reportId: saved.id } }, tokenOf(who));
      }
    });
    await ask('saved report', `{ reports(first: 20) { id name result { ${COUNT_FIELDS} } } }`, {});
  });

  it('applies every dashboard edit or refuses it as a client error, and shows the dashboard after it', async () => {
    const dashboardId = () => fc.oneof({ weight: 6, arbitrary: fc.constant(ids.dashboardA) }, { weight: 1, arbitrary: fc.constant(ids.dashboardB) }, { weight: 1, arbitrary: anyText() });
    // A tile of A's dashboard as it is when the case runs (edits add and remove tiles): resolved in the case.
    const tileId = () => fc.oneof({ weight: 4, arbitrary: fc.nat(40).map((n) => `@tile:${n}`) }, { weight: 1, arbitrary: anyText() });
    const width = () => optional(fc.oneof(fc.integer({ min: -1, max: 13 }), fc.constant(2 ** 31 - 1)));
    const edit = fc.oneof(
      fc.record({ id: dashboardId(), name: optional(anyText()), dateRange: optional(keptDateRange()), filters: filters(), privacy: optional(enumValue(['EVERYONE_EDIT', 'EVERYONE_VIEW', 'OWNER_AND_ADMINS', 'PRIVATE', 'SPECIFIC'])), layout: optional(fc.array(fc.record({ id: tileId(), width: width() }, { requiredKeys: ['id'] }), { maxLength: 12 })), shares: optional(fc.array(fc.record({ granteeType: enumValue(['USER', 'TEAM']), granteeId: anyText(), access: enumValue(['VIEW', 'EDIT']) }), { maxLength: 3 })) }, { requiredKeys: ['id'] })
        .map((input) => ['updateDashboard', 'UpdateDashboardInput', input] as const),
      fc.tuple(fc.oneof(fc.record({ definitionId: fc.constantFrom(...definitionIds) }), fc.record({ reportId: fc.constantFrom(ids.reportA, ids.reportB) }), fc.record({ definitionId: optional(anyText()), reportId: optional(anyText()) }, { requiredKeys: [] })), fc.record({ dashboardId: dashboardId(), position: optional(fc.integer({ min: -2, max: 40 })), width: width() }, { requiredKeys: ['dashboardId'] })).map(([which, where]) => ({ ...which, ...where }))
        .map((input) => ['addReportToDashboard', 'AddReportToDashboardInput', input] as const),
      fc.record({ dashboardId: dashboardId(), dashboardReportId: fc.oneof(tileId(), fc.constant(ids.dashboardReportB)), changes: someReportChanges() })
        .map((input) => ['editDashboardReport', 'EditDashboardReportInput', input] as const),
      fc.record({ dashboardId: dashboardId(), dashboardReportId: fc.oneof(tileId(), fc.constant(ids.dashboardReportB)) })
        .map((input) => ['removeReportFromDashboard', 'RemoveReportFromDashboardInput', input] as const),
    );
    const DASHBOARD_FIELDS = `id name privacy dateRange { from to preset } filters { property operator values } reports { id title width definition { id } report { id name } result { ${COUNT_FIELDS} } }`;
    await check(fc.tuple(edit, anyToken()), async ([[mutation, type, template], who]) => {
      const input = JSON.parse(JSON.stringify(template).replace(/"@tile:(\d+)"/g, (_, n: string) => JSON.stringify(ids.dashboardReportsA[Number(n) % ids.dashboardReportsA.length] ?? 'none'))) as unknown;
      const answer = await ask(mutation, `mutation($input: ${type}!) { ${mutation}(input: $input) { ${DASHBOARD_FIELDS} } }`, { input }, tokenOf(who));
      const board = answer.body.data?.[mutation] as { reports: { id: string }[] } | undefined;
      // Keep tiles to edit: the ids of the dashboard as it is now.
      if (board && board.reports.length > 0) ids.dashboardReportsA = board.reports.map((r) => r.id);
      await ask('dashboard after an edit', `query($id: ID!) { dashboard(id: $id) { ${DASHBOARD_FIELDS} } }`, { id: ids.dashboardA }, tokenOf(who));
    });
  });

  it('ingests every conversation as given or rejects it with its index, never touching another account', async () => {
    const refId = () => optional(likely(fc.constantFrom('support', 'u-1', 't-1', 'new-ref', `${B_ID}-support`, `${B_ID}-u-0`), known));
    const ref = () => optional(fc.record({ id: refId(), name: optional(anyText()) }, { requiredKeys: [] }));
    const assignee = optional(fc.record({ id: refId(), name: optional(anyText()), email: optional(likely(fc.emailAddress(), known)) }, { requiredKeys: [] }));
    const message = fc.record({ id: optional(anyText()), from: optional(enumValue(['VISITOR', 'AGENT', 'BOT'])), sentAt: optional(fc.constantFrom(...DATE_TEXTS)), agentId: optional(anyText()) }, { requiredKeys: [] });
    const property = fc.oneof(anyText(), fc.double(), fc.boolean(), fc.integer(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }), fc.object({ maxDepth: 1 }));
    /** A conversation built from a valid one with fields replaced, removed or added. */
    const conversation = fc.record({
      id: fc.oneof({ weight: 3, arbitrary: fc.uuid() }, { weight: 1, arbitrary: anyText() }),
      channel: optional(enumValue(['CHAT', 'EMAIL'])),
      status: optional(enumValue(['OPEN', 'CLOSED'])),
      createdAt: optional(fc.oneof(fc.constantFrom(...DATE_TEXTS), anyText())),
      closedAt: optional(fc.oneof(fc.constantFrom(...DATE_TEXTS), anyText())),
      inbox: ref(), assignee, team: ref(), chatflow: ref(),
      subject: optional(fc.oneof(anyText(), fc.constantFrom(...NASTY_STRINGS))), pageUrl: optional(anyText()),
      contact: optional(fc.record({ name: optional(anyText()), email: optional(anyText()) }, { requiredKeys: [] })),
      messages: optional(fc.array(message, { maxLength: 4 })),
      properties: optional(fc.dictionary(fc.oneof(anyText(), fc.constantFrom('priority', 'vip', 'a.b', '__proto__')), property, { maxKeys: 4 })),
    }, { requiredKeys: ['id'] }).map((fields) => ({ ...aConversation(), ...defined(fields) }));
    // Most cases change a few fields of a valid conversation; the others anything.
    // Every other case goes to an empty account of its own, to read back exactly what it stored.
    await check(fc.tuple(fc.array(conversation, { minLength: 1, maxLength: 5 }), fc.boolean()), async ([input, fresh]) => {
      const token = fresh ? (await api.otherAccount({ name: 'Fresh' })).token : tokenC;
      const answer = await ask('ingestConversations', 'mutation($input: [ConversationInput!]!) { ingestConversations(input: $input) { imported updated unchanged rejected { index error } } }', { input }, token);
      const result = answer.body.data?.ingestConversations as { imported: number; updated: number; unchanged: number; rejected: { index: number }[] } | undefined;
      if (!result) return;
      expect(result.imported + result.updated + result.unchanged + result.rejected.length).toBe(input.length);
      if (!fresh) return;
      // What was accepted reads back as sent, on both stores: the id, subject and contact exactly.
      const rejected = new Set(result.rejected.map((r) => r.index));
      const accepted = new Map(input.filter((_, i) => !rejected.has(i)).map((c) => [c.id, c]));
      const asSent = [...accepted.values()].map((c) => ({ externalId: c.id, subject: blankAsNull(c.subject), contact: { name: blankAsNull(c.contact?.name), email: blankAsNull(c.contact?.email) } }));
      const stored = await ask('ingested conversations read back', '{ conversations(first: 10) { nodes { externalId subject contact { name email } } } }', {}, token);
      const nodes = (stored.body.data?.conversations as { nodes: { externalId: string }[] }).nodes;
      const byId = (list: { externalId: string }[]) => [...list].sort((x, y) => (x.externalId < y.externalId ? -1 : 1));
      expect(byId(nodes)).toEqual(byId(asSent));
    });
    expect(await conversationsOf(tokenB)).toBe(snapshotB);
  });

  it('keeps account B as it was', async () => {
    expect(await conversationsOf(tokenB)).toBe(snapshotB);
    expect(FUZZ_RUNS).toBeGreaterThan(0);
    expect(NASTY_STRINGS.length).toBeGreaterThan(0);
  });
});
