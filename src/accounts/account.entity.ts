import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const PLANS = ['FREE', 'STARTER', 'PROFESSIONAL', 'ENTERPRISE'] as const;
export type Plan = (typeof PLANS)[number];

/** An account (HubSpot's "portal"): the unit of isolation, and later the sharding key. */
@Entity('accounts')
export class Account {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 12 })
  plan: Plan;

  @Column({ name: 'reporting_addon', type: 'boolean', default: false })
  reportingAddon: boolean;

  @Column({ type: 'varchar', length: 64, default: 'UTC' })
  timezone: string;

  /** Bumped by every import or ingest that changes data: report caches key on it. */
  @Column({ name: 'data_version', type: 'int', default: 0 })
  dataVersion: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
