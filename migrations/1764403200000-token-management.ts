import { randomUUID } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { noPadBinaryCollation } from './1764144000000-exact-text-comparison';

/**
 * Tokens that can be managed: a public id (what `token list` shows and `token revoke` takes; the
 * secret stays a hash), an optional name, a scope (READ, INGEST or ADMIN), an optional expiry and
 * the time of last use. Users can be deactivated.
 *
 * SQLite cannot add a NOT NULL column without a default, so api_tokens is rebuilt on both stores
 * alike. Existing tokens get ids made here (UUID SQL differs between the stores) and the scope of
 * their user's role: ADMIN for admins, READ for members, who may no longer write conversations.
 */
export class TokenManagement1764403200000 implements MigrationInterface {
  name = 'TokenManagement1764403200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = await types(queryRunner);
    await queryRunner.query(`CREATE TABLE api_tokens_v2 (
        token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
        id VARCHAR(36) NOT NULL,
        account_id ${t.int} NOT NULL,
        user_id VARCHAR(36) NOT NULL,
        name VARCHAR(100) NULL,
        scope VARCHAR(6) NOT NULL,
        created_at ${t.instant} NOT NULL,
        expires_at ${t.instant} NULL,
        last_used_at ${t.instant} NULL,
        revoked_at ${t.instant} NULL
      )${t.tail}`);
    const tokens = (await queryRunner.query(
      `SELECT t.token_hash, u.role FROM api_tokens t LEFT JOIN users u ON u.account_id = t.account_id AND u.id = t.user_id`,
    )) as { token_hash: string; role: string | null }[];
    for (const { token_hash, role } of tokens) {
      await queryRunner.query(
        `INSERT INTO api_tokens_v2 (token_hash, id, account_id, user_id, name, scope, created_at, expires_at, last_used_at, revoked_at)
         SELECT token_hash, ?, account_id, user_id, NULL, ?, created_at, NULL, NULL, revoked_at FROM api_tokens WHERE token_hash = ?`,
        [randomUUID(), role === 'ADMIN' ? 'ADMIN' : 'READ', token_hash],
      );
    }
    await queryRunner.query('DROP TABLE api_tokens');
    await queryRunner.query('ALTER TABLE api_tokens_v2 RENAME TO api_tokens');
    await queryRunner.query('CREATE UNIQUE INDEX ux_api_tokens_id ON api_tokens (id)');
    await queryRunner.query('CREATE INDEX ix_api_tokens_user ON api_tokens (account_id, user_id)');
    await queryRunner.query(`ALTER TABLE users ADD COLUMN deactivated_at ${t.instant} NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = await types(queryRunner);
    await queryRunner.query(`CREATE TABLE api_tokens_v1 (
        token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
        account_id ${t.int} NOT NULL,
        user_id VARCHAR(36) NOT NULL,
        created_at ${t.instant} NOT NULL,
        revoked_at ${t.instant} NULL
      )${t.tail}`);
    // An expired token did not work and must not start working again.
    await queryRunner.query(
      `INSERT INTO api_tokens_v1 (token_hash, account_id, user_id, created_at, revoked_at)
       SELECT token_hash, account_id, user_id, created_at, COALESCE(revoked_at, expires_at) FROM api_tokens`,
    );
    await queryRunner.query('DROP TABLE api_tokens');
    await queryRunner.query('ALTER TABLE api_tokens_v1 RENAME TO api_tokens');
    await queryRunner.query('CREATE INDEX ix_api_tokens_user ON api_tokens (account_id, user_id)');
    await queryRunner.query('ALTER TABLE users DROP COLUMN deactivated_at');
  }
}

async function types(queryRunner: QueryRunner): Promise<{ int: string; instant: string; tail: string }> {
  const mysql = queryRunner.connection.options.type === 'mysql';
  return mysql
    ? { int: 'INT', instant: 'DATETIME(3)', tail: ` ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${await noPadBinaryCollation(queryRunner)}` }
    : { int: 'INTEGER', instant: 'DATETIME', tail: '' };
}
