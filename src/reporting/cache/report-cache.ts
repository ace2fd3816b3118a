import { Database, toNumber } from '../../db/database';
import { countReportCache } from '../../metrics';
import { ReportResult, runSpec } from '../engine/run';
import { ReportSpec } from '../engine/spec';
import { reportCacheKey } from './key';
import { LruStore } from './lru';
import { RedisStore } from './redis';

/**
 * Report results by account, data version and normalised run: the in-process LRU first, then
 * Redis when there is one, then the database. A hit costs one primary-key query (the data
 * version, unless the caller read it already); concurrent identical misses in one process compute once.
 */
export class ReportCache {
  private readonly inFlight = new Map<string, Promise<string>>();

  constructor(
    readonly lru: LruStore,
    private readonly redis: RedisStore | null = null,
  ) {}

  /**
   * What `runSpec` returns, as a fresh object for every caller. `knownVersion` is the account's
   * data version read when the request began (with its caller); without it, it is read here.
   */
  async run(db: Database, spec: ReportSpec, knownVersion?: number): Promise<ReportResult> {
    // Read before computing: a result computed meanwhile may already include a newer import,
    // but is never older than the version it is stored under.
    const version = knownVersion ?? (await dataVersion(db, spec.accountId));
    if (version === null) return runSpec(db, spec);
    const key = reportCacheKey(db, spec, version);
    let text = this.lru.get(key);
    if (text !== undefined) countReportCache({ result: 'hit', tier: 'memory' });
    else {
      let pending = this.inFlight.get(key);
      if (pending) countReportCache({ result: 'hit', tier: 'coalesced' });
      else {
        pending = this.load(db, spec, key).finally(() => this.inFlight.delete(key));
        this.inFlight.set(key, pending);
      }
      text = await pending;
    }
    return JSON.parse(text) as ReportResult;
  }

  async close(): Promise<void> {
    await this.redis?.close();
  }

  private async load(db: Database, spec: ReportSpec, key: string): Promise<string> {
    const shared = await this.redis?.get(key);
    if (shared !== undefined && isReportResult(shared)) {
      countReportCache({ result: 'hit', tier: 'redis' });
      this.lru.set(key, shared);
      return shared;
    }
    countReportCache({ result: 'miss', tier: 'none' });
    const text = JSON.stringify(await runSpec(db, spec));
    this.lru.set(key, text);
    await this.redis?.set(key, text);
    return text;
  }
}

async function dataVersion(db: Database, accountId: number): Promise<number | null> {
  const [row] = await db.query<{ data_version: unknown }>('SELECT data_version FROM accounts WHERE id = ?', [accountId]);
  return row ? toNumber(row.data_version) : null;
}

/** Redis is outside this process: a value that is not a report (truncated, written by something else) is a miss. */
function isReportResult(text: string): boolean {
  try {
    const value = JSON.parse(text) as Partial<ReportResult> | null;
    return Array.isArray(value?.dimensions) && Array.isArray(value?.measures) && Array.isArray(value?.rows);
  } catch {
    return false;
  }
}
