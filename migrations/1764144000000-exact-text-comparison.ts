import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = [
  'accounts', 'users', 'api_tokens', 'inboxes', 'teams', 'chatflows', 'agents',
  'conversations', 'messages', 'custom_properties', 'conversation_properties',
];

/**
 * MariaDB's utf8mb4_bin is a PAD SPACE collation: 'https://x.com/p' and 'https://x.com/p ' compare
 * equal, so a report grouped them into one row where SQLite, which compares exactly, gave two.
 * NO PAD binary collations compare exactly on both stores: utf8mb4_nopad_bin on MariaDB,
 * utf8mb4_0900_bin on MySQL 8. SQLite needs nothing.
 */
export class ExactTextComparison1764144000000 implements MigrationInterface {
  name = 'ExactTextComparison1764144000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'mysql') return;
    await convertAll(queryRunner, await noPadBinaryCollation(queryRunner));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'mysql') return;
    await convertAll(queryRunner, 'utf8mb4_bin');
  }
}

/** The exact (binary, NO PAD) utf8mb4 collation of this server. */
export async function noPadBinaryCollation(queryRunner: QueryRunner): Promise<string> {
  const [row] = (await queryRunner.query('SELECT VERSION() AS version')) as { version: string }[];
  return /mariadb/i.test(row.version) ? 'utf8mb4_nopad_bin' : 'utf8mb4_0900_bin';
}

async function convertAll(queryRunner: QueryRunner, collation: string): Promise<void> {
  const [row] = (await queryRunner.query('SELECT DATABASE() AS name')) as { name: string }[];
  await queryRunner.query(`ALTER DATABASE \`${row.name.replace(/`/g, '``')}\` CHARACTER SET utf8mb4 COLLATE ${collation}`);
  for (const table of TABLES) await queryRunner.query(`ALTER TABLE ${table} CONVERT TO CHARACTER SET utf8mb4 COLLATE ${collation}`);
}
