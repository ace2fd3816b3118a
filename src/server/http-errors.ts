import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { HttpErrorCode } from '../errors';

/**
 * Errors of the HTTP layer, before GraphQL runs: a body that is not JSON, too large or in an
 * unknown charset or encoding, a path or method the server does not have. They answer in the
 * shape of a GraphQL error (docs/api.md, "Errors") so a client needs one parser, and never with
 * Express's HTML page, which shows a stack trace unless NODE_ENV is production.
 */
export function sendHttpError(res: Response, status: number, code: HttpErrorCode, message: string): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  // For the request's log line (request-log.ts).
  res.locals.errorCode = code;
  res.status(status).type('application/json').send(httpErrorBody(code, message));
}

export function httpErrorBody(code: HttpErrorCode, message: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code } }] });
}

/** The GraphQL endpoint takes GET and POST (and OPTIONS for CORS preflights); nothing else reaches the API. */
export const onlyGraphQLMethods: RequestHandler = (req, res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'POST' || req.method === 'OPTIONS') return next();
  res.setHeader('Allow', 'GET, POST');
  sendHttpError(res, 405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed here: send the operation with POST (or a query with GET).`);
};

/**
 * A POST must be JSON. Anything else is refused before its body is read, which also keeps the
 * "simple" content types a page on another site could send (text/plain, forms) away from the API.
 */
export const jsonBodiesOnly: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST') return next();
  const type = req.headers['content-type'];
  if (type === undefined || /^\s*application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) return next();
  sendHttpError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', `Content-Type ${JSON.stringify(type.slice(0, 100))} is not supported: send application/json.`);
};

/** Any path nothing else answered. */
export const notFound: RequestHandler = (req, res) => {
  sendHttpError(res, 404, 'NOT_FOUND', `Nothing at ${req.method} ${req.path.slice(0, 200)}: the API is at POST /graphql.`);
};

/** body-parser's error types (its `type` field), as a client should read them. */
const BODY_ERRORS: Record<string, { status: number; code: HttpErrorCode; message: (error: BodyError) => string }> = {
  'entity.parse.failed': { status: 400, code: 'BAD_REQUEST', message: () => 'The request body is not valid JSON.' },
  'entity.too.large': { status: 413, code: 'PAYLOAD_TOO_LARGE', message: (e) => `The request body is larger than ${e.limit ?? 'the limit'} bytes: send fewer conversations per request.` },
  'charset.unsupported': { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: (e) => `Charset ${JSON.stringify(String(e.charset ?? '').slice(0, 40))} is not supported: send UTF-8.` },
  'encoding.unsupported': { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: (e) => `Content-Encoding ${JSON.stringify(String(e.encoding ?? '').slice(0, 40))} is not supported: send identity, gzip, deflate or br.` },
  'request.aborted': { status: 400, code: 'BAD_REQUEST', message: () => 'The request body ended early.' },
  'request.size.invalid': { status: 400, code: 'BAD_REQUEST', message: () => 'The request body is shorter or longer than its Content-Length.' },
  'stream.encoding.set': { status: 500, code: 'INTERNAL_SERVER_ERROR', message: () => 'Internal server error' },
};

interface BodyError {
  type?: string;
  status?: number;
  statusCode?: number;
  expose?: boolean;
  limit?: number;
  charset?: string;
  encoding?: string;
}

/**
 * The last handler: turns whatever went wrong before GraphQL into a JSON error. Client errors
 * say what to fix; anything else is masked, and `log` gets the details.
 */
export function jsonErrors(log: (error: unknown) => void): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const bodyError = (typeof error === 'object' && error !== null ? error : {}) as BodyError;
    const known = bodyError.type === undefined ? undefined : BODY_ERRORS[bodyError.type];
    if (known) {
      if (known.status >= 500) log(error);
      sendHttpError(res, known.status, known.code, known.message(bodyError));
      return;
    }
    const status = bodyError.status ?? bodyError.statusCode;
    // Client errors raised by Express's own parts (a malformed URL-encoded path, a bad range...).
    if (status !== undefined && status >= 400 && status < 500) {
      sendHttpError(res, status, status === 404 ? 'NOT_FOUND' : status === 405 ? 'METHOD_NOT_ALLOWED' : status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST', 'The request is malformed.');
      return;
    }
    log(error);
    sendHttpError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  };
}

/**
 * Requests Node's HTTP parser refuses before Express sees them (malformed request line, headers
 * too large, headers too slow) get the same JSON shape instead of an empty body.
 */
export function answerClientErrorsAsJson(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, reason, code, message] =
      error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large', 'BAD_REQUEST', 'The request headers are too large.'] as const
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'Request Timeout', 'BAD_REQUEST', 'The request took too long to arrive.'] as const
          : [400, 'Bad Request', 'BAD_REQUEST', 'The request is not valid HTTP.'] as const;
    const body = httpErrorBody(code, message);
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
}
