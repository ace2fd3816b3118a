import { installDashboards } from '../../src/dashboards/install';
import { installReporting } from '../../src/reporting/install';

// Every test file runs like a CLI or server process: conversation writes keep the report rollups,
// and report runs can name a dashboard.
installReporting();
installDashboards();
