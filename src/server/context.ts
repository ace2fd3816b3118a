import DataLoader from 'dataloader';
import { createMemberLoader, Member } from '../auth/members';
import { viewerFromAuthorization, Viewer } from '../auth/viewer';
import { ConversationLoaders, createConversationLoaders } from '../conversations/loaders';
import { Database } from '../db/database';
import { DashboardItem, findItems } from '../dashboards/store';
import { Unauthenticated } from '../errors';
import { createReportingLoaders, ReportingLoaders } from '../reporting/loaders';

/** What every resolver receives: the database, the caller and per-request DataLoaders. */
export interface Context {
  db: Database;
  viewer: Viewer;
  loaders: ConversationLoaders;
  reporting: ReportingLoaders;
  members: DataLoader<string, Member | null>;
  dashboardItems: DataLoader<string, DashboardItem[]>;
}

/** Every GraphQL request is authenticated, introspection included: `Authorization: Bearer <token>`. */
export async function createContext(db: Database, authorization: string | undefined): Promise<Context> {
  const viewer = await viewerFromAuthorization(db, authorization);
  if (!viewer) throw new Unauthenticated();
  return contextFor(db, viewer);
}

/** The context of a known viewer (also what in-process callers and tests use). */
export function contextFor(db: Database, viewer: Viewer): Context {
  const accountId = viewer.account.id;
  return {
    db,
    viewer,
    loaders: createConversationLoaders(db, accountId),
    reporting: createReportingLoaders(db, accountId, viewer.account.dataVersion),
    members: createMemberLoader(db, accountId),
    dashboardItems: new DataLoader(async (ids) => {
      const byDashboard = await findItems(db, accountId, ids);
      return ids.map((id) => byDashboard.get(id) ?? []);
    }),
  };
}
