import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ThreadlineError } from '../errors';
import { log } from '../log';

/** GraphQL's own request errors, which say what is wrong with the request and nothing internal. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * The one place errors become responses. Typed errors (docs/api.md, "Errors") keep their code and
 * message; GraphQL's request errors (parse, validation, bad variables) keep their message; anything
 * else is an internal error: logged here, masked for the caller, so no SQL or stack ever leaves.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = typedCause(unwrapResolverError(error));
  const where = { path: formatted.path, locations: formatted.locations };
  if (original instanceof ThreadlineError) {
    const { http: _http, ...extensions } = original.extensions as Record<string, unknown>;
    return { message: original.message, ...where, extensions };
  }
  const code = formatted.extensions?.code;
  const tokens = code === 'GRAPHQL_PARSE_FAILED' ? TOKEN_LIMIT.exec(formatted.message) : null;
  if (tokens) return { message: `query: token limit of ${tokens[1]} exceeded; send values as variables, or split the request`, extensions: { code: 'BAD_USER_INPUT', field: 'query' } };
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code) && !hasDriverError(original)) {
    // A value written into the query that its type refuses is bad input, as it is when sent as a variable.
    const inputCode = code === 'GRAPHQL_VALIDATION_FAILED' && BAD_VALUE.test(formatted.message) ? 'BAD_USER_INPUT' : code;
    return { message: formatted.message, ...where, extensions: { code: inputCode } };
  }
  log().error({ err: original }, 'internal error');
  return { message: 'Internal server error', ...where, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/**
 * The messages graphql-js gives a literal argument value its type refuses (unknown enum value,
 * out-of-range Int, unknown or missing input field, missing required argument).
 */
const BAD_VALUE = /does not exist in ".+" enum|cannot represent|Expected value of type|of required type ".+" was not provided|is not defined by type|is required, but it was not provided/;

/** graphql-js's message when the parser stops at the token limit (`parseOptions.maxTokens`). */
const TOKEN_LIMIT = /^Syntax Error: Document contains more that (\d+) tokens/;

/** Apollo wraps a validation rule's error in its own; a typed error inside it keeps its code. */
function typedCause(error: unknown): unknown {
  if (error instanceof GraphQLError && error.originalError instanceof ThreadlineError) return error.originalError;
  return error;
}

/** A database error that somehow carries a public code is still internal. */
function hasDriverError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && ('driverError' in error || 'sqlMessage' in error);
}
