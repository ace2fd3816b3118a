import { InitialSchema1764057600000 } from './1764057600000-initial-schema';
import { ExactTextComparison1764144000000 } from './1764144000000-exact-text-comparison';
import { ReportRollups1764230400000 } from './1764230400000-report-rollups';
import { DashboardsAndSavedReports1764316800000 } from './1764316800000-dashboards-and-saved-reports';
import { TokenManagement1764403200000 } from './1764403200000-token-management';
import { SavedReportPrivacy1764489600000 } from './1764489600000-saved-report-privacy';
import { DatabaseIdentity1764748800000 } from './1764748800000-database-identity';
import { PageUrlPath1764835200000 } from './1764835200000-page-url-path';
import { CoveringReportIndexes1765094400000 } from './1765094400000-covering-report-indexes';

/** Every migration, in the order they apply (TypeORM sorts them by timestamp). Add new ones at the end. */
export const MIGRATIONS = [
  InitialSchema1764057600000,
  ExactTextComparison1764144000000,
  ReportRollups1764230400000,
  DashboardsAndSavedReports1764316800000,
  TokenManagement1764403200000,
  SavedReportPrivacy1764489600000,
  DatabaseIdentity1764748800000,
  PageUrlPath1764835200000,
  CoveringReportIndexes1765094400000,
];
