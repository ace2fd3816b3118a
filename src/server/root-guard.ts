import { defaultFieldResolver, GraphQLSchema } from 'graphql';
import { requireRight, Right } from '../auth/rights';
import { Context } from './context';

/**
 * The root fields that need more than READ. Every other root field needs READ, so a field added
 * later is never open to an ingest-only token by accident; a unit test checks each name here is
 * a root field of the schema. Services still check objects (whose dashboard, which account).
 */
export const ROOT_FIELD_RIGHTS: Readonly<Record<string, Right>> = {
  ingestConversations: 'INGEST',
  users: 'MANAGE',
  createUser: 'MANAGE',
  updateUser: 'MANAGE',
  deactivateUser: 'MANAGE',
  apiTokens: 'MANAGE',
  createApiToken: 'MANAGE',
  revokeApiToken: 'MANAGE',
};

export function rightNeededFor(rootField: string): Right {
  return Object.hasOwn(ROOT_FIELD_RIGHTS, rootField) ? ROOT_FIELD_RIGHTS[rootField] : 'READ';
}

/**
 * Wraps the resolver of every Query and Mutation field with the check of its right: FORBIDDEN,
 * with the reason, before anything runs. Only root fields are wrapped, so nested fields cost
 * nothing (type-graphql's global middlewares would wrap every field of every row).
 */
export function guardRootFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      const resolve = field.resolve ?? defaultFieldResolver;
      const right = rightNeededFor(field.name);
      field.resolve = (source, args, context: Context, info) => {
        requireRight(context.viewer, right, field.name);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
