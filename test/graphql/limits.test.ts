import { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Lexer, parse, Source, TokenKind } from 'graphql';
import { ConversationIdsDocument } from './generated/operations';
import { errorCodes, GraphQLResponse, startTestApi, TestApi } from '../support/api';

/** A query written by hand, as a client that does not use codegen sends it. */
const raw = (query: string) => parse(query) as TypedDocumentNode<Record<string, unknown>, Record<string, never>>;

const RUN = 'runReport(input: { definitionId: "chat-volume-by-assignee" }) { csv }';
const runs = (n: number) => Array.from({ length: n }, (_, i) => `r${i}: ${RUN}`).join(' ');

/** What a refusal of the request as a whole looks like: HTTP 400, one BAD_USER_INPUT for `query`. */
const refusal = (response: GraphQLResponse<unknown>) => ({
  status: response.status,
  errors: response.errors?.map((e) => [e.extensions?.code, e.extensions?.field, e.message]),
  data: response.data,
});
const refused = (message: string) => ({ status: 400, errors: [['BAD_USER_INPUT', 'query', message]], data: undefined });

describe('request limits and bad literal values', () => {
  let api: TestApi;

  /** POSTs query text as is: some of these cannot even be parsed into a document to print. */
  const post = async (query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<unknown>> => {
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}` },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  };

  beforeAll(async () => {
    api = await startTestApi('sqlite');
  });

  afterAll(() => api.close());

  it('answers a value the schema refuses, written into the query, with BAD_USER_INPUT', async () => {
    for (const query of [
      '{ conversations(filters: [{ property: "status", operator: FOO, values: ["OPEN"] }]) { totalCount } }',
      '{ conversations(first: 3000000000) { totalCount } }',
      '{ runReport(input: { definitionId: "email-volume-over-time", granularity: HOUR }) { csv } }',
      '{ runReport(input: { definitionId: "email-volume-over-time", dateRange: { from: "2026-01-01" } }) { csv } }',
    ]) {
      const response = await api.request(raw(query));
      expect([query, errorCodes(response)]).toEqual([query, ['BAD_USER_INPUT']]);
    }
  });

  it('runs as many reports as the budget allows, and refuses one more with its cost and the budget', async () => {
    const within = await api.request(raw(`{ ${runs(40)} }`));
    expect(within.errors).toBeUndefined();
    expect(Object.keys(within.data ?? {})).toHaveLength(40);
    const over = await api.request(raw(`{ ${runs(41)} }`));
    expect(refusal(over)).toEqual(
      refused('query: costs 41 report runs and conversation pages (budget 40). Each list multiplies the runs below it by the most items it may hold (see its description): split the request, e.g. one dashboard(id) at a time, or pass reports(first: N).'),
    );
    expect(over.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'query', cost: 41, budget: 40 });
  });

  it('costs with the variables: refused ones answer as always, an argument they leave invalid refuses the whole request', async () => {
    const badVariable = await post('query ($n: Int) { reports(first: $n) { id } }', { n: 'x' });
    expect([badVariable.status, errorCodes(badVariable), badVariable.errors?.[0].message]).toEqual([400, ['BAD_USER_INPUT'], 'Variable "$n" got invalid value "x"; Int cannot represent non-integer value: "x"']);
    // An explicit null overrides the default: that field fails, and the 40 runs beside it would go uncounted.
    const nulled = await post(`query ($i: RunReportInput = { definitionId: "chat-volume-by-assignee" }) { none: runReport(input: $i) { csv } ${runs(40)} }`, { i: null });
    expect(refusal(nulled)).toEqual(refused('query: Argument "input" of non-null type "RunReportInput!" must not be null.'));
  });

  it('refuses more filters, or filter values, than both stores handle', async () => {
    const filters = Array.from({ length: 51 }, () => ({ property: 'status', operator: 'IS_KNOWN' as const }));
    const many = await api.request(ConversationIdsDocument, { filters });
    expect(many.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['BAD_USER_INPUT', 'filters: takes at most 50 filters, got 51']]);
    const values = Array.from({ length: 3 }, () => ({ property: 'subject', operator: 'IN' as const, values: Array.from({ length: 400 }, (_, i) => `s${i}`) }));
    const wide = await api.request(ConversationIdsDocument, { filters: values });
    expect(wide.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['BAD_USER_INPUT', 'filters: take at most 1000 values together, got 1200']]);
  });

  it('refuses 20,000 aliases of viewer at parse, as a client error', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `v${i}: viewer { userId }`).join(' ')} }`;
    expect(refusal(await post(aliases(20_000)))).toEqual(refused('query: token limit of 5000 exceeded; send values as variables, or split the request'));
    // The same in a body of 9 MB, just under the body limit.
    const huge = aliases(400_000).slice(0, 9_000_000);
    expect(huge.length).toBe(9_000_000);
    expect(refusal(await post(huge))).toEqual(refused('query: token limit of 5000 exceeded; send values as variables, or split the request'));
  });

  it('refuses more than 5000 tokens, and takes 5000', async () => {
    // Padded with filter values of a field that @skip leaves out: one token each.
    const base = '{ viewer { userId } runReport(input: { definitionId: "chat-volume-by-assignee", filters: [{ property: "subject", operator: IN, values: [] }] }) @skip(if: true) { csv } }';
    const query = (tokens: number) => base.replace('values: []', `values: [${' "s"'.repeat(tokens - tokenCount(base))}]`);
    expect(tokenCount(query(5000))).toBe(5000);
    expect((await post(query(5000))).errors).toBeUndefined();
    expect(refusal(await post(query(5001)))).toEqual(refused('query: token limit of 5000 exceeded; send values as variables, or split the request'));
  });

  it('refuses more than 50 aliases, fragments counted where spread', async () => {
    const aliases = (n: number) => Array.from({ length: n }, (_, i) => `v${i}: viewer { userId }`).join(' ');
    expect((await post(`{ ${aliases(50)} }`)).errors).toBeUndefined();
    expect(refusal(await post(`{ ${aliases(51)} }`))).toEqual(refused('query: aliases limit of 50 exceeded, found 51.'));
    expect(refusal(await post(`{ ...A ...A2 } fragment A on Query { ${aliases(26)} } fragment A2 on Query { ...A }`))).toEqual(refused('query: aliases limit of 50 exceeded, found 52.'));
  });

  it('refuses a query deeper than 12 levels, fragments adding no level of their own', async () => {
    expect((await post(deep(12))).errors).toBeUndefined();
    expect(refusal(await post(deep(13)))).toEqual(refused('query: query depth limit of 12 exceeded, found 13.'));
    expect(refusal(await post(`{ ...Deep } fragment Deep on Query ${deep(13)}`))).toEqual(refused('query: query depth limit of 12 exceeded, found 13.'));
    expect((await post(`{ ...Deep } fragment Deep on Query ${deep(12)}`)).errors).toBeUndefined();
  });

  it('refuses more than 10 directives', async () => {
    const directives = (n: number) => `{ viewer { ${Array.from({ length: n }, (_, i) => `e${i}: email @include(if: true)`).join(' ')} } }`;
    expect((await post(directives(10))).errors).toBeUndefined();
    expect(refusal(await post(directives(11)))).toEqual(refused('query: directives limit of 10 exceeded, found 11.'));
  });

  it('answers cyclic fragments with a validation error, never an internal one', async () => {
    for (const query of [
      '{ ...A } fragment A on Query { ...A }',
      '{ ...A } fragment A on Query { viewer { userId } ...B } fragment B on Query { ...A }',
      '{ dashboards { ...D } } fragment D on Dashboard { reports { result { csv } } ...E } fragment E on Dashboard { ...D }',
    ]) {
      const response = await post(query);
      expect([query, response.status, errorCodes(response)[0]]).toEqual([query, 400, 'GRAPHQL_VALIDATION_FAILED']);
      expect(response.errors?.[0].message).toMatch(/^Cannot spread fragment "\w" within itself/);
    }
  });

  it('walks a long chain of fragments without overflowing, and refuses one that expands too far', async () => {
    const chain = (n: number) => `{ ...F0 } ${Array.from({ length: n }, (_, i) => `fragment F${i} on Query { ${i === n - 1 ? 'viewer { userId }' : `...F${i + 1}`} }`).join(' ')}`;
    expect(tokenCount(chain(600))).toBeLessThan(5000);
    const long = await post(chain(600));
    expect([long.status, long.errors]).toEqual([200, undefined]);
    // Each fragment spreads the next one three times (`...F1 ...F1 ...F1` merges into one field): 3^20 fields once spread out.
    const bomb = `{ ...F0 } ${Array.from({ length: 20 }, (_, i) => `fragment F${i} on Query { ${i === 19 ? 'viewer { userId }' : `...F${i + 1} ...F${i + 1} ...F${i + 1}`} }`).join(' ')}`;
    expect(refusal(await post(bomb))).toEqual(refused('query: expands to more than 10000 fields once its fragments are spread; split it'));
  });
});

/**
 * A selection `levels` deep. The API's own types nest 7 levels at most, so depth is built with
 * introspection's `__type { ofType { ofType ... } }`, which nests without end.
 */
function deep(levels: number): string {
  return `{ __type(name: "Query") { ${'ofType { '.repeat(levels - 2)}name${' }'.repeat(levels - 2)} } }`;
}

function tokenCount(query: string): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count++;
  return count;
}
