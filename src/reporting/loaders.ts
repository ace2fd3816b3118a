import DataLoader from 'dataloader';
import { Database } from '../db/database';
import { loadPropertyCatalog, PropertyCatalog } from '../conversations/query/properties';
import { SavedReport } from './saved/config';
import { findReports, findRevisions, ReportRevision } from './saved/store';

/**
 * Per-request lookups of the reporting side, scoped to the caller's account: a dashboard of six
 * reports reads the property catalog once and its saved reports in one query, however many
 * results it runs.
 */
export interface ReportingLoaders {
  catalog(): Promise<PropertyCatalog>;
  savedReports: DataLoader<string, SavedReport | null>;
  /** Revisions by saved report id, newest first. */
  revisions: DataLoader<string, ReportRevision[]>;
}

export function createReportingLoaders(db: Database, accountId: number, dataVersion?: number): ReportingLoaders {
  let catalog: Promise<PropertyCatalog> | null = null;
  return {
    catalog: () => (catalog ??= dataVersion === undefined ? loadPropertyCatalog(db, accountId) : sharedCatalog(db, accountId, dataVersion)),
    savedReports: new DataLoader(async (ids) => {
      const byId = await findReports(db, accountId, ids);
      return ids.map((id) => byId.get(id) ?? null);
    }),
    revisions: new DataLoader(async (ids) => {
      const byReport = await findRevisions(db, accountId, ids);
      return ids.map((id) => byReport.get(id) ?? []);
    }),
  };
}

/**
 * An account's custom properties change only with an import or ingest, which moves its data
 * version on: requests of the same version share one catalog, and a cached report costs no query
 * beyond the request's authentication.
 */
const catalogs = new WeakMap<Database, Map<number, { version: number; catalog: Promise<PropertyCatalog> }>>();

function sharedCatalog(db: Database, accountId: number, version: number): Promise<PropertyCatalog> {
  let byAccount = catalogs.get(db);
  if (!byAccount) catalogs.set(db, (byAccount = new Map()));
  const known = byAccount.get(accountId);
  if (known && known.version === version) return known.catalog;
  const catalog = loadPropertyCatalog(db, accountId);
  // A request that began before the latest import does not displace the newer catalog.
  if (known && known.version > version) return catalog;
  byAccount.set(accountId, { version, catalog });
  catalog.catch(() => byAccount.delete(accountId));
  return catalog;
}
