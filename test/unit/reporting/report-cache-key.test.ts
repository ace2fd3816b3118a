import { sql } from '../../../src/db/sql';
import { reportCacheKey, stableJson } from '../../../src/reporting/cache/key';
import { sqliteDialect } from '../../../src/db/dialects/sqlite';
import { compileMeasure } from '../../../src/reporting/engine/build-spec';
import { coreMeasures } from '../../../src/reporting/engine/measures';
import { ReportSpec } from '../../../src/reporting/engine/spec';
import { builtinProperty, PropertyCatalog } from '../../../src/conversations/query/properties';

const measure = (key: string) => compileMeasure(key, coreMeasures, { dialect: sqliteDialect, catalog: new PropertyCatalog(new Map()), timezone: 'UTC', declared: true }, 'measures[0]');
const MEASURES = { count: measure('count'), openCount: measure('openCount') };

/** A database's random identity, as its database_identity table holds it. */
const db = '5f0c1f7e-9a52-4d55-8d3c-0b6f1c2a9e11';

function aSpec(overrides: Partial<ReportSpec> = {}): ReportSpec {
  return {
    accountId: 7,
    channel: 'EMAIL',
    measures: [MEASURES.count],
    dimensions: [{ kind: 'time', property: builtinProperty('createdAt')!, granularity: 'WEEK' }],
    dateColumn: 'c.created_at',
    range: { from: '2026-03-01', to: '2026-03-31' },
    timezone: 'Europe/Amsterdam',
    filters: sql`(c.inbox_id = ${'support'})`,
    ...overrides,
  };
}

describe('reportCacheKey', () => {
  const base = reportCacheKey(db, aSpec(), 3);

  it('names the database, account and data version and hashes the rest', () => {
    expect(base).toMatch(/^threadline:report:v3:5f0c1f7e-9a52-4d55-8d3c-0b6f1c2a9e11:7:3:[0-9a-f]{64}$/);
  });

  it('is the same for the same spec built in another order', () => {
    const spec = aSpec();
    const reordered = Object.fromEntries(Object.entries(spec).reverse()) as unknown as ReportSpec;
    reordered.range = { to: '2026-03-31', from: '2026-03-01' };
    expect(reportCacheKey(db, reordered, 3)).toBe(base);
  });

  it.each<[string, Partial<ReportSpec>]>([
    ['account', { accountId: 8 }],
    ['channel', { channel: 'CHAT' }],
    ['measure', { measures: [MEASURES.openCount] }],
    ['granularity', { dimensions: [{ kind: 'time', property: builtinProperty('createdAt')!, granularity: 'DAY' }] }],
    ['dimension', { dimensions: [{ kind: 'property', property: builtinProperty('assignee')! }] }],
    ['date column', { dateColumn: 'c.closed_at' }],
    ['date range', { range: { from: '2026-03-01', to: '2026-03-30' } }],
    ['all time', { range: null }],
    ['timezone', { timezone: 'UTC' }],
    ['filter value', { filters: sql`(c.inbox_id = ${'sales'})` }],
    ['filter', { filters: sql`(c.team_id = ${'support'})` }],
    ['filter instant', { filters: sql`(c.created_at >= ${new Date('2026-03-01T00:00:00Z')})` }],
  ])('differs for another %s', (_name, change) => {
    expect(reportCacheKey(db, aSpec(change), 3)).not.toBe(base);
  });

  it('differs for another data version and another database', () => {
    expect(reportCacheKey(db, aSpec(), 4)).not.toBe(base);
    expect(reportCacheKey('0d9a3a40-2b1e-4c57-9d3e-7a1f6c2b8e00', aSpec(), 3)).not.toBe(base);
  });

  it('tells filter instants apart to the millisecond', () => {
    const at = (iso: string) => reportCacheKey(db, aSpec({ filters: sql`(c.created_at >= ${new Date(iso)})` }), 3);
    expect(at('2026-03-01T00:00:00.000Z')).not.toBe(at('2026-03-01T00:00:00.001Z'));
  });
});

describe('stableJson', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    expect(stableJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
  });
});
