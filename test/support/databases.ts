import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { Database, openDatabase, OpenOptions } from '../../src/db/database';
import { mysqlAdminUrl, requireServer, TEST_SERVERS } from './servers';

export type DialectName = 'sqlite' | 'mysql';

/** The stores every integration test runs on: both, or SQLite alone when MariaDB is not among TEST_SERVERS. */
export const DIALECTS: readonly DialectName[] = TEST_SERVERS.has('mariadb') ? ['sqlite', 'mysql'] : ['sqlite'];

export interface TestDatabase {
  /** The DATABASE_URL of this throw-away database (for the CLI and servers). */
  url: string;
  db: Database;
  /** Closes the connection and drops the database. */
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own: a temp SQLite file, or `threadline_test_<random>` on MariaDB. */
export async function createTestDatabase(dialect: DialectName, options: OpenOptions = {}): Promise<TestDatabase> {
  const name = `threadline_test_${randomBytes(6).toString('hex')}`;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'threadline-'));
    const url = `sqlite:${join(dir, `${name}.sqlite`)}`;
    const db = await openDatabase(url, options);
    return { url, db, drop: async () => { await db.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  requireServer('mariadb');
  const admin = new URL(mysqlAdminUrl());
  admin.pathname = `/${name}`;
  const url = admin.toString();
  const db = await openDatabase(url, options);
  return {
    url,
    db,
    drop: async () => {
      await db.close();
      const connection = await createConnection({ host: admin.hostname, port: Number(admin.port || 3306), user: decodeURIComponent(admin.username), password: decodeURIComponent(admin.password) });
      try {
        await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await connection.end();
      }
    },
  };
}
