/**
 * The soak (`npm run bench`, or `--soak` on main.js; `--soak-only` skips the rest): many clients for
 * a while on loopback, each looping over a mix of whole-dashboard loads, drill-downs and ingests
 * (some ingests send a batch again, as a retrying client would), against `threadline serve` on each
 * store. Every failed request counts as an error (an HTTP status other than 200, a GraphQL error, a
 * dropped connection); afterwards every conversation ingested must be stored exactly once.
 * Nothing is asserted: the figures are printed, with MISMATCH where a check fails.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/database';
import { createDatabase } from './database';
import { writeBenchNdjson } from './generate';
import { createDashboardRequest, dashboardRequest, GraphqlClient, GraphqlRequest } from './graphql';
import { createAccount, createToken, importFile } from './import';
import { CHAT_OVERVIEW } from './reports';
import { startServer } from './server';
import { percentile } from './stats';
import { formatTable, ms } from './table';

export interface SoakOptions {
  clients: number;
  seconds: number;
  /** Conversations loaded before the soak, so that dashboards have something to count. */
  baseConversations: number;
}

export interface SoakFigures {
  store: 'sqlite' | 'mysql';
  requests: Record<Kind, number[]>;
  errors: number;
  firstErrors: string[];
  ingested: number;
  stored: number;
  duplicates: number;
}

type Kind = 'dashboard' | 'drilldown' | 'ingest';

const RANGES = [
  { from: '2026-02-14', to: '2026-03-15' },
  { from: '2025-03-16', to: '2026-03-15' },
];

const DRILLDOWN = `query Drill($input: DrilldownInput!) { drilldown(input: $input) { nodes { externalId } pageInfo { hasNextPage } } }`;
const INGEST = `mutation Ingest($input: [ConversationInput!]!) { ingestConversations(input: $input) { imported updated unchanged rejected { index error } } }`;

export async function soak(options: SoakOptions): Promise<SoakFigures[]> {
  const figures: SoakFigures[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'threadline-soak-'));
  try {
    const file = join(dir, 'base.ndjson');
    await writeBenchNdjson(file, options.baseConversations);
    figures.push(await soakStore('sqlite', `sqlite:${join(dir, 'soak.sqlite')}`, file, options));
    const mysql = await createDatabase('threadline_soak');
    try {
      figures.push(await soakStore('mysql', mysql.url, file, options));
    } finally {
      await mysql.drop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

async function soakStore(store: SoakFigures['store'], url: string, base: string, options: SoakOptions): Promise<SoakFigures> {
  const accountId = await createAccount(url, 'threadline soak', 'Europe/Amsterdam');
  const token = await createToken(url, accountId, 'soak@example.com');
  await importFile(url, accountId, base, options.baseConversations);
  const server = await startServer(url, {});
  const figures: SoakFigures = { store, requests: { dashboard: [], drilldown: [], ingest: [] }, errors: 0, firstErrors: [], ingested: 0, stored: 0, duplicates: 0 };
  const ids = new Set<string>();
  try {
    const client = new GraphqlClient(server.url, token);
    const { createDashboardFromTemplate } = await client.post<{ createDashboardFromTemplate: { id: string } }>(createDashboardRequest(CHAT_OVERVIEW));
    const dashboardId = createDashboardFromTemplate.id;
    const end = performance.now() + options.seconds * 1000;
    const worker = async (n: number) => {
      let step = 0;
      let lastBatch: unknown[] | null = null;
      while (performance.now() < end) {
        step++;
        const choice = (n + step) % 4;
        const range = RANGES[step % RANGES.length];
        let kind: Kind;
        let request: GraphqlRequest;
        if (choice <= 1) {
          kind = 'dashboard';
          request = dashboardRequest(dashboardId, range);
        } else if (choice === 2) {
          kind = 'drilldown';
          const agent = `u-${1 + ((n + step) % 25)}`;
          request = { query: DRILLDOWN, variables: { input: { run: { definitionId: 'chat-volume-by-assignee', dateRange: range }, point: [agent], first: 50 } } };
        } else {
          kind = 'ingest';
          // One batch in five is sent again, as a client retrying after a lost answer would.
          const batch: unknown[] = lastBatch && step % 5 === 0 ? lastBatch : soakBatch(n, step);
          lastBatch = batch;
          request = { query: INGEST, variables: { input: batch } };
        }
        const started = performance.now();
        try {
          const data = await client.post<Record<string, unknown>>(request);
          if (kind === 'ingest') {
            const result = data.ingestConversations as { rejected: unknown[] };
            if (result.rejected.length > 0) throw new Error(`ingest rejected ${JSON.stringify(result.rejected)}`);
            for (const c of request.variables?.input as { id: string }[]) ids.add(c.id);
          }
          figures.requests[kind].push(performance.now() - started);
        } catch (error) {
          figures.errors++;
          if (figures.firstErrors.length < 5) figures.firstErrors.push(`${kind}: ${(error as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: options.clients }, (_, n) => worker(n)));
  } finally {
    await server.stop();
  }
  const db = await openDatabase(url, { migrate: false });
  try {
    const [stored] = await db.query<{ n: unknown; distinct_ids: unknown }>(
      "SELECT COUNT(*) AS n, COUNT(DISTINCT external_id) AS distinct_ids FROM conversations WHERE account_id = ? AND external_id LIKE 'soak-%'",
      [Number(accountId)],
    );
    figures.ingested = ids.size;
    figures.stored = Number(stored.n);
    figures.duplicates = Number(stored.n) - Number(stored.distinct_ids);
  } finally {
    await db.close();
  }
  return figures;
}

/** Three new chats, ids unique to this client and step, within the soak's date ranges. */
function soakBatch(client: number, step: number): unknown[] {
  return Array.from({ length: 3 }, (_, i) => {
    const created = new Date(Date.UTC(2026, 2, 1 + ((client + step + i) % 14), 9 + (i % 8), (step * 7) % 60));
    const reply = new Date(created.getTime() + (30 + ((client * 13 + step) % 600)) * 1000);
    return {
      id: `soak-${client}-${step}-${i}`,
      channel: 'CHAT',
      inbox: { id: 'support', name: 'Support' },
      assignee: { id: `u-${1 + ((client + i) % 25)}` },
      status: 'OPEN',
      createdAt: created.toISOString(),
      messages: [
        { id: 'm1', from: 'VISITOR', sentAt: created.toISOString() },
        { id: 'm2', from: 'AGENT', agentId: `u-${1 + ((client + i) % 25)}`, sentAt: reply.toISOString() },
      ],
    };
  });
}

export function formatSoak(figures: readonly SoakFigures[], options: SoakOptions): string {
  const p = (samples: number[], fraction: number) => percentile([...samples].sort((a, b) => a - b), fraction);
  const rows = figures.flatMap((f) =>
    (['dashboard', 'drilldown', 'ingest'] as const).map((kind) => [
      f.store,
      kind,
      String(f.requests[kind].length),
      ms(p(f.requests[kind], 0.5)),
      ms(p(f.requests[kind], 0.99)),
      kind === 'dashboard' ? String(f.errors) : '',
      kind === 'dashboard' ? `${f.ingested} / ${f.stored} / ${f.duplicates}${f.errors > 0 || f.ingested !== f.stored || f.duplicates > 0 ? '  MISMATCH' : ''}` : '',
    ]),
  );
  const errors = figures.flatMap((f) => f.firstErrors.map((e) => `  ${f.store} ${e}`));
  return [
    `Soak: ${options.clients} clients for ${options.seconds} s on loopback, over ${options.baseConversations.toLocaleString('en-US')} conversations, cache and rollups on`,
    formatTable(['store', 'request', 'answered', 'p50', 'p99', 'errors', 'ingested / stored / duplicates'], rows),
    ...(errors.length > 0 ? ['first errors:', ...errors] : []),
  ].join('\n');
}
