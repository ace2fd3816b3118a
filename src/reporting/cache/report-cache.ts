import { readAtVersion, readDataVersion } from '../../accounts/data-version';
import { Database } from '../../db/database';
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
    const version = knownVersion ?? (await readDataVersion(db, spec.accountId));
    if (version === null) return runSpec(db, spec);
    const key = reportCacheKey(db, spec, version);
    let text = this.lru.get(key);
    if (text === undefined) {
      let pending = this.inFlight.get(key);
      if (!pending) {
        pending = this.load(db, spec, key, version).finally(() => this.inFlight.delete(key));
        this.inFlight.set(key, pending);
      }
      text = await pending;
    }
    return JSON.parse(text) as ReportResult;
  }

  async close(): Promise<void> {
    await this.redis?.close();
  }

  private async load(db: Database, spec: ReportSpec, key: string, version: number): Promise<string> {
    const shared = await this.redis?.get(key);
    if (shared !== undefined && isReportResult(shared)) {
      this.lru.set(key, shared);
      return shared;
    }
    const computed = await readAtVersion(db, spec.accountId, version, (reader) => runSpec(reader, spec));
    const text = JSON.stringify(computed.value);
    // Stored under the version the numbers are of: a replica may already hold a newer one than the
    // request saw, and its numbers must not be read as those of the older version.
    const at = computed.version ?? version;
    const storeKey = at === version ? key : reportCacheKey(db, spec, at);
    this.lru.set(storeKey, text);
    await this.redis?.set(storeKey, text);
    return text;
  }
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
