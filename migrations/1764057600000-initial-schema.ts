import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first schema. Hand-written per dialect (no `synchronize`). Every table that holds account
 * data has account_id leading its primary key and every index: one account is the unit of
 * isolation now and the sharding key later. No foreign keys: sharded MySQL-compatible stores
 * (Vitess, TiDB) do not enforce them across shards; the writers keep references consistent.
 * MariaDB: DATETIME(3) holds UTC instants (the connection uses timezone "Z"); utf8mb4_bin makes
 * equality exact and case-sensitive, as it is in SQLite.
 */
export class InitialSchema1764057600000 implements MigrationInterface {
  name = 'InitialSchema1764057600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = queryRunner.connection.options.type === 'mysql';
    const t = mysql ? MYSQL_TYPES : SQLITE_TYPES;
    const tail = mysql ? ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin' : '';
    const statements = [
      `CREATE TABLE accounts (
        id ${t.autoId},
        name ${t.str(200)} NOT NULL,
        plan ${t.str(12)} NOT NULL,
        reporting_addon ${t.bool} NOT NULL DEFAULT 0,
        timezone ${t.str(64)} NOT NULL DEFAULT 'UTC',
        data_version ${t.int} NOT NULL DEFAULT 0,
        created_at ${t.instant} NOT NULL
      )${tail}`,
      `CREATE TABLE users (
        account_id ${t.int} NOT NULL,
        id ${t.str(36)} NOT NULL,
        email ${t.str(254)} NOT NULL,
        name ${t.str(200)} NULL,
        role ${t.str(10)} NOT NULL,
        team_id ${t.str(191)} NULL,
        created_at ${t.instant} NOT NULL,
        PRIMARY KEY (account_id, id)
      )${tail}`,
      `CREATE UNIQUE INDEX ux_users_email ON users (account_id, email)`,
      `CREATE TABLE api_tokens (
        token_hash ${t.str(64)} NOT NULL PRIMARY KEY,
        account_id ${t.int} NOT NULL,
        user_id ${t.str(36)} NOT NULL,
        created_at ${t.instant} NOT NULL,
        revoked_at ${t.instant} NULL
      )${tail}`,
      `CREATE INDEX ix_api_tokens_user ON api_tokens (account_id, user_id)`,
      ...['inboxes', 'teams', 'chatflows', 'agents'].map(
        (table) => `CREATE TABLE ${table} (
        account_id ${t.int} NOT NULL,
        external_id ${t.str(191)} NOT NULL,
        name ${t.str(200)} NOT NULL,${table === 'agents' ? `\n        email ${t.str(254)} NULL,` : ''}
        PRIMARY KEY (account_id, external_id)
      )${tail}`,
      ),
      `CREATE TABLE conversations (
        account_id ${t.int} NOT NULL,
        external_id ${t.str(191)} NOT NULL,
        channel ${t.str(5)} NOT NULL,
        status ${t.str(6)} NOT NULL,
        inbox_id ${t.str(191)} NOT NULL,
        assignee_id ${t.str(191)} NULL,
        team_id ${t.str(191)} NULL,
        chatflow_id ${t.str(191)} NULL,
        page_url ${t.str(2048)} NULL,
        subject ${t.str(1000)} NULL,
        contact_email ${t.str(254)} NULL,
        contact_name ${t.str(200)} NULL,
        created_at ${t.instant} NOT NULL,
        closed_at ${t.instant} NULL,
        first_response_at ${t.instant} NULL,
        first_response_ms ${t.bigint} NULL,
        time_to_close_ms ${t.bigint} NULL,
        message_count ${t.int} NOT NULL DEFAULT 0,
        content_hash ${t.str(40)} NOT NULL,
        updated_at ${t.instant} NOT NULL,
        PRIMARY KEY (account_id, external_id)
      )${tail}`,
      // Reports select by channel and a date property; the conversation list pages by created_at.
      `CREATE INDEX ix_conversations_created ON conversations (account_id, channel, created_at)`,
      `CREATE INDEX ix_conversations_closed ON conversations (account_id, channel, closed_at)`,
      `CREATE INDEX ix_conversations_list ON conversations (account_id, created_at, external_id)`,
      `CREATE TABLE messages (
        account_id ${t.int} NOT NULL,
        conversation_id ${t.str(191)} NOT NULL,
        position ${t.int} NOT NULL,
        external_id ${t.str(191)} NULL,
        sender ${t.str(7)} NOT NULL,
        agent_id ${t.str(191)} NULL,
        sent_at ${t.instant} NOT NULL,
        PRIMARY KEY (account_id, conversation_id, position)
      )${tail}`,
      `CREATE TABLE custom_properties (
        account_id ${t.int} NOT NULL,
        name ${t.str(64)} NOT NULL,
        type ${t.str(7)} NOT NULL,
        PRIMARY KEY (account_id, name)
      )${tail}`,
      `CREATE TABLE conversation_properties (
        account_id ${t.int} NOT NULL,
        conversation_id ${t.str(191)} NOT NULL,
        name ${t.str(64)} NOT NULL,
        value_text ${t.str(1000)} NOT NULL,
        value_number ${t.double} NULL,
        PRIMARY KEY (account_id, conversation_id, name)
      )${tail}`,
      `CREATE INDEX ix_conversation_properties_name ON conversation_properties (account_id, name, conversation_id)`,
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'conversation_properties',
      'custom_properties',
      'messages',
      'conversations',
      'agents',
      'chatflows',
      'teams',
      'inboxes',
      'api_tokens',
      'users',
      'accounts',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}

const MYSQL_TYPES = {
  autoId: 'INT NOT NULL AUTO_INCREMENT PRIMARY KEY',
  int: 'INT',
  bigint: 'BIGINT',
  double: 'DOUBLE',
  bool: 'TINYINT(1)',
  instant: 'DATETIME(3)',
  str: (n: number) => `VARCHAR(${n})`,
};

const SQLITE_TYPES = {
  autoId: 'INTEGER PRIMARY KEY AUTOINCREMENT',
  int: 'INTEGER',
  bigint: 'INTEGER',
  double: 'REAL',
  bool: 'INTEGER',
  // TypeORM's sqlite driver stores datetimes as 'YYYY-MM-DD HH:MM:SS.SSS' text in UTC.
  instant: 'DATETIME',
  str: (n: number) => `VARCHAR(${n})`,
};
