/**
 * What a slow report costs everyone else on the embedded SQLite store (docs/performance.md, "A slow
 * report and everyone else"): the latency of a cheap request (`{ __typename }`, which authenticates
 * against the database) while one client runs a slow report over and over, with the report queries
 * in the server's own process (THREADLINE_SQLITE_READERS=0, as before) and in reader processes
 * (the default, 2).
 *
 *   npm run bench:slow-report -- [--conversations N] [--seconds S]
 *
 * Nothing is asserted; the exit status is 0 unless the benchmark itself fails.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeBenchNdjson } from './generate';
import { GraphqlClient, GraphqlRequest, TRIVIAL_REQUEST } from './graphql';
import { createAccount, createToken, importFile } from './import';
import { startServer } from './server';
import { percentile } from './stats';
import { formatTable, ms } from './table';

/** A whole year of chats by page URL, narrowed by a text filter every row must be tested against. */
const SLOW_REPORT: GraphqlRequest = {
  query: `query Slow($input: RunReportInput!) { runReport(input: $input) { rows { measureValues } } }`,
  variables: {
    input: {
      definitionId: 'chat-volume-by-page-url',
      dateRange: { from: '2025-03-01', to: '2026-03-31' },
      filters: [{ property: 'subject', operator: 'NOT_CONTAINS', values: ['no subject has this'] }],
    },
  },
};

interface Row {
  readers: number;
  slowReportMs: number;
  slowReports: number;
  idle: number[];
  loaded: number[];
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { conversations: { type: 'string', default: '200000' }, seconds: { type: 'string', default: '10' } } });
  const conversations = Number(values.conversations);
  const seconds = Number(values.seconds);
  const dir = mkdtempSync(join(tmpdir(), 'threadline-slow-report-'));
  try {
    const url = `sqlite:${join(dir, 'bench.sqlite')}`;
    const file = join(dir, 'conversations.ndjson');
    await writeBenchNdjson(file, conversations);
    const accountId = await createAccount(url, `threadline bench ${conversations}`, 'UTC');
    const token = await createToken(url, accountId, 'bench@example.com');
    await importFile(url, accountId, file, conversations);
    const rows: Row[] = [];
    for (const readers of [0, 2]) {
      const server = await startServer(url, { THREADLINE_CACHE: 'off', THREADLINE_ROLLUPS: 'off', THREADLINE_SQLITE_READERS: String(readers), THREADLINE_QUERY_TIMEOUT_MS: '3600000' });
      try {
        const client = new GraphqlClient(server.url, token);
        const started = performance.now();
        await client.post(SLOW_REPORT);
        const slowReportMs = performance.now() - started;
        const idle = await cheapLatencies(client, seconds / 2);
        let running = true;
        let slowReports = 0;
        const slow = (async () => {
          while (running) {
            await client.post(SLOW_REPORT);
            slowReports++;
          }
        })();
        const loaded = await cheapLatencies(client, seconds);
        running = false;
        await slow;
        rows.push({ readers, slowReportMs, slowReports, idle, loaded });
      } finally {
        await server.stop();
      }
    }
    const p = (samples: number[], fraction: number) => percentile([...samples].sort((a, b) => a - b), fraction);
    process.stdout.write(`${conversations.toLocaleString('en-US')} conversations on SQLite; cheap request: { __typename } with a token, one at a time\n\n`);
    process.stdout.write(
      formatTable(
        ['report queries', 'slow report alone', 'cheap p50 idle', 'cheap p99 idle', 'cheap p50 during', 'cheap p99 during', 'cheap max during', 'cheap requests during'],
        rows.map((r) => [
          r.readers === 0 ? 'in the server process' : `${r.readers} reader processes`,
          ms(r.slowReportMs),
          ms(p(r.idle, 0.5)),
          ms(p(r.idle, 0.99)),
          ms(p(r.loaded, 0.5)),
          ms(p(r.loaded, 0.99)),
          ms(Math.max(...r.loaded)),
          String(r.loaded.length),
        ]),
      ) + '\n',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Sends the cheap request one after another for `seconds`; returns each one's latency in ms. */
async function cheapLatencies(client: GraphqlClient, seconds: number): Promise<number[]> {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const started = performance.now();
    await client.post(TRIVIAL_REQUEST);
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return latencies;
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
