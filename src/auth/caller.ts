import { Database } from '../db/database';
import { Viewer } from './viewer';

/**
 * Whom a domain service acts for: the database and the authenticated viewer, whose account scopes
 * every read and write. Services take this (or a domain's extension of it), never the GraphQL
 * request context: the server's context is one (src/server/context.ts), and so is whatever an
 * in-process caller such as the CLI builds.
 */
export interface Caller {
  db: Database;
  viewer: Viewer;
}
