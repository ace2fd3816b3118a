/**
 * The report result cache of this process, configured from the environment on first use:
 * `THREADLINE_CACHE=off` turns it off (the benchmark measures uncached runs so), `REDIS_URL` adds
 * a Redis tier that every server process on it shares. An in-process LRU is always in front.
 */

import { readAtVersion } from '../../accounts/data-version';
import { settings } from '../../config';
import { Database } from '../../db/database';
import { computeReport, ReportAnswer, ReportResult } from '../engine/run';
import { ReportSpec } from '../engine/spec';
import { RedisStore } from './redis';
import { DataVersion, ReportCache, reportLru } from './report-cache';

export { DataVersion, ReportCache, reportLru } from './report-cache';

/** Keeps a cache-heavy server well under 300 MB RSS. */
export const DEFAULT_LRU_LIMITS = { maxEntries: 10_000, maxBytes: 50 * 1024 * 1024 };
/** Keys of superseded data versions are never read again; this lets Redis drop them. */
export const REDIS_TTL_SECONDS = 3600;

export interface CacheEnvironment {
  THREADLINE_CACHE?: string;
  REDIS_URL?: string;
}

/** A cache as `env` asks for, or null when it is turned off. */
export function createReportCache(env: CacheEnvironment, options: { keyPrefix?: string; log?: (message: string) => void } = {}): ReportCache | null {
  if (/^(off|false|0|no)$/i.test(env.THREADLINE_CACHE?.trim() ?? '')) return null;
  const redisUrl = env.REDIS_URL?.trim();
  const redis = redisUrl ? new RedisStore(redisUrl, { ttlSeconds: REDIS_TTL_SECONDS, ...options }) : null;
  return new ReportCache(reportLru(DEFAULT_LRU_LIMITS), redis);
}

let processCache: ReportCache | null | undefined;

/** Runs a report through this process's cache: the same result as `runSpec`. `dataVersion`: see ReportCache.run. */
export async function runCached(db: Database, spec: ReportSpec, dataVersion?: DataVersion): Promise<ReportResult> {
  return (await answerReport(db, spec, dataVersion)).result;
}

/** What runCached returns, and whether it came from the cache, the rollup or the conversations. */
export function answerReport(db: Database, spec: ReportSpec, dataVersion?: DataVersion): Promise<ReportAnswer> {
  if (processCache === undefined) {
    const { cache, redisUrl } = settings();
    processCache = createReportCache({ THREADLINE_CACHE: cache ? 'on' : 'off', REDIS_URL: redisUrl });
  }
  if (processCache) return processCache.answer(db, spec, dataVersion);
  return readAtVersion(db, spec.accountId, dataVersion, (reader) => computeReport(reader, spec)).then(({ value }) => value);
}

/** Quits Redis (when the server closes); the next run configures a fresh cache from the environment. */
export async function closeReportCache(): Promise<void> {
  const cache = processCache;
  processCache = undefined;
  await cache?.close();
}
