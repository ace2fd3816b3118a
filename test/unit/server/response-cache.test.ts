import { Viewer } from '../../../src/auth/viewer';
import { analyse, ResponseCache } from '../../../src/server/response-cache';

/** Which operations and requests the whole-response cache may hold, what its key tells apart, and its memory bound. */
const viewer: Viewer = {
  userId: 'u1',
  email: 'a@example.com',
  role: 'ADMIN',
  teamId: null,
  scope: 'ADMIN',
  tokenId: 't1',
  account: { id: 7, name: 'Acme', plan: 'PROFESSIONAL', reportingAddon: false, timezone: 'UTC', dataVersion: 3, databaseIdentity: 'db-1' },
};

const RUN = 'query Run($input: RunReportInput!) { runReport(input: $input) { rows { measureValues } } }';
const cacheOf = (bytes = 1024 * 1024) => new ResponseCache(bytes, 5000);

describe('which operations the response cache may hold', () => {
  it.each([
    ['a catalog report by a variable', RUN, null, { label: 'runReport', wholeInputs: ['input'], mustBeNull: [] }],
    ['a catalog report by literal, beside __typename', '{ __typename runReport(input: {definitionId: "x", reportId: null}) { rows { measureValues } } }', null, { label: '__typename,runReport', wholeInputs: [], mustBeNull: [] }],
    ['a reportId given by a variable of its own', 'query ($id: ID) { runReport(input: {reportId: $id}) { rows { measureValues } } }', null, { label: 'runReport', wholeInputs: [], mustBeNull: ['id'] }],
    ['the named query of a document that also has a mutation', `${RUN} mutation M { revokeApiToken(id: "1") { id } }`, 'Run', { label: 'runReport', wholeInputs: ['input'], mustBeNull: [] }],
  ])('holds %s', (_what, query, operationName, plan) => {
    expect(analyse(query, operationName, 5000)).toEqual(plan);
  });

  it.each([
    ['a mutation', 'mutation { ingestConversations(input: []) { imported } }', null],
    ['the mutation of a document that also has a query', `${RUN} mutation M { revokeApiToken(id: "1") { id } }`, 'M'],
    ['a document of two operations without a name to choose', `${RUN} query Other { __typename }`, null],
    ['a saved report by literal', '{ runReport(input: {reportId: "5"}) { rows { measureValues } } }', null],
    ['a dashboard\'s tile by literal', '{ runReport(input: {definitionId: "x", dashboardId: "5"}) { rows { measureValues } } }', null],
    ['another root field beside a report', '{ runReport(input: {definitionId: "x"}) { rows { measureValues } } dashboards { id } }', null],
    ['a root fragment', 'query { ...F } fragment F on Query { runReport(input: {definitionId: "x"}) { rows { measureValues } } }', null],
    ['no report at all', '{ __typename }', null],
    ['an input variable with a default (which could name a saved report)', 'query ($input: RunReportInput = {reportId: "5"}) { runReport(input: $input) { rows { measureValues } } }', null],
    ['a reportId variable with a default', 'query ($id: ID = "5") { runReport(input: {reportId: $id}) { rows { measureValues } } }', null],
    ['text that does not parse', '{ runReport(', null],
    ['more tokens than allowed', `{ runReport(input: {definitionId: "x"}) { rows { measureValues ${'__typename '.repeat(6000)}} } }`, null],
  ])('never holds %s', (_what, query, operationName) => {
    expect(analyse(query, operationName, 5000)).toBeNull();
  });
});

describe('which requests the response cache may answer', () => {
  const cache = cacheOf();

  it('takes a catalog run, and refuses a run given a reportId or dashboardId in its variables', () => {
    expect(cache.candidate({ query: RUN, variables: { input: { definitionId: 'x' } } })).toMatchObject({ query: RUN, operationName: null });
    expect(cache.candidate({ query: RUN, variables: { input: { definitionId: 'x', reportId: null } } })).not.toBeNull();
    expect(cache.candidate({ query: RUN, variables: { input: { reportId: '5' } } })).toBeNull();
    expect(cache.candidate({ query: RUN, variables: { input: { definitionId: 'x', dashboardId: '5' } } })).toBeNull();
    expect(cache.candidate({ query: RUN, variables: { input: 'x' } })).toBeNull();
    const byId = 'query ($id: ID) { runReport(input: {definitionId: "x", reportId: $id}) { rows { measureValues } } }';
    expect(cache.candidate({ query: byId, variables: {} })).not.toBeNull();
    expect(cache.candidate({ query: byId, variables: { id: '5' } })).toBeNull();
  });

  it('leaves malformed bodies and protocol extensions to Apollo', () => {
    expect(cache.candidate([{ query: RUN }])).toBeNull();
    expect(cache.candidate({ query: RUN, variables: { input: { definitionId: 'x' } }, extensions: { persistedQuery: { version: 1 } } })).toBeNull();
    expect(cache.candidate({ query: RUN, operationName: 3 })).toBeNull();
    expect(cache.candidate({ query: RUN, variables: '{}' })).toBeNull();
    expect(cache.candidate({ variables: {} })).toBeNull();
  });
});

describe('the response cache\'s key and store', () => {
  const candidate = { query: RUN, operationName: null, variables: { input: { definitionId: 'x' } }, label: 'runReport' };
  const keyOf = (changes: { viewer?: Partial<Viewer>; account?: Partial<Viewer['account']>; accept?: string; variables?: Record<string, unknown> } = {}) =>
    cacheOf().key({ ...candidate, variables: changes.variables ?? candidate.variables }, { ...viewer, ...changes.viewer, account: { ...viewer.account, ...changes.account } }, changes.accept ?? 'application/json');

  it('differs with whatever the answer or its visibility depends on, and not with the token or key order', () => {
    const base = keyOf();
    const variants = [
      keyOf({ account: { id: 8 } }),
      keyOf({ account: { dataVersion: 4 } }),
      keyOf({ account: { databaseIdentity: 'db-2' } }),
      keyOf({ account: { timezone: 'Europe/Amsterdam' } }),
      keyOf({ account: { plan: 'ENTERPRISE' } }),
      keyOf({ account: { reportingAddon: true } }),
      keyOf({ viewer: { userId: 'u2' } }),
      keyOf({ viewer: { role: 'MEMBER' } }),
      keyOf({ viewer: { scope: 'READ' } }),
      keyOf({ viewer: { teamId: 'support' } }),
      keyOf({ accept: 'application/graphql-response+json' }),
      keyOf({ variables: { input: { definitionId: 'y' } } }),
    ];
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
    expect(keyOf({ viewer: { tokenId: 't2', email: 'b@example.com' } })).toBe(base);
    expect(keyOf({ variables: { input: { dateRange: { to: '2026-01-31', from: '2026-01-01' }, definitionId: 'x' } } })).toBe(
      keyOf({ variables: { input: { definitionId: 'x', dateRange: { from: '2026-01-01', to: '2026-01-31' } } } }),
    );
    expect(keyOf({ account: { dataVersion: undefined } })).toBeNull();
  });

  it('stores complete successes only: no errors, no partial data, no unknown extensions, no response without a report', () => {
    const cache = cacheOf();
    const ok = '{"data":{"runReport":{"rows":[]}},"extensions":{"threadline":{"source":{"runReport":"ROLLUP"}}}}\n';
    expect(cache.store('ok', ok, 'application/json', ['runReport'])).toBe(true);
    expect(cache.get('ok')).toEqual({ data: '{"runReport":{"rows":[]}}', paths: ['runReport'], contentType: 'application/json', sourceJson: '{"runReport":"CACHE"}' });
    expect(cache.store('partial', '{"errors":[{"message":"x"}],"data":{"a":{"rows":[]},"b":null}}', 'application/json', ['a'])).toBe(false);
    expect(cache.store('error', '{"errors":[{"message":"x"}],"data":null}', 'application/json', ['runReport'])).toBe(false);
    expect(cache.store('null', '{"data":null}', 'application/json', ['runReport'])).toBe(false);
    expect(cache.store('other', '{"data":{"runReport":{}},"extensions":{"cost":1}}', 'application/json', ['runReport'])).toBe(false);
    expect(cache.store('none', '{"data":{"__typename":"Query"}}', 'application/json', [])).toBe(false);
    expect(['partial', 'error', 'null', 'other', 'none'].map((key) => cache.get(key))).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('keeps within its bytes, dropping the least recently used first', () => {
    const row = JSON.stringify({ runReport: { rows: [{ measureValues: [1] }] }, pad: 'x'.repeat(1000) });
    const cache = cacheOf(10_000);
    for (let i = 0; i < 10; i += 1) {
      cache.store(`k${i}`, `{"data":${row}}`, 'application/json', ['runReport']);
      if (i === 3) cache.get('k0');
    }
    expect(cache.size.bytes).toBeLessThanOrEqual(10_000);
    expect(cache.size.entries).toBeGreaterThan(0);
    expect(cache.size.entries).toBeLessThan(10);
    expect(cache.get('k9')).toBeDefined();
    expect(cache.get('k1')).toBeUndefined();
    // A response larger than the whole cache is not kept.
    const tiny = cacheOf(100);
    expect(tiny.store('big', `{"data":${row}}`, 'application/json', ['runReport'])).toBe(false);
    expect([tiny.get('big'), tiny.size.entries]).toEqual([undefined, 0]);
  });
});
