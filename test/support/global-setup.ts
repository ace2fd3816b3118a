import { createConnection } from 'mysql2/promise';
import { mysqlAdminUrl } from './databases';

/**
 * Every integration suite runs on SQLite and on MariaDB. Under CI a missing MariaDB fails the run
 * here; locally it is reported loudly once, and each MariaDB test then fails with the reason.
 */
export default async function globalSetup(): Promise<void> {
  const url = new URL(mysqlAdminUrl());
  try {
    const connection = await createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password), connectTimeout: 5000 });
    await connection.end();
  } catch (error) {
    const reason = `MariaDB is not reachable at ${url.host} (${(error as Error).message}). Start it (see README: Testing) or set TEST_MYSQL_URL.`;
    if (process.env.CI) throw new Error(reason);
    console.error(`\n${'!'.repeat(100)}\n!! ${reason}\n!! Every MariaDB test will fail.\n${'!'.repeat(100)}\n`);
  }
}
