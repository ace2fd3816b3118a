import { DrilldownDocument, FilterInput, RunReportDocument, RunReportInput } from '../graphql/generated/operations';
import { errorCodes, GraphQLResponse, startTestApi, TestApi } from '../support/api';
import { DIALECTS } from '../support/databases';
import { ADA, ALAN, BILLING, GRACE, MAIN_TIMEZONE, SALES } from '../fixtures/reports-fixture';
import { byAssignee, byRef, COUNT_BY, ExpectedRow, expectDrill, expectReport, ingestReportFixture, runReport, SECONDS_BY } from '../fixtures/report-helpers';

/**
 * Report filters (every operator of docs/api.md, "Filters") and the input errors of runReport and
 * drilldown, on the fixture of test/fixtures/reports-fixture.ts. Expected counts are by hand.
 *
 * Most cases filter chat-volume-by-assignee over all time. Its 14 chats:
 *   Ada   ch-01 ch-02 ch-08 ch-11      Grace       ch-03 ch-06 ch-10 ch-14
 *   Alan  ch-07 ch-09 ch-13            Unassigned  ch-04 ch-05 ch-12
 * with first response seconds
 *   ch-01 150.5  ch-02 60.25  ch-03 0  ch-06 300  ch-07 60.001  ch-08 600  ch-09 45  ch-10 30
 *   ch-11 10  ch-14 90; none for ch-04 ch-05 ch-12 ch-13
 * and priorities ch-01 high, ch-03 low, ch-06 urgent, ch-07 High, ch-11 low (none for the others).
 */

const f = (property: string, operator: FilterInput['operator'], values?: string[]): FilterInput => ({ property, operator, values });

describe.each(DIALECTS)('report filters on %s', (dialect) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi(dialect, { timezone: MAIN_TIMEZONE });
    await ingestReportFixture(api);
  });

  afterAll(() => api.close());

  const chatsByAssignee = (filters: FilterInput[], extra: Partial<RunReportInput> = {}) =>
    runReport(api, { definitionId: 'chat-volume-by-assignee', filters, ...extra });
  const expectChats = async (filters: FilterInput[], rows: ExpectedRow[], extra: Partial<RunReportInput> = {}) =>
    expectReport(await chatsByAssignee(filters, extra), COUNT_BY('assignee'), rows);

  it('EQ on a custom property', async () => {
    await expectChats([f('properties.priority', 'EQ', ['urgent'])], [byAssignee(GRACE, 1)]); // ch-06
  });

  it('NEQ keeps conversations without the property', async () => {
    await expectChats([f('properties.priority', 'NEQ', ['low'])], [
      byAssignee(ADA, 3), // ch-01 ch-02 ch-08 (not ch-11)
      byAssignee(GRACE, 3), // ch-06 ch-10 ch-14 (not ch-03)
      byAssignee(ALAN, 3), // ch-07 ch-09 ch-13
      byAssignee(null, 3), // ch-04 ch-05 ch-12
    ]);
  });

  it('IN compares external ids', async () => {
    await expectChats([f('chatflow', 'IN', ['cf-pricing', 'cf-welcome'])], [
      byAssignee(ADA, 2), // ch-01 ch-11
      byAssignee(GRACE, 4), // ch-03 ch-06 ch-10 ch-14
      byAssignee(ALAN, 2), // ch-07 ch-09
      byAssignee(null, 2), // ch-04 ch-12
    ]);
  });

  it('NOT_IN keeps the unassigned', async () => {
    await expectChats([f('assignee', 'NOT_IN', ['u-ada', 'u-grace'])], [
      byAssignee(ALAN, 3), // ch-07 ch-09 ch-13
      byAssignee(null, 3), // ch-04 ch-05 ch-12
    ]);
  });

  it('CONTAINS ignores case', async () => {
    await expectChats([f('properties.priority', 'CONTAINS', ['HIG'])], [
      byAssignee(ADA, 1), // ch-01 high
      byAssignee(ALAN, 1), // ch-07 High
    ]);
  });

  it('NOT_CONTAINS ignores case and keeps chats without a page', async () => {
    await expectChats([f('pageUrl', 'NOT_CONTAINS', ['DOCS'])], [
      byAssignee(ADA, 2), // ch-01 ch-11
      byAssignee(GRACE, 3), // ch-03 ch-06 (no page) ch-10
      byAssignee(ALAN, 2), // ch-07 ch-13
      byAssignee(null, 3), // ch-04 ch-05 ch-12 (the last two without a page)
    ]);
  });

  it('STARTS_WITH ignores case', async () => {
    await expectChats([f('pageUrl', 'STARTS_WITH', ['HTTPS://EXAMPLE.COM/PRI'])], [
      byAssignee(ADA, 2), // ch-01 ch-11
      byAssignee(GRACE, 2), // ch-03 ch-10
      byAssignee(ALAN, 2), // ch-07 ch-13
      byAssignee(null, 1), // ch-04
    ]);
  });

  it('GT on a duration in seconds, to the millisecond', async () => {
    await expectChats([f('firstResponseSeconds', 'GT', ['60'])], [
      byAssignee(ADA, 3), // ch-01 150.5, ch-02 60.25, ch-08 600
      byAssignee(GRACE, 2), // ch-06 300, ch-14 90
      byAssignee(ALAN, 1), // ch-07 60.001
    ]);
  });

  it('GTE includes the bound', async () => {
    await expectChats([f('firstResponseSeconds', 'GTE', ['60.25'])], [
      byAssignee(ADA, 3), // ch-01 ch-02 (exactly 60.25) ch-08
      byAssignee(GRACE, 2), // ch-06 ch-14; not ch-07's 60.001
    ]);
  });

  it('LT excludes the bound', async () => {
    await expectChats([f('firstResponseSeconds', 'LT', ['30'])], [
      byAssignee(GRACE, 1), // ch-03 0
      byAssignee(ADA, 1), // ch-11 10
    ]);
  });

  it('LTE includes the bound', async () => {
    await expectChats([f('firstResponseSeconds', 'LTE', ['30'])], [
      byAssignee(GRACE, 2), // ch-03 0, ch-10 30
      byAssignee(ADA, 1), // ch-11 10
    ]);
  });

  it('BETWEEN includes both bounds', async () => {
    await expectChats([f('firstResponseSeconds', 'BETWEEN', ['45', '90'])], [
      byAssignee(ALAN, 2), // ch-09 45, ch-07 60.001
      byAssignee(ADA, 1), // ch-02 60.25
      byAssignee(GRACE, 1), // ch-14 90
    ]);
  });

  it('IS_KNOWN on a custom property', async () => {
    await expectChats([f('properties.priority', 'IS_KNOWN')], [
      byAssignee(ADA, 2), // ch-01 ch-11
      byAssignee(GRACE, 2), // ch-03 ch-06
      byAssignee(ALAN, 1), // ch-07
    ]);
  });

  it('IS_UNKNOWN on a duration and on the assignee', async () => {
    await expectChats([f('firstResponseSeconds', 'IS_UNKNOWN')], [
      byAssignee(null, 3), // ch-04 ch-05 ch-12
      byAssignee(ALAN, 1), // ch-13
    ]);
    await expectChats([f('assignee', 'IS_UNKNOWN')], [byAssignee(null, 3)]); // ch-04 ch-05 ch-12
  });

  it('combines two filters with AND', async () => {
    await expectChats([f('status', 'EQ', ['CLOSED']), f('chatflow', 'EQ', ['cf-pricing'])], [
      byAssignee(ADA, 2), // ch-01 ch-11
      byAssignee(GRACE, 1), // ch-03; ch-10 is open
      byAssignee(ALAN, 1), // ch-07
    ]);
  });

  it('reads local dates of date filters in the report timezone', async () => {
    // From 2026-03-29 00:00 Amsterdam (2026-03-28T23:00Z) / 00:00 UTC.
    await expectChats([f('createdAt', 'GTE', ['2026-03-29'])], [
      byAssignee(GRACE, 2), // ch-06 (03-29 00:30 Amsterdam) ch-14
      byAssignee(ALAN, 1), // ch-07
      byAssignee(ADA, 1), // ch-11
    ], { timezone: MAIN_TIMEZONE });
    await expectChats([f('createdAt', 'GTE', ['2026-03-29'])], [
      byAssignee(GRACE, 1), // ch-14; ch-06 is 03-28 23:30 UTC
      byAssignee(ALAN, 1), // ch-07
      byAssignee(ADA, 1), // ch-11
    ], { timezone: 'UTC' });
  });

  it('applies filters within the date range', async () => {
    await expectChats([f('pageUrl', 'IS_UNKNOWN')], [
      byAssignee(null, 2), // ch-05 ch-12
      byAssignee(GRACE, 1), // ch-06
    ], { dateRange: { from: '2026-03-04', to: '2026-03-31' }, timezone: MAIN_TIMEZONE });
  });

  it('filters email reports on inbox and on time to close', async () => {
    expectReport(await runReport(api, { definitionId: 'open-emails-by-inbox', filters: [f('inbox', 'NEQ', ['support'])] }), COUNT_BY('inbox', 'openCount'), [
      byRef(BILLING, 2), // em-02 em-16
      byRef(SALES, 4), // em-05 em-13 em-15 em-20
    ]);
    expectReport(await runReport(api, { definitionId: 'email-time-to-close-by-assignee', filters: [f('timeToCloseSeconds', 'GT', ['86400'])] }), SECONDS_BY('assignee', 'avgTimeToCloseSeconds'), [
      byAssignee(ADA, 1555200.25), // em-11
      byAssignee(GRACE, 1170000), // em-06; em-07 is 30600
      byAssignee(ALAN, 298800), // em-10
    ]);
  });

  it('drills down under the same filters', async () => {
    const run: RunReportInput = { definitionId: 'chat-volume-by-assignee', filters: [f('firstResponseSeconds', 'GT', ['60'])] };
    await expectDrill(api, { run, point: ['u-ada'] }, ['ch-01', 'ch-02', 'ch-08']);
    await expectDrill(api, { run, point: [null] }, []);
  });

  it('treats SQL and LIKE wildcards in values as data', async () => {
    await expectChats([f('pageUrl', 'EQ', ["' OR '1'='1"])], []);
    await expectChats([f('properties.priority', 'IN', ["low') OR 1=1 --", 'x"; DROP TABLE conversations; --'])], []);
    await expectChats([f('pageUrl', 'CONTAINS', ['%'])], []);
    await expectChats([f('pageUrl', 'STARTS_WITH', ['_'])], []);
    // Nothing was dropped.
    await expectChats([f('assignee', 'EQ', ['u-ada'])], [byAssignee(ADA, 4)]); // ch-01 ch-02 ch-08 ch-11
  });

  describe('input errors', () => {
    const expectBadInput = (response: GraphQLResponse<unknown>, field: RegExp) => {
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.data ?? null).toBeNull();
      const message = response.errors![0].message;
      expect(message).toMatch(field);
      expect(message).not.toMatch(/select|sqlite|mysql|maria|\bat .*\.ts/i);
    };
    const run = (input: RunReportInput) => api.request(RunReportDocument, { input });
    const chats: RunReportInput = { definitionId: 'chat-volume-by-assignee' };

    it('rejects SQL in a property name', async () => {
      expectBadInput(await run({ ...chats, filters: [f('pageUrl) OR (1=1', 'EQ', ['x'])] }), /filters\[0\]\.property/);
      expectBadInput(await run({ ...chats, filters: [f('assignee', 'IS_KNOWN'), f('properties.priority; DROP TABLE conversations', 'EQ', ['x'])] }), /filters\[1\]\.property/);
    });

    it('answers an unknown definition with NOT_FOUND', async () => {
      const response = await run({ definitionId: 'no-such-report' });
      expect(errorCodes(response)).toEqual(['NOT_FOUND']);
      expect(response.data ?? null).toBeNull();
    });

    it('wants exactly one of definitionId and reportId', async () => {
      expectBadInput(await run({ definitionId: 'chat-volume-by-assignee', reportId: '1' }), /definitionId|reportId/);
      expectBadInput(await run({}), /definitionId|reportId/);
    });

    it('rejects a date that does not exist', async () => {
      expectBadInput(await run({ ...chats, dateRange: { from: '2026-02-30', to: '2026-03-31' } }), /dateRange\.from/);
      expectBadInput(await run({ ...chats, dateRange: { from: '2026-03-01', to: '2026-02-30' } }), /dateRange\.to/);
    });

    it('rejects to before from', async () => {
      expectBadInput(await run({ ...chats, dateRange: { from: '2026-03-31', to: '2026-03-04' } }), /dateRange\.to/);
    });

    it('rejects an unknown timezone', async () => {
      expectBadInput(await run({ ...chats, timezone: 'Mars/Olympus' }), /timezone/);
    });

    it('rejects a point with the wrong number of values', async () => {
      expectBadInput(await api.request(DrilldownDocument, { input: { run: chats, point: [] } }), /point/);
      expectBadInput(await api.request(DrilldownDocument, { input: { run: chats, point: ['u-ada', 'u-grace'] } }), /point/);
    });

    it('rejects a measure the report does not have', async () => {
      expectBadInput(await api.request(DrilldownDocument, { input: { run: chats, point: ['u-ada'], measure: 'avgFirstResponseSeconds; DROP TABLE conversations' } }), /measure/);
    });

    it('rejects a page of more than 500', async () => {
      expectBadInput(await api.request(DrilldownDocument, { input: { run: chats, point: ['u-ada'], first: 501 } }), /first/);
    });
  });
});
