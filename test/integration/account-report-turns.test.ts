import { Connection, createConnection } from 'mysql2/promise';
import { ConversationsDocument, DrilldownDocument, IngestDocument, PropertyValuesDocument, RunReportDocument } from '../graphql/generated/operations';
import { aConversation } from '../support/fixtures';
import { errorCodes, GraphQLResponse, ok, startTestApi, TestApi } from '../support/api';

/** The report queries held: they read a table the test keeps locked until it lets them go. */
const HOLD_TABLE = 'report_turns_hold';
const held = (sql: string) => `SELECT * FROM (${sql}) held WHERE (SELECT COUNT(*) FROM ${HOLD_TABLE}) >= 0`;

/** Longer than the test: nothing here may answer TIMEOUT. */
const LIMIT_MS = 120_000;

/**
 * One account's reports get at most THREADLINE_ACCOUNT_REPORTS_IN_FLIGHT turns at once (here 2, with
 * 6 more waiting), so its slow reports can never hold all 8 report connections of MariaDB: another
 * account's report still answers meanwhile. Without the turns the first account's 8 reports would
 * hold all 8 and the second account's would wait for them until its time limit.
 */
describe('reports of one account at once, on mysql', () => {
  let api: TestApi;
  let other: { token: string };
  let lock: Connection;
  let hold = false;
  let holding = 0;

  beforeAll(async () => {
    api = await startTestApi('mysql', {}, {
      timeouts: { readyMs: 2000, statementMs: 10_000, queryMs: LIMIT_MS },
      accountReports: { inFlight: 2, queued: 6 },
      rewriteReport: (sql) => {
        if (!hold) return sql;
        holding++;
        return held(sql);
      },
    });
    other = await api.otherAccount();
    ok(await api.request(IngestDocument, { input: [aConversation() as never] }));
    ok(await api.request(IngestDocument, { input: [aConversation() as never] }, other.token));
    await api.db.query(`CREATE TABLE ${HOLD_TABLE} (x INT)`);
    lock = await createConnection(api.database.url);
  });
  afterAll(async () => {
    // Closing the connection also lets go of the lock, should the test have failed holding it.
    await lock?.end();
    await api?.close();
  });

  const report = (token: string, to: string) =>
    api.request(RunReportDocument, { input: { definitionId: 'chat-volume-by-assignee', dateRange: { from: '2026-03-01', to }, timezone: 'UTC' } }, token);

  /** The reports waiting for their account's turn, as /metrics says. */
  const waiting = async () => {
    const text = await (await fetch(new URL('/metrics', api.url))).text();
    return Number(/^threadline_account_reports_waiting (\S+)$/m.exec(text)?.[1]);
  };

  it('let one account run 2 reports and queue 6 while another account\'s report and drill-down answer; its next report, drill-down, value list or conversation page is refused RATE_LIMITED; the queued ones answer once the first end', async () => {
    await lock.query(`LOCK TABLES ${HOLD_TABLE} WRITE`);
    hold = true;
    // Distinct ranges: identical runs would share one computation.
    const settled: boolean[] = [];
    const first = Array.from({ length: 8 }, (_, i) => report(api.token, `2026-03-2${i + 1}`).finally(() => (settled[i] = true)));

    // Every one of them has either reached the database (and is held there) or waits for a turn.
    while (holding + (await waiting()) < 8) await new Promise((resolve) => setTimeout(resolve, 50));
    expect({ holding, waiting: await waiting() }).toEqual({ holding: 2, waiting: 6 });
    hold = false;

    // The line is full: the next one is refused at once, and says why.
    const refused: GraphQLResponse<unknown> = await report(api.token, '2026-03-29');
    expect(refused).toEqual({
      status: 429,
      retryAfter: '1',
      data: null,
      errors: [
        {
          message: 'Too many reports at once: this account already has 2 reports, drill-downs or lists running on this server and 6 waiting; retry in 1 s.',
          path: ['runReport'],
          locations: expect.any(Array),
          extensions: { code: 'RATE_LIMITED', retryAfter: 1 },
        },
      ],
    });

    // Drill-downs, value lists (of a directory property and of an enum) and conversation pages take the same turns.
    const run = { definitionId: 'chat-volume-by-assignee', dateRange: { from: '2026-03-01', to: '2026-03-31' }, timezone: 'UTC' };
    const others = await Promise.all([
      api.request(DrilldownDocument, { input: { run, point: ['u-7'] } }),
      api.request(PropertyValuesDocument, { key: 'assignee' }),
      api.request(PropertyValuesDocument, { key: 'status' }),
      api.request(ConversationsDocument, {}),
    ]);
    expect(others.map((answer) => [answer.status, errorCodes(answer)])).toEqual(Array(4).fill([429, ['RATE_LIMITED']]));
    expect((await api.request(DrilldownDocument, { input: { run, point: ['u-7'] } }, other.token)).data?.drilldown.totalCount).toBe(1);

    // The other account's report gets a connection of its own at once.
    expect(ok(await report(other.token, '2026-03-31')).runReport.rows).toEqual([{ dimensionValues: [{ value: 'u-7', label: 'Ada Lovelace' }], measureValues: [1] }]);
    expect(settled.filter(Boolean)).toEqual([]);
    expect(await waiting()).toBe(6);

    // Let the held two go: they and the six queued after them all answer.
    await lock.query('UNLOCK TABLES');
    const answers = await Promise.all(first);
    expect(answers.map(errorCodes)).toEqual(Array(8).fill([]));
    expect(answers.map((answer) => answer.data?.runReport.rows)).toEqual(Array(8).fill([{ dimensionValues: [{ value: 'u-7', label: 'Ada Lovelace' }], measureValues: [1] }]));
    expect({ holding, waiting: await waiting() }).toEqual({ holding: 2, waiting: 0 });
  }, 60_000);
});
