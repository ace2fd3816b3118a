import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAccount } from '../../src/accounts/accounts';
import { runCli, runCliOnTerminal } from '../support/cli';
import { createTestDatabase, TestDatabase } from '../support/databases';
import { aConversation, toNdjson } from '../support/fixtures';

/** 120 conversations and one bad line: more than the 50 lines after which the import reports progress. */
const CONVERSATIONS = 120;
const FILE = `${toNdjson(Array.from({ length: CONVERSATIONS }, (_, i) => aConversation({ id: `p-${i}` })))}{"id": \n`;

/** Zero or more redrawn progress lines, then the totals; a terminal ends lines with \r\n. */
const PROGRESS = new RegExp(
  '^(\\rImporting: [\\d,]+ lines, [\\d,]+ conversations/s, [01] rejected\\u001b\\[K)*' +
    `\\rRead ${CONVERSATIONS + 1} lines in \\d+\\.\\d s \\([\\d,]+ conversations/s\\), 1 rejected\\u001b\\[K\\r\\n$`,
);

/**
 * Progress of a long import is for a person at a terminal: shown on stderr when it is one, never
 * on stdout (so --json stays one JSON line), never when stderr is a pipe or file, never with --quiet.
 * Progress is an output of the command line only, the same on every store: SQLite is enough here.
 */
describe('threadline import progress', () => {
  let test: TestDatabase;
  let dir: string;
  let file: string;
  let accountId: string;

  beforeAll(async () => {
    test = await createTestDatabase('sqlite');
    accountId = String((await createAccount(test.db, { name: 'Progress', plan: 'PROFESSIONAL' })).id);
    dir = mkdtempSync(join(tmpdir(), 'threadline-progress-'));
    file = join(dir, 'conversations.ndjson');
    writeFileSync(file, FILE);
  });
  afterAll(async () => {
    await test?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the lines, the rate and the rejections on a terminal, ending with the totals; stdout stays one JSON line', async () => {
    const result = await runCliOnTerminal(['import', '--account', accountId, file, '--json'], { databaseUrl: test.url });

    expect(result.status).toBe(0);
    expect(result.terminal).toMatch(PROGRESS);
    expect(result.stdout.indexOf('\n')).toBe(result.stdout.length - 1);
    expect(JSON.parse(result.stdout)).toMatchObject({ imported: CONVERSATIONS, rejected: [{ line: CONVERSATIONS + 1 }] });
  });

  it('leaves the human summary on stdout', async () => {
    const result = await runCliOnTerminal(['import', '--account', accountId, file], { databaseUrl: test.url });

    expect(result.terminal).toMatch(PROGRESS);
    expect(result.stdout).toMatch(new RegExp(`^Imported 0 new, updated 0, unchanged ${CONVERSATIONS}, rejected 1 from ${file}\\.\\n  line ${CONVERSATIONS + 1}: not valid JSON`));
  });

  it('shows nothing with --quiet or -q, even on a terminal', async () => {
    for (const flag of ['--quiet', '-q']) {
      const result = await runCliOnTerminal(['import', flag, '--account', accountId, file, '--json'], { databaseUrl: test.url });
      expect([flag, result.status, result.terminal]).toEqual([flag, 0, '']);
      expect(JSON.parse(result.stdout)).toMatchObject({ unchanged: CONVERSATIONS });
    }
  });

  it('shows nothing when stderr is not a terminal', async () => {
    const result = await runCli(['import', '--account', accountId, file], { databaseUrl: test.url });

    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toMatch(/^Imported 0 new, updated 0, unchanged 120, rejected 1 /);
  });
});
