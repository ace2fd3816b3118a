import { ReportDefinitionsDocument, RunReportInput } from '../graphql/generated/operations';
import { startTestApi, TestApi } from '../support/api';
import { DIALECTS } from '../support/databases';
import {
  ADA, ALAN, BILLING, DOCS_URL, GRACE, MAIN_TIMEZONE, PRICING_BOT, PRICING_URL, SALES, SUPPORT, WELCOME_BOT,
} from '../fixtures/reports-fixture';
import {
  bucket, byAssignee, byRef, byUrl, COUNT_BY, expectDrill, expectReport, ingestReportFixture, runReport, SECONDS_BY,
} from '../fixtures/report-helpers';

/**
 * Every standard report (docs/reports.md) on the fixture of test/fixtures/reports-fixture.ts,
 * with expectations worked out by hand from that file. Next to each number: the conversations in it.
 *
 * MARCH is Wednesday 2026-03-04 to Tuesday 2026-03-31. Which conversations it selects:
 *   by createdAt, Amsterdam  ch-01 02 03 04 05 06 07 09 12            em-01 02 03 04 05 06 07 08 09 10 12 13
 *   by createdAt, New York   ch-01 02 03 04 05 06 07 11 12 14         em-02 03 04 05 06 07 08 09 10 12 13
 *   by closedAt, Amsterdam   ch-01 03 06 08 12                         em-01 07 11
 *   by closedAt, New York    ch-01 03 06 08 11 12                      em-01 06 07 11
 * (ch-09 is Amsterdam's first instant of March 4, ch-10 one millisecond before it; ch-07 is
 * Amsterdam's last millisecond of March 31 and ch-11 its next instant; ch-14 is March 31 only in
 * New York; em-01 is March 3 in New York; em-06 closes April 1 in Amsterdam but March 31 in New York.)
 */

const AMSTERDAM = MAIN_TIMEZONE;
const NEW_YORK = 'America/New_York';
const MARCH = { from: '2026-03-04', to: '2026-03-31' };
const APRIL = { from: '2026-04-01', to: '2026-04-30' };

const march = (definitionId: string, timezone = AMSTERDAM): RunReportInput => ({ definitionId, dateRange: MARCH, timezone });
const allTime = (definitionId: string): RunReportInput => ({ definitionId, timezone: AMSTERDAM });

const CHAT_REPORTS = [
  'chat-volume-by-assignee', 'chat-volume-by-page-url', 'chat-response-time-by-assignee',
  'chat-time-to-close-by-assignee', 'chats-closed-by-assignee', 'chat-volume-by-chatflow',
];
const EMAIL_REPORTS = [
  'email-volume-by-assignee', 'email-response-time-by-assignee', 'emails-closed-by-assignee',
  'email-time-to-close-by-assignee', 'email-volume-over-time', 'open-emails-by-inbox',
];

describe.each(DIALECTS)('standard reports on %s', (dialect) => {
  let api: TestApi;
  let otherToken: string;

  beforeAll(async () => {
    api = await startTestApi(dialect, { timezone: AMSTERDAM });
    otherToken = await ingestReportFixture(api);
  });

  afterAll(() => api.close());

  it('lists the twelve standard reports, filtered by channel', async () => {
    const all = await api.request(ReportDefinitionsDocument, {});
    expect(all.errors).toBeUndefined();
    const standard = all.data!.reportDefinitions.filter((d) => [...CHAT_REPORTS, ...EMAIL_REPORTS].includes(d.id));
    expect(standard.map((d) => [d.id, d.channel]).sort()).toEqual([
      ...CHAT_REPORTS.map((id) => [id, 'CHAT']),
      ...EMAIL_REPORTS.map((id) => [id, 'EMAIL']),
    ].sort());
    for (const definition of standard) {
      expect(definition).toEqual({ id: definition.id, channel: definition.channel, title: expect.stringMatching(/\S/), description: expect.stringMatching(/\S/), defaultChartType: expect.stringMatching(/\S/) });
    }
    const chat = await api.request(ReportDefinitionsDocument, { channel: 'CHAT' });
    expect(chat.data!.reportDefinitions.every((d) => d.channel === 'CHAT')).toBe(true);
    expect(chat.data!.reportDefinitions.map((d) => d.id)).toEqual(expect.arrayContaining(CHAT_REPORTS));
    expect(chat.data!.reportDefinitions.map((d) => d.id)).not.toContain('email-volume-by-assignee');
  });

  describe('chat-volume-by-assignee', () => {
    const shape = COUNT_BY('assignee');

    it('counts March chats by creation in Amsterdam', async () => {
      expectReport(await runReport(api, march('chat-volume-by-assignee')), shape, [
        byAssignee(null, 3), // ch-04 ch-05 ch-12
        byAssignee(ADA, 2), // ch-01 ch-02
        byAssignee(ALAN, 2), // ch-07 (last ms of 03-31) ch-09 (first instant of 03-04)
        byAssignee(GRACE, 2), // ch-03 ch-06
      ]);
    });

    it('orders groups by the measure descending, ties by label', async () => {
      const report = await runReport(api, march('chat-volume-by-assignee'));
      expect(report.rows.map((r) => [r.dimensionValues[0].label, r.measureValues[0]])).toEqual([
        ['Unassigned', 3],
        ['Ada Lovelace', 2],
        ['Alan Turing', 2],
        ['Grace Hopper', 2],
      ]);
    });

    it('uses the account timezone when none is given', async () => {
      const implicit = await runReport(api, { definitionId: 'chat-volume-by-assignee', dateRange: MARCH });
      expectReport(implicit, shape, [byAssignee(null, 3), byAssignee(ADA, 2), byAssignee(ALAN, 2), byAssignee(GRACE, 2)]);
    });

    it('counts the same dates differently in New York', async () => {
      expectReport(await runReport(api, march('chat-volume-by-assignee', NEW_YORK)), shape, [
        byAssignee(null, 3), // ch-04 ch-05 ch-12
        byAssignee(ADA, 3), // ch-01 ch-02 ch-11 (03-31 18:00 in New York)
        byAssignee(ALAN, 1), // ch-07; ch-09 is March 3 there
        byAssignee(GRACE, 3), // ch-03 ch-06 ch-14 (03-31 23:30 in New York)
      ]);
    });

    it('counts all time, and only this account', async () => {
      expectReport(await runReport(api, allTime('chat-volume-by-assignee')), shape, [
        byAssignee(null, 3), // ch-04 ch-05 ch-12
        byAssignee(ADA, 4), // ch-01 ch-02 ch-08 ch-11
        byAssignee(ALAN, 3), // ch-07 ch-09 ch-13
        byAssignee(GRACE, 4), // ch-03 ch-06 ch-10 ch-14
      ]);
    });

    it('selects April by creation, unlike the closed report', async () => {
      expectReport(await runReport(api, { definitionId: 'chat-volume-by-assignee', dateRange: APRIL, timezone: AMSTERDAM }), shape, [
        byAssignee(ADA, 1), // ch-11 (exactly midnight April 1)
        byAssignee(GRACE, 1), // ch-14
      ]);
    });

    it('drills into the Unassigned group and into an assignee', async () => {
      await expectDrill(api, { run: march('chat-volume-by-assignee'), point: [null] }, ['ch-04', 'ch-05', 'ch-12']);
      await expectDrill(api, { run: march('chat-volume-by-assignee'), point: ['u-alan'] }, ['ch-07', 'ch-09']);
      await expectDrill(api, { run: march('chat-volume-by-assignee', NEW_YORK), point: ['u-grace'], measure: 'count' }, ['ch-03', 'ch-06', 'ch-14']);
      // A point the report does not have is empty, and the other account's u-ada is not ours.
      await expectDrill(api, { run: march('chat-volume-by-assignee'), point: ['u-nobody'] }, []);
      await expectDrill(api, { run: allTime('chat-volume-by-assignee'), point: ['u-ada'] }, ['ch-01', 'ch-02', 'ch-08', 'ch-11']);
    });
  });

  describe('chat-volume-by-page-url', () => {
    const shape = COUNT_BY('pageUrl');

    it('counts March chats by page in Amsterdam', async () => {
      expectReport(await runReport(api, march('chat-volume-by-page-url')), shape, [
        byUrl(PRICING_URL, 4), // ch-01 ch-03 ch-04 ch-07
        byUrl(DOCS_URL, 2), // ch-02 ch-09
        byUrl(null, 3), // ch-05 ch-06 ch-12
      ]);
    });

    it('counts March chats by page in New York', async () => {
      expectReport(await runReport(api, march('chat-volume-by-page-url', NEW_YORK)), shape, [
        byUrl(PRICING_URL, 5), // ch-01 ch-03 ch-04 ch-07 ch-11
        byUrl(DOCS_URL, 2), // ch-02 ch-14
        byUrl(null, 3), // ch-05 ch-06 ch-12
      ]);
    });

    it('counts all time', async () => {
      expectReport(await runReport(api, allTime('chat-volume-by-page-url')), shape, [
        byUrl(PRICING_URL, 7), // ch-01 ch-03 ch-04 ch-07 ch-10 ch-11 ch-13
        byUrl(DOCS_URL, 4), // ch-02 ch-08 ch-09 ch-14
        byUrl(null, 3), // ch-05 ch-06 ch-12
      ]);
    });

    it('drills into a page and into no page', async () => {
      await expectDrill(api, { run: march('chat-volume-by-page-url'), point: [PRICING_URL] }, ['ch-01', 'ch-03', 'ch-04', 'ch-07']);
      await expectDrill(api, { run: march('chat-volume-by-page-url'), point: [null] }, ['ch-05', 'ch-06', 'ch-12']);
    });
  });

  describe('chat-response-time-by-assignee', () => {
    const shape = SECONDS_BY('assignee', 'avgFirstResponseSeconds');

    it('averages first responses of March chats in Amsterdam', async () => {
      expectReport(await runReport(api, march('chat-response-time-by-assignee')), shape, [
        byAssignee(ADA, (150.5 + 60.25) / 2), // ch-01 (bot ignored) ch-02 (out of order) = 105.375
        byAssignee(GRACE, (0 + 300) / 2), // ch-03 (same instant: 0) ch-06 = 150
        byAssignee(ALAN, (60.001 + 45) / 2), // ch-07 ch-09 (greeting before the visitor ignored) = 52.5005
        byAssignee(null, null), // ch-04 (bot only) ch-05 (no messages) ch-12 (bot only): nothing to average
      ]);
    });

    it('averages first responses of March chats in New York', async () => {
      expectReport(await runReport(api, march('chat-response-time-by-assignee', NEW_YORK)), shape, [
        byAssignee(ADA, (150.5 + 60.25 + 10) / 3), // ch-01 ch-02 ch-11 = 73.58333…
        byAssignee(GRACE, (0 + 300 + 90) / 3), // ch-03 ch-06 ch-14 = 130
        byAssignee(ALAN, 60.001), // ch-07
        byAssignee(null, null), // ch-04 ch-05 ch-12
      ]);
    });

    it('averages all time, leaving out chats without a response', async () => {
      expectReport(await runReport(api, allTime('chat-response-time-by-assignee')), shape, [
        byAssignee(ADA, (150.5 + 60.25 + 600 + 10) / 4), // ch-01 ch-02 ch-08 ch-11 = 205.1875
        byAssignee(GRACE, (0 + 300 + 30 + 90) / 4), // ch-03 ch-06 ch-10 ch-14 = 105
        byAssignee(ALAN, (60.001 + 45) / 2), // ch-07 ch-09; ch-13 has no messages
        byAssignee(null, null), // ch-04 ch-05 ch-12
      ]);
    });

    it('drills into the conversations averaged', async () => {
      const grace = await expectDrill(api, { run: march('chat-response-time-by-assignee'), point: ['u-grace'], measure: 'avgFirstResponseSeconds' }, ['ch-03', 'ch-06']);
      expect(grace.nodes).toEqual([
        { externalId: 'ch-03', channel: 'CHAT', status: 'CLOSED', createdAt: '2026-03-12T08:00:00.000Z', closedAt: '2026-03-12T08:20:00.750Z', firstResponseSeconds: 0, assignee: { externalId: 'u-grace', name: 'Grace Hopper' } },
        { externalId: 'ch-06', channel: 'CHAT', status: 'CLOSED', createdAt: '2026-03-28T23:30:00.000Z', closedAt: '2026-03-29T01:30:00.000Z', firstResponseSeconds: 300, assignee: { externalId: 'u-grace', name: 'Grace Hopper' } },
      ]);
      // ch-13 has no response: it is not one of the averaged.
      await expectDrill(api, { run: allTime('chat-response-time-by-assignee'), point: ['u-alan'] }, ['ch-07', 'ch-09']);
      // No Unassigned chat of March has a response.
      await expectDrill(api, { run: march('chat-response-time-by-assignee'), point: [null] }, []);
    });
  });

  describe('chat-time-to-close-by-assignee', () => {
    const shape = SECONDS_BY('assignee', 'avgTimeToCloseSeconds');

    it('averages time to close of chats closed in March in Amsterdam', async () => {
      expectReport(await runReport(api, march('chat-time-to-close-by-assignee')), shape, [
        byAssignee(ADA, (3600 + 691200) / 2), // ch-01, ch-08 (created in February) = 347400
        byAssignee(GRACE, (1200.75 + 7200) / 2), // ch-03, ch-06 (2 real hours across the DST jump) = 4200.375
        byAssignee(null, 300.5), // ch-12
        // Alan: ch-07 closes April 1, ch-13 in January
      ]);
    });

    it('averages time to close of chats closed in March in New York', async () => {
      expectReport(await runReport(api, march('chat-time-to-close-by-assignee', NEW_YORK)), shape, [
        byAssignee(ADA, (3600 + 691200 + 1800) / 3), // ch-01 ch-08 ch-11 (closed 03-31 18:30 in New York) = 232200
        byAssignee(GRACE, (1200.75 + 7200) / 2), // ch-03 ch-06
        byAssignee(null, 300.5), // ch-12
      ]);
    });

    it('averages all time', async () => {
      expectReport(await runReport(api, allTime('chat-time-to-close-by-assignee')), shape, [
        byAssignee(ADA, (3600 + 691200 + 1800) / 3), // ch-01 ch-08 ch-11 = 232200
        byAssignee(GRACE, (1200.75 + 7200) / 2), // ch-03 ch-06 = 4200.375
        byAssignee(ALAN, (36000.001 + 600) / 2), // ch-07 ch-13 = 18300.0005
        byAssignee(null, 300.5), // ch-12
      ]);
    });

    it('selects April by closing: chats created in March', async () => {
      expectReport(await runReport(api, { definitionId: 'chat-time-to-close-by-assignee', dateRange: APRIL, timezone: AMSTERDAM }), shape, [
        byAssignee(ALAN, 36000.001), // ch-07, created on March 31
        byAssignee(ADA, 1800), // ch-11, closed 00:30 on April 1
      ]);
    });

    it('drills into chats closed in March, whenever created', async () => {
      await expectDrill(api, { run: march('chat-time-to-close-by-assignee'), point: ['u-ada'] }, ['ch-01', 'ch-08']);
      await expectDrill(api, { run: march('chat-time-to-close-by-assignee'), point: [null], measure: 'avgTimeToCloseSeconds' }, ['ch-12']);
    });
  });

  describe('chats-closed-by-assignee', () => {
    const shape = COUNT_BY('assignee', 'closedCount');

    it('counts chats closed in March in Amsterdam', async () => {
      expectReport(await runReport(api, march('chats-closed-by-assignee')), shape, [
        byAssignee(ADA, 2), // ch-01 ch-08 (created in February)
        byAssignee(GRACE, 2), // ch-03 ch-06
        byAssignee(null, 1), // ch-12
      ]);
    });

    it('counts chats closed in March in New York', async () => {
      expectReport(await runReport(api, march('chats-closed-by-assignee', NEW_YORK)), shape, [
        byAssignee(ADA, 3), // ch-01 ch-08 ch-11
        byAssignee(GRACE, 2), // ch-03 ch-06
        byAssignee(null, 1), // ch-12
      ]);
    });

    it('counts all time', async () => {
      expectReport(await runReport(api, allTime('chats-closed-by-assignee')), shape, [
        byAssignee(ADA, 3), // ch-01 ch-08 ch-11
        byAssignee(GRACE, 2), // ch-03 ch-06
        byAssignee(ALAN, 2), // ch-07 ch-13
        byAssignee(null, 1), // ch-12
      ]);
    });

    it('selects April by closing', async () => {
      expectReport(await runReport(api, { definitionId: 'chats-closed-by-assignee', dateRange: APRIL, timezone: AMSTERDAM }), shape, [
        byAssignee(ALAN, 1), // ch-07
        byAssignee(ADA, 1), // ch-11
      ]);
    });

    it('drills into closed chats only', async () => {
      await expectDrill(api, { run: march('chats-closed-by-assignee', NEW_YORK), point: ['u-ada'], measure: 'closedCount' }, ['ch-01', 'ch-08', 'ch-11']);
      await expectDrill(api, { run: march('chats-closed-by-assignee'), point: [null] }, ['ch-12']);
    });
  });

  describe('chat-volume-by-chatflow', () => {
    const shape = COUNT_BY('chatflow');

    it('counts March chats by chatflow in Amsterdam', async () => {
      expectReport(await runReport(api, march('chat-volume-by-chatflow')), shape, [
        byRef(PRICING_BOT, 3), // ch-01 ch-03 ch-07
        byRef(WELCOME_BOT, 4), // ch-04 ch-06 ch-09 ch-12
        byRef(null, 2), // ch-02 ch-05
      ]);
    });

    it('counts March chats by chatflow in New York', async () => {
      expectReport(await runReport(api, march('chat-volume-by-chatflow', NEW_YORK)), shape, [
        byRef(PRICING_BOT, 4), // ch-01 ch-03 ch-07 ch-11
        byRef(WELCOME_BOT, 4), // ch-04 ch-06 ch-12 ch-14
        byRef(null, 2), // ch-02 ch-05
      ]);
    });

    it('counts all time', async () => {
      expectReport(await runReport(api, allTime('chat-volume-by-chatflow')), shape, [
        byRef(PRICING_BOT, 5), // ch-01 ch-03 ch-07 ch-10 ch-11
        byRef(WELCOME_BOT, 5), // ch-04 ch-06 ch-09 ch-12 ch-14
        byRef(null, 4), // ch-02 ch-05 ch-08 ch-13
      ]);
    });

    it('drills into no chatflow and into a chatflow', async () => {
      await expectDrill(api, { run: march('chat-volume-by-chatflow'), point: [null] }, ['ch-02', 'ch-05']);
      await expectDrill(api, { run: march('chat-volume-by-chatflow'), point: ['cf-welcome'] }, ['ch-04', 'ch-06', 'ch-09', 'ch-12']);
    });
  });

  describe('email-volume-by-assignee', () => {
    const shape = COUNT_BY('assignee');

    it('counts March emails in Amsterdam', async () => {
      expectReport(await runReport(api, march('email-volume-by-assignee')), shape, [
        byAssignee(ADA, 3), // em-01 em-02 em-08
        byAssignee(GRACE, 4), // em-03 em-06 em-07 em-12
        byAssignee(ALAN, 2), // em-09 em-10; em-20 is March 2
        byAssignee(null, 3), // em-04 em-05 em-13
      ]);
    });

    it('counts March emails in New York', async () => {
      expectReport(await runReport(api, march('email-volume-by-assignee', NEW_YORK)), shape, [
        byAssignee(ADA, 2), // em-02 em-08; em-01 is March 3 there
        byAssignee(GRACE, 4), // em-03 em-06 em-07 em-12
        byAssignee(ALAN, 2), // em-09 em-10
        byAssignee(null, 3), // em-04 em-05 em-13
      ]);
    });

    it('counts all time, and only this account', async () => {
      expectReport(await runReport(api, allTime('email-volume-by-assignee')), shape, [
        byAssignee(ADA, 6), // em-01 em-02 em-08 em-11 em-14 em-18
        byAssignee(GRACE, 5), // em-03 em-06 em-07 em-12 em-16
        byAssignee(ALAN, 5), // em-09 em-10 em-15 em-19 em-20
        byAssignee(null, 4), // em-04 em-05 em-13 em-17
      ]);
    });

    it('drills into the Unassigned group and into an assignee', async () => {
      const unassigned = await expectDrill(api, { run: march('email-volume-by-assignee'), point: [null] }, ['em-04', 'em-05', 'em-13']);
      expect(unassigned.nodes.map((n) => [n.channel, n.assignee])).toEqual([['EMAIL', null], ['EMAIL', null], ['EMAIL', null]]);
      await expectDrill(api, { run: march('email-volume-by-assignee'), point: ['u-grace'] }, ['em-03', 'em-06', 'em-07', 'em-12']);
    });
  });

  describe('email-response-time-by-assignee', () => {
    const shape = SECONDS_BY('assignee', 'avgFirstResponseSeconds');

    it('averages first responses of March emails in Amsterdam', async () => {
      expectReport(await runReport(api, march('email-response-time-by-assignee')), shape, [
        byAssignee(ADA, (1800 + 3600.123 + 3600) / 3), // em-01 em-02 em-08 (across the DST jump: 1 real hour) = 3000.041
        byAssignee(GRACE, (29700 + 3600) / 2), // em-07 em-12; em-03 unanswered, em-06 outbound without reply = 16650
        byAssignee(ALAN, 1200.5), // em-10; em-09 unanswered
        byAssignee(null, 900), // em-05 (agent wrote first; from the visitor's reply); em-04 em-13 no messages
      ]);
    });

    it('averages first responses of March emails in New York', async () => {
      expectReport(await runReport(api, march('email-response-time-by-assignee', NEW_YORK)), shape, [
        byAssignee(ADA, (3600.123 + 3600) / 2), // em-02 em-08 = 3600.0615
        byAssignee(GRACE, (29700 + 3600) / 2), // em-07 em-12
        byAssignee(ALAN, 1200.5), // em-10
        byAssignee(null, 900), // em-05
      ]);
    });

    it('averages all time', async () => {
      expectReport(await runReport(api, allTime('email-response-time-by-assignee')), shape, [
        byAssignee(ADA, (1800 + 3600.123 + 3600 + 7200 + 900.5) / 5), // em-01 em-02 em-08 em-11 em-14; em-18 none = 3420.1246
        byAssignee(GRACE, (29700 + 3600) / 2), // em-07 em-12
        byAssignee(ALAN, (1200.5 + 300 + 120) / 3), // em-10 em-19 em-20 = 540.1666…
        byAssignee(null, 900), // em-05
      ]);
    });

    it('drills into the conversations averaged', async () => {
      await expectDrill(api, { run: march('email-response-time-by-assignee'), point: ['u-grace'] }, ['em-07', 'em-12']);
      const unassigned = await expectDrill(api, { run: march('email-response-time-by-assignee'), point: [null], measure: 'avgFirstResponseSeconds' }, ['em-05']);
      expect(unassigned.nodes[0].firstResponseSeconds).toBe(900);
    });
  });

  describe('emails-closed-by-assignee', () => {
    const shape = COUNT_BY('assignee', 'closedCount');

    it('counts emails closed in March in Amsterdam', async () => {
      expectReport(await runReport(api, march('emails-closed-by-assignee')), shape, [
        byAssignee(ADA, 2), // em-01, em-11 (created in February)
        byAssignee(GRACE, 1), // em-07; em-06 closes 01:00 on April 1 there
      ]);
    });

    it('counts emails closed in March in New York', async () => {
      expectReport(await runReport(api, march('emails-closed-by-assignee', NEW_YORK)), shape, [
        byAssignee(ADA, 2), // em-01 (created March 3 there, closed March 4) em-11
        byAssignee(GRACE, 2), // em-06 (closed 03-31 19:00 there) em-07
      ]);
    });

    it('counts all time', async () => {
      expectReport(await runReport(api, allTime('emails-closed-by-assignee')), shape, [
        byAssignee(ADA, 3), // em-01 em-11 em-14
        byAssignee(GRACE, 2), // em-06 em-07
        byAssignee(ALAN, 2), // em-10 em-19
      ]);
    });

    it('selects April by closing', async () => {
      expectReport(await runReport(api, { definitionId: 'emails-closed-by-assignee', dateRange: APRIL, timezone: AMSTERDAM }), shape, [
        byAssignee(GRACE, 1), // em-06
        byAssignee(ALAN, 1), // em-10
      ]);
    });

    it('drills into closed emails', async () => {
      await expectDrill(api, { run: march('emails-closed-by-assignee', NEW_YORK), point: ['u-grace'] }, ['em-06', 'em-07']);
      await expectDrill(api, { run: march('emails-closed-by-assignee'), point: ['u-grace'], measure: 'closedCount' }, ['em-07']);
      await expectDrill(api, { run: march('emails-closed-by-assignee'), point: [null] }, []);
    });
  });

  describe('email-time-to-close-by-assignee', () => {
    const shape = SECONDS_BY('assignee', 'avgTimeToCloseSeconds');

    it('averages time to close of emails closed in March in Amsterdam', async () => {
      expectReport(await runReport(api, march('email-time-to-close-by-assignee')), shape, [
        byAssignee(ADA, (32400 + 1555200.25) / 2), // em-01 em-11 = 793800.125
        byAssignee(GRACE, 30600), // em-07
      ]);
    });

    it('averages time to close of emails closed in March in New York', async () => {
      expectReport(await runReport(api, march('email-time-to-close-by-assignee', NEW_YORK)), shape, [
        byAssignee(ADA, (32400 + 1555200.25) / 2), // em-01 em-11
        byAssignee(GRACE, (1170000 + 30600) / 2), // em-06 em-07 = 600300
      ]);
    });

    it('averages all time', async () => {
      expectReport(await runReport(api, allTime('email-time-to-close-by-assignee')), shape, [
        byAssignee(ADA, (32400 + 1555200.25 + 3600) / 3), // em-01 em-11 em-14 = 530400.08333…
        byAssignee(GRACE, (1170000 + 30600) / 2), // em-06 em-07
        byAssignee(ALAN, (298800 + 1800) / 2), // em-10 em-19 = 150300
      ]);
    });

    it('selects April by closing', async () => {
      expectReport(await runReport(api, { definitionId: 'email-time-to-close-by-assignee', dateRange: APRIL, timezone: AMSTERDAM }), shape, [
        byAssignee(GRACE, 1170000), // em-06
        byAssignee(ALAN, 298800), // em-10
      ]);
    });

    it('drills into emails closed in the range', async () => {
      await expectDrill(api, { run: march('email-time-to-close-by-assignee'), point: ['u-ada'] }, ['em-01', 'em-11']);
    });
  });

  describe('email-volume-over-time', () => {
    const shape = COUNT_BY('createdAt');
    const over = (granularity: RunReportInput['granularity'], from: string, to: string, timezone = AMSTERDAM): RunReportInput => ({
      definitionId: 'email-volume-over-time', granularity, dateRange: { from, to }, timezone,
    });

    it('buckets by WEEK by default, the first week partial (the range starts on a Wednesday)', async () => {
      const expected = [
        bucket('2026-03-02', 2), // em-01 (03-04) em-12 (03-08); em-20 (Monday 03-02) is before the range
        bucket('2026-03-09', 3), // em-02 em-13 em-03
        bucket('2026-03-16', 3), // em-04 em-05 em-06
        bucket('2026-03-23', 3), // em-07 (03-28) em-08 em-09 (first and last hour of 03-29)
        bucket('2026-03-30', 1), // em-10 (exactly midnight, Monday 03-30)
      ];
      expectReport(await runReport(api, march('email-volume-over-time')), shape, expected, 'exact');
      expectReport(await runReport(api, over('WEEK', '2026-03-04', '2026-03-31')), shape, expected, 'exact');
    });

    it('buckets weeks in New York', async () => {
      expectReport(await runReport(api, over('WEEK', '2026-03-04', '2026-03-31', NEW_YORK)), shape, [
        bucket('2026-03-02', 2), // em-12 em-13 (both 03-08 there); em-01 is 03-03 there
        bucket('2026-03-09', 2), // em-02 em-03
        bucket('2026-03-16', 3), // em-04 em-05 em-06
        bucket('2026-03-23', 4), // em-07 em-08 (03-28) em-09 em-10 (03-29)
        bucket('2026-03-30', 0),
      ], 'exact');
    });

    it('keeps the 23-hour DST day in Amsterdam one DAY bucket', async () => {
      expectReport(await runReport(api, over('DAY', '2026-03-27', '2026-03-31')), shape, [
        bucket('2026-03-27', 0),
        bucket('2026-03-28', 1), // em-07
        bucket('2026-03-29', 2), // em-08 (01:30 CET) em-09 (23:59:59.999 CEST)
        bucket('2026-03-30', 1), // em-10 (00:00 CEST)
        bucket('2026-03-31', 0),
      ], 'exact');
      expectReport(await runReport(api, over('DAY', '2026-03-27', '2026-03-31', NEW_YORK)), shape, [
        bucket('2026-03-27', 0),
        bucket('2026-03-28', 2), // em-07 em-08
        bucket('2026-03-29', 2), // em-09 em-10
        bucket('2026-03-30', 0),
        bucket('2026-03-31', 0),
      ], 'exact');
      expectReport(await runReport(api, over('DAY', '2026-03-27', '2026-03-31', 'UTC')), shape, [
        bucket('2026-03-27', 0),
        bucket('2026-03-28', 1), // em-07
        bucket('2026-03-29', 3), // em-08 em-09 em-10
        bucket('2026-03-30', 0),
        bucket('2026-03-31', 0),
      ], 'exact');
    });

    it('keeps New York\'s 23-hour and 25-hour days one DAY bucket each', async () => {
      expectReport(await runReport(api, over('DAY', '2026-03-07', '2026-03-09', NEW_YORK)), shape, [
        bucket('2026-03-07', 0),
        bucket('2026-03-08', 2), // em-12 (01:30 EST) em-13 (23:59:59.999 EDT)
        bucket('2026-03-09', 1), // em-02
      ], 'exact');
      expectReport(await runReport(api, over('DAY', '2026-03-07', '2026-03-09')), shape, [
        bucket('2026-03-07', 0),
        bucket('2026-03-08', 1), // em-12
        bucket('2026-03-09', 2), // em-02 em-13
      ], 'exact');
      expectReport(await runReport(api, over('DAY', '2026-10-31', '2026-11-02', NEW_YORK)), shape, [
        bucket('2026-10-31', 1), // em-17 (23:59:59.999 EDT)
        bucket('2026-11-01', 3), // em-16 (00:00 EDT) em-14 (01:30 EDT) em-15 (23:59:59.999 EST)
        bucket('2026-11-02', 0),
      ], 'exact');
      expectReport(await runReport(api, over('DAY', '2026-10-31', '2026-11-02')), shape, [
        bucket('2026-10-31', 0),
        bucket('2026-11-01', 3), // em-14 em-16 em-17
        bucket('2026-11-02', 1), // em-15
      ], 'exact');
    });

    it('buckets by MONTH with partial months at both ends and an empty month', async () => {
      expectReport(await runReport(api, over('MONTH', '2026-02-15', '2026-05-10')), shape, [
        bucket('2026-02-01', 1), // em-11
        bucket('2026-03-01', 13), // em-20 em-01 em-12 em-02 em-13 em-03 em-04 em-05 em-06 em-07 em-08 em-09 em-10
        bucket('2026-04-01', 0),
        bucket('2026-05-01', 1), // em-19
      ], 'exact');
    });

    it('buckets by QUARTER', async () => {
      expectReport(await runReport(api, over('QUARTER', '2026-01-01', '2026-12-31')), shape, [
        bucket('2026-01-01', 15), // em-18 (00:30 on Jan 1) em-11 and the 13 of March
        bucket('2026-04-01', 1), // em-19
        bucket('2026-07-01', 0),
        bucket('2026-10-01', 4), // em-14 em-15 em-16 em-17
      ], 'exact');
      expectReport(await runReport(api, over('QUARTER', '2026-01-01', '2026-12-31', NEW_YORK)), shape, [
        bucket('2026-01-01', 14), // em-11 and the 13 of March there (em-01 on 03-03); em-18 is 2025 there
        bucket('2026-04-01', 1), // em-19
        bucket('2026-07-01', 0),
        bucket('2026-10-01', 4), // em-17 (10-31 there) em-14 em-15 em-16
      ], 'exact');
    });

    it('buckets by YEAR, a partial year keeping its own first day', async () => {
      expectReport(await runReport(api, over('YEAR', '2025-01-01', '2026-12-31')), shape, [
        bucket('2025-01-01', 0),
        bucket('2026-01-01', 20), // all 20 emails; em-18 is 2026-01-01 00:30 here
      ], 'exact');
      expectReport(await runReport(api, over('YEAR', '2025-01-01', '2026-12-31', NEW_YORK)), shape, [
        bucket('2025-01-01', 1), // em-18
        bucket('2026-01-01', 19),
      ], 'exact');
      expectReport(await runReport(api, over('YEAR', '2026-03-04', '2026-03-31')), shape, [
        bucket('2026-01-01', 12), // the 12 March emails of Amsterdam
      ], 'exact');
    });

    it('buckets all time from the first to the last email, empty months as 0', async () => {
      // The contract is silent on buckets without a range; a user expects the span of the data.
      expectReport(await runReport(api, { definitionId: 'email-volume-over-time', granularity: 'MONTH', timezone: AMSTERDAM }), shape, [
        bucket('2026-01-01', 1), // em-18
        bucket('2026-02-01', 1), // em-11
        bucket('2026-03-01', 13),
        bucket('2026-04-01', 0),
        bucket('2026-05-01', 1), // em-19
        bucket('2026-06-01', 0),
        bucket('2026-07-01', 0),
        bucket('2026-08-01', 0),
        bucket('2026-09-01', 0),
        bucket('2026-10-01', 0),
        bucket('2026-11-01', 4), // em-14 em-15 em-16 em-17
      ], 'exact');
      expectReport(await runReport(api, { definitionId: 'email-volume-over-time', granularity: 'YEAR', timezone: 'UTC' }), shape, [
        bucket('2025-01-01', 1), // em-18
        bucket('2026-01-01', 19),
      ], 'exact');
    });

    it('drills into a partial week and into the DST day', async () => {
      await expectDrill(api, { run: march('email-volume-over-time'), point: ['2026-03-02'] }, ['em-01', 'em-12']);
      await expectDrill(api, { run: over('DAY', '2026-03-27', '2026-03-31'), point: ['2026-03-29'] }, ['em-08', 'em-09']);
      await expectDrill(api, { run: over('DAY', '2026-10-31', '2026-11-02', NEW_YORK), point: ['2026-11-01'] }, ['em-14', 'em-15', 'em-16']);
      await expectDrill(api, { run: over('DAY', '2026-03-27', '2026-03-31'), point: ['2026-03-31'] }, []);
    });
  });

  describe('open-emails-by-inbox', () => {
    const shape = COUNT_BY('inbox', 'openCount');

    it('counts open March emails by inbox in Amsterdam', async () => {
      expectReport(await runReport(api, march('open-emails-by-inbox')), shape, [
        byRef(SUPPORT, 5), // em-03 em-04 em-08 em-09 em-12; em-01 is closed
        byRef(BILLING, 1), // em-02; em-07 em-10 are closed
        byRef(SALES, 2), // em-05 em-13; em-06 is closed
      ]);
    });

    it('counts New York\'s 25-hour November 1 differently from Amsterdam\'s', async () => {
      const day = { from: '2026-11-01', to: '2026-11-01' };
      expectReport(await runReport(api, { definitionId: 'open-emails-by-inbox', dateRange: day, timezone: AMSTERDAM }), shape, [
        byRef(SUPPORT, 1), // em-17; em-14 is closed
        byRef(BILLING, 1), // em-16
      ]);
      expectReport(await runReport(api, { definitionId: 'open-emails-by-inbox', dateRange: day, timezone: NEW_YORK }), shape, [
        byRef(BILLING, 1), // em-16 (exactly midnight)
        byRef(SALES, 1), // em-15 (its last millisecond)
      ]);
    });

    it('counts all time, with this account\'s inbox names', async () => {
      expectReport(await runReport(api, allTime('open-emails-by-inbox')), shape, [
        byRef(SUPPORT, 7), // em-03 em-04 em-08 em-09 em-12 em-17 em-18
        byRef(BILLING, 2), // em-02 em-16
        byRef(SALES, 4), // em-05 em-13 em-15 em-20
      ]);
    });

    it('drills into open emails of an inbox', async () => {
      await expectDrill(api, { run: march('open-emails-by-inbox'), point: ['support'] }, ['em-03', 'em-04', 'em-08', 'em-09', 'em-12']);
      const sales = await expectDrill(api, { run: { definitionId: 'open-emails-by-inbox', dateRange: { from: '2026-11-01', to: '2026-11-01' }, timezone: NEW_YORK }, point: ['sales'], measure: 'openCount' }, ['em-15']);
      expect(sales.nodes.map((n) => [n.status, n.createdAt])).toEqual([['OPEN', '2026-11-02T04:59:59.999Z']]);
    });
  });

  it('shows the other account only its own conversations and names', async () => {
    // Same external ids as the main account, other names (OTHER_ACCOUNT_CONVERSATIONS).
    expectReport(await runReport(api, { definitionId: 'chat-volume-by-assignee' }, otherToken), COUNT_BY('assignee'), [
      byAssignee({ id: 'u-ada', name: 'Ada Impostor' }, 1), // its ch-01
    ]);
    expectReport(await runReport(api, { definitionId: 'open-emails-by-inbox' }, otherToken), COUNT_BY('inbox', 'openCount'), [
      byRef({ id: 'support', name: 'Other Support' }, 1), // its em-01; em-99 is closed
    ]);
    expectReport(await runReport(api, { definitionId: 'emails-closed-by-assignee', dateRange: MARCH, timezone: 'UTC' }, otherToken), COUNT_BY('assignee', 'closedCount'), [
      byAssignee(null, 1), // its em-99
    ]);
  });
});
