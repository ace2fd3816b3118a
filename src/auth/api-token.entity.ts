import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An API token, stored only as its SHA-256 hash. The hash is the key because a request
 * arrives with nothing but the token: this is the one lookup that cannot start with account_id.
 */
@Entity('api_tokens')
export class ApiToken {
  @PrimaryColumn({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'account_id', type: 'int' })
  accountId: number;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;
}
