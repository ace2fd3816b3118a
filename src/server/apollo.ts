import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { RequestLimits, settings } from '../config';
import { answerSources } from './answer-sources';
import { Context } from './context';
import { formatError } from './format-error';
import { costLimit, shapeRules } from './limits';
import { threadlineSchema } from './schema';

/** The Apollo server of the API, without transport: HTTP wiring is in http.ts, tests may call executeOperation. */
export async function createApolloServer(plugins: ApolloServerPlugin<Context>[] = [], limits: RequestLimits = settings().limits): Promise<ApolloServer<Context>> {
  const schema = await threadlineSchema();
  return new ApolloServer<Context>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    // A huge query is refused after this many tokens, before a syntax tree of it is built.
    parseOptions: { maxTokens: limits.tokens },
    validationRules: shapeRules(limits),
    // BI tools read the schema through introspection (with a token, like every request).
    introspection: true,
    // A GET or POST without a JSON content type must carry one of these headers, which a browser
    // sends cross-origin only after a CORS preflight: no form or <img> can run an operation.
    // Authorization is one of them, so browser clients' GET queries with their token pass.
    csrfPrevention: { requestHeaders: ['x-apollo-operation-name', 'apollo-require-preflight', 'authorization'] },
    // The CLI owns SIGINT/SIGTERM: it stops the server, closes the database, then exits 0.
    stopOnTerminationSignals: false,
    // No HTTP cache hints are given; without this plugin Apollo instruments every resolved field.
    // Browsers opening /graphql get the offline explorer (explorer.ts), not Apollo's CDN page.
    plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled(), costLimit(schema, limits.cost), answerSources(), ...plugins],
  });
}
