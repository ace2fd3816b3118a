import { GraphqlClient, GraphqlRequest } from './graphql';
import { startServer } from './server';
import { requestsPerSecond } from './throughput';

export interface WorkerFigures {
  workers: number;
  clients: number;
  trivialRps: number;
  reportRps: number;
  /** The same report with THREADLINE_CACHE=off (answered from rollups): the server's own CPU per request, not the load generator's, sets the pace. */
  rollupRps: number;
}

/**
 * Requests per second of `{ __typename }` and of a cached report from `threadline serve` with each
 * number of worker processes in turn (cache on, as by default), `clients` keep-alive connections.
 * Each worker has its own in-process cache, so every run is preceded by an untimed one that warms
 * them all (the primary hands the connections to the workers in turn). Then the same report from
 * a server with the cache off, so each request costs the server milliseconds of its own CPU
 * (rollups) and autocannon, on the same cores, takes a smaller share of them.
 */
export async function measureWorkers(databaseUrl: string, token: string, report: GraphqlRequest, trivial: GraphqlRequest, workerCounts: readonly number[], clients: number, seconds: number): Promise<WorkerFigures[]> {
  const figures: WorkerFigures[] = [];
  for (const workers of workerCounts) {
    const server = await startServer(databaseUrl, {}, workers);
    try {
      const client = new GraphqlClient(server.url, token);
      await client.post(report);
      await client.post(trivial);
      await requestsPerSecond(client, report, clients, 1);
      const trivialRun = await requestsPerSecond(client, trivial, clients, seconds);
      const reportRun = await requestsPerSecond(client, report, clients, seconds);
      const rollupRps = await uncachedRps(databaseUrl, token, report, workers, clients, seconds);
      figures.push({ workers, clients, trivialRps: trivialRun.rps, reportRps: reportRun.rps, rollupRps });
      console.log(`  ${workers} worker(s), ${clients} clients: report ${Math.round(reportRun.rps)} req/s, { __typename } ${Math.round(trivialRun.rps)} req/s, report with the cache off ${Math.round(rollupRps)} req/s`);
    } finally {
      await server.stop();
    }
  }
  return figures;
}

async function uncachedRps(databaseUrl: string, token: string, report: GraphqlRequest, workers: number, clients: number, seconds: number): Promise<number> {
  const server = await startServer(databaseUrl, { THREADLINE_CACHE: 'off' }, workers);
  try {
    const client = new GraphqlClient(server.url, token);
    await requestsPerSecond(client, report, clients, 1);
    return (await requestsPerSecond(client, report, clients, seconds)).rps;
  } finally {
    await server.stop();
  }
}
