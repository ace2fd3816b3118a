import { reloadSettings } from '../../src/config';
import { resolve } from 'node:path';
import { DrilldownDocument, IngestDocument, ReportMeasuresDocument, RunReportCsvDocument, RunReportDocument, RunReportInput } from '../graphql/generated/operations';
import { startTestApi, TestApi } from '../support/api';
import { DIALECTS } from '../support/databases';
import { aConversation } from '../support/fixtures';
import { pluginFixture, PluginFixture } from '../support/plugin-reports';

/**
 * The three example plugins of plugins/examples, on a fixture with hand-computed answers, on both
 * stores: through the plugin test helper (rollups and raw SQL agree) and end to end through GraphQL
 * (the server loading them from THREADLINE_PLUGINS), drill-down and CSV included.
 *
 * The account is in Europe/Amsterdam; March 2026. Names: u-1 Ada, u-2 Grace; inboxes Support, Sales, Billing.
 *   x1 CHAT  Support u-1  03-10 08:15Z (09:15 local)  csat 5  priority high
 *   x2 CHAT  Support u-1  03-10 08:45Z (09:45)        csat 3  priority low
 *   x3 CHAT  Sales   u-2  03-11 13:00Z (14:00)        —       priority high
 *   x4 EMAIL Support u-2  03-12 09:00Z                csat 4  —
 *   x5 EMAIL Sales   —    03-12 10:00Z                csat 1  priority high
 *   x6 CHAT  Billing u-1  03-29 01:30Z (03:30 CEST, the night the clocks go forward)  priority high
 */
const EXAMPLES = resolve(__dirname, '../../plugins/examples');
const INBOXES: Record<string, string> = { support: 'Support', sales: 'Sales', billing: 'Billing' };
const PEOPLE: Record<string, string> = { 'u-1': 'Ada', 'u-2': 'Grace' };
const conversation = (id: string, channel: string, inbox: string, assignee: string | null, createdAt: string, properties: Record<string, unknown>) =>
  aConversation({
    id, channel, createdAt, properties,
    inbox: { id: inbox, name: INBOXES[inbox] },
    assignee: assignee ? { id: assignee, name: PEOPLE[assignee] } : null,
    messages: [{ id: `${id}-m1`, from: 'VISITOR', sentAt: createdAt }],
  });
const FIXTURE = [
  conversation('x1', 'CHAT', 'support', 'u-1', '2026-03-10T08:15:00Z', { csat: 5, priority: 'high' }),
  conversation('x2', 'CHAT', 'support', 'u-1', '2026-03-10T08:45:00Z', { csat: 3, priority: 'low' }),
  conversation('x3', 'CHAT', 'sales', 'u-2', '2026-03-11T13:00:00Z', { priority: 'high' }),
  conversation('x4', 'EMAIL', 'support', 'u-2', '2026-03-12T09:00:00Z', { csat: 4 }),
  conversation('x5', 'EMAIL', 'sales', null, '2026-03-12T10:00:00Z', { csat: 1, priority: 'high' }),
  conversation('x6', 'CHAT', 'billing', 'u-1', '2026-03-29T01:30:00Z', { priority: 'high' }),
];
const MARCH = { from: '2026-03-01', to: '2026-03-31' };

/** The hours 0–23 with the given counts, every other one 0. */
const hours = (counts: Record<number, number>) => Array.from({ length: 24 }, (_, h) => [[String(h)], [`${String(h).padStart(2, '0')}:00`], [counts[h] ?? 0]]);

describe.each(DIALECTS)('example plugins on %s', (dialect) => {
  describe('through the plugin test helper', () => {
    let fixture: PluginFixture;

    beforeAll(async () => {
      fixture = await pluginFixture(dialect, { plugins: [EXAMPLES], conversations: FIXTURE, timezone: 'Europe/Amsterdam' });
    });
    afterAll(() => fixture.close());

    it('loads the three examples and their measures without problems', () => {
      expect(fixture.catalog.problems).toEqual([]);
      expect(fixture.catalog.measures().slice(9).map((m) => m.key)).toEqual(['avgCsat', 'highPriorityCount', 'highPriorityShare']);
    });

    it('csat-by-assignee: the average over the rated conversations, ties by name', async () => {
      expect(await fixture.run('csat-by-assignee', { dateRange: MARCH })).toEqual([
        [['u-1'], ['Ada'], [4, 3]], // x1 5, x2 3 (x6 unrated)
        [['u-2'], ['Grace'], [4, 2]], // x4 4 (x3 unrated)
        [[null], ['Unassigned'], [1, 1]], // x5
      ]);
      expect(await fixture.drill('csat-by-assignee', ['u-1'], undefined, { dateRange: MARCH })).toEqual(['x1', 'x2']);
    });

    it('chats-by-hour-of-day: local hours in Amsterdam and in New York', async () => {
      expect(await fixture.run('chats-by-hour-of-day', { dateRange: MARCH })).toEqual(hours({ 3: 1, 9: 2, 14: 1 })); // x6 03:30 CEST; x1 x2; x3
      // New York is on EDT from 8 March: x1 x2 04:xx, x3 09:00; x6 is 28 March 21:30 there.
      expect(await fixture.run('chats-by-hour-of-day', { dateRange: { from: '2026-03-01', to: '2026-03-31' }, timezone: 'America/New_York' })).toEqual(hours({ 4: 2, 9: 1, 21: 1 }));
      expect(await fixture.drill('chats-by-hour-of-day', ['9'], undefined, { dateRange: MARCH })).toEqual(['x1', 'x2']);
    });

    it('high-priority-share-by-inbox: a ratio in percent beside its parts', async () => {
      expect(await fixture.run('high-priority-share-by-inbox', { dateRange: MARCH })).toEqual([
        [['billing'], ['Billing'], [100, 1, 1]], // x6
        [['sales'], ['Sales'], [100, 2, 2]], // x3 x5
        [['support'], ['Support'], [(1 / 3) * 100, 1, 3]], // x1 of x1 x2 x4
      ]);
      expect(await fixture.drill('high-priority-share-by-inbox', ['support'], 'highPriorityShare', { dateRange: MARCH })).toEqual(['x1']);
      expect(await fixture.drill('high-priority-share-by-inbox', ['support'], 'count', { dateRange: MARCH })).toEqual(['x1', 'x2', 'x4']);
    });
  });

  describe('end to end through GraphQL', () => {
    let api: TestApi;
    const saved = process.env.THREADLINE_PLUGINS;

    beforeAll(async () => {
      process.env.THREADLINE_PLUGINS = EXAMPLES;
      reloadSettings();
      api = await startTestApi(dialect, { timezone: 'Europe/Amsterdam' });
      const { data, errors } = await api.request(IngestDocument, { input: FIXTURE as never });
      expect(errors).toBeUndefined();
      expect(data?.ingestConversations.rejected).toEqual([]);
    });
    afterAll(async () => {
      await api?.close();
      if (saved === undefined) delete process.env.THREADLINE_PLUGINS;
      else process.env.THREADLINE_PLUGINS = saved;
      reloadSettings();
    });

    const run = async (input: RunReportInput) => {
      const { data, errors } = await api.request(RunReportDocument, { input });
      expect(errors).toBeUndefined();
      return { measures: data!.runReport.measures, rows: data!.runReport.rows.map((r) => [r.dimensionValues.map((v) => v.label), r.measureValues]) };
    };
    const drill = async (input: RunReportInput, point: (string | null)[], measure?: string) => {
      const { data, errors } = await api.request(DrilldownDocument, { input: { run: input, point, measure, first: 50 } });
      expect(errors).toBeUndefined();
      return [data!.drilldown.totalCount, data!.drilldown.nodes.map((n) => n.externalId).sort()];
    };

    it('lists the plugin measures in reportMeasures', async () => {
      const { data } = await api.request(ReportMeasuresDocument);
      expect(data!.reportMeasures.slice(9)).toEqual([
        { key: 'avgCsat', label: 'Average CSAT', unit: 'NUMBER' },
        { key: 'highPriorityCount', label: 'High-priority conversations', unit: 'COUNT' },
        { key: 'highPriorityShare', label: 'High-priority share', unit: 'PERCENT' },
      ]);
    });

    it('runs csat-by-assignee, drills into it and exports it', async () => {
      const input = { definitionId: 'csat-by-assignee', dateRange: MARCH };
      expect(await run(input)).toEqual({
        measures: [{ key: 'avgCsat', label: 'Average CSAT', unit: 'NUMBER' }, { key: 'count', label: 'Conversations', unit: 'COUNT' }],
        rows: [[['Ada'], [4, 3]], [['Grace'], [4, 2]], [['Unassigned'], [1, 1]]],
      });
      expect(await drill(input, ['u-2'])).toEqual([1, ['x4']]);
      const { data } = await api.request(RunReportCsvDocument, { input });
      expect(data!.runReport.csv.split('\r\n').filter((l) => l !== '')).toHaveLength(4);
    });

    it('runs chats-by-hour-of-day and drills into an hour', async () => {
      const input = { definitionId: 'chats-by-hour-of-day', dateRange: MARCH };
      const { rows } = await run(input);
      expect(rows.filter(([, values]) => (values as number[])[0] > 0)).toEqual([[['03:00'], [1]], [['09:00'], [2]], [['14:00'], [1]]]);
      expect(await drill(input, ['3'])).toEqual([1, ['x6']]);
    });

    it('runs high-priority-share-by-inbox, drilling a share down to its numerator', async () => {
      const input = { definitionId: 'high-priority-share-by-inbox', dateRange: MARCH };
      expect((await run(input)).rows).toEqual([[['Billing'], [100, 1, 1]], [['Sales'], [100, 2, 2]], [['Support'], [(1 / 3) * 100, 1, 3]]]);
      expect(await drill(input, ['sales'])).toEqual([2, ['x3', 'x5']]);
      expect(await drill(input, ['support'], 'highPriorityCount')).toEqual([1, ['x1']]);
    });
  });
});

