import { Database } from '../db/database';
import { BadInput } from '../errors';
import { parseTimezone } from '../calendar/time';
import { Account, Plan, PLANS } from './account.entity';

export interface NewAccount {
  name: string;
  plan: string;
  reportingAddon?: boolean;
  timezone?: string;
}

export async function createAccount(db: Database, input: NewAccount): Promise<Account> {
  const name = input.name?.trim();
  if (!name) throw new BadInput('name', 'is required');
  if (name.length > 200) throw new BadInput('name', 'must be at most 200 characters');
  if (!(PLANS as readonly string[]).includes(input.plan)) {
    throw new BadInput('plan', `must be one of ${PLANS.join(', ')}, not "${input.plan}"`);
  }
  const timezone = parseTimezone(input.timezone ?? 'UTC', 'timezone');
  const repo = db.dataSource.getRepository(Account);
  return repo.save(
    repo.create({ name, plan: input.plan as Plan, reportingAddon: input.reportingAddon ?? false, timezone, dataVersion: 0, createdAt: new Date() }),
  );
}

export async function findAccount(db: Database, id: string | number): Promise<Account | null> {
  const numeric = typeof id === 'number' ? id : /^\d{1,9}$/.test(id) ? Number(id) : NaN;
  if (!Number.isSafeInteger(numeric)) return null;
  return db.dataSource.getRepository(Account).findOneBy({ id: numeric });
}
