import { AsyncLocalStorage } from 'node:async_hooks';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The Prometheus metrics of this process (docs/api.md, "Monitoring"), in a registry of its own
 * so nothing else registered with prom-client's global one leaks into `/metrics`. Every label has
 * a bounded set of values: operation names come from the schema's root fields, never from what a
 * client sends as `operationName`, and no label holds an account, user or id.
 */
export const metricsRegistry = new Registry();

const requestDuration = new Histogram({
  name: 'threadline_request_duration_seconds',
  help: 'API requests (GraphQL and CSV exports) by operation and outcome code, with their durations.',
  labelNames: ['operation', 'code'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [metricsRegistry],
});

const reportCache = new Counter({
  name: 'threadline_report_cache_requests_total',
  help: 'Report runs through the result cache: hits by tier (response: a whole cached response; memory, redis, coalesced with an identical run in progress) and misses.',
  labelNames: ['result', 'tier'] as const,
  registers: [metricsRegistry],
});

const aggregates = new Counter({
  name: 'threadline_report_aggregates_total',
  help: 'Report aggregates computed, by source: the rollup table or the conversations themselves.',
  labelNames: ['source'] as const,
  registers: [metricsRegistry],
});

const conversations = new Counter({
  name: 'threadline_conversations_written_total',
  help: 'Conversations received by import (threadline import, in its own process) and ingest (ingestConversations), by outcome.',
  labelNames: ['via', 'outcome'] as const,
  registers: [metricsRegistry],
});

const reportsWaiting = new Gauge({
  name: 'threadline_account_reports_waiting',
  help: 'Reports, drill-downs, value lists and conversation pages waiting because their account already has THREADLINE_ACCOUNT_REPORTS_IN_FLIGHT running.',
  registers: [metricsRegistry],
});

let defaultsCollected = false;

/** Node's own metrics (memory, event loop lag, CPU), prefixed `threadline_`; once per process. */
export function collectProcessMetrics(): void {
  if (defaultsCollected) return;
  defaultsCollected = true;
  collectDefaultMetrics({ register: metricsRegistry, prefix: 'threadline_' });
}

/** What the request being served turned out to be; filled in by whoever learns it (the Apollo plugin). */
export interface RequestLabels {
  operation: string;
  code: string;
}

const currentRequest = new AsyncLocalStorage<RequestLabels>();

/**
 * Times `handle` as one API request: its labels start as given and whatever runs inside may
 * refine them (see `labelRequest`). `done` observes it once, with the HTTP status it answered:
 * a request refused before anything labelled it (a 401, a 429) gets its code from the status.
 */
export function timeRequest(initial: RequestLabels, handle: (done: (status: number) => void) => void): void {
  const labels = { ...initial };
  const stop = requestDuration.startTimer();
  let observed = false;
  currentRequest.run(labels, () =>
    handle((status) => {
      if (observed) return;
      observed = true;
      if (labels.code === 'OK' && status >= 400) labels.code = codeOfStatus(status);
      stop(labels);
    }),
  );
}

/** The code an HTTP status stands for, when nothing more precise was learnt. */
function codeOfStatus(status: number): string {
  const codes: Record<number, string> = { 400: 'BAD_USER_INPUT', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 422: 'CONFIG_INVALID', 429: 'RATE_LIMITED', 503: 'SERVICE_UNAVAILABLE', 504: 'TIMEOUT' };
  return codes[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST');
}

/** Sets labels of the request being timed, if any. */
export function labelRequest(labels: Partial<RequestLabels>): void {
  const current = currentRequest.getStore();
  if (current) Object.assign(current, labels);
}

export type CacheOutcome = { result: 'hit'; tier: 'response' | 'memory' | 'redis' | 'coalesced' } | { result: 'miss'; tier: 'none' };

export function countReportCache(outcome: CacheOutcome, runs = 1): void {
  reportCache.inc(outcome, runs);
}

export function countAggregate(source: 'rollup' | 'conversations'): void {
  aggregates.inc({ source });
}

export function countConversations(via: 'import' | 'ingest', summary: { imported: number; updated: number; unchanged: number; rejected: readonly unknown[] }): void {
  for (const outcome of ['imported', 'updated', 'unchanged'] as const) {
    if (summary[outcome] > 0) conversations.inc({ via, outcome }, summary[outcome]);
  }
  if (summary.rejected.length > 0) conversations.inc({ via, outcome: 'rejected' }, summary.rejected.length);
}

/** One more (1) or one fewer (-1) report waiting for its account's turn (src/db/report-turns.ts). */
export function countReportsWaiting(change: 1 | -1): void {
  reportsWaiting.inc(change);
}

/** A connection pool as Prometheus sees it, read at each scrape. */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  limit: number;
}

/** Registers gauges over a pool (MariaDB/MySQL; SQLite has one connection and no pool). Once per process. */
export function watchPool(read: () => PoolStats | null): void {
  metricsRegistry.removeSingleMetric('threadline_db_pool_connections');
  metricsRegistry.removeSingleMetric('threadline_db_pool_waiting_requests');
  new Gauge({
    name: 'threadline_db_pool_connections',
    help: 'Database pool connections by state (in_use, idle) and the pool\'s limit.',
    labelNames: ['state'] as const,
    registers: [metricsRegistry],
    collect() {
      const stats = read();
      if (!stats) return;
      this.set({ state: 'in_use' }, stats.total - stats.idle);
      this.set({ state: 'idle' }, stats.idle);
      this.set({ state: 'limit' }, stats.limit);
    },
  });
  new Gauge({
    name: 'threadline_db_pool_waiting_requests',
    help: 'Queries waiting for a free database connection.',
    registers: [metricsRegistry],
    collect() {
      const stats = read();
      if (stats) this.set(stats.waiting);
    },
  });
}
