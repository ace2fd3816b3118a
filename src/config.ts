export const DEFAULT_DATABASE_URL = 'sqlite:./data/threadline.sqlite';

export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'mysql'; host: string; port: number; user: string; password: string; database: string };

/**
 * Reads a DATABASE_URL: `sqlite:PATH` (`sqlite::memory:` for a throw-away database) or
 * `mysql://user:pass@host:port/db` (MariaDB 10.11 and MySQL 8). Throws with a readable reason.
 */
export function parseDatabaseUrl(url: string | undefined): DatabaseConfig {
  const value = url && url.trim() !== '' ? url.trim() : DEFAULT_DATABASE_URL;
  if (value.startsWith('sqlite:')) {
    const file = value.slice('sqlite:'.length).replace(/^\/\//, '');
    if (file === '') throw new Error(`DATABASE_URL "${value}" names no SQLite file`);
    return { kind: 'sqlite', file };
  }
  if (value.startsWith('mysql://') || value.startsWith('mariadb://')) {
    let parsed: URL;
    try {
      parsed = new URL(value.replace(/^mariadb:/, 'mysql:'));
    } catch {
      throw new Error(`DATABASE_URL "${redact(value)}" is not a valid URL`);
    }
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    if (database === '') throw new Error(`DATABASE_URL "${redact(value)}" names no database`);
    return {
      kind: 'mysql',
      host: parsed.hostname || '127.0.0.1',
      port: parsed.port ? Number(parsed.port) : 3306,
      user: decodeURIComponent(parsed.username || 'root'),
      password: decodeURIComponent(parsed.password),
      database,
    };
  }
  throw new Error(`DATABASE_URL "${redact(value)}" must start with sqlite: or mysql://`);
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
