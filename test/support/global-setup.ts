import { checkServers } from './servers';

/**
 * Every integration suite runs on SQLite and on MariaDB, and the report cache's tests on Redis.
 * A server that does not answer is named here in one line: under CI the run stops at once;
 * locally each of its tests fails with that line (`npm run test:sqlite` needs neither server).
 */
export default async function globalSetup(): Promise<void> {
  // Servers under test log nothing unless a test captures their lines (test/graphql/logs.test.ts);
  // workers and the CLIs they start inherit this.
  process.env.THREADLINE_LOG_LEVEL ??= 'silent';
  const problems = await checkServers();
  if (problems.length === 0) return;
  if (process.env.CI) throw new Error(problems.join('\n'));
  for (const problem of problems) console.error(`\nthreadline tests: ${problem}; its tests will fail.`);
}
