import cors from 'cors';
import type { RequestHandler } from 'express';
import { CliError } from '../errors';

/**
 * THREADLINE_CORS_ORIGINS: the web origins (`https://reports.example.com`, comma-separated, exact)
 * whose pages may call the API from a browser. Unset: none, and none is needed for the app this
 * server serves itself (same origin). A value that is not an origin is refused at start.
 */
export function corsOriginsFrom(env: Record<string, string | undefined>): string[] {
  const text = env.THREADLINE_CORS_ORIGINS?.trim() ?? '';
  if (text === '') return [];
  return text.split(',').map((entry) => {
    const value = entry.trim();
    let url: URL | null = null;
    try {
      url = new URL(value);
    } catch {
      url = null;
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== value.replace(/\/$/, '')) {
      throw new CliError(`THREADLINE_CORS_ORIGINS: "${value}" is not an origin such as https://reports.example.com (scheme, host and port only)`);
    }
    return url.origin;
  });
}

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
