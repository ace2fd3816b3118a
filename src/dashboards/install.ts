import { setDashboardSource } from '../reporting/service';
import { sourceOnDashboard } from './service';

/**
 * Connects dashboards to reporting, which never imports dashboards: a report run or drill-down that
 * names a dashboard shows the report as that dashboard's tile does. Called once at start-up by the
 * CLI (and so by every server process) and by the test setup.
 */
export function installDashboards(): void {
  setDashboardSource(sourceOnDashboard);
}
