import { GraphQLError } from 'graphql';

/**
 * The request errors of docs/api.md ("Errors"). Each carries its `extensions.code`;
 * `formatError` passes these through and masks everything else.
 */
export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'PLAN_REQUIRED' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'RATE_LIMITED' | 'CONFIG_INVALID' | 'SERVICE_UNAVAILABLE' | 'TIMEOUT';

export class ThreadlineError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...extra } });
  }
}

export class BadInput extends ThreadlineError {
  /**
   * `field` names the input that is wrong, e.g. `dateRange.to` or `filters[1].operator`; `extra`
   * adds extensions (a refused request's `cost` and `budget`, or the `http` status it answers with).
   */
  constructor(
    readonly field: string,
    reason: string,
    extra: Record<string, unknown> = {},
  ) {
    super('BAD_USER_INPUT', `${field}: ${reason}`, { field, ...extra });
  }
}

export class Unauthenticated extends ThreadlineError {
  constructor(message = 'A valid API token is required: send "Authorization: Bearer <token>".') {
    // Apollo answers a context error with this HTTP status; formatError drops `http` from the body.
    super('UNAUTHENTICATED', message, { http: { status: 401 } });
  }
}

/**
 * Too many requests for one token, or too many failed authentications from one client address:
 * HTTP 429 with `Retry-After` (whole seconds), and the same number as `extensions.retryAfter`.
 */
export class RateLimited extends ThreadlineError {
  constructor(message: string, retryAfterSeconds: number) {
    super('RATE_LIMITED', message, {
      retryAfter: retryAfterSeconds,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    });
  }
}

/**
 * The database is down, frozen or refusing connections: HTTP 503 with `Retry-After`, for every
 * request that needs it, until it answers again. Nothing is wrong with the request: send it again.
 */
export class ServiceUnavailable extends ThreadlineError {
  static readonly RETRY_AFTER_SECONDS = 5;

  constructor(message = 'The database is not answering; try again shortly.') {
    super('SERVICE_UNAVAILABLE', message, {
      retryAfter: ServiceUnavailable.RETRY_AFTER_SECONDS,
      http: { status: 503, headers: new Map([['retry-after', String(ServiceUnavailable.RETRY_AFTER_SECONDS)]]) },
    });
  }
}

/**
 * One report or conversation query ran past its time limit (THREADLINE_QUERY_TIMEOUT_MS) and was
 * stopped. A field error like any other: the rest of a dashboard still answers. Narrow the report
 * (a shorter date range, fewer dimensions, simpler filters) or ask for the limit to be raised.
 */
export class QueryTimeout extends ThreadlineError {
  constructor(limitMs: number) {
    super('TIMEOUT', `The query ran longer than its time limit of ${limitMs} ms and was stopped; narrow the report (date range, filters, dimensions).`, { limitMs });
  }
}

export class Forbidden extends ThreadlineError {
  constructor(message = 'You do not have access to this object.') {
    super('FORBIDDEN', message);
  }
}

export class NotFound extends ThreadlineError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `No ${what} with id "${id}".`);
  }
}

export class PlanRequired extends ThreadlineError {
  constructor(message: string) {
    super('PLAN_REQUIRED', message);
  }
}

/**
 * A saved report or dashboard whose stored configuration no longer validates: saved under an older
 * version (a measure or property since renamed) or damaged. Not the caller's input, and not an
 * internal error: it names the object and the field, and editing the object repairs it.
 */
export class ConfigInvalid extends ThreadlineError {
  constructor(object: { kind: 'report' | 'dashboard'; id: string; name: string }, problem: { field: string; message: string }) {
    const what = object.kind === 'report' ? 'Saved report' : 'Dashboard';
    const repair = object.kind === 'report' ? 'updateReport' : 'updateDashboard';
    super('CONFIG_INVALID', `${what} ${JSON.stringify(object.name)} (${object.id}) no longer validates: ${problem.message}. Edit it (${repair}) to repair it.`, {
      [object.kind]: object.id,
      field: problem.field,
    });
  }
}

/** An internal bug: never shown to callers (formatError masks it). */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Invariant failed: ${message}`);
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}

/** An error of the command line: printed as one line on stderr, exit status 1. */
export class CliError extends Error {}

/**
 * The codes of errors the HTTP layer answers before GraphQL runs (docs/api.md, "Errors of the
 * HTTP request"): the same JSON shape, with the HTTP status that goes with each.
 */
export type HttpErrorCode = 'BAD_REQUEST' | 'NOT_FOUND' | 'METHOD_NOT_ALLOWED' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE' | 'INTERNAL_SERVER_ERROR';
