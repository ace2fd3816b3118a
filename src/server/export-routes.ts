import express, { Request, Response, Router } from 'express';
import { log } from '../log';
import { requireRight } from '../auth/rights';
import { Database } from '../db/database';
import { ThreadlineError } from '../errors';
import { labelRequest } from '../metrics';
import { ExportTarget, exportReportCsv } from '../reporting/export';
import { createContext } from './context';
import { RateLimits } from './rate-limit';

/** The HTTP status each error code answers with outside GraphQL. */
const STATUS: Record<ThreadlineError['code'], number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PLAN_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFIG_INVALID: 422,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  TIMEOUT: 504,
};

/**
 * Report runs as CSV for BI tools and spreadsheets that fetch a URL:
 * `GET /export/reports/<definitionId>.csv` and `GET /export/saved-reports/<reportId>.csv`, the
 * run's arguments as query parameters. Each request is a GraphQL request in all but syntax: the
 * same token in `Authorization`, the same rate limits, the READ right, one report run, and the
 * services behind `runReport`. Errors answer JSON in GraphQL's shape (`errors[].extensions.code`).
 */
export function exportRoutes(db: Database, rateLimits: RateLimits | null): Router {
  const router = express.Router();
  const csv = (target: (req: Request) => ExportTarget) => async (req: Request, res: Response) => {
    try {
      const ctx = await createContext(db, { authorization: req.headers.authorization, address: req.ip }, rateLimits);
      requireRight(ctx.viewer, 'READ', 'report export');
      const body = await exportReportCsv(ctx, target(req), req.query);
      const name = String(req.params.id).replace(/[^\w.-]+/g, '_');
      res
        .status(200)
        .set({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"`, 'cache-control': 'no-store' })
        .send(body);
    } catch (error) {
      sendError(res, error);
    }
  };
  router.get('/reports/:id.csv', csv((req) => ({ definitionId: String(req.params.id) })));
  router.get('/saved-reports/:id.csv', csv((req) => ({ reportId: String(req.params.id) })));
  return router;
}

function sendError(res: Response, error: unknown): void {
  res.set('cache-control', 'no-store');
  if (error instanceof ThreadlineError) {
    const { http, ...extensions } = error.extensions as { http?: { headers?: Map<string, string> } } & Record<string, unknown>;
    for (const [name, value] of http?.headers ?? []) res.set(name, value);
    labelRequest({ code: error.code });
    res.locals.errorCode = error.code;
    res.status(STATUS[error.code]).json({ errors: [{ message: error.message, extensions }] });
    return;
  }
  // As formatError does for GraphQL: logged here, masked for the caller.
  log().error({ err: error }, 'internal error');
  labelRequest({ code: 'INTERNAL_SERVER_ERROR' });
  res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
}
