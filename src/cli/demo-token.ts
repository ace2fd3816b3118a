import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { findTokenBySecret, issueToken, revokeUserTokens, statusOf, TokenHolder } from '../auth/api-tokens';
import { DatabaseConfig } from '../config';
import { announceChange } from '../db/changes';
import { Database } from '../db/database';

/** The name of the tokens `start` issues: it revokes its earlier ones when it issues a new one. */
export const START_TOKEN_NAME = 'threadline start';

/**
 * The token `start` prints for `user`: the one it kept in `file` while that still works (so
 * restarts do not pile up tokens), else a new one, with start's earlier tokens revoked.
 */
export async function demoToken(db: Database, user: TokenHolder, file: string | null, log: (line: string) => void): Promise<{ token: string; tokenFile: string | null }> {
  const saved = await savedToken(db, file, user);
  if (saved) return { token: saved, tokenFile: file };
  const { token, info } = await issueToken(db, user, { name: START_TOKEN_NAME });
  await revokeUserTokens(db, user.accountId, user.id, new Date(), { name: START_TOKEN_NAME, except: info.id });
  await announceChange(db, user.accountId);
  return { token, tokenFile: saveToken(file, token, log) };
}

/**
 * Where start keeps its token: next to the SQLite file (data/threadline.demo-token for the
 * default), or for MySQL in ./data under a name made of the server and database.
 */
export function demoTokenFile(config: DatabaseConfig): string | null {
  if (config.kind === 'sqlite') {
    return config.file === ':memory:' ? null : join(dirname(config.file), `${basename(config.file, extname(config.file))}.demo-token`);
  }
  return join('data', `${`mysql-${config.host}-${config.port}-${config.database}`.replace(/[^\w.-]+/g, '_')}.demo-token`);
}

/** The token start saved earlier, if it still works for `user`. */
async function savedToken(db: Database, file: string | null, user: TokenHolder): Promise<string | null> {
  let token: string;
  try {
    token = file ? readFileSync(file, 'utf8').trim() : '';
  } catch {
    return null;
  }
  if (!token) return null;
  const info = await findTokenBySecret(db, token);
  return info && info.accountId === user.accountId && info.userId === user.id && statusOf(info) === 'ACTIVE' ? token : null;
}

/** Keeps the token for the next start, readable by this OS user only; a failure only costs reuse. */
export function saveToken(file: string | null, token: string, log: (line: string) => void): string | null {
  if (!file) return null;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${token}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
    return file;
  } catch (error) {
    log(`Could not keep the token in ${file} (${(error as Error).message}): the next start issues a new one.`);
    return null;
  }
}
