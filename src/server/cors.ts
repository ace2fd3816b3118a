import cors from 'cors';
import type { RequestHandler } from 'express';

/**
 * Answers browsers' CORS preflights and marks responses for the listed origins only; other
 * origins get no Access-Control-Allow-Origin, so their pages cannot read anything. Tokens travel
 * in the Authorization header, never in cookies: no credentials are allowed.
 */
export function corsFor(origins: readonly string[]): RequestHandler | null {
  if (origins.length === 0) return null;
  return cors({
    origin: [...origins],
    methods: ['GET', 'POST'],
    allowedHeaders: ['authorization', 'content-type', 'apollo-require-preflight', 'x-apollo-operation-name', 'threadline-timing'],
    exposedHeaders: ['retry-after', 'server-timing'],
    maxAge: 600,
  });
}

/** THREADLINE_CORS_ORIGINS, read with the other settings in config. */
export { corsOriginsFrom } from '../config';
