import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { RateLimitConfig, settings } from '../config';
import { Database } from '../db/database';
import { closeReportCache } from '../reporting/cache';
import { reportCatalog } from '../reporting/catalog/registry';
import { createApolloServer } from './apollo';
import { graphqlHandler } from './graphql-handler';
import { corsFor } from './cors';
import { EXPLORER_ASSETS, explorerAssets, explorerHandler } from './explorer';
import { healthRoutes } from './health';
import { answerClientErrorsAsJson, jsonBodiesOnly, jsonErrors, notFound, onlyGraphQLMethods } from './http-errors';
import { requestLogging, requestLogPlugin } from './request-log';
import { log, rootLogger } from '../log';
import { exportRoutes } from './export-routes';
import { metricsHandler, metricsPlugin, timeRequests } from './metrics-routes';
import { webApp } from './web';
import { RateLimits } from './rate-limit';
import { ResponseCache } from './response-cache';

export interface ServerOptions {
  port: number;
  /** Interface to listen on; default all (`serve` and `start` pass HOST, default 127.0.0.1). */
  host?: string;
  /** Request rate limits; default from the settings. */
  rateLimits?: RateLimitConfig;
  /** Web origins allowed to call the API from a browser; default THREADLINE_CORS_ORIGINS. */
  corsOrigins?: string[];
  /** The built web app's folder; default the package's dist/web. */
  webRoot?: string;
  /** How long `close()` lets requests in flight finish before it closes their connections; default 10 s. */
  shutdownTimeoutMs?: number;
  /** The bearer token `/metrics` requires; default THREADLINE_METRICS_TOKEN (unset: open). */
  metricsToken?: string;
  /** Memory for whole cached report responses (0: none); default THREADLINE_RESPONSE_CACHE_MB, none with THREADLINE_CACHE=off. */
  responseCacheBytes?: number;
}

export interface RunningServer {
  /** e.g. http://localhost:4000/graphql */
  url: string;
  close(): Promise<void>;
}

const KEEP_ALIVE_MS = 65_000;

/** Request bodies above this are refused (a 1000-conversation ingest fits comfortably). */
const BODY_LIMIT = '10mb';

/**
 * Starts the GraphQL API over HTTP at `/graphql` (a browser opening it gets the explorer), the web
 * app at `/`, plus the health checks of health.ts; resolves once it accepts requests.
 */
export async function startServer(db: Database, options: ServerOptions): Promise<RunningServer> {
  // Plugins load and freeze before the first request; a broken one is named and left out.
  for (const problem of reportCatalog().problems) {
    rootLogger().warn({ plugin: problem.id, source: problem.source }, `report plugin ${problem.id ?? ''} (${problem.source}) not loaded: ${problem.message}`);
  }
  const cors = corsFor(options.corsOrigins ?? settings().corsOrigins);
  const app = express();
  app.set('trust proxy', settings().trustProxy);
  const httpServer = createServer(app);
  // Longer than the idle timeouts of clients and load balancers (undici 4 s, AWS ALB 60 s): a server
  // that closes an idle keep-alive socket first races the client's next request on it, which then
  // fails with "other side closed" — more often the busier the machine.
  httpServer.keepAliveTimeout = KEEP_ALIVE_MS;
  httpServer.headersTimeout = KEEP_ALIVE_MS + 1000;
  answerClientErrorsAsJson(httpServer);
  const apollo = await createApolloServer([ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.shutdownTimeoutMs }), metricsPlugin(), requestLogPlugin()]);
  await apollo.start();
  const rateLimits = await RateLimits.start(options.rateLimits ?? settings().rateLimits);
  const responseCacheBytes = options.responseCacheBytes ?? settings().responseCacheBytes;
  app.disable('x-powered-by');
  app.use(requestLogging());
  // Under `serve --workers N`: which worker answered (1 to N; a restarted one takes the next number).
  if (cluster.worker) app.use(workerHeader(cluster.worker.id));
  const health = healthRoutes(db, { timeoutMs: settings().databaseTimeouts.readyMs, redisUrl: settings().redisUrl });
  app.use(health.router);
  app.get('/metrics', metricsHandler(db, options.metricsToken ?? settings().metricsToken));
  app.use('/graphql', timeRequests('graphql'));
  app.use('/export', timeRequests('export'));
  if (cors) app.use('/graphql', cors);
  app.get('/graphql', explorerHandler('/graphql'));
  app.use(EXPLORER_ASSETS, explorerAssets());
  app.use(
    '/graphql',
    onlyGraphQLMethods,
    jsonBodiesOnly,
    express.json({ limit: BODY_LIMIT }),
    graphqlHandler(apollo, db, rateLimits, responseCacheBytes > 0 ? new ResponseCache(responseCacheBytes, settings().limits.tokens) : null),
  );
  if (cors) app.use('/export', cors);
  app.use('/export', exportRoutes(db, rateLimits));
  app.use(webApp(options.webRoot));
  app.use(notFound);
  app.use(jsonErrors((error) => log().error({ err: error }, 'request failed')));
  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(options.port, options.host, () => resolve());
    });
  } catch (error) {
    await apollo.stop();
    await rateLimits?.close();
    await health.close();
    throw error;
  }
  const { port } = httpServer.address() as AddressInfo;
  const host = !options.host || ['0.0.0.0', '::', '127.0.0.1'].includes(options.host) ? 'localhost' : options.host;
  const close = async () => {
    await apollo.stop();
    // After the last request: the report cache's Redis connection would keep the process alive.
    await closeReportCache();
    await rateLimits?.close();
    await health.close();
  };
  return { url: `http://${host}:${port}/graphql`, close };
}

function workerHeader(id: number): express.RequestHandler {
  return (_req, res, next) => {
    res.setHeader('Threadline-Worker', String(id));
    next();
  };
}
