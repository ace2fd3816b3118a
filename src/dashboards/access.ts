import { actsAsAdmin } from '../auth/rights';
import { Viewer } from '../auth/viewer';
import { assertNever } from '../errors';

/** Who may see and edit a dashboard, as HubSpot's "Manage access" offers it. */
export const PRIVACIES = ['OWNER_AND_ADMINS', 'PRIVATE', 'EVERYONE_VIEW', 'EVERYONE_EDIT', 'SPECIFIC'] as const;
export type Privacy = (typeof PRIVACIES)[number];

export type Access = 'VIEW' | 'EDIT';
export type GranteeType = 'USER' | 'TEAM';

/** One grant of a SPECIFIC dashboard: a user (by user id) or a team (by its external id). */
export interface Share {
  granteeType: GranteeType;
  granteeId: string;
  access: Access;
}

export interface Guarded {
  ownerId: string;
  privacy: Privacy;
  shares: readonly Share[];
}

/**
 * What `viewer` may do with a dashboard, or null when they may not see it. The owner always edits.
 * Admins edit everything except another user's PRIVATE dashboard; members see what is shared
 * with everyone, or with them or their team. An admin calling with a READ token sees what an
 * admin sees but edits only what a member may.
 */
export function accessOf(viewer: Viewer, dashboard: Guarded): Access | null {
  if (dashboard.ownerId === viewer.userId) return 'EDIT';
  const asMember = memberAccess(viewer, dashboard);
  if (viewer.role !== 'ADMIN') return asMember;
  const asAdmin = dashboard.privacy === 'PRIVATE' ? null : 'EDIT';
  if (actsAsAdmin(viewer)) return asAdmin;
  return asMember ?? (asAdmin ? 'VIEW' : null);
}

function memberAccess(viewer: Viewer, dashboard: Guarded): Access | null {
  switch (dashboard.privacy) {
    case 'PRIVATE':
    case 'OWNER_AND_ADMINS':
      return null;
    case 'EVERYONE_VIEW':
      return 'VIEW';
    case 'EVERYONE_EDIT':
      return 'EDIT';
    case 'SPECIFIC': {
      const grants = dashboard.shares.filter(
        (s) => (s.granteeType === 'USER' && s.granteeId === viewer.userId) || (s.granteeType === 'TEAM' && viewer.teamId !== null && s.granteeId === viewer.teamId),
      );
      if (grants.some((s) => s.access === 'EDIT')) return 'EDIT';
      return grants.length > 0 ? 'VIEW' : null;
    }
    default:
      return assertNever(dashboard.privacy);
  }
}

/** Who may change who sees it, and delete it: the owner and admins who can see it. */
export function canManage(viewer: Viewer, dashboard: Guarded): boolean {
  return dashboard.ownerId === viewer.userId || (actsAsAdmin(viewer) && accessOf(viewer, dashboard) === 'EDIT');
}
