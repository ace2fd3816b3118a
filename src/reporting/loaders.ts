import DataLoader from 'dataloader';
import { Database } from '../db/database';
import { loadPropertyCatalog, PropertyCatalog } from './properties';
import { SavedReport } from './saved/config';
import { findReports } from './saved/store';

/**
 * Per-request lookups of the reporting side, scoped to the caller's account: a dashboard of six
 * reports reads the property catalog once and its saved reports in one query, however many
 * results it runs.
 */
export interface ReportingLoaders {
  catalog(): Promise<PropertyCatalog>;
  savedReports: DataLoader<string, SavedReport | null>;
}

export function createReportingLoaders(db: Database, accountId: number): ReportingLoaders {
  let catalog: Promise<PropertyCatalog> | null = null;
  return {
    catalog: () => (catalog ??= loadPropertyCatalog(db, accountId)),
    savedReports: new DataLoader(async (ids) => {
      const byId = await findReports(db, accountId, ids);
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
