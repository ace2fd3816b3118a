import { GraphQLField, GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import { Holder } from '../../../src/auth/rights';
import { Forbidden } from '../../../src/errors';
import { ROOT_FIELD_RIGHTS } from '../../../src/server/root-guard';
import { threadlineSchema } from '../../../src/server/schema';

/**
 * The one place rights are enforced covers every root field, the ones added after this test was
 * written included: each field's resolver is called with a caller who lacks the right it needs,
 * and must refuse before it reaches the service (which would fail on the fake context).
 */
type RootField = GraphQLField<unknown, unknown>;

function rootFields(schema: GraphQLSchema): RootField[] {
  return [schema.getQueryType(), schema.getMutationType()].flatMap((type) => Object.values(type?.getFields() ?? {}));
}

/** What calling the field's resolver as `holder` does: 'FORBIDDEN' or 'passed' (anything else the resolver did). */
function callAs(field: RootField, holder: Holder): string {
  const context = { viewer: { ...holder, userId: 'u', email: 'u@example.org', teamId: null, account: { id: 0 } } };
  try {
    const result = field.resolve!(undefined, {}, context, {} as GraphQLResolveInfo);
    if (result instanceof Promise) result.catch(() => undefined);
    return 'passed';
  } catch (error) {
    return error instanceof Forbidden ? 'FORBIDDEN' : 'passed';
  }
}

describe('root field rights', () => {
  let fields: RootField[];

  beforeAll(async () => {
    fields = rootFields(await threadlineSchema());
  });

  it('names only fields that exist (a misspelt name would leave the real field at READ)', () => {
    const names = fields.map((f) => f.name);
    expect(Object.keys(ROOT_FIELD_RIGHTS).filter((name) => !names.includes(name))).toEqual([]);
  });

  it('lets an INGEST token call ingestConversations and nothing else', () => {
    const outcomes = Object.fromEntries(fields.map((f) => [f.name, callAs(f, { role: 'ADMIN', scope: 'INGEST' })]));
    expect(Object.entries(outcomes).filter(([, outcome]) => outcome === 'passed').map(([name]) => name)).toEqual(['ingestConversations']);
    expect(fields.length).toBeGreaterThan(20);
  });

  it('keeps users, tokens and ingest from READ tokens and members', () => {
    const refusedTo = (holder: Holder) => fields.filter((f) => callAs(f, holder) === 'FORBIDDEN').map((f) => f.name).sort();
    const managed = ['apiTokens', 'createApiToken', 'createUser', 'deactivateUser', 'ingestConversations', 'revokeApiToken', 'updateUser', 'users'];
    expect(refusedTo({ role: 'MEMBER', scope: 'READ' })).toEqual(managed);
    expect(refusedTo({ role: 'ADMIN', scope: 'READ' })).toEqual(managed);
    // A demoted admin's old ADMIN token gives no more than the role.
    expect(refusedTo({ role: 'MEMBER', scope: 'ADMIN' })).toEqual(managed);
    expect(refusedTo({ role: 'ADMIN', scope: 'ADMIN' })).toEqual([]);
  });
});
