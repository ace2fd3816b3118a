import { buildSchema, getNamedType, getNullableType, GraphQLField, GraphQLSchema, isListType, isObjectType, parse } from 'graphql';
import { requestLimits } from '../../../src/config';
import { requestCost } from '../../../src/graphql/cost';
import { threadlineSchema } from '../../../src/server/schema';

/** The types whose fields run a report or read conversations: every field returning one must declare its cost. */
const COSTLY_TYPES = new Set(['ReportResult', 'ConversationConnection']);

type AnyField = GraphQLField<unknown, unknown>;
const declaresCost = (field: AnyField) => field.extensions?.complexity !== undefined;

/**
 * Fields that run something and declare no cost, and lists above them that declare no multiplier:
 * without these, a field added later would cost nothing and a list would not multiply it.
 */
function uncosted(schema: GraphQLSchema): string[] {
  const objects = Object.values(schema.getTypeMap()).filter(isObjectType).filter((t) => !t.name.startsWith('__'));
  const fields = objects.flatMap((type) => Object.values(type.getFields()).map((field) => ({ type, field: field as AnyField })));
  // The types from which some costly field can be reached, found by growing the set until it holds.
  const reaching = new Set(COSTLY_TYPES);
  for (let grew = true; grew; ) {
    grew = false;
    for (const { type, field } of fields) {
      if (reaching.has(getNamedType(field.type).name) && !reaching.has(type.name)) {
        reaching.add(type.name);
        grew = true;
      }
    }
  }
  const missing: string[] = [];
  for (const { type, field } of fields) {
    const named = getNamedType(field.type).name;
    if (COSTLY_TYPES.has(named) && !declaresCost(field)) missing.push(`${type.name}.${field.name} runs something without a cost`);
    if (isListType(getNullableType(field.type)) && reaching.has(named) && !declaresCost(field)) missing.push(`${type.name}.${field.name} lists costly fields without a multiplier`);
  }
  return missing;
}

describe('what each field costs', () => {
  it('declares a cost on every field that runs a report or reads conversations, and a multiplier on every list above one', async () => {
    expect(uncosted(await threadlineSchema())).toEqual([]);
  });

  it('finds a costly field without a cost and a list above it without a multiplier', () => {
    const tiny = buildSchema(`
      type Query { run: ReportResult  page: ConversationConnection  boards: [Board!]!  names: [String!]!  board: Board }
      type Board { result: ReportResult  items: [Item!]! }
      type Item { page: ConversationConnection }
      type ReportResult { csv: String }
      type ConversationConnection { totalCount: Int }
    `);
    expect(uncosted(tiny)).toEqual([
      'Query.run runs something without a cost',
      'Query.page runs something without a cost',
      'Query.boards lists costly fields without a multiplier',
      'Board.result runs something without a cost',
      'Board.items lists costly fields without a multiplier',
      'Item.page runs something without a cost',
    ]);
    tiny.getQueryType()!.getFields().run.extensions = { complexity: 1 };
    expect(uncosted(tiny)).not.toContain('Query.run runs something without a cost');
  });

  it('counts each report run and page, multiplied by the most items of every list above it', async () => {
    const schema = await threadlineSchema();
    const cost = (query: string, variables?: Record<string, unknown>) => requestCost(schema, parse(query), undefined, variables);
    const run = 'runReport(input: { definitionId: "chat-volume-by-assignee" }) { csv }';
    expect(cost('{ viewer { userId } reportDefinitions { id } dashboards { id reports { id title } } reports { id name } }')).toBe(0);
    expect(cost(`{ ${run} }`)).toBe(1);
    expect(cost(`{ a: ${run} b: ${run} conversations { totalCount } drilldown(input: { run: { definitionId: "chat-volume-by-assignee" }, point: [null] }) { totalCount } }`)).toBe(4);
    expect(cost('{ dashboard(id: "1") { reports { result { csv } } } }')).toBe(30);
    expect(cost('{ dashboard(id: "1") { reports { result { csv } report { result { csv } } } } }')).toBe(60);
    expect(cost('{ dashboards { reports { result { csv } } } }')).toBe(50 * 30);
    expect(cost('{ d0: dashboards { reports { result { csv } } } d1: dashboards { reports { result { csv } } } }')).toBe(2 * 50 * 30);
    expect(cost('{ reports { result { csv } } }')).toBe(1000);
    expect(cost('{ reports(first: 5) { result { csv } } }')).toBe(5);
    expect(cost('query ($n: Int) { reports(first: $n) { result { csv } } }', { n: 12 })).toBe(12);
    expect(cost('{ report(id: "1") { result { csv } } }')).toBe(1);
  });

  it('counts fragments where they are spread and leaves out what @skip and @include drop', async () => {
    const schema = await threadlineSchema();
    const cost = (query: string, variables?: Record<string, unknown>) => requestCost(schema, parse(query), undefined, variables);
    const fragments = 'fragment Run on Query { runReport(input: { definitionId: "chat-volume-by-assignee" }) { csv } } fragment Result on DashboardReport { result { csv } }';
    expect(cost(`{ ...Run dashboard(id: "1") { reports { ...Result } } } ${fragments}`)).toBe(31);
    expect(cost(`{ dashboards { reports { ... on DashboardReport { result { csv } } } } }`)).toBe(1500);
    expect(cost('query ($skip: Boolean!) { dashboards { reports { result @skip(if: $skip) { csv } } } }', { skip: true })).toBe(0);
    expect(cost('query ($skip: Boolean!) { dashboards { reports { result @skip(if: $skip) { csv } } } }', { skip: false })).toBe(1500);
  });

  it('counts an ingest by its conversations: 1 per 100, at least 1', async () => {
    const schema = await threadlineSchema();
    const ingest = parse('mutation ($input: [ConversationInput!]!) { ingestConversations(input: $input) { imported } }');
    const conversations = (n: number) => ({ input: Array.from({ length: n }, (_, i) => ({ id: `c-${i}` })) });
    expect([0, 1, 100, 101, 1000].map((n) => requestCost(schema, ingest, undefined, conversations(n)))).toEqual([1, 1, 1, 2, 10]);
  });

  it('costs only the operation asked for', async () => {
    const schema = await threadlineSchema();
    const document = parse('query Cheap { viewer { userId } } query Costly { dashboards { reports { result { csv } } } }');
    expect([requestCost(schema, document, 'Cheap', {}), requestCost(schema, document, 'Costly', {})]).toEqual([0, 1500]);
  });
});

describe('request limits from the environment', () => {
  it('defaults to a budget of 40, depth 12, 50 aliases, 5000 tokens and 10 directives', () => {
    expect(requestLimits({})).toEqual({ cost: 40, depth: 12, aliases: 50, tokens: 5000, directives: 10 });
  });

  it('takes each from its variable and refuses a value that is not a positive integer', () => {
    expect(requestLimits({ THREADLINE_MAX_QUERY_COST: '100', THREADLINE_MAX_QUERY_DEPTH: ' 20 ', THREADLINE_MAX_ALIASES: '', THREADLINE_MAX_TOKENS: '9000', THREADLINE_MAX_DIRECTIVES: '3' }))
      .toEqual({ cost: 100, depth: 20, aliases: 50, tokens: 9000, directives: 3 });
    for (const bad of ['0', '-1', '1.5', 'lots', '1e3']) {
      expect(() => requestLimits({ THREADLINE_MAX_QUERY_COST: bad })).toThrow(`THREADLINE_MAX_QUERY_COST must be a positive integer, got "${bad}"`);
    }
  });
});
