import autocannon from 'autocannon';
import { GraphqlClient, GraphqlRequest } from './graphql';

export interface ThroughputFigures {
  /** The server configuration measured. */
  configuration: string;
  clients: number;
  /** Requests per second of the (cached) report query. */
  reportRps: number;
  /** Requests per second of `{ __typename }` against the same server. */
  trivialRps: number;
  reportLatencyP50Ms: number;
  trivialLatencyP50Ms: number;
}

/**
 * Requests per second that `clients` concurrent keep-alive connections get for a request, with
 * autocannon running in this process (on this machine, it competes with the server for CPU, as
 * any load generator on the same host does). Failed requests do not count and are reported.
 */
export async function requestsPerSecond(client: GraphqlClient, request: GraphqlRequest, clients: number, seconds: number): Promise<{ rps: number; latencyP50: number }> {
  const result = await autocannon({
    url: client.url,
    method: 'POST',
    headers: client.headers,
    body: JSON.stringify(request),
    connections: clients,
    duration: seconds,
  });
  const failed = result.errors + result.timeouts + result.non2xx;
  if (failed > 0) console.error(`  !! ${failed} of ${result.requests.sent} requests failed (errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx})`);
  return { rps: (result.requests.total - result.non2xx) / result.duration, latencyP50: result.latency.p50 };
}

/** The report against the trivial query, alternating, for each number of clients. */
export async function measureThroughput(configuration: string, client: GraphqlClient, report: GraphqlRequest, trivial: GraphqlRequest, clientCounts: readonly number[], seconds: number): Promise<ThroughputFigures[]> {
  // Both must answer without GraphQL errors: autocannon only sees HTTP status codes.
  await client.post(report);
  await client.post(trivial);
  const figures: ThroughputFigures[] = [];
  for (const clients of clientCounts) {
    const trivialRun = await requestsPerSecond(client, trivial, clients, seconds);
    const reportRun = await requestsPerSecond(client, report, clients, seconds);
    figures.push({ configuration, clients, reportRps: reportRun.rps, trivialRps: trivialRun.rps, reportLatencyP50Ms: reportRun.latencyP50, trivialLatencyP50Ms: trivialRun.latencyP50 });
    console.log(`  ${clients} clients: report ${Math.round(reportRun.rps)} req/s, { __typename } ${Math.round(trivialRun.rps)} req/s`);
  }
  return figures;
}
