import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccessResolver } from '../auth/graphql/access.resolver';
import { ViewerResolver } from '../auth/graphql/viewer.resolver';
import { AgentResolver, ChatflowResolver, InboxResolver, TeamResolver } from '../conversations/graphql/directory.resolver';
import { ConversationResolver } from '../conversations/graphql/resolver';
import { DashboardReportResolver, DashboardResolver } from '../dashboards/graphql/resolver';
import { ReportingResolver } from '../reporting/graphql/resolver';
import { ReportRevisionResolver, SavedReportResolver } from '../reporting/saved/graphql/resolver';
import { guardRootFields } from './root-guard';

/** Every resolver of the API. The SDL it gives is checked in at schema/schema.graphql. */
export const RESOLVERS = [
  ViewerResolver,
  AccessResolver,
  ConversationResolver,
  AgentResolver,
  InboxResolver,
  TeamResolver,
  ChatflowResolver,
  ReportingResolver,
  SavedReportResolver,
  ReportRevisionResolver,
  DashboardResolver,
  DashboardReportResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The schema is built once per process: type-graphql's metadata is global. */
export function threadlineSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: RESOLVERS,
    // class-validator decorators on inputs are enforced (type-graphql 2 defaults this to off).
    validate: true,
  }).then((schema) => guardRootFields(describeRootTypes(schema)));
  return built;
}

/** type-graphql has no option for the root types' descriptions; BI tools show them first. */
function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query) query.description = 'Read conversations, the report catalog, report results, drill-downs, saved reports and dashboards of your account; admins also list users and API tokens. What a request may call depends on its user\'s role and its token\'s scope (see `TokenScope`): anything else answers FORBIDDEN with the reason. Every request counts against its token\'s rate limit; over it, RATE_LIMITED (HTTP 429 with Retry-After).';
  if (mutation) mutation.description = 'Push conversations as they happen (an ADMIN token or an INGEST token); build and edit saved reports and dashboards; admins manage users and API tokens.';
  return schema;
}
