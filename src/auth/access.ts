import DataLoader from 'dataloader';
import { Member } from './members';
import { actsAsAdmin } from './rights';
import { Viewer } from './viewer';
import { assertNever, BadInput, Forbidden } from '../errors';

/**
 * Who may see and change dashboards and saved reports: every privacy decision of both is made
 * here, by `accessOf`.
 */

/** Who may see and edit a dashboard, as HubSpot's "Manage access" offers it. */
export const PRIVACIES = ['OWNER_AND_ADMINS', 'PRIVATE', 'EVERYONE_VIEW', 'EVERYONE_EDIT', 'SPECIFIC'] as const;
export type Privacy = (typeof PRIVACIES)[number];

/** Who may see a saved report: everyone in the account, or its owner (admins view it too). */
export const REPORT_PRIVACIES = ['EVERYONE', 'PRIVATE'] as const;
export type ReportPrivacy = (typeof REPORT_PRIVACIES)[number];

export type Access = 'VIEW' | 'EDIT';
export type GranteeType = 'USER' | 'TEAM';

/** One grant of a SPECIFIC dashboard: a user (by user id) or a team (by its external id). */
export interface Share {
  granteeType: GranteeType;
  granteeId: string;
  access: Access;
}

/** A dashboard, or a saved report seen through `asGuarded`. */
export interface Guarded {
  ownerId: string;
  privacy: Privacy;
  shares: readonly Share[];
}

/**
 * What `viewer` may do with a dashboard or saved report, or null when they may not see it. The
 * owner always edits. Admins view everything of their account (HubSpot's super-admin rule) and
 * edit everything except another user's PRIVATE object; members see what is shared with
 * everyone, or with them or their team. An admin calling with a READ token sees what an admin
 * sees but changes only what a member may.
 */
export function accessOf(viewer: Viewer, object: Guarded): Access | null {
  if (object.ownerId === viewer.userId) return 'EDIT';
  const asMember = memberAccess(viewer, object);
  if (viewer.role !== 'ADMIN') return asMember;
  const asAdmin = object.privacy === 'PRIVATE' ? 'VIEW' : 'EDIT';
  if (actsAsAdmin(viewer)) return asAdmin;
  return asMember ?? 'VIEW';
}

function memberAccess(viewer: Viewer, object: Guarded): Access | null {
  switch (object.privacy) {
    case 'PRIVATE':
    case 'OWNER_AND_ADMINS':
      return null;
    case 'EVERYONE_VIEW':
      return 'VIEW';
    case 'EVERYONE_EDIT':
      return 'EDIT';
    case 'SPECIFIC': {
      const grants = object.shares.filter(
        (s) => (s.granteeType === 'USER' && s.granteeId === viewer.userId) || (s.granteeType === 'TEAM' && viewer.teamId !== null && s.granteeId === viewer.teamId),
      );
      if (grants.some((s) => s.access === 'EDIT')) return 'EDIT';
      return grants.length > 0 ? 'VIEW' : null;
    }
    default:
      return assertNever(object.privacy);
  }
}

/**
 * A saved report in a dashboard's terms: EVERYONE is viewed by every member and edited by its
 * owner and admins (as EVERYONE_VIEW); PRIVATE is its owner's, admins viewing (as PRIVATE).
 */
export function asGuarded(report: { ownerId: string; privacy: ReportPrivacy }): Guarded {
  switch (report.privacy) {
    case 'EVERYONE':
      return { ownerId: report.ownerId, privacy: 'EVERYONE_VIEW', shares: [] };
    case 'PRIVATE':
      return { ownerId: report.ownerId, privacy: 'PRIVATE', shares: [] };
    default:
      return assertNever(report.privacy);
  }
}

/** Who may change who sees it, and delete it: the owner and admins (with an ADMIN token) who may edit it. */
export function canManage(viewer: Viewer, object: Guarded): boolean {
  return object.ownerId === viewer.userId || (actsAsAdmin(viewer) && accessOf(viewer, object) === 'EDIT');
}

/**
 * The privacy of a report saved by editing it on a dashboard: a copy made on a dashboard not
 * shared with everyone is private to its owner, so it cannot be listed or run by those who may
 * not see the dashboard. Viewers of the dashboard still see it there.
 */
export function privacyOfCopyOn(dashboard: Privacy): ReportPrivacy {
  switch (dashboard) {
    case 'EVERYONE_VIEW':
    case 'EVERYONE_EDIT':
      return 'EVERYONE';
    case 'PRIVATE':
    case 'OWNER_AND_ADMINS':
    case 'SPECIFIC':
      return 'PRIVATE';
    default:
      return assertNever(dashboard);
  }
}

/**
 * Whether `viewer` may put a saved report on a dashboard, which shows it to everyone who sees the
 * dashboard: any report they see that is shared with everyone, and a private one only if they
 * may change it (its owner). An admin views others' private reports but may not pass them on.
 */
export function mayPlaceOnDashboard(viewer: Viewer, report: { ownerId: string; privacy: ReportPrivacy }): boolean {
  const access = accessOf(viewer, asGuarded(report));
  return report.privacy === 'EVERYONE' ? access !== null : access === 'EDIT';
}

/** Reassigning the owner of a dashboard or report (say, of someone who left) is for admins (with an ADMIN token). */
export function requireOwnerReassigning(viewer: Viewer, what: 'dashboard' | 'report'): void {
  if (!actsAsAdmin(viewer)) throw new Forbidden(`Only an admin may reassign the owner of a ${what}${viewer.role === 'ADMIN' ? ', with an ADMIN-scoped token' : ''}.`);
}

/** The new owner must be a user of the account (`members` is the request's loader, scoped to it). */
export async function requireNewOwner(members: DataLoader<string, Member | null>, ownerId: string): Promise<void> {
  if (!(await members.load(ownerId))) throw new BadInput('ownerId', `no user ${JSON.stringify(ownerId)} in this account`);
}
