import { DataVersion, readAtVersion, readDataVersion } from '../../accounts/data-version';
import { Database } from '../../db/database';
import { countReportCache } from '../../metrics';
import { computeReport, ReportAnswer, ReportResult } from '../engine/run';
import { ReportSpec } from '../engine/spec';
import { reportCacheKey } from './key';
import { LruLimits, LruStore } from './lru';
import { RedisStore } from './redis';

/**
 * A result as held in this process: its JSON text (what Redis holds, and what its size is
 * measured by) and the parsed value, deeply frozen, which every hit hands out as it is: no parse
 * per hit, and nobody can alter the cached copy through it.
 */
export interface HeldReport {
  text: string;
  result: ReportResult;
}

/** An LRU of held reports, each measured by its text (the parsed copy counted in with it). */
export function reportLru(limits: LruLimits): LruStore<HeldReport> {
  return new LruStore<HeldReport>(limits, (held) => 2 * held.text.length);
}

/**
 * Report results by account, data version and normalised run: the in-process LRU first, then
 * Redis when there is one, then the database. A hit costs one primary-key query (the data
 * version, unless the caller read it already); concurrent identical misses in one process compute once.
 */
export class ReportCache {
  private readonly inFlight = new Map<string, Promise<{ held: HeldReport; source: ReportAnswer['source'] }>>();

  constructor(
    readonly lru: LruStore<HeldReport>,
    private readonly redis: RedisStore | null = null,
  ) {}

  /**
   * What `runSpec` returns. `known` is the account's data version and the database's identity read
   * when the request began (with its caller); without it, they are read here.
   */
  async run(db: Database, spec: ReportSpec, known?: DataVersion): Promise<ReportResult> {
    return (await this.answer(db, spec, known)).result;
  }

  /**
   * What `run` returns, and where it came from: CACHE when this process's LRU or Redis held it;
   * otherwise how it was computed (also for a caller that waited for another's identical run).
   * A cached result is shared by every caller, deeply frozen.
   */
  async answer(db: Database, spec: ReportSpec, known?: DataVersion): Promise<ReportAnswer> {
    // Read before computing: a result computed meanwhile may already include a newer import,
    // but is never older than the version it is stored under.
    const current = known ?? (await readDataVersion(db, spec.accountId));
    if (current === null) return db.inAccountTurn(spec.accountId, () => computeReport(db, spec));
    const key = reportCacheKey(current.databaseIdentity, spec, current.version);
    const cached = this.lru.get(key);
    if (cached !== undefined) {
      countReportCache({ result: 'hit', tier: 'memory' });
      return { result: cached.result, source: 'CACHE' };
    }
    let pending = this.inFlight.get(key);
    if (pending) countReportCache({ result: 'hit', tier: 'coalesced' });
    else {
      pending = this.load(db, spec, key, current).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    const { held, source } = await pending;
    return { result: held.result, source };
  }

  async close(): Promise<void> {
    await this.redis?.close();
  }

  private async load(db: Database, spec: ReportSpec, key: string, current: DataVersion): Promise<{ held: HeldReport; source: ReportAnswer['source'] }> {
    const shared = await this.redis?.get(key);
    const parsed = shared === undefined ? null : parseReport(shared);
    if (shared !== undefined && parsed) {
      countReportCache({ result: 'hit', tier: 'redis' });
      const held = { text: shared, result: deepFreeze(parsed) };
      this.lru.set(key, held);
      return { held, source: 'CACHE' };
    }
    countReportCache({ result: 'miss', tier: 'none' });
    const computed = await readAtVersion(db, spec.accountId, current, (reader) => computeReport(reader, spec));
    const { result, source } = computed.value;
    const text = JSON.stringify(result);
    // Frozen as parsed from the text, so a hit is exactly what Redis would give another process.
    const held = { text, result: deepFreeze(JSON.parse(text) as ReportResult) };
    // Stored under the version the numbers are of: a replica may already hold a newer one than the
    // request saw, and its numbers must not be read as those of the older version.
    const at = computed.version ?? current;
    const storeKey = at.version === current.version ? key : reportCacheKey(at.databaseIdentity, spec, at.version);
    this.lru.set(storeKey, held);
    await this.redis?.set(storeKey, text);
    return { held, source };
  }
}

export { DataVersion };

/** Redis is outside this process: a value that is not a report (truncated, written by something else) is a miss. */
function parseReport(text: string): ReportResult | null {
  try {
    const value = JSON.parse(text) as Partial<ReportResult> | null;
    return Array.isArray(value?.dimensions) && Array.isArray(value?.measures) && Array.isArray(value?.rows) ? (value as ReportResult) : null;
  } catch {
    return null;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
