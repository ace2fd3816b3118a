import { randomUUID } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A random identity of this database, made once when the table is created: a one-row table
 * `database_identity`. Shared (Redis) report cache keys include it, so a database dropped and
 * created again under the same URL, another deployment whose URL reads the same (`db:3306`), or
 * a test database of the same name never answers with another's cached numbers, though its
 * accounts have the same ids and data versions. The UUID is made here: the SQL for one differs
 * between the stores.
 */
export class DatabaseIdentity1764748800000 implements MigrationInterface {
  name = 'DatabaseIdentity1764748800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = queryRunner.connection.options.type === 'mysql' || queryRunner.connection.options.type === 'mariadb';
    await queryRunner.query(`CREATE TABLE database_identity (
        id INT NOT NULL PRIMARY KEY,
        identity VARCHAR(36) NOT NULL
      )${mysql ? ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4' : ''}`);
    await queryRunner.query('INSERT INTO database_identity (id, identity) VALUES (1, ?)', [randomUUID()]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE database_identity');
  }
}
