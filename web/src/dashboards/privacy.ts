import type { DashboardPrivacy } from '../gql/graphql';

export const PRIVACY_LABELS: Record<DashboardPrivacy, string> = {
  EVERYONE_VIEW: 'Everyone can view',
  EVERYONE_EDIT: 'Everyone can view and edit',
  OWNER_AND_ADMINS: 'Only me and admins',
  PRIVATE: 'Private to me',
  SPECIFIC: 'Specific users and teams',
};
