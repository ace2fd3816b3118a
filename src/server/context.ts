import { viewerFromAuthorization, Viewer } from '../auth/viewer';
import { ConversationLoaders, createConversationLoaders } from '../conversations/loaders';
import { Database } from '../db/database';
import { Unauthenticated } from '../errors';

/** What every resolver receives: the database, the caller and per-request DataLoaders. */
export interface Context {
  db: Database;
  viewer: Viewer;
  loaders: ConversationLoaders;
}

/** Every GraphQL request is authenticated, introspection included: `Authorization: Bearer <token>`. */
export async function createContext(db: Database, authorization: string | undefined): Promise<Context> {
  const viewer = await viewerFromAuthorization(db, authorization);
  if (!viewer) throw new Unauthenticated();
  return contextFor(db, viewer);
}

/** The context of a known viewer (also what in-process callers and tests use). */
export function contextFor(db: Database, viewer: Viewer): Context {
  return { db, viewer, loaders: createConversationLoaders(db, viewer.account.id) };
}
