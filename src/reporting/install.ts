import { setBeforeReplace } from '../conversations/writer';
import { updateRollups } from './engine/rollup/maintain';

/**
 * Connects reporting to the layers below it, which never import reporting: every conversation write
 * keeps the report rollups current in its own transaction. Called once at start-up by the CLI (and so
 * by every server process), by the test setup and by the benchmarks.
 */
export function installReporting(): void {
  setBeforeReplace(updateRollups);
}
