import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAccount } from '../../src/accounts/accounts';
import { runCli } from '../support/cli';
import { createTestDatabase, TestDatabase } from '../support/databases';
import { aConversation } from '../support/fixtures';

/**
 * 1,000 lines, every seventh one bad in a different way and every thirteenth blank: parsed on
 * worker threads, they span several chunks per thread, which come back in file order.
 */
const LINES = Array.from({ length: 1000 }, (_, i) => {
  const n = i + 1;
  if (n % 13 === 0) return '';
  if (n % 7 === 0) return n % 2 === 0 ? `{"id": "c-${n}", ` : JSON.stringify(aConversation({ id: `c-${n}`, channel: 'SMS' }));
  return JSON.stringify(aConversation({ id: `c-${n}`, subject: `line ${n}` }));
});
const BAD = LINES.map((text, i) => ({ text, line: i + 1 })).filter(({ line }) => line % 7 === 0 && line % 13 !== 0).map(({ line }) => line);

describe('threadline import on parser threads', () => {
  let test: TestDatabase;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    test = await createTestDatabase('sqlite');
    dir = mkdtempSync(join(tmpdir(), 'threadline-import-threads-'));
    file = join(dir, 'conversations.ndjson');
    writeFileSync(file, `${LINES.join('\n')}\n`);
  });
  afterAll(async () => {
    await test?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reports the same rejections, by line, and stores the same conversations as parsing on the main thread', async () => {
    const results = [];
    for (const threads of ['3', '0']) {
      const account = String((await createAccount(test.db, { name: `Threads ${threads}`, plan: 'PROFESSIONAL' })).id);
      const result = await runCli(['import', '--account', account, file, '--json'], { databaseUrl: test.url, env: { THREADLINE_IMPORT_THREADS: threads } });
      expect(result.status).toBe(0);
      const stored = await test.db.query<{ external_id: string; subject: string }>('SELECT external_id, subject FROM conversations WHERE account_id = ? ORDER BY external_id', [Number(account)]);
      results.push({ report: JSON.parse(result.stdout) as { imported: number; rejected: { line: number }[] }, stored });
    }
    const [threaded, single] = results;
    expect(threaded.report.rejected.map((r) => r.line)).toEqual(BAD);
    expect(threaded.report.imported).toBe(LINES.filter((l) => l !== '').length - BAD.length);
    expect(threaded).toEqual(single);
  });

  it('refuses a THREADLINE_IMPORT_THREADS that is not a number of threads', async () => {
    const account = String((await createAccount(test.db, { name: 'Threads bad', plan: 'PROFESSIONAL' })).id);
    const result = await runCli(['import', '--account', account, file, '--json'], { databaseUrl: test.url, env: { THREADLINE_IMPORT_THREADS: 'many' } });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('THREADLINE_IMPORT_THREADS must be an integer from 0 to 64');
  });
});
