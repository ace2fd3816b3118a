import { PlanRequired } from '../errors';
import { Plan } from './account.entity';

/** What an account's subscription allows (HubSpot's reporting limits per tier). */
export interface PlanHolder {
  plan: Plan;
  reportingAddon: boolean;
}

/** How many dashboards an account may keep, per plan. */
export const DASHBOARD_LIMITS: Record<Plan, number> = { FREE: 3, STARTER: 10, PROFESSIONAL: 25, ENTERPRISE: 50 };

const EDITING_PLANS: readonly Plan[] = ['PROFESSIONAL', 'ENTERPRISE'];

export function canEditReports(account: PlanHolder): boolean {
  return EDITING_PLANS.includes(account.plan) || account.reportingAddon;
}

/** Why `action` (e.g. "Editing reports") is refused on this plan; null when the plan allows it. */
export function reportEditingRefusal(account: PlanHolder, action: string): string | null {
  if (canEditReports(account)) return null;
  return `${action} needs the PROFESSIONAL or ENTERPRISE plan or the reporting add-on; this account is on ${account.plan} without the add-on.`;
}

/** Editing a report or building a custom one: PROFESSIONAL, ENTERPRISE or the reporting add-on. */
export function requireReportEditing(account: PlanHolder, action: string): void {
  const refusal = reportEditingRefusal(account, action);
  if (refusal) throw new PlanRequired(refusal);
}

/** Sharing a dashboard with specific users and teams: ENTERPRISE only. */
export function requireSpecificSharing(account: PlanHolder): void {
  if (account.plan === 'ENTERPRISE') return;
  throw new PlanRequired(`Sharing a dashboard with specific users and teams (privacy SPECIFIC) needs the ENTERPRISE plan; this account is on ${account.plan}.`);
}

/** One more dashboard must stay within the plan's limit. */
export function requireDashboardRoom(account: PlanHolder, existing: number): void {
  const limit = DASHBOARD_LIMITS[account.plan];
  if (existing < limit) return;
  const next = (['STARTER', 'PROFESSIONAL', 'ENTERPRISE'] as const).find((p) => DASHBOARD_LIMITS[p] > limit);
  const upgrade = next ? ` Upgrade to ${next} for up to ${DASHBOARD_LIMITS[next]}, or delete one.` : ' Delete one to make room.';
  throw new PlanRequired(`The ${account.plan} plan allows ${limit} dashboards and this account has ${existing}.${upgrade}`);
}
