import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAccount } from '../../src/accounts/accounts';
import { createUser } from '../../src/auth/users';
import { freePort, startCli } from '../support/cli';
import { createTestDatabase, TestDatabase } from '../support/databases';

const definition = (id: string, dimension: string) => ({
  id, title: id, description: `Emails by ${dimension}.`, channel: 'EMAIL', measures: ['count'], dimensions: [dimension], dateProperty: 'createdAt', defaultChartType: 'BAR',
});

/**
 * A plugin author's view: reports from a folder and from an npm package named in
 * THREADLINE_PLUGINS appear in the running server's catalog and run; a broken one is named on
 * stderr and the rest still serve.
 */
describe('report plugins named in THREADLINE_PLUGINS', () => {
  let test: TestDatabase;
  let work: string;

  beforeAll(async () => {
    test = await createTestDatabase('sqlite');
    work = mkdtempSync(join(tmpdir(), 'threadline-plugins-'));
    mkdirSync(join(work, 'my-reports'));
    writeFileSync(join(work, 'my-reports', 'by-team.js'), `module.exports = ${JSON.stringify(definition('email-volume-by-team', 'team'))};\n`);
    writeFileSync(join(work, 'my-reports', 'broken.js'), `module.exports = ${JSON.stringify({ ...definition('broken-report', 'team'), measures: ['nonsense'] })};\n`);
    // A measure over a text property, and a good one in the same module: only the broken one is left out.
    writeFileSync(
      join(work, 'my-reports', 'measures.js'),
      `exports.measures = ${JSON.stringify([
        { key: 'avgSubject', label: 'Average subject', unit: 'NUMBER', kind: 'avg', property: 'subject' },
        { key: 'maxMessages', label: 'Most messages', unit: 'NUMBER', kind: 'max', property: 'messageCount' },
      ])};\n`,
    );
    mkdirSync(join(work, 'node_modules', 'acme-threadline-reports'), { recursive: true });
    writeFileSync(join(work, 'node_modules', 'acme-threadline-reports', 'index.js'), `exports.default = [${JSON.stringify(definition('email-volume-by-subject', 'subject'))}];\n`);
  });

  afterAll(async () => {
    await test.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('loads folders and packages, leaves a broken plugin out by name, and runs the added reports', async () => {
    const account = await createAccount(test.db, { name: 'Plugins', plan: 'FREE' });
    const { token } = await createUser(test.db, account, { email: 'author@example.com' });
    const port = await freePort();
    const server = await startCli(['serve', '--json', '--port', String(port)], {
      databaseUrl: test.url,
      cwd: work,
      env: { THREADLINE_PLUGINS: './my-reports, acme-threadline-reports', THREADLINE_LOG_LEVEL: 'warn', THREADLINE_LOG_FORMAT: 'pretty' },
    });
    try {
      const { url } = JSON.parse(server.firstLine) as { url: string };
      const post = async (query: string) =>
        (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) })).json()) as {
          data: Record<string, unknown>;
        };
      const { data } = await post('{ reportDefinitions(channel: EMAIL) { id } }');
      const ids = (data.reportDefinitions as { id: string }[]).map((d) => d.id);
      expect(ids).toEqual(expect.arrayContaining(['email-volume-by-team', 'email-volume-by-subject', 'email-volume-over-time']));
      expect(ids).not.toContain('broken-report');
      const run = await post('{ runReport(input: { definitionId: "email-volume-by-subject" }) { dimensions { key } rows { measureValues } } }');
      expect(run.data.runReport).toEqual({ dimensions: [{ key: 'subject' }], rows: [] });
      const measures = await post('{ reportMeasures { key unit } }');
      expect((measures.data.reportMeasures as { key: string }[]).slice(9)).toEqual([{ key: 'maxMessages', unit: 'NUMBER' }]);
    } finally {
      const result = await server.stop();
      expect(result.stderr).toContain(`report plugin broken-report (${join(work, 'my-reports', 'broken.js')}) not loaded: unknown measure "nonsense"`);
      expect(result.stderr).toContain(`report plugin avgSubject (${join(work, 'my-reports', 'measures.js')}) not loaded: measure: property must be a number or duration property`);
    }
  });
});
