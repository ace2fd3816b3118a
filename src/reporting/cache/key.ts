import { createHash } from 'node:crypto';
import { ReportSpec } from '../engine/spec';

/**
 * What makes two report runs the same: the compiled spec (validated and normalised, so two inputs
 * that mean the same thing share a key), the account's data version (every import or ingest that
 * changes data bumps it, so a new version is a new key and nothing is ever invalidated by hand),
 * and the database the numbers come from: its random identity (table `database_identity`, made by
 * a migration), never its URL, so one Redis serving several databases, or a database dropped and
 * created again under the same URL, never mixes their numbers up.
 */

/** Bump when the shape or meaning of a cached result changes: entries of the old code are then never read. */
const RESULT_FORMAT = 3;

/**
 * `threadline:report:v3:<database identity>:<account>:<data version>:<sha256 of the rest>`; the
 * identity, account and version stay readable for debugging.
 */
export function reportCacheKey(databaseIdentity: string, spec: ReportSpec, dataVersion: number): string {
  const material = stableJson({
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
  return `threadline:report:v${RESULT_FORMAT}:${databaseIdentity}:${spec.accountId}:${dataVersion}:${digest}`;
}

/** JSON with object keys sorted, so equal values give equal text whatever order they were built in. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return typeof v === 'bigint' ? v.toString() : v;
    return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}
