import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ViewerResolver } from '../auth/graphql/viewer.resolver';
import { ConversationResolver } from '../conversations/graphql/resolver';
import { DashboardReportResolver, DashboardResolver } from '../dashboards/graphql/resolver';
import { ReportingResolver } from '../reporting/graphql/resolver';
import { ReportRevisionResolver, SavedReportResolver } from '../reporting/saved/graphql/resolver';

/** Every resolver of the API. The SDL it gives is checked in at schema/schema.graphql. */
export const RESOLVERS = [
  ViewerResolver,
  ConversationResolver,
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
  }).then(describeRootTypes);
  return built;
}

/** type-graphql has no option for the root types' descriptions; BI tools show them first. */
function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query) query.description = 'Read conversations, the report catalog, report results, drill-downs, saved reports and dashboards of your account.';
  if (mutation) mutation.description = 'Push conversations as they happen; build and edit saved reports and dashboards.';
  return schema;
}
