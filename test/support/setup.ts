import { installReporting } from '../../src/reporting/install';

// Every test file runs like a CLI or server process: conversation writes keep the report rollups.
installReporting();
