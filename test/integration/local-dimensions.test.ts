import { Account } from '../../src/accounts/account.entity';
import { createAccount } from '../../src/accounts/accounts';
import { ingestConversations } from '../../src/conversations/import';
import { buildSpec, ReportShape, RunOptions } from '../../src/reporting/engine/build-spec';
import { drilldownSpec } from '../../src/reporting/engine/drilldown';
import { runSpec } from '../../src/reporting/engine/run';
import { loadPropertyCatalog } from '../../src/conversations/query/properties';
import { propertyValues } from '../../src/reporting/values';
import { aConversation } from '../support/fixtures';
import { createTestDatabase, DIALECTS, TestDatabase } from '../support/databases';

/**
 * Local hour of day and day of week across daylight saving time, numeric ranges and page URL paths,
 * on both stores. The chats, with their local times (Amsterdam / New York):
 *   d3 2026-10-24T22:30Z  Sun 00:30 CEST / Sat 18:30 EDT
 *   d1 2026-10-25T00:30Z  Sun 02:30 CEST / Sat 20:30 EDT   the 25-hour day: first 02:00 hour
 *   d2 2026-10-25T01:30Z  Sun 02:30 CET  / Sat 21:30 EDT   ... and the second
 *   s1 2026-03-29T00:59Z  Sun 01:59 CET  / Sat 20:59 EDT   the last minute before 02:00 is skipped
 *   s2 2026-03-29T01:00Z  Sun 03:00 CEST / Sat 21:00 EDT
 *   m1 2026-03-30T10:00Z  Mon 12:00 CEST / Mon 06:00 EDT
 *   n1 2026-11-01T05:30Z  Sun 06:30 CET  / Sun 01:30 EDT   New York's 25-hour day: first 01:00 hour
 *   n2 2026-11-01T06:30Z  Sun 07:30 CET  / Sun 01:30 EST   ... and the second
 *   n3 2026-03-08T06:59Z  Sun 07:59 CET  / Sun 01:59 EST
 *   n4 2026-03-08T07:00Z  Sun 08:00 CET  / Sun 03:00 EDT   New York skips 02:00
 */
const chat = (id: string, createdAt: string, extra: Record<string, unknown> = {}) =>
  aConversation({ id, createdAt, messages: [{ id: `${id}-m1`, from: 'VISITOR', sentAt: createdAt }], ...extra });

const FIXTURE = [
  chat('d3', '2026-10-24T22:30:00Z'),
  chat('d1', '2026-10-25T00:30:00Z', { properties: { csat: 5 }, status: 'CLOSED', closedAt: '2026-10-25T02:30:00Z', pageUrl: 'https://Example.com/Pricing/?utm_source=mail#top' }),
  chat('d2', '2026-10-25T01:30:00Z', { properties: { csat: 2 }, pageUrl: 'https://example.com/Pricing' }),
  chat('s1', '2026-03-29T00:59:00Z', { properties: { csat: 3 }, pageUrl: 'https://example.com/' }),
  chat('s2', '2026-03-29T01:00:00Z', { pageUrl: 'HTTPS://EXAMPLE.COM' }),
  chat('m1', '2026-03-30T10:00:00Z'),
  chat('n1', '2026-11-01T05:30:00Z', { properties: { csat: 4.5 } }),
  chat('n2', '2026-11-01T06:30:00Z'),
  chat('n3', '2026-03-08T06:59:00Z'),
  chat('n4', '2026-03-08T07:00:00Z'),
];

const AMSTERDAM = 'Europe/Amsterdam';
const NEW_YORK = 'America/New_York';

describe.each(DIALECTS)('local hours, weekdays, ranges and URL paths on %s', (dialect) => {
  let database: TestDatabase;
  let account: Account;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    account = await createAccount(database.db, { name: 'Local', plan: 'PROFESSIONAL', timezone: AMSTERDAM });
    expect((await ingestConversations(database.db, account.id, FIXTURE)).rejected).toEqual([]);
  });

  afterAll(() => database.drop());

  const specOf = async (dimensions: string[], run: RunOptions = {}, extra: Partial<ReportShape> = {}) =>
    buildSpec({ channel: 'CHAT', measures: ['count'], dimensions, dateProperty: 'createdAt', ...extra }, run, {
      account, catalog: await loadPropertyCatalog(database.db, account.id), dialect: database.db.dialect,
    });
  /** value → count, leaving out the rows with 0. */
  const counts = async (dimensions: string[], run: RunOptions = {}, extra: Partial<ReportShape> = {}) => {
    const result = await runSpec(database.db, await specOf(dimensions, run, extra), { rollups: false });
    return result.rows.filter((r) => r.measureValues[0] !== 0).map((r) => [r.dimensionValues.map((v) => v.value).join('|'), r.measureValues[0]]);
  };

  it('counts each chat under its local hour in Amsterdam, both 02:00 hours of the 25-hour day under 02', async () => {
    expect(await counts(['createdAt.hourOfDay'], { timezone: AMSTERDAM })).toEqual([['0', 1], ['1', 1], ['2', 2], ['3', 1], ['6', 1], ['7', 2], ['8', 1], ['12', 1]]);
  });

  it('counts each chat under its local hour in New York, both 01:00 hours of its 25-hour day under 01', async () => {
    expect(await counts(['createdAt.hourOfDay'], { timezone: NEW_YORK })).toEqual([['1', 3], ['3', 1], ['6', 1], ['18', 1], ['20', 2], ['21', 2]]);
  });

  it('lists all 24 hours in order, with labels, empty ones as 0', async () => {
    const result = await runSpec(database.db, await specOf(['createdAt.hourOfDay'], { timezone: AMSTERDAM, dateRange: { from: '2026-10-25', to: '2026-10-25' } }));
    expect(result.rows.map((r) => r.dimensionValues[0].value)).toEqual(Array.from({ length: 24 }, (_, h) => String(h)));
    expect(result.rows.slice(0, 3).map((r) => [r.dimensionValues[0].label, r.measureValues[0]])).toEqual([['00:00', 1], ['01:00', 0], ['02:00', 2]]);
  });

  it('counts by local day of week, Monday first', async () => {
    expect(await counts(['createdAt.dayOfWeek'], { timezone: AMSTERDAM })).toEqual([['MONDAY', 1], ['SUNDAY', 9]]);
    expect(await counts(['createdAt.dayOfWeek'], { timezone: NEW_YORK })).toEqual([['MONDAY', 1], ['SATURDAY', 5], ['SUNDAY', 4]]);
  });

  it('groups by the hour of the other date, conversations without it in the no-value group', async () => {
    expect(await counts(['closedAt.hourOfDay'], { timezone: AMSTERDAM })).toEqual([['3', 1], ['', 9]]);
  });

  it.each([
    [AMSTERDAM, ['createdAt.hourOfDay'], ['2'], 2],
    [NEW_YORK, ['createdAt.hourOfDay'], ['1'], 3],
    [NEW_YORK, ['createdAt.dayOfWeek'], ['SATURDAY'], 5],
    [AMSTERDAM, ['closedAt.hourOfDay'], [null], 9],
  ])('drills down in %s on %j %j to %i chats', async (timezone, dimensions, point, total) => {
    const page = await drilldownSpec(database.db, await specOf(dimensions, { timezone }), point, null, { first: 20 });
    expect(await page.totalCount()).toBe(total);
  });

  it('refuses to filter by a local hour (it depends on the time zone) and names the point a bad hour is', async () => {
    await expect(specOf(['createdAt.hourOfDay'], { filters: [{ property: 'createdAt.hourOfDay', operator: 'EQ', values: ['2'] }] })).rejects.toThrow(
      "filters[0].property: createdAt.hourOfDay only groups reports (its value depends on the report's time zone); filter on createdAt instead",
    );
    await expect(drilldownSpec(database.db, await specOf(['createdAt.hourOfDay']), ['24'], null, { first: 1 })).rejects.toThrow('point[0]: "24" is not a value of this dimension');
    await expect(propertyValues(database.db, await loadPropertyCatalog(database.db, account.id), account.id, { key: 'closedAt.dayOfWeek' })).rejects.toThrow(
      "key: closedAt.dayOfWeek has no value list: it is local to a report's time zone and only groups reports",
    );
  });

  it('cuts a numeric custom property into declared ranges, in range order, and drills into one', async () => {
    const shape = { ranges: { 'properties.csat': [3, 5] } };
    expect(await counts(['properties.csat'], {}, shape)).toEqual([['..3', 1], ['3..5', 2], ['5..', 1], ['', 6]]);
    const result = await runSpec(database.db, await specOf(['properties.csat'], {}, shape));
    expect(result.rows.map((r) => r.dimensionValues[0].label)).toEqual(['< 3', '3 to < 5', '≥ 5', '(No value)']);
    const page = await drilldownSpec(database.db, await specOf(['properties.csat'], {}, shape), ['3..5'], null, { first: 20 });
    expect(page.nodes.map((n) => n.externalId).sort()).toEqual(['n1', 's1']);
  });

  it('cuts a built-in number into ranges', async () => {
    expect(await counts(['messageCount'], {}, { ranges: { messageCount: [1, 2] } })).toEqual([['1..2', 10]]);
  });

  it('groups page URLs by their path: scheme and host in lower case, no query, fragment or trailing slash', async () => {
    expect(await counts(['pageUrlPath'])).toEqual([['', 6], ['https://example.com/', 2], ['https://example.com/Pricing', 2]]);
    expect(await counts(['pageUrl'])).toHaveLength(5);
  });
});
