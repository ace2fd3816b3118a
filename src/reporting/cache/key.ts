import { createHash, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { Database } from '../../db/database';
import { ReportSpec } from '../engine/spec';

/**
 * What makes two report runs the same: the compiled spec (validated and normalised, so two inputs
 * that mean the same thing share a key), the account's data version (every import or ingest that
 * changes data bumps it, so a new version is a new key and nothing is ever invalidated by hand),
 * and the database the numbers come from (one Redis or one test process may serve several).
 */

/** Bump when the shape or meaning of a cached result changes: entries of the old code are then never read. */
const RESULT_FORMAT = 2;

/** `threadline:report:v2:<account>:<data version>:<sha256 of the rest>`; the account and version stay readable for debugging. */
export function reportCacheKey(db: Database, spec: ReportSpec, dataVersion: number): string {
  const material = stableJson({
    database: databaseIdentity(db),
    accountId: spec.accountId,
    channel: spec.channel,
    measures: spec.measures,
    dimensions: spec.dimensions.map((d) => ({
      kind: d.kind,
      granularity: d.kind === 'time' ? d.granularity : null,
      ranges: d.kind === 'range' ? d.ranges : null,
      property: { key: d.property.key, type: d.property.type, column: d.property.column ?? null, customName: d.property.customName ?? null },
    })),
    dateColumn: spec.dateColumn,
    range: spec.range,
    timezone: spec.timezone,
    filters: spec.filters,
  });
  const digest = createHash('sha256').update(material).digest('hex');
  return `threadline:report:v${RESULT_FORMAT}:${spec.accountId}:${dataVersion}:${digest}`;
}

/** JSON with object keys sorted, so equal values give equal text whatever order they were built in. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return typeof v === 'bigint' ? v.toString() : v;
    return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

const identities = new WeakMap<Database, string>();

/** Where the data lives, without credentials; an in-memory SQLite database is its own and nobody else's. */
function databaseIdentity(db: Database): string {
  let identity = identities.get(db);
  if (identity === undefined) {
    const config = db.config;
    if (config.kind === 'mysql') identity = `mysql://${config.user}@${config.host}:${config.port}/${config.database}`;
    else identity = config.file === ':memory:' ? `sqlite::memory:${randomUUID()}` : `sqlite:${resolve(config.file)}`;
    identities.set(db, identity);
  }
  return identity;
}
