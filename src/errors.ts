import { GraphQLError } from 'graphql';

/**
 * The request errors of docs/api.md ("Errors"). Each carries its `extensions.code`;
 * `formatError` passes these through and masks everything else.
 */
export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'PLAN_REQUIRED' | 'BAD_USER_INPUT' | 'NOT_FOUND';

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
  /** `field` names the input that is wrong, e.g. `dateRange.to` or `filters[1].operator`. */
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super('BAD_USER_INPUT', `${field}: ${reason}`, { field });
  }
}

export class Unauthenticated extends ThreadlineError {
  constructor(message = 'A valid API token is required: send "Authorization: Bearer <token>".') {
    // Apollo answers a context error with this HTTP status; formatError drops `http` from the body.
    super('UNAUTHENTICATED', message, { http: { status: 401 } });
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

/** An internal bug: never shown to callers (formatError masks it). */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Invariant failed: ${message}`);
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}

/** An error of the command line: printed as one line on stderr, exit status 1. */
export class CliError extends Error {}
