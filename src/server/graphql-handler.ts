import { ApolloServer, HeaderMap, HTTPGraphQLResponse } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';
import { Viewer } from '../auth/viewer';
import { settings } from '../config';
import { Database } from '../db/database';
import { currentRequest } from '../log';
import { countReportCache, labelRequest } from '../metrics';
import { admitRequest, asksForTiming, Context, contextOfAdmitted, createContext, RequestInfo } from './context';
import { RateLimits } from './rate-limit';
import { CachedResponse, ResponseCache } from './response-cache';

/**
 * `/graphql` after the body is parsed: Apollo, with the whole-response cache of report queries in
 * front of it (response-cache.ts). A request the cache may answer is admitted first (rate limits,
 * then its token, exactly as Apollo's context would do it), then answered from the cache when it
 * holds the response; otherwise Apollo runs it with the viewer already admitted, and a complete
 * success is stored. Every other request goes to Apollo as it comes, as Apollo's Express
 * integration would hand it over (its headers, query string and parsed body).
 */
export function graphqlHandler(apollo: ApolloServer<Context>, db: Database, limits: RateLimits | null, cache: ResponseCache | null): RequestHandler {
  return async (req, res) => {
    const started = performance.now();
    const info: RequestInfo = { authorization: req.headers.authorization, address: req.ip, timing: req.get('threadline-timing') };
    // THREADLINE_CACHE is read on every request, as the report cache reads it (tests turn it off while running).
    const candidate = cache && req.method === 'POST' && settings().cache ? cache.candidate(req.body) : null;
    if (!cache || !candidate) {
      await send(res, await run(apollo, req, () => createContext(db, info, limits)));
      return;
    }
    let viewer: Viewer;
    try {
      viewer = await admitRequest(db, info, limits);
    } catch (refusal) {
      // Apollo answers the refusal as it answers a context that fails: same status, body and hooks.
      await send(res, await run(apollo, req, () => Promise.reject(refusal)));
      return;
    }
    const key = cache.key(candidate, viewer, req.headers.accept);
    const held = key === null ? undefined : cache.get(key);
    if (held) {
      sendCached(res, held, asksForTiming(info) ? performance.now() - started : null);
      labelRequest({ operation: candidate.label, code: 'OK' });
      countReportCache({ result: 'hit', tier: 'response' }, held.paths.length);
      const entry = currentRequest();
      if (entry) Object.assign(entry, { operation: candidate.operationName ?? undefined, accountId: viewer.account.id, code: 'OK' });
      return;
    }
    let context: Context | undefined;
    const response = await run(apollo, req, async () => (context = contextOfAdmitted(db, viewer, info)));
    await send(res, response);
    const contentType = response.headers.get('content-type');
    if (key !== null && context && (response.status ?? 200) === 200 && response.body.kind === 'complete' && contentType) {
      cache.store(key, response.body.string, contentType, context.reportRuns.map((r) => r.path));
    }
  };
}

function run(apollo: ApolloServer<Context>, req: Request, context: () => Promise<Context>): Promise<HTTPGraphQLResponse> {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const query = req.originalUrl.indexOf('?');
  return apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method.toUpperCase(), headers, search: query === -1 ? '' : req.originalUrl.slice(query), body: req.body },
    context,
  });
}

async function send(res: Response, response: HTTPGraphQLResponse): Promise<void> {
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.send(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/**
 * A held response as Apollo would send it (its JSON and a final newline), its reports' source
 * CACHE and, when asked for, the milliseconds this request took so far as each report's timing.
 */
function sendCached(res: Response, held: CachedResponse, ms: number | null): void {
  let threadline = `{"source":${held.sourceJson}`;
  if (ms !== null) {
    const rounded = Math.round(ms * 100) / 100;
    threadline += `,"timings":${JSON.stringify(Object.fromEntries(held.paths.map((path) => [path, rounded])))}`;
    res.setHeader('server-timing', held.paths.map((path) => `report;desc="${path} CACHE";dur=${rounded}`).join(', '));
  }
  res.setHeader('content-type', held.contentType);
  res.status(200).send(`{"data":${held.data},"extensions":{"threadline":${threadline}}}}\n`);
}
