import { Column, Entity, PrimaryColumn } from 'typeorm';

export const ROLES = ['ADMIN', 'MEMBER'] as const;
export type Role = (typeof ROLES)[number];

/** A team member who can call the API. */
@Entity('users')
export class User {
  @PrimaryColumn({ name: 'account_id', type: 'int' })
  accountId: number;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name: string | null;

  @Column({ type: 'varchar', length: 10 })
  role: Role;

  /** External id of the user's team (teams.external_id), if any. */
  @Column({ name: 'team_id', type: 'varchar', length: 191, nullable: true })
  teamId: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  /** Set when an admin deactivates the user: their tokens are revoked and they cannot sign in again. */
  @Column({ name: 'deactivated_at', type: 'datetime', precision: 3, nullable: true })
  deactivatedAt: Date | null;
}
