import { execFileSync } from 'node:child_process';
import { IngestDocument, RunReportDocument, ViewerDocument } from '../graphql/generated/operations';
import { aConversation } from '../support/fixtures';
import { errorCodes, GraphQLResponse, ok, startTestApi, TestApi } from '../support/api';
import { DIALECTS } from '../support/databases';

/** A report query made to run for minutes: a billion-row join on top of it (MariaDB recurses at most 1000 times). */
const SLOW_MARKER = 'slow_report_marker';
const slowVersion = (sql: string) =>
  `SELECT * FROM (${sql}) ${SLOW_MARKER} WHERE (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) SELECT COUNT(*) FROM n a, n b, n c) > 0`;

// Long enough that the cheap requests below finish inside it on a loaded 2-core machine (at
// 1500 ms they once did not, and the slow report had timed out before they were checked).
const LIMIT_MS = 6000;

/** The reader processes of this test process (they run the program that registers unicode_lower). */
function readerProcesses(): number {
  const lines = execFileSync('ps', ['-o', 'args=', '--ppid', String(process.pid)], { encoding: 'utf8' }).split('\n');
  return lines.filter((line) => line.includes('unicode_lower')).length;
}

describe.each(DIALECTS)('a report past its time limit (%s)', (dialect) => {
  let api: TestApi;
  let slow = false;
  let slowStarted: () => void = () => undefined;

  beforeAll(async () => {
    api = await startTestApi(dialect, {}, {
      timeouts: { readyMs: 2000, statementMs: 10_000, queryMs: LIMIT_MS },
      sqliteReaders: 2,
      rewriteReport: (sql) => {
        if (!slow) return sql;
        slow = false;
        slowStarted();
        return slowVersion(sql);
      },
    });
    // The slow part is evaluated per row of the report: it needs one.
    ok(await api.request(IngestDocument, { input: [aConversation() as never] }));
  });
  afterAll(async () => {
    await api?.close();
  });

  const report = (from: string) =>
    api.request(RunReportDocument, { input: { definitionId: 'chat-volume-by-assignee', dateRange: { from, to: '2026-03-31' }, timezone: 'UTC' } });

  it('answers TIMEOUT and frees the connection, while cheap requests and the health check answer meanwhile', async () => {
    const started = new Promise<void>((resolve) => (slowStarted = resolve));
    slow = true;
    let slowSettled = false;
    const slowAnswer = report('2026-03-01').finally(() => (slowSettled = true));
    await started;

    // Cheap requests answer while the slow report is still running: it blocks nothing.
    const viewer = await api.request(ViewerDocument, {});
    expect(viewer.data?.viewer.email).toMatch(/@example\.com$/);
    const health = await fetch(api.url.replace(/\/graphql$/, '/health/ready'));
    expect(health.status).toBe(200);
    ok(await report('2026-03-02'));
    expect(slowSettled).toBe(false);

    const timedOut: GraphQLResponse<unknown> = await slowAnswer;
    expect(timedOut).toEqual({
      status: 200,
      data: null,
      errors: [
        {
          message: `The query ran longer than its time limit of ${LIMIT_MS} ms and was stopped; narrow the report (date range, filters, dimensions).`,
          path: ['runReport'],
          locations: expect.any(Array),
          extensions: { code: 'TIMEOUT', limitMs: LIMIT_MS },
        },
      ],
    });
    expect(errorCodes(timedOut)).toEqual(['TIMEOUT']);

    // The statement was stopped, not just abandoned: nothing of it runs on.
    if (dialect === 'mysql') {
      const running = await api.db.query<{ n: unknown }>(`SELECT COUNT(*) AS n FROM information_schema.processlist WHERE info LIKE '%${SLOW_MARKER} WHERE%' AND id <> CONNECTION_ID()`);
      expect(Number(running[0].n)).toBe(0);
    } else {
      expect(readerProcesses()).toBeLessThanOrEqual(2);
    }
    // The same report answers once it is fast again, on a fresh reader or the freed connection.
    expect(ok(await report('2026-03-01')).runReport.rows).toEqual([{ dimensionValues: [{ value: 'u-7', label: 'Ada Lovelace' }], measureValues: [1] }]);
  }, 60_000);
});

describe('slow reports sent at once on mysql', () => {
  const limitMs = 5000;
  let api: TestApi;
  let slowLeft = 0;
  let allSlowAsked: () => void = () => undefined;

  beforeAll(async () => {
    api = await startTestApi('mysql', {}, {
      timeouts: { readyMs: 2000, statementMs: 1500, queryMs: limitMs },
      // All ten at once, as ten accounts would send them: what is tested here is the pool's share.
      accountReports: { inFlight: 10, queued: 0 },
      rewriteReport: (sql) => {
        if (slowLeft === 0) return sql;
        if (--slowLeft === 0) allSlowAsked();
        return slowVersion(sql);
      },
    });
    ok(await api.request(IngestDocument, { input: [aConversation() as never] }));
  });
  afterAll(async () => {
    await api?.close();
  });

  it('leave connections for the health check and other requests, and each answers TIMEOUT', async () => {
    const count = 10;
    const asked = new Promise<void>((resolve) => (allSlowAsked = resolve));
    slowLeft = count;
    // Distinct ranges: identical runs would share one query.
    const slow = Array.from({ length: count }, (_, i) =>
      api.request(RunReportDocument, { input: { definitionId: 'chat-volume-by-assignee', dateRange: { from: `2026-03-${String(i + 1).padStart(2, '0')}`, to: '2026-03-31' }, timezone: 'UTC' } }),
    );
    await asked;
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect((await fetch(api.url.replace(/\/graphql$/, '/health/ready'))).status).toBe(200);
    expect((await api.request(ViewerDocument, {})).data?.viewer.email).toMatch(/@example\.com$/);
    expect((await Promise.all(slow)).map(errorCodes)).toEqual(Array(count).fill(['TIMEOUT']));
  }, 60_000);
});
