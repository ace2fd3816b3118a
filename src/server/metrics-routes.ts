import { timingSafeEqual, createHash } from 'node:crypto';
import { ApolloServerPlugin } from '@apollo/server';
import { NextFunction, Request, RequestHandler, Response } from 'express';
import { Kind, OperationDefinitionNode } from 'graphql';
import { Database } from '../db/database';
import { collectProcessMetrics, labelRequest, metricsRegistry, PoolStats, timeRequest, watchPool } from '../metrics';
import { Context } from './context';

/**
 * `GET /metrics` in Prometheus' text format. With a token (THREADLINE_METRICS_TOKEN) it answers
 * only `Authorization: Bearer <that token>`; API tokens do not open it, and it never counts
 * against their rate limits.
 */
export function metricsHandler(db: Database, token: string | undefined): RequestHandler {
  collectProcessMetrics();
  watchPool(() => poolStats(db));
  const expected = token ? digest(token) : null;
  return async (req: Request, res: Response) => {
    res.set('cache-control', 'no-store');
    if (expected && !matches(req.headers.authorization, expected)) {
      res
        .status(401)
        .set('www-authenticate', 'Bearer realm="metrics"')
        .json({ errors: [{ message: 'Metrics need "Authorization: Bearer <THREADLINE_METRICS_TOKEN>".', extensions: { code: 'UNAUTHENTICATED' } }] });
      return;
    }
    res.set('content-type', metricsRegistry.contentType).send(await metricsRegistry.metrics());
  };
}

/** Compared as digests, in constant time: neither the token's length nor its prefix leaks. */
function matches(authorization: string | undefined, expected: Buffer): boolean {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  return given !== undefined && timingSafeEqual(digest(given), expected);
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * Times every request under `operation` until its response is finished (or the client goes
 * away); the GraphQL plugin below refines the operation and the code as it learns them.
 */
export function timeRequests(operation: string): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    timeRequest({ operation, code: 'OK' }, (done) => {
      res.once('finish', () => done(res.statusCode));
      res.once('close', () => done(res.statusCode));
      next();
    });
  };
}

/**
 * Names a GraphQL request by the root fields it selects (`runReport`, `drilldown,runReport`; at
 * most three, else `(many)`), and its code by its first error (`OK` without one).
 */
export function metricsPlugin(): ApolloServerPlugin<Context> {
  return {
    async contextCreationDidFail({ error }) {
      labelRequest({ operation: 'graphql', code: errorCode(error) });
    },
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation) labelRequest({ operation: operationLabel(operation) });
        },
        async willSendResponse({ response, errors }) {
          // What the client was told (formatError's code), else the raw error.
          const first = (response.body.kind === 'single' ? response.body.singleResult.errors?.[0] : undefined) ?? errors?.[0];
          labelRequest({ code: first ? errorCode(first) : 'OK' });
        },
      };
    },
  };
}

/**
 * Distinct combinations of root fields (`drilldown,runReport`) named in labels at most. Single
 * fields are bounded by the schema, but a client choosing any two or three of its ~50 root fields
 * could make tens of thousands of label values, each a histogram of its own in every scrape.
 */
export const MAX_COMBINED_OPERATIONS = 50;

const combinedOperations = new Set<string>();

export function operationLabel(operation: OperationDefinitionNode): string {
  const names = new Set<string>();
  for (const selection of operation.selectionSet.selections) names.add(selection.kind === Kind.FIELD ? selection.name.value : '(fragment)');
  const sorted = [...names].sort();
  if (sorted.length > 3) return '(many)';
  const label = sorted.join(',') || '(none)';
  if (sorted.length < 2 || combinedOperations.has(label)) return label;
  // The first combinations seen (the clients' usual ones) keep their names; later ones are `(many)`.
  if (combinedOperations.size >= MAX_COMBINED_OPERATIONS) return '(many)';
  combinedOperations.add(label);
  return label;
}

const KNOWN_CODES = new Set([
  'UNAUTHENTICATED', 'FORBIDDEN', 'PLAN_REQUIRED', 'BAD_USER_INPUT', 'NOT_FOUND', 'RATE_LIMITED', 'CONFIG_INVALID', 'SERVICE_UNAVAILABLE', 'TIMEOUT',
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE',
]);

function errorCode(error: unknown): string {
  const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  // Codes come from this server, but a label's values must stay a short, known list.
  return typeof code === 'string' && KNOWN_CODES.has(code) ? code : 'INTERNAL_SERVER_ERROR';
}

/** mysql2's pool, read through its (untyped) fields; null for SQLite, which has no pool. */
function poolStats(db: Database): PoolStats | null {
  try {
    const pool = (db.dataSource.driver as unknown as { pool?: MysqlPool }).pool;
    if (!pool?._allConnections) return null;
    return {
      total: pool._allConnections.length,
      idle: pool._freeConnections?.length ?? 0,
      waiting: pool._connectionQueue?.length ?? 0,
      limit: pool.config?.connectionLimit ?? 0,
    };
  } catch {
    return null;
  }
}

interface MysqlPool {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
  config?: { connectionLimit?: number };
}
