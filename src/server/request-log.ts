import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { currentRequest, RequestLog, rootLogger, withRequestLog } from '../log';
import type { Context } from './context';

/** An incoming X-Request-Id (from a proxy or a client) is kept when it is this plain; otherwise a new one is made. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** The code a request ended with when nothing more precise said so. */
const CODE_OF_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED', 413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE', 429: 'RATE_LIMITED', 500: 'INTERNAL_SERVER_ERROR', 503: 'SERVICE_UNAVAILABLE',
};

/**
 * First in the chain: gives the request its id (the X-Request-Id response header, and every log
 * line written while serving it) and writes one line when the response is sent: method, path (never
 * the query string), status, duration, operation, account and result code. Never headers or bodies.
 */
export function requestLogging(): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get('x-request-id');
    const requestId = incoming !== undefined && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    // Read now: mounted routers rewrite req.path while they handle it.
    const path = req.path.slice(0, 200);
    const entry: RequestLog = { requestId, log: rootLogger().child({ requestId }) };
    res.on('finish', () => {
      const status = res.statusCode;
      const fields = {
        method: req.method,
        path,
        status,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
        operation: entry.operation,
        accountId: entry.accountId,
        code: entry.code ?? (res.locals.errorCode as string | undefined) ?? CODE_OF_STATUS[status] ?? (status < 400 ? 'OK' : `HTTP_${status}`),
      };
      // The web app's files are many and uninteresting: only at debug level, unless they fail.
      const routine = !path.startsWith('/graphql') && status < 400;
      if (status >= 500) entry.log.error(fields, 'request');
      else if (routine) entry.log.debug(fields, 'request');
      else entry.log.info(fields, 'request');
    });
    withRequestLog(entry, next);
  };
}

/** Tells the request's log line what Apollo knows: the operation's name, the account and the first error's code. */
export function requestLogPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operationName, response }) {
          const entry = currentRequest();
          if (!entry) return;
          entry.operation = operationName ?? undefined;
          entry.accountId = (contextValue as Partial<Context>).viewer?.account.id;
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const code = errors?.[0]?.extensions?.code;
          entry.code = errors?.length ? (typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR') : 'OK';
        },
      };
    },
  };
}
