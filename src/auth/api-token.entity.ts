import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Scope } from './rights';

/**
 * An API token, stored only as its SHA-256 hash. The hash is the key because a request
 * arrives with nothing but the token: this is the one lookup that cannot start with account_id.
 * `id` is the token's public name: what lists show and revocation takes.
 */
@Entity('api_tokens')
export class ApiToken {
  @PrimaryColumn({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'account_id', type: 'int' })
  accountId: number;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  name: string | null;

  @Column({ type: 'varchar', length: 6 })
  scope: Scope;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3, nullable: true })
  expiresAt: Date | null;

  /** Written at most about once a minute per token and server process (see viewer.ts). */
  @Column({ name: 'last_used_at', type: 'datetime', precision: 3, nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;
}
