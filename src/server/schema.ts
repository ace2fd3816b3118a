import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ViewerResolver } from '../auth/graphql/viewer.resolver';
import { ConversationResolver } from '../conversations/graphql/resolver';
import { ReportingResolver } from '../reporting/graphql/resolver';

/** Every resolver of the API. The SDL it gives is checked in at schema/schema.graphql. */
export const RESOLVERS = [ViewerResolver, ConversationResolver, ReportingResolver] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The schema is built once per process: type-graphql's metadata is global. */
export function threadlineSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: RESOLVERS,
    // class-validator decorators on inputs are enforced (type-graphql 2 defaults this to off).
    validate: true,
  });
  return built;
}
