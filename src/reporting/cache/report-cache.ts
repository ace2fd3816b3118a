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
   * What `runSpec` returns, as a fresh object for every caller. `known` is the account's data
   * version and the database's identity read when the request began (with its caller); without
   * it, they are read here.
   */
  async run(db: Database, spec: ReportSpec, known?: DataVersion): Promise<ReportResult> {
    // Read before computing: a result computed meanwhile may already include a newer import,
    // but is never older than the version it is stored under.
    const current = known ?? (await dataVersion(db, spec.accountId));
    if (current === null) return runSpec(db, spec);
    const key = reportCacheKey(current.databaseIdentity, spec, current.version);
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

/** Which data a cached result was computed from: the database (by its random identity) and the account's data version. */
export interface DataVersion {
  databaseIdentity: string;
  version: number;
}

async function dataVersion(db: Database, accountId: number): Promise<DataVersion | null> {
  const [row] = await db.query<{ data_version: unknown; database_identity: string | null }>(
    'SELECT a.data_version, d.identity AS database_identity FROM accounts a JOIN database_identity d ON d.id = 1 WHERE a.id = ?',
    [accountId],
  );
  return row && row.database_identity ? { databaseIdentity: row.database_identity, version: toNumber(row.data_version) as number } : null;
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
