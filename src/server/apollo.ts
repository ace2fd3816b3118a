import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import depthLimit from 'graphql-depth-limit';
import { Context } from './context';
import { formatError } from './format-error';
import { expensiveFieldLimit } from './limits';
import { threadlineSchema } from './schema';

/** Deeper queries than this are refused before they run. */
export const MAX_QUERY_DEPTH = 12;

/** The Apollo server of the API, without transport: HTTP wiring is in http.ts, tests may call executeOperation. */
export async function createApolloServer(plugins: ApolloServerPlugin<Context>[] = []): Promise<ApolloServer<Context>> {
  return new ApolloServer<Context>({
    schema: await threadlineSchema(),
    formatError,
    includeStacktraceInErrorResponses: false,
    validationRules: [depthLimit(MAX_QUERY_DEPTH), expensiveFieldLimit],
    // BI tools read the schema through introspection (with a token, like every request).
    introspection: true,
    // The CLI owns SIGINT/SIGTERM: it stops the server, closes the database, then exits 0.
    stopOnTerminationSignals: false,
    // No HTTP cache hints are given; without this plugin Apollo instruments every resolved field.
    plugins: [ApolloServerPluginCacheControlDisabled(), ...plugins],
  });
}
